"""Search in chromium without JavaScript, with the API stopped, and the suggestion combobox.

The portal and a department are rendered by the real themes and served by
serve_sites' server; the search API (with its HTML results page, a best bet and
query statistics) runs on another loopback port. The suggestion route belongs
to the search backend work; here the browser answers /api/suggest itself
(page.route) with the documented shape, so only the combobox is tested.
"""

import dataclasses
import json
import re
import shutil
import threading

import pytest

from search.api import SearchAPI, serve
from search.backends import get_backend
from search.best_bets import BestBets
from search.indexing import update_site
from search.sites import SitesDirectory
from search.stats import QueryStats, top_queries
from tests.browser.conftest import NAMES, _free_port

from .conftest import corpus_records

pytestmark = pytest.mark.browser
SHOTS = None  # set to a folder path to keep screenshots while developing


@pytest.fixture(scope="module")
def sites_and_api(tmp_path_factory):
    from build.render import render_site
    from build.siteconfig import load_site_config
    from cms.publishing.management.commands.serve_sites import make_server
    from tests.build.sample_records import site_records

    static_port, api_port = _free_port(), _free_port()
    root = f"http://127.0.0.1:{static_port}"
    api_url = f"http://127.0.0.1:{api_port}/api/search"
    work = tmp_path_factory.mktemp("browser-fallbacks")
    sites = [
        {
            "slug": slug,
            "name_vi": NAMES[slug]["vi"],
            "name_en": NAMES[slug]["en"],
            "base_url": f"{root}/{slug}",
            "languages": ["vi", "en"],
            "is_portal": slug == "portal",
        }
        for slug in ("portal", "so-khdt")
    ]
    (work / "sites.json").write_text(json.dumps(sites, ensure_ascii=False), encoding="utf-8")
    (work / "best-bets.json").write_text(
        json.dumps(
            {
                "version": 1,
                "best_bets": [
                    {
                        "id": 1,
                        "terms": ["dau tu"],
                        "site": "portal",
                        "lang": "vi",
                        "title": "Cẩm nang đầu tư",
                        "url": f"{root}/portal/vi/",
                        "description": "Mọi thủ tục cho nhà đầu tư.",
                        "start": None,
                        "end": None,
                    }
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    backend = get_backend({"VAR_DIR": str(work)})
    for site in sites:
        names = {"vi": site["name_vi"], "en": site["name_en"]}
        records = corpus_records()[site["slug"]]
        update_site(site["slug"], records, site["base_url"], names, backend=backend)
    stats = QueryStats(work / "stats.sqlite3")
    app = SearchAPI(
        backend=backend,
        sites=SitesDirectory(work / "sites.json"),
        best_bets=BestBets(work / "best-bets.json"),
        stats=stats,
    )
    api = serve(app, "127.0.0.1", api_port)
    threading.Thread(target=api.serve_forever, daemon=True).start()

    for slug, scope in (("portal", "all"), ("so-khdt", "site")):
        config = dataclasses.replace(
            load_site_config(slug, names=NAMES[slug]), search_api_url=api_url, search_scope=scope
        )
        render_site(
            slug=slug,
            records=site_records(slug, news_count=3, start_id=7000, base_url=root),
            config=config,
            base_url=f"{root}/{slug}",
            out_dir=work / "dist" / slug,
            portal={"url": f"{root}/portal", "name": NAMES["portal"]},
        )
    static = make_server("127.0.0.1", static_port, work / "dist", api_url)
    threading.Thread(target=static.serve_forever, daemon=True).start()
    yield {"root": root, "api": api, "api_url": api_url, "stats": stats, "work": work}
    static.shutdown()
    static.server_close()
    api.server_close()
    shutil.rmtree(work, ignore_errors=True)


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()


def test_without_javascript_the_form_shows_results_from_the_html_page(no_js_page, sites_and_api):
    root = sites_and_api["root"]
    page = no_js_page
    api_origin = sites_and_api["api_url"].rsplit("/api/", 1)[0]
    page.goto(f"{root}/portal/vi/tim-kiem/")
    page.fill("#q-page", "dau tu")
    page.press("#q-page", "Enter")
    page.wait_for_url(f"{api_origin}/search?*")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.title().startswith("dau tu – Kết quả tìm kiếm")
    assert re.search(r"\d+ kết quả", page.inner_text(".search-count"))
    first = page.locator(".search-list .search-result h2 a").first
    assert first.get_attribute("href").startswith(f"{root}/")
    assert page.locator(".search-list mark").count() > 0
    # the theme's stylesheet applies: the header has the portal's brand colour
    colour = page.eval_on_selector(".site-header", "e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(163, 21, 15)"
    # the editors' pin comes first, marked as recommended
    bet = page.locator(".search-best-bets .best-bet").first
    assert "Đề xuất" in bet.inner_text() and "Cẩm nang đầu tư" in bet.inner_text()
    # the <script> in a result's body stays text
    assert page.locator(".search-list script").count() == 0
    shot(page, "nojs-vi")
    # a facet is a plain link that narrows the results
    page.locator(".search-facets a", has_text="Sở Kế hoạch").click()
    assert "site=so-khdt" in page.url
    hrefs = page.locator(".search-list .search-result h2 a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    assert hrefs and all(h.startswith(f"{root}/so-khdt/") for h in hrefs)
    sites_and_api["stats"].flush()
    counted = {q: n for q, n, _ in top_queries(sites_and_api["work"] / "stats.sqlite3", "")}
    assert counted.get("dau tu", 0) >= 1


def test_without_javascript_in_english_on_a_department(no_js_page, sites_and_api):
    root = sites_and_api["root"]
    page = no_js_page
    page.goto(f"{root}/so-khdt/en/")
    page.fill("#q-header", "investment")
    page.press("#q-header", "Enter")
    page.wait_for_selector(".search-count")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "site=so-khdt" in page.url and "lang=en" in page.url
    assert re.search(r"\d+ results?", page.inner_text(".search-count"))
    assert "Industrial parks" in page.inner_text(".search-list") or "industrial parks" in (
        page.inner_text(".search-list").lower()
    )
    # the department's colour, from its own stylesheet
    colour = page.eval_on_selector(".site-header", "e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(11, 90, 69)"
    assert page.locator(".search-scope a[aria-current]").count() == 1
    shot(page, "nojs-en-department")


def test_suggestions_are_an_accessible_combobox(page, sites_and_api):
    root = sites_and_api["root"]
    asked = []

    def suggest(route):
        asked.append(route.request.url)
        query = re.search(r"[?&]q=([^&]*)", route.request.url).group(1)
        route.fulfill(
            status=200,
            content_type="application/json",
            headers={"Access-Control-Allow-Origin": root},
            body=json.dumps(
                {
                    "query": query,
                    "suggestions": [
                        {"text": "quy hoạch sử dụng đất", "url": None},
                        {"text": "quy hoạch đô thị Cửa Lò", "url": f"{root}/portal/vi/"},
                        {"text": "<img src=x onerror=alert(1)>", "url": "javascript:alert(1)"},
                    ],
                },
                ensure_ascii=False,
            ),
        )

    page.route("**/api/suggest?*", suggest)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{root}/portal/vi/")
    box = page.locator("#q-header")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    box.press_sequentially("quy ho", delay=20)
    page.wait_for_selector("#q-header-suggestions [role=option]")
    assert box.get_attribute("aria-expanded") == "true"
    assert "q=quy+ho" in asked[-1] and "lang=vi" in asked[-1]
    options = page.locator("#q-header-suggestions [role=option]")
    assert options.count() == 3
    assert page.locator("#q-header-suggestions img").count() == 0  # text only
    status = page.locator("form.header-search .search-suggestions-status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text().startswith("3 gợi ý")
    shot(page, "suggest-vi")
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").inner_text() == "quy hoạch sử dụng đất"
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    box.press("ArrowUp")  # wraps to the last option
    assert box.get_attribute("aria-activedescendant").endswith("-2")
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.press("ArrowDown")  # reopens
    page.wait_for_selector("#q-header-suggestions:not([hidden])")
    box.press("ArrowDown")
    box.press("Enter")
    # a suggestion without a url is searched for, on the static page (JavaScript is on)
    page.wait_for_url(re.compile(r"/portal/vi/tim-kiem/\?q="))
    assert page.input_value("#q-page") == "quy hoạch sử dụng đất"
    assert errors == []


def test_api_stopped_the_search_page_offers_listings_and_site_map(page, sites_and_api):
    root = sites_and_api["root"]
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    sites_and_api["api"].shutdown()
    sites_and_api["api"].server_close()  # nothing listens on the port any more
    page.goto(f"{root}/portal/en/search/?q=investment")
    page.wait_for_selector("#search-results .search-error")
    assert "not available" in page.inner_text("#search-results .search-error")
    fallback = page.locator("#search-fallback")
    assert fallback.is_visible()
    assert fallback.locator("h2").first.inner_text() == "Find it in the site's sections"
    links = fallback.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert any(
        link.startswith(f"{root}/portal/en/") and link != f"{root}/portal/en/" for link in links
    )
    assert "Site map" in fallback.inner_text()
    shot(page, "api-down-en")
    page.goto(f"{root}/so-khdt/vi/tim-kiem/?q=dau+tu")
    page.wait_for_selector("#search-results .search-error")
    assert "không hoạt động" in page.inner_text("#search-results .search-error")
    assert page.locator("#search-fallback").is_visible()
    assert page.locator("#search-fallback h2").first.inner_text() == (
        "Tìm trong các chuyên mục của trang"
    )
    shot(page, "api-down-vi")
    assert errors == [], "no script error"
