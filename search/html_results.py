"""The search results as an HTML page, for browsers without JavaScript.

    GET /search?q=&site=&lang=&kind=&year=&page=[&from=]

The static search form posts here (its action); with JavaScript the page's own
script takes over instead. The page uses the theme's CSS (served by the API
from themes/, so it is same-origin for the page's CSP) and the theme's gettext
catalogue, so it looks and reads like the site it came from (`from=`, the
slug of the site whose form was used; default: the searched site or the
portal). Jinja2 autoescapes everything; the backend's title and snippet HTML
is rebuilt keeping only text and <mark>, as the script does.
"""

import gettext
import hashlib
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from build.kinds import KIND_LABELS
from build.records import LANGUAGES

PROJECT_DIR = Path(__file__).resolve().parents[1]
TEMPLATES = Path(__file__).resolve().parent / "templates"
THEMES = PROJECT_DIR / "themes"
# Same paths as build/render/site.py SEARCH_PATHS (the static search page of each site).
STATIC_SEARCH_PATHS = {"vi": "/vi/tim-kiem/", "en": "/en/search/"}
STYLESHEETS = {
    "site.css": THEMES / "portal" / "static" / "css" / "site.css",
    "department.css": THEMES / "department" / "static" / "css" / "department.css",
}
STATIC_PREFIX = "/search/static/"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WINDOW = 3  # page links either side of the current page


class _Marked(HTMLParser):
    """Text and <mark> of the backend's escaped HTML; every other tag is dropped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self.parts.append("<mark>")

    def handle_endtag(self, tag):
        if tag == "mark":
            self.parts.append("</mark>")

    def handle_data(self, data):
        self.parts.append(escape(data, quote=False))


def marked(html):
    parser = _Marked()
    parser.feed(html or "")
    parser.close()
    text = "".join(parser.parts)
    # An unbalanced <mark> from a cut snippet must not swallow the rest of the page.
    opened = text.count("<mark>") - text.count("</mark>")
    return Markup(text + "</mark>" * max(opened, 0))  # noqa: S704 - text escaped above


def format_date(iso, lang):
    try:
        year, month, day = int(iso[0:4]), int(iso[5:7]), int(iso[8:10])
    except (TypeError, ValueError):
        return ""
    if not 1 <= month <= 12:
        return ""
    return f"{day:02d}/{month:02d}/{year}" if lang == "vi" else f"{day} {MONTHS[month - 1]} {year}"


def format_count(number, lang):
    return f"{number:,}".replace(",", "." if lang == "vi" else ",")


class Stylesheets:
    """The theme's CSS files under content-hashed names (cached for a year)."""

    def __init__(self, files=STYLESHEETS):
        self.by_name, self.by_url = {}, {}
        for name, path in files.items():
            if path.is_file():
                content = path.read_bytes()
                stem, _, ext = name.rpartition(".")
                url = f"{STATIC_PREFIX}{stem}.{hashlib.sha256(content).hexdigest()[:10]}.{ext}"
                self.by_name[name], self.by_url[url] = url, content

    def url(self, name):
        return self.by_name.get(name)

    def get(self, path):
        return self.by_url.get(path)


class ResultsPage:
    """Renders the results page; the API gives it the request, results and body."""

    def __init__(self, sites, templates=TEMPLATES, themes=THEMES):
        self.sites = sites
        # One environment per language: the server is threaded, and gettext is
        # installed on the environment.
        self.envs = {}
        for lang in LANGUAGES:
            env = Environment(
                loader=FileSystemLoader(str(templates)),
                autoescape=select_autoescape(default=True, default_for_string=True),
                extensions=["jinja2.ext.i18n"],
                auto_reload=False,
            )
            env.filters["marked"] = marked
            catalogue = gettext.translation(
                "messages",
                localedir=str(themes / "portal" / "translations"),
                languages=[lang],
                fallback=True,
            )
            env.install_gettext_translations(catalogue, newstyle=True)
            env.globals["kinds"] = {k: catalogue.gettext(m) for k, m in KIND_LABELS.items()}
            self.envs[lang] = env
        self.stylesheets = Stylesheets()

    def host_site(self, params, request=None):
        """The site whose form sent the query: its name, home and static search page."""
        known = self.sites.sites()
        slug = params.get("from") or (request.site if request else None) or ""
        if slug not in known:
            slug = next((s for s, e in known.items() if e.get("is_portal")), "")
        return slug, known.get(slug) or {}

    def render(self, params, *, lang, request=None, body=None, error=None, status=200):
        """The page as bytes. `error`: "invalid" (bad input) or "unavailable" (index down)."""
        lang = lang if lang in LANGUAGES else "vi"
        slug, site = self.host_site(params, request)
        base = (site.get("base_url") or "").rstrip("/")
        home = f"{base}/{lang}/" if base else ""
        state = {
            "q": (params.get("q") or "").strip()[:200],
            "site": params.get("site") or "",
            "kind": params.get("kind") or "",
            "year": params.get("year") or "",
            "lang": lang,
            "from": slug,
        }

        def link(**changes):
            query = {**state, "page": 1, **changes}
            pairs = [(k, v) for k, v in query.items() if v and not (k == "page" and v == 1)]
            return "/search?" + urlencode(pairs)

        pages = []
        if body and body["total"] > body["size"]:
            last = min(-(-body["total"] // body["size"]), 10_000 // body["size"])
            first = max(1, body["page"] - WINDOW)
            pages = list(range(first, min(last, first + 2 * WINDOW) + 1))
        else:
            last = 1
        stylesheets = [self.stylesheets.url("site.css")]
        if site and not site.get("is_portal"):
            stylesheets.append(self.stylesheets.url("department.css"))
        html = (
            self.envs[lang]
            .get_template("results.html")
            .render(
                lang=lang,
                state=state,
                body=body,
                error=error,
                status=status,
                site_name=site.get(f"name_{lang}") or site.get("name_vi") or "",
                home_url=home,
                static_search_url=f"{base}{STATIC_SEARCH_PATHS[lang]}" if base else "",
                other_lang="en" if lang == "vi" else "vi",
                stylesheets=[s for s in stylesheets if s],
                link=link,
                pages=pages,
                last_page=last,
                format_date=lambda iso: format_date(iso, lang),
                format_count=lambda n: format_count(n, lang),
            )
        )
        return html.encode("utf-8")


def csp(site_origins=()):
    """The page's policy: nothing but the theme's stylesheets and links to the sites."""
    images = " ".join(sorted(site_origins))
    return (
        f"default-src 'none'; style-src 'self'; img-src 'self' data: {images}".rstrip()
        + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
