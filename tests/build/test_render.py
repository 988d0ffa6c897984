"""Render hand-made records (build/records.py shape) and check the static output.

No database: these exercise render, themes and site config on their own.
"""

import json
import re
import shutil

import pytest

from build.plan import aggregate_for_portal
from build.render import render_site
from build.siteconfig import load_site_config

from .sample_records import site_records
from .site_checks import LinkCollector, broken_links, html_files, parse_html_strict, parse_xml

ROOT = "http://127.0.0.1:8080"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NAMES = {
    "portal": {"vi": "Cổng thông tin điện tử tỉnh", "en": "Provincial e-portal"},
    "so-khdt": {"vi": "Sở Kế hoạch và Đầu tư", "en": "Department of Planning and Investment"},
}


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """Two sites rendered from sample records: a department and the portal aggregating it."""
    dist = tmp_path_factory.mktemp("dist")
    portal = {"url": f"{ROOT}/portal", "name": NAMES["portal"]}
    department = site_records("so-khdt", news_count=30, start_id=1000)
    portal_records = site_records("portal", news_count=2, start_id=5000)
    portal_records += aggregate_for_portal(department, "so-khdt", f"{ROOT}/so-khdt")
    for slug, records in (("so-khdt", department), ("portal", portal_records)):
        config = load_site_config(slug, names=NAMES[slug])
        result = render_site(
            slug=slug,
            records=records,
            config=config,
            base_url=f"{ROOT}/{slug}",
            out_dir=dist / slug,
            portal=portal,
        )
        assert result["files"] > 20
        # export copies the media the records link to; stand in for it here
        media = dist / slug / "media" / "documents" / "qd-2513.abc123.pdf"
        media.parent.mkdir(parents=True)
        media.write_bytes(b"%PDF-1.4\n")
    return dist


def read(dist, path):
    return (dist / path).read_text("utf-8")


def test_every_page_type_exists_in_both_languages(dist):
    expected = [
        "so-khdt/index.html",
        "so-khdt/404.html",
        "so-khdt/robots.txt",
        "so-khdt/sitemap.xml",
        "so-khdt/vi/index.html",
        "so-khdt/en/index.html",
        "so-khdt/vi/tin-tuc/index.html",
        "so-khdt/vi/tin-tuc/trang/2/index.html",
        "so-khdt/en/news/page/2/index.html",
        "so-khdt/vi/tin-tuc/tin-0/index.html",
        "so-khdt/en/news/article-0/index.html",
        "so-khdt/vi/van-ban/qd-2513/index.html",
        "so-khdt/en/documents/decision-2513/index.html",
        "so-khdt/vi/quy-hoach/quy-hoach-tinh/index.html",
        "so-khdt/vi/du-an-dau-tu/kcn-a/index.html",
        "so-khdt/vi/thu-tuc-hanh-chinh/cap-gcn/index.html",
        "so-khdt/vi/gioi-thieu/index.html",
        "so-khdt/en/about/index.html",
        "so-khdt/vi/tim-kiem/index.html",
        "so-khdt/en/search/index.html",
        "so-khdt/vi/404.html",
        "so-khdt/vi/atom.xml",
        "so-khdt/en/atom.xml",
        "so-khdt/vi/van-ban/index.json",
        "so-khdt/vi/api/news.json",
        "portal/vi/index.html",
        "portal/en/index.html",
    ]
    missing = [path for path in expected if not (dist / path).is_file()]
    assert missing == []


def test_html_is_valid_html5(dist):
    pages = html_files(dist)
    assert len(pages) > 100
    for page in pages:
        parse_html_strict(page)  # raises on the first parse error


def test_no_broken_internal_link_across_sites(dist):
    assert broken_links(dist) == []


