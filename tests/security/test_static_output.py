"""The static output is safe: it satisfies its own CSP, leaks nothing, and escapes bad input.

One real build for the whole module, in subprocesses against a fresh SQLite
database (like tests/build/test_site_output_demo.py): migrate, load_demo, a
department whose every text field kind holds an XSS payload (ORM), the same
payloads through ``manage.py import_content``, then ``manage.py build_sites``
with a known SECRET_KEY and mail password, so the scan can look for them.
"""

import base64
import hashlib
import json
import os
import re
import secrets
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import html5lib
import pytest

from build.publish.files import walk_files
from build.publish.state import RESERVED_PREFIX
from build.siteconfig import load_site_config

from .xss_payloads import PAYLOAD_SITE, PAYLOADS, import_lines

REPO = Path(__file__).resolve().parents[2]
ROOT = "http://127.0.0.1:8080"
SECRET_KEY = f"cong-test-secret-{secrets.token_hex(16)}"
MAIL_PASSWORD = f"mail-password-{secrets.token_hex(8)}"
ADMIN_BASE_URL = "http://cms-internal.invalid:8000"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "cite"}
DATA_BLOCK_TYPES = {"application/ld+json", "application/json"}
# Elements no content may bring into a page (object-src 'none', frames, base-uri).
FORBIDDEN_ELEMENTS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
ATOM = "{http://www.w3.org/2005/Atom}"


def _run(args, env, **kwargs):
    result = subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
        **kwargs,
    )
    assert result.returncode == 0, f"{args}: {result.stdout[-2000:]}{result.stderr[-3000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("static-output")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "SECRET_KEY": SECRET_KEY,
        "EMAIL_HOST_PASSWORD": MAIL_PASSWORD,
        "WAGTAILADMIN_BASE_URL": ADMIN_BASE_URL,
        "VAR_DIR": str(tmp / "var"),
        "DIST_DIR": str(tmp / "dist"),
        "MEDIA_ROOT": str(tmp / "var/media"),
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "BUILD_BASE_URL": ROOT,
        "TASKS_BACKEND": "immediate",
        "PUBLISH_ON_SAVE": "false",  # one explicit build at the end, not one per save
    }
    django = "import django; django.setup(); "
    _run(["manage.py", "migrate", "--no-input", "-v0"], env)
    _run(["manage.py", "load_demo"], env)
    _run(
        ["-c", django + "from tests.security.xss_payloads import seed_payload_site as s; s()"], env
    )
    feed = tmp / "payloads.jsonl"
    feed.write_text(import_lines(), "utf-8")
    imported = _run(
        ["manage.py", "import_content", str(feed), "--site", PAYLOAD_SITE, "--locale", "vi"]
        + ["--publish"],
        env,
    )
    emails = _run(
        [
            "-c",
            django + "from django.contrib.auth import get_user_model as g; "
            "print('\\n'.join(e for e in g().objects.values_list('email', flat=True) if e))",
        ],
        env,
    ).split()
    _run(["manage.py", "build_sites"], env)
    dist = tmp / "dist"
    sites = json.loads((dist / "sites.json").read_text("utf-8"))
    records = {
        site["slug"]: [
            json.loads(line)
            for line in (tmp / "var/build" / site["slug"] / "records.jsonl").open(encoding="utf-8")
        ]
        for site in sites
    }
    return {
        "tmp": tmp,
        "dist": dist,
        "sites": sites,
        "records": records,
        "emails": emails,
        "imported": imported,
    }


# --- helpers ---------------------------------------------------------------


def parse_html(path):
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    return parser.parse(path.read_bytes(), likely_encoding="utf-8")


def elements(tree):
    """Every element (comments and processing instructions left out)."""
    return [el for el in tree.iter() if isinstance(el.tag, str)]


def text_of(element):
    return " ".join("".join(element.itertext()).split())


