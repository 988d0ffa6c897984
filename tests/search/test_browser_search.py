"""The search page in chromium: a static portal page finds a department's document.

The portal is rendered by the real theme into a temporary dist/ and served by
serve_sites' server; the search API runs on another loopback port over an
index holding the department's documents, and allows the portal's origin.
"""

import dataclasses
import json
import re
import shutil
import threading

import pytest

from search.api import SearchAPI, serve
from search.backends.embedded import TantivyBackend
from search.indexing import update_site
from search.sites import SitesDirectory
from tests.browser.conftest import NAMES, _free_port

from .conftest import corpus_records

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def portal_and_api(tmp_path_factory):
    """(portal root URL, API server) with the portal's search page pointing at the API."""
    from build.render import render_site
    from build.siteconfig import load_site_config
    from cms.publishing.management.commands.serve_sites import make_server
    from tests.build.sample_records import site_records

    static_port, api_port = _free_port(), _free_port()
    root = f"http://127.0.0.1:{static_port}"
    api_url = f"http://127.0.0.1:{api_port}/api/search"
    work = tmp_path_factory.mktemp("browser-search")
    sites = [
        {
            "slug": slug,
            "name_vi": NAMES[slug]["vi"],
            "name_en": NAMES[slug]["en"],
            "base_url": f"{root}/{slug}",
            "languages": ["vi", "en"],
        }
        for slug in ("portal", "so-khdt")
    ]
    (work / "sites.json").write_text(json.dumps(sites, ensure_ascii=False), encoding="utf-8")
    backend = TantivyBackend(work / "search-index")
    for site in sites:
        names = {"vi": site["name_vi"], "en": site["name_en"]}
        records = corpus_records()[site["slug"]]
        update_site(site["slug"], records, site["base_url"], names, backend=backend)
    api = serve(
        SearchAPI(backend=backend, sites=SitesDirectory(work / "sites.json")), "127.0.0.1", api_port
    )
    threading.Thread(target=api.serve_forever, daemon=True).start()

    config = dataclasses.replace(
        load_site_config("portal", names=NAMES["portal"]),
        search_api_url=api_url,
        search_scope="all",
    )
    render_site(
        slug="portal",
        records=site_records("portal", news_count=2, start_id=5000, base_url=root),
        config=config,
        base_url=f"{root}/portal",
        out_dir=work / "dist" / "portal",
        portal={"url": f"{root}/portal", "name": NAMES["portal"]},
    )
    static = make_server("127.0.0.1", static_port, work / "dist", api_url)
    threading.Thread(target=static.serve_forever, daemon=True).start()
    yield root, api
    static.shutdown()
    static.server_close()
    api.shutdown()
    api.server_close()
    shutil.rmtree(work, ignore_errors=True)


def test_search_from_the_portal_header_finds_a_department_document(page, portal_and_api):  # noqa: F811
    root, _api = portal_and_api
    assert corpus_records()["so-khdt"][0]["title"].startswith("Kế hoạch triển khai")
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{root}/portal/vi/")
    page.fill("#q-header", "2513 KH UBND")
    page.press("#q-header", "Enter")
    page.wait_for_selector("#search-results .search-result")

    first = page.locator("#search-results .search-result h2 a").first
    assert first.get_attribute("href") == f"{root}/so-khdt/vi/document/21/"
    assert "Kế hoạch triển khai thu hút đầu tư" in first.inner_text()
    assert re.search(r"\d+ kết quả", page.inner_text("#search-results .search-count"))
    assert "Sở Kế hoạch và Đầu tư" in page.inner_text("#search-results .search-meta >> nth=0")
    assert page.get_attribute("#search-results", "aria-live") == "polite"
    assert page.locator("#search-results .search-facets a", has_text="Sở Kế hoạch").count() == 1
    assert errors == [], "no CSP violation or script error"


def test_accent_free_query_marks_accented_words_and_facets_narrow(page, portal_and_api):  # noqa: F811
    root, _api = portal_and_api
    page.goto(f"{root}/portal/vi/tim-kiem/?q=dau+tu")
    page.wait_for_selector("#search-results .search-result")
    marks = page.locator("#search-results mark").all_inner_texts()
    assert {"đầu", "tư"} <= {m.lower() for m in marks}
    page.locator("#search-results .search-facets a", has_text="Sở Kế hoạch").click()
    page.wait_for_selector("#search-results .search-result")
    assert "site=so-khdt" in page.url
    hrefs = page.locator("#search-results .search-result h2 a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    assert hrefs and all(h.startswith(f"{root}/so-khdt/") for h in hrefs)


def test_this_site_only_and_pagination_links(page, portal_and_api):  # noqa: F811
    root, _api = portal_and_api
    page.goto(f"{root}/portal/vi/tim-kiem/?q=dau+tu&scope=site")
    page.wait_for_selector("#search-results .search-count")
    hrefs = page.locator("#search-results .search-result h2 a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    assert all(h.startswith(f"{root}/portal/") for h in hrefs)
    assert page.locator("#search-results .search-scope a[aria-current]").count() == 1


def test_unreachable_api_says_search_is_unavailable(page, portal_and_api):  # noqa: F811
    root, api = portal_and_api
    api.shutdown()
    api.server_close()
    page.goto(f"{root}/portal/vi/tim-kiem/?q=dau+tu")
    page.wait_for_selector("#search-results .search-error")
    assert "không hoạt động" in page.inner_text("#search-results .search-error").lower() or (
        "not available" in page.inner_text("#search-results .search-error").lower()
    )
