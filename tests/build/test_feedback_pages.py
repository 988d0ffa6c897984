"""The question/feedback pages of the static sites (issue 7, public side).

Every site in sites/ plus a site without its own file is rendered from sample
records; the pages must post to the configured CMS endpoint and the CSP must
let the browser reach it.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from build.render import make_csp, render_site
from build.siteconfig import SITES_DIR, load_site_config

from .sample_records import site_records
from .site_checks import LinkCollector, parse_html_strict

ROOT = "http://127.0.0.1:8080"
PAGES = {
    "vi": ("vi/gop-y/", "vi/gop-y/cam-on/", "vi/gop-y/tra-cuu/"),
    "en": ("en/feedback/", "en/feedback/thank-you/", "en/feedback/track/"),
}
SITE_SLUGS = sorted(
    {p.stem for p in SITES_DIR.glob("*.toml") if not p.stem.startswith("_")} | {"so-khdt"}
)
NAMES = {slug: {"vi": f"Trang {slug}", "en": f"Site {slug}"} for slug in SITE_SLUGS}
REQUIRED = {"name", "topic", "message"}


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    portal = {"url": f"{ROOT}/portal", "name": NAMES["portal"]}
    for number, slug in enumerate(SITE_SLUGS):
        render_site(
            slug=slug,
            records=site_records(slug, news_count=1, start_id=1000 + 1000 * number),
            config=load_site_config(slug, names=NAMES[slug]),
            base_url=f"{ROOT}/{slug}",
            out_dir=dist / slug,
            portal=portal,
            # what the pipeline hands every render: the names of all sites of the build
            context=None,
        )
    return dist


def page(dist, slug, path):
    return parse_html_strict(Path(dist) / slug / path / "index.html")


def endpoint(slug):
    return load_site_config(slug).feedback_endpoint


def test_the_default_site_settings_name_an_endpoint():
    assert endpoint("so-khdt").startswith("http") and endpoint("so-khdt").endswith("/")


@pytest.mark.parametrize("slug", SITE_SLUGS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_feedback_pages_exist_and_parse_strictly(dist, slug, lang):
    for path in PAGES[lang]:
        tree = page(dist, slug, path)  # html5lib strict: raises on any parse error
        assert tree.find(".//main/h1").text.strip()
        assert tree.get("lang") == lang


@pytest.mark.parametrize("slug", SITE_SLUGS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_form_posts_to_the_endpoint_with_labelled_fields(dist, slug, lang):
    tree = page(dist, slug, PAGES[lang][0])
    form = tree.find(".//form[@class='feedback-form']")
    assert form.get("action") == endpoint(slug)
    assert form.get("method") == "post"
    assert form.get("enctype") == "multipart/form-data"
    fields = {el.get("name"): el for el in form.iter() if el.tag in ("input", "select", "textarea")}
    expected = {"name", "email", "phone", "organisation", "topic", "department", "message"}
    expected |= {"attachment", "consent_to_publish", "confirm_fax", "next", "lang"}
    assert expected <= set(fields)
    assert {name for name, el in fields.items() if el.get("required") is not None} >= REQUIRED
    labels = {label.get("for") for label in tree.iter("label")}
    for name, el in fields.items():
        if el.get("type") != "hidden":
            assert el.get("id") in labels, f"field {name} has no <label>"
    # a required select starts with an empty option (HTML: no preselected answer)
    assert [o.get("value") for o in fields["topic"].iter("option")] == [
        "",
        "procedure",
        "investment",
        "planning",
        "other",
    ]
    assert fields["attachment"].get("accept").startswith("application/pdf,image/")
    assert fields["consent_to_publish"].get("type") == "checkbox"
    # the honeypot is a real text input hidden from people and assistive technology
    honeypot = fields["confirm_fax"]
    assert honeypot.get("type") == "text" and honeypot.get("tabindex") == "-1"
    assert any(
        div.get("class") == "hp-field"
        and div.get("aria-hidden") == "true"
        and honeypot in div.iter()
        for div in tree.iter("div")
    )
    assert fields["next"].get("value") == f"{ROOT}/{slug}/{PAGES[lang][1]}"
    assert fields["lang"].get("value") == lang


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_department_addresses_itself_and_the_portal_offers_a_choice(dist, lang):
    form = page(dist, "so-khdt", PAGES[lang][0]).find(".//form[@class='feedback-form']")
    department = next(el for el in form.iter("input") if el.get("name") == "department")
    assert (department.get("type"), department.get("value")) == ("hidden", "so-khdt")
    portal_form = page(dist, "portal", PAGES[lang][0]).find(".//form[@class='feedback-form']")
    select = next(el for el in portal_form.iter("select") if el.get("name") == "department")
    # an empty placeholder first (vnu: a required select), then the portal
    assert [o.get("value") for o in select.iter("option")][:2] == ["", "portal"]


def test_the_portal_lists_every_site_of_the_build(tmp_path):
    names = {**NAMES, "so-xyz": {"vi": "Sở Xây dựng", "en": "Department of Construction"}}
    from build.render import prepare_site, render_job, render_language

    config = load_site_config("portal", names=NAMES["portal"])
    assets = prepare_site(config=config, out_dir=tmp_path)
    job = render_job(
        slug="portal",
        lang="vi",
        config=config,
        base_url=f"{ROOT}/portal",
        out_dir=tmp_path,
        assets=assets,
        records=[r for r in site_records("portal", news_count=1) if r["lang"] == "vi"],
        portal={"url": f"{ROOT}/portal", "name": NAMES["portal"]},
        site_names=names,
    )
    render_language(job)
    select = next(
        el
        for el in page(tmp_path, "", PAGES["vi"][0]).iter("select")
        if el.get("name") == "department"
    )
    options = {o.get("value"): o.text for o in select.iter("option") if o.get("value")}
    assert set(options) == set(names)
    assert options["so-xyz"] == "Sở Xây dựng"


@pytest.mark.parametrize("slug", SITE_SLUGS)
def test_the_csp_lets_the_browser_post_and_fetch_to_the_endpoint(dist, slug):
    cms_origin = "{0.scheme}://{0.netloc}".format(urlsplit(endpoint(slug)))
    for lang in ("vi", "en"):
        for path in PAGES[lang]:
            tree = page(dist, slug, path)
            meta = tree.find(".//meta[@http-equiv='Content-Security-Policy']")
            directives = {
                part.split()[0]: part.split()[1:] for part in meta.get("content").split("; ")
            }
            assert cms_origin in directives["form-action"]
            assert cms_origin in directives["connect-src"]
            assert "'unsafe-inline'" not in directives["script-src"]


def test_make_csp_adds_the_endpoint_only_when_set():
    without = make_csp("https://search.example/api", ["https://a.example"])
    assert "form-action 'self'" in without and "cms.example" not in without
    with_endpoint = make_csp(
        "https://search.example/api", ["https://a.example"], "https://cms.example/api/feedback/"
    )
    assert "form-action 'self' https://cms.example" in with_endpoint
    assert re.search(
        r"connect-src 'self' https://search\.example https://cms\.example;", with_endpoint
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pages_use_only_the_external_script_and_link_from_the_footer(dist, lang):
    collector = LinkCollector()
    html = (dist / "so-khdt" / PAGES[lang][0] / "index.html").read_text("utf-8")
    collector.feed(html)
    assert collector.style_attrs == 0 and collector.style_tags == 0
    sources = [s.get("src") for s in collector.scripts if s.get("type") != "application/ld+json"]
    assert all(sources) and any(re.search(r"/js/feedback\.[0-9a-f]+\.js$", s) for s in sources)
    home = (dist / "so-khdt" / lang / "index.html").read_text("utf-8")
    assert f'href="{ROOT}/so-khdt/{PAGES[lang][0]}"' in home
    assert f'href="{ROOT}/so-khdt/{PAGES[lang][2]}"' in home


def test_the_vietnamese_pages_are_translated(dist):
    html = (dist / "so-khdt" / "vi" / "gop-y" / "index.html").read_text("utf-8")
    assert "Gửi câu hỏi, góp ý" in html and "Ask a question" not in html
    track = (dist / "so-khdt" / "vi" / "gop-y" / "tra-cuu" / "index.html").read_text("utf-8")
    assert "Tra cứu câu hỏi" in track


def test_a_site_without_endpoint_gets_no_feedback_pages(tmp_path):
    (tmp_path / "_default.toml").write_text(
        (SITES_DIR / "_default.toml")
        .read_text("utf-8")
        .replace('endpoint = "http', 'endpoint = ""\n# "http'),
        encoding="utf-8",
    )
    config = load_site_config("so-khdt", sites_dir=tmp_path)
    assert config.feedback_endpoint == ""
    out = tmp_path / "dist"
    render_site(
        slug="so-khdt",
        records=site_records("so-khdt", news_count=1),
        config=config,
        base_url=f"{ROOT}/so-khdt",
        out_dir=out,
    )
    assert not (out / "vi" / "gop-y").exists()
    assert "form-action 'self';" not in (out / "vi" / "index.html").read_text("utf-8")
    assert "/gop-y/" not in (out / "vi" / "index.html").read_text("utf-8")