def page_url(dist, path):
    relative = path.relative_to(dist).as_posix()
    return f"{ROOT}/{relative.removesuffix('index.html')}"


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def parse_csp(tree):
    metas = [
        el
        for el in tree.iter("meta")
        if (el.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    if len(metas) != 1:
        return None
    policy = {}
    for directive in metas[0].get("content", "").split(";"):
        name, *sources = directive.split()
        policy[name.lower()] = sources
    return policy


def sources_for(policy, directive):
    return policy.get(directive, policy.get("default-src", []))


def source_allows(url, sources, self_origin):
    """Does a CSP source list allow loading this absolute URL?"""
    if "*" in sources:
        return True
    target = origin(url)
    if "'self'" in sources and target == self_origin:
        return True
    scheme = urlsplit(url).scheme + ":"
    return any(source == scheme or target == source.rstrip("/") for source in sources)


def hash_allowed(content, sources):
    digest = base64.b64encode(hashlib.sha256(content.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'" in sources


def is_javascript_url(value):
    # Browsers drop leading controls/spaces and tabs/newlines anywhere in the scheme.
    cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
    return cleaned.startswith(("javascript:", "vbscript:"))


def csp_violations(tree, url):
    """What in this page its own Content-Security-Policy would block (or must not exist)."""
    policy = parse_csp(tree)
    if policy is None:
        return ["no single Content-Security-Policy meta"]
    self_origin = origin(url)
    problems = []
    script_src, style_src = sources_for(policy, "script-src"), sources_for(policy, "style-src")
    for el in elements(tree):
        for name, value in el.attrib.items():
            name = name.lower()
            if name.startswith("on"):
                problems.append(f"<{el.tag} {name}=…> event handler")
            elif name == "style" and "'unsafe-inline'" not in style_src:
                problems.append(f"<{el.tag} style=…> inline style")
            elif name in URL_ATTRIBUTES and is_javascript_url(value):
                problems.append(f"<{el.tag} {name}={value!r}> script URL")
            elif (
                name in URL_ATTRIBUTES
                and value.strip().lower().startswith("data:")
                and not (el.tag == "img" and name == "src")  # img-src allows data:
            ):
                problems.append(f"<{el.tag} {name}=data:…>")
        if el.tag in FORBIDDEN_ELEMENTS:
            problems.append(f"<{el.tag}> element")
        elif el.tag == "script":
            src = el.get("src")
            if src:
                if (el.text or "").strip():
                    problems.append("<script src> with inline content")
                if not source_allows(urljoin(url, src), script_src, self_origin):
                    problems.append(f"<script src={src!r}> not allowed by script-src")
            elif (el.get("type") or "").lower() in DATA_BLOCK_TYPES:
                try:
                    json.loads(el.text or "")
                except ValueError:
                    problems.append("data block <script> is not valid JSON (markup broke in)")
            elif not hash_allowed(el.text or "", script_src):
                problems.append(f"inline <script>: {(el.text or '')[:60]!r}")
        elif el.tag == "style" and not hash_allowed(el.text or "", style_src):
            problems.append("<style> element without a matching hash")
        elif el.tag == "link" and "stylesheet" in (el.get("rel") or "").lower().split():
            href = urljoin(url, el.get("href") or "")
            if not source_allows(href, style_src, self_origin):
                problems.append(f"stylesheet {href!r} not allowed by style-src")
    return problems


def html_pages(dist):
    return sorted(dist.rglob("*.html"))


def records_of(built, slug, **match):
    return [
        r
        for r in built["records"][slug]
        if all(r.get(key) == value for key, value in match.items())
    ]


def record_page(built, slug, record):
    return built["dist"] / slug / record["url"].lstrip("/") / "index.html"


# --- 1. every page satisfies its own CSP -----------------------------------


def test_every_page_satisfies_its_own_csp(built):
    pages = html_pages(built["dist"])
    assert len(pages) > 200  # the demo's four sites plus the payload site
    problems = {}
    for path in pages:
        found = csp_violations(parse_html(path), page_url(built["dist"], path))
        if found:
            problems[str(path.relative_to(built["dist"]))] = found
    assert problems == {}


def test_the_csp_forbids_inline_code_and_foreign_scripts(built):
    tree = parse_html(built["dist"] / PAYLOAD_SITE / "vi/index.html")
    policy = parse_csp(tree)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in " ".join(sum(policy.values(), []))
    assert "'unsafe-eval'" not in " ".join(sum(policy.values(), []))


def test_checker_catches_what_it_looks_for(tmp_path):
    """The CSP checker itself: each kind of violation is reported."""
    csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
    page = tmp_path / "page.html"
    page.write_text(
        f'<!doctype html><meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<script>alert(1)</script><script src="https://evil.example/x.js"></script>'
        '<script type="application/ld+json">{"a": </script>'
        '<p onclick="x()" style="color:red">t</p><a href=" java\tscript:x()">l</a>'
        '<style>p{}</style><iframe src="data:text/html,x"></iframe><img src="data:image/png,">'
        '<link rel="stylesheet" href="https://cdn.example/s.css">',
        "utf-8",
    )
    found = "\n".join(csp_violations(parse_html(page), f"{ROOT}/page.html"))
    for expected in (
        "inline <script>",
        "evil.example",
        "not valid JSON",
        "onclick",
        "inline style",
        "script URL",
        "<style>",
        "<iframe>",
        "<iframe src=data:",
        "cdn.example",
    ):
        assert expected in found
    assert "<img" not in found
    assert csp_violations(parse_html(tmp_path / "page.html").find("body"), ROOT) == [
        "no single Content-Security-Policy meta"
    ]


# --- 2. nothing secret or internal is published ----------------------------


def published_files(built):
    """Every file under dist/ (dot files too), read once, minus the public feedback endpoint.

    The feedback form posts to the CMS's public endpoint (sites/*.toml
    ``feedback.endpoint``, 127.0.0.1:8000 in development): published on purpose,
    in the CSP and the form. Only that exact URL and its origin are allowed.
    """
    files = {}
    for path in built["dist"].rglob("*"):
        if not path.is_file():
            continue
        content = path.read_bytes()
        slug = path.relative_to(built["dist"]).parts[0]
        if path.parent != built["dist"]:
            endpoint = load_site_config(slug).feedback_endpoint
            for allowed in filter(None, (endpoint, origin(endpoint) if endpoint else "")):
                content = content.replace(allowed.encode("utf-8"), b"")
        files[path] = content
    return files


def test_no_secret_or_internal_address_in_dist(built):
    needles = {
        "SECRET_KEY": SECRET_KEY,
        "mail password": MAIL_PASSWORD,
        "build folder / DATABASE_URL path": str(built["tmp"]),
        "sqlite URL": "sqlite:///",
        "repository path": str(REPO),
        "temporary folder": "/tmp/",  # noqa: S108 - a needle, not a file we write
        "CMS admin base URL": urlsplit(ADMIN_BASE_URL).hostname,
        "CMS address": "127.0.0.1:8000",
        "CMS admin URL": "/admin/",
        "CMS API": "/api/v2/",
    }
    assert len(built["emails"]) >= 3  # load_demo's accounts, one per role
    needles.update({f"account email {email}": email for email in built["emails"]})
    leaks = [
        (label, str(path.relative_to(built["dist"])))
        for path, content in published_files(built).items()
        for label, needle in needles.items()
        if needle.encode("utf-8") in content
    ]
    assert leaks == []


def test_publisher_internal_files_are_not_published(built):
    """The build writes no ``.cong-`` file; publish's walker skips them where they exist."""
    assert list(built["dist"].rglob(f"{RESERVED_PREFIX}*")) == []
    site = built["dist"] / PAYLOAD_SITE
    marker = site / f"{RESERVED_PREFIX}test-internal.json"
    marker.write_text('{"internal": true}', "utf-8")
    try:
        names = {name for name, _path, _stat in walk_files(site)}
        assert "index.html" in names and marker.name not in names
    finally:
        marker.unlink()


# --- 3. XSS corpus: nothing executable survives, the text is still there ---


def _is_json(text):
    try:
        json.loads(text or "")
    except ValueError:
        return False
    return True


def executable_leftovers(tree):
    """Markup from the payloads that would run or load something."""
    found = []
    for el in elements(tree):
        script_type = (el.get("type") or "").lower()
        if el.tag == "script" and not el.get("src"):
            if script_type not in DATA_BLOCK_TYPES:
                found.append(f"<script>{(el.text or '')[:60]}")
            elif not _is_json(el.text):
                found.append(f"broken data block <script>{(el.text or '')[:60]}")
        if el.tag == "script" and "alert" in (el.get("src") or ""):
            found.append(f"<script src={el.get('src')}>")
        if el.tag in FORBIDDEN_ELEMENTS | {"style"}:
            found.append(f"<{el.tag}>")
        for name, value in el.attrib.items():
            if name.lower().startswith("on") or name.lower() in {"autofocus", "style"}:
                found.append(f"<{el.tag} {name}={value!r}>")
            if name.lower() in URL_ATTRIBUTES and is_javascript_url(value):
                found.append(f"<{el.tag} {name}={value!r}>")
    return found


def payload_pages(built):
    return html_pages(built["dist"] / PAYLOAD_SITE) + html_pages(built["dist"] / "portal")


def test_no_payload_markup_survives_anywhere(built):
    pages = payload_pages(built)
    assert len(pages) > 2 * len(PAYLOADS)
    leftovers = {}
    for path in pages:
        found = executable_leftovers(parse_html(path))
        if found:
            leftovers[str(path.relative_to(built["dist"]))] = found
    assert leftovers == {}


def test_orm_payloads_are_shown_as_text(built):
    articles = {r["title"]: r for r in records_of(built, PAYLOAD_SITE, kind="news", lang="vi")}
    assert set(PAYLOADS) <= set(articles)
    for payload in PAYLOADS:
        path = record_page(built, PAYLOAD_SITE, articles[payload])
        tree = parse_html(path)
        expected = " ".join(payload.split())
        assert text_of(tree.find(".//h1")) == expected, path
        assert expected in text_of(tree.find(".//title"))
        # the author (a CharField) and the quote block keep the text too
        assert expected[:200] in text_of(tree.find("body"))
    first = record_page(built, PAYLOAD_SITE, articles[PAYLOADS[0]]).read_text("utf-8")
    assert "&lt;script&gt;alert('xss-1')&lt;/script&gt;" in first.replace("&#39;", "'")
    assert "Đoạn văn" in first  # the rich text paragraph around the payload is kept


def test_snippets_and_field_kinds_are_shown_as_text(built):
    documents = records_of(built, PAYLOAD_SITE, kind="document", lang="vi")
    assert len(documents) == len(PAYLOADS)
    for number, payload in enumerate(PAYLOADS):
        record = next(r for r in documents if r["title"] == f"Văn bản {number} {payload}")
        body = text_of(parse_html(record_page(built, PAYLOAD_SITE, record)).find("body"))
        for text in (
            f"{number}/{payload}"[:100],  # number
            payload,  # issuing body, signer
            f"Lĩnh vực {payload}",  # the topic snippet's name
        ):
            assert " ".join(text.split()) in body, (number, text)


def test_site_settings_payloads_are_shown_as_text(built):
    home = parse_html(built["dist"] / PAYLOAD_SITE / "vi/index.html")
    body = text_of(home.find("body"))
    for payload in PAYLOADS[:8]:  # menu labels
        assert " ".join(payload.split()) in body
    menu_links = [a.get("href") for a in home.iter("a")]
    assert not any(is_javascript_url(href or "") for href in menu_links)
    assert "Liên hệ" in body  # the contact block's text survives sanitising


def test_imported_payloads_are_sanitised(built):
    assert "failed" not in built["imported"].split("→")[-1] or " 0 failed" in built["imported"]
    imported = [
        r
        for r in records_of(built, PAYLOAD_SITE, kind="news", lang="vi")
        if r["title"].startswith("Nhập ")
    ]
    assert len(imported) == len(PAYLOADS)
    for record in imported:
        number = int(record["title"].split()[1])
        tree = parse_html(record_page(built, PAYLOAD_SITE, record))
        body = text_of(tree.find("body"))
        assert f"Thân bài {number}" in body
        # An unclosed <style> swallows the rest as its (dropped) content, as in a browser.
        unclosed_style = "<style>" in PAYLOADS[number] and "</style>" not in PAYLOADS[number]
        assert ("hết" in body) != unclosed_style, number
        assert executable_leftovers(tree) == []


# --- 4. feeds and sitemaps stay well-formed and escape the payloads --------


def test_feeds_and_sitemap_are_well_formed_and_escaped(built):
    site = built["dist"] / PAYLOAD_SITE
    ET.parse(site / "sitemap.xml")  # noqa: S314 - our own build output
    feed = ET.parse(site / "vi/atom.xml")  # noqa: S314 - our own build output
    titles = [el.text or "" for el in feed.iter(f"{ATOM}title")]
    assert any("<script>" in title or "<img" in title for title in titles), titles
    # HTML-typed entry content is rendered as HTML by feed readers: it must be safe too.
    checked = 0
    for el in feed.iter():
        if el.tag in (f"{ATOM}content", f"{ATOM}summary") and el.get("type") == "html":
            fragment = html5lib.parseFragment(el.text or "", namespaceHTMLElements=False)
            assert executable_leftovers(fragment) == [], el.text
            checked += 1
    for path in [*site.rglob("atom.xml"), *built["dist"].joinpath("portal").rglob("atom.xml")]:
        ET.parse(path)  # noqa: S314 - our own build output
    assert checked or not any(feed.iter(f"{ATOM}content"))