def test_feeds_and_sitemaps_are_valid_xml(dist):
    feed = parse_xml(dist / "so-khdt/vi/atom.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 20  # sites/_default.toml feeds.items
    category_feed = parse_xml(dist / "so-khdt/en/news/category/investment/atom.xml").getroot()
    assert category_feed.findall(f"{ATOM}entry")
    sitemap = parse_xml(dist / "so-khdt/sitemap.xml").getroot()
    urls = sitemap.findall(f"{SITEMAP}url")
    locs = {u.find(f"{SITEMAP}loc").text: u for u in urls}
    article = locs[f"{ROOT}/so-khdt/vi/tin-tuc/tin-0/"]
    alternates = {
        link.get("hreflang"): link.get("href") for link in article.findall(f"{XHTML}link")
    }
    assert alternates == {
        "vi": f"{ROOT}/so-khdt/vi/tin-tuc/tin-0/",
        "en": f"{ROOT}/so-khdt/en/news/article-0/",
    }
    # the portal's sitemap lists only its own pages, not the aggregated copies
    portal_locs = [
        u.find(f"{SITEMAP}loc").text for u in parse_xml(dist / "portal/sitemap.xml").getroot()
    ]
    assert portal_locs and all(loc.startswith(f"{ROOT}/portal/") for loc in portal_locs)


def test_language_switch_and_alternates(dist):
    vi = read(dist, "so-khdt/vi/tin-tuc/tin-3/index.html")
    assert '<html lang="vi"' in vi
    assert f'<a href="{ROOT}/so-khdt/en/news/article-3/" hreflang="en"' in vi
    assert f'<link rel="alternate" hreflang="en" href="{ROOT}/so-khdt/en/news/article-3/">' in vi
    en = read(dist, "so-khdt/en/news/article-3/index.html")
    assert '<html lang="en"' in en
    assert f'<a href="{ROOT}/so-khdt/vi/tin-tuc/tin-3/" hreflang="vi"' in en
    # no English translation: the switch leads to the English home
    vi_only = read(dist, "so-khdt/vi/tin-tuc/chi-tieng-viet/index.html")
    assert f'<a href="{ROOT}/so-khdt/en/" hreflang="en"' in vi_only
    listing = read(dist, "so-khdt/vi/van-ban/index.html")
    assert f'<a href="{ROOT}/so-khdt/en/documents/" hreflang="en"' in listing
    assert f'<link rel="alternate" hreflang="en" href="{ROOT}/so-khdt/en/documents/">' in listing


def test_interface_is_translated_and_formats_follow_the_locale(dist):
    vi = read(dist, "so-khdt/vi/du-an-dau-tu/kcn-a/index.html")
    en = read(dist, "so-khdt/en/investment/park-a/index.html")
    assert "Chuyển đến nội dung chính" in vi and "Skip to main content" in en
    assert "1.500 tỷ đồng" in vi and "VND 1,500 billion" in en
    assert "120,5 ha" in vi and "120.5 ha" in en
    assert "31/01/2027" in vi and "31 Jan 2027" in en
    document = read(dist, "so-khdt/vi/van-ban/qd-2513/index.html")
    assert "22/11/2026" in document and "Số, ký hiệu" in document


def test_metadata_canonical_open_graph_json_ld_dublin_core(dist):
    page = read(dist, "so-khdt/vi/tin-tuc/tin-0/index.html")
    url = f"{ROOT}/so-khdt/vi/tin-tuc/tin-0/"
    assert f'<link rel="canonical" href="{url}">' in page
    assert f'<meta property="og:url" content="{url}">' in page
    for name in ("DC.title", "DC.creator", "DC.date", "DC.description", "DC.publisher"):
        assert f'<meta name="{name}"' in page
    assert f'<meta name="DC.identifier" content="{url}">' in page
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    types = {json.loads(block)["@type"] for block in blocks}
    assert types == {"GovernmentOrganization", "NewsArticle"}


def test_pages_satisfy_a_strict_csp(dist):
    for page in html_files(dist / "so-khdt"):
        collector = LinkCollector()
        text = page.read_text("utf-8")
        collector.feed(text)
        inline = [
            s
            for s in collector.scripts
            if not s.get("src") and s.get("type") != "application/ld+json"
        ]
        assert inline == [], page
        assert collector.style_attrs == 0 and collector.style_tags == 0, page
        if page.name != "index.html" or page.parent.name != "so-khdt":
            assert 'http-equiv="Content-Security-Policy"' in text, page
    assert re.search(r"/static/css/site\.[0-9a-f]{10}\.css", read(dist, "so-khdt/vi/index.html"))


def test_listings_paginate_filter_without_js_and_have_json(dist):
    first = read(dist, "so-khdt/vi/tin-tuc/index.html")
    assert f'href="{ROOT}/so-khdt/vi/tin-tuc/trang/2/"' in first
    assert first.count('class="item"') == 12  # pagination.per_page
    data = json.loads(read(dist, "so-khdt/vi/van-ban/index.json"))
    assert {"type", "issuer", "year", "field"} <= set(data["facets"])
    assert data["items"][0]["facets"]["type"] == ["decision"]
    # a filter value is a plain static page listing only the matching records
    filtered = read(dist, "so-khdt/vi/van-ban/type/decision/index.html")
    assert "Quyết định 2513" in filtered
    capital = read(dist, "so-khdt/en/investment/capital/over-1000/index.html")
    assert "Industrial park A" in capital


def test_department_pages_link_back_to_the_portal(dist):
    page = read(dist, "so-khdt/vi/van-ban/index.html")
    assert 'class="portal-bar"' in page and f'href="{ROOT}/portal/vi/"' in page
    assert "/static/css/department." in page
    assert 'class="portal-bar"' not in read(dist, "portal/vi/index.html")


def test_portal_aggregates_department_content(dist):
    projects = read(dist, "portal/vi/du-an-dau-tu/index.html")
    assert f'href="{ROOT}/so-khdt/vi/du-an-dau-tu/kcn-a/"' in projects
    procedures = read(dist, "portal/en/procedures/index.html")
    assert f'href="{ROOT}/so-khdt/en/procedures/certificate/"' in procedures
    news = read(dist, "portal/vi/tin-tuc/index.json")
    linked = {item["url"] for item in json.loads(news)["items"]}
    assert f"{ROOT}/so-khdt/vi/tin-tuc/tin-0/" in linked  # show_on_portal
    assert f"{ROOT}/so-khdt/vi/tin-tuc/tin-1/" not in linked  # not flagged
    # aggregated copies get no page of their own on the portal
    assert f"{ROOT}/so-khdt/vi/tin-tuc/tin-10/" in linked
    assert not (dist / "portal/vi/tin-tuc/tin-10").exists()


def test_search_page_and_header_form(dist):
    page = read(dist, "so-khdt/en/search/index.html")
    assert '<div id="search-results" aria-live="polite"' in page
    assert 'data-api="http://127.0.0.1:8090/api/search"' in page
    assert "/static/js/search." in page
    home = read(dist, "portal/vi/index.html")
    # without JavaScript the form goes to the search API's HTML page; with it, here
    assert 'action="http://127.0.0.1:8090/search"' in home
    assert f'data-js-action="{ROOT}/portal/vi/tim-kiem/"' in home
    assert '<input type="search" id="q-header" name="q"' in home
    assert 'name="lang" value="vi"' in home


def test_root_redirects_to_vietnamese(dist):
    root = read(dist, "so-khdt/index.html")
    assert f'content="0; url={ROOT}/so-khdt/vi/"' in root
    assert f"Sitemap: {ROOT}/so-khdt/sitemap.xml" in read(dist, "so-khdt/robots.txt")


def test_rendering_again_over_a_copy_is_deterministic(dist, tmp_path):
    records = site_records("so-khdt", news_count=30, start_id=1000)
    config = load_site_config("so-khdt", names=NAMES["so-khdt"])
    portal = {"url": f"{ROOT}/portal", "name": NAMES["portal"]}
    out = tmp_path / "so-khdt"
    render_site(
        slug="so-khdt",
        records=records,
        config=config,
        base_url=f"{ROOT}/so-khdt",
        out_dir=out,
        portal=portal,
    )
    page = "vi/tin-tuc/tin-5/index.html"
    assert (out / page).read_bytes() == (dist / "so-khdt" / page).read_bytes()
    shutil.rmtree(out)


def test_an_empty_feed_is_the_same_bytes_every_time():
    from build.render.seo import atom_feed

    def feed():
        return atom_feed(
            title="Tin",
            site_url="https://x.test/vi/",
            feed_url="https://x.test/vi/atom.xml",
            lang="vi",
            entries=[],
            href=lambda r: "",
        )

    first = feed()
    assert "<updated>1970-01-01T00:00:00+00:00</updated>" in first
    assert feed() == first
