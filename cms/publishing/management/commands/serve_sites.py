"""manage.py serve_sites: a static preview server for dist/, as nginx serves it in production.

/<slug>/… is served from DIST_DIR/<slug>/…, / lists the sites (from dist/sites.json).
Directories answer with their index.html, a missing file with the site's 404.html.
Every response carries the security headers production sends.
"""

import html
import io
import mimetypes
import posixpath
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand

from build.sitesfile import read_sites

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "SAMEORIGIN",
}
EXTRA_TYPES = {
    ".xml": "application/xml",
    ".json": "application/json",
    ".webp": "image/webp",
    ".js": "text/javascript",
    ".css": "text/css",
    ".txt": "text/plain",
    ".html": "text/html",
    ".svg": "image/svg+xml",
    ".pdf": "application/pdf",
}
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/atom+xml")


def content_security_policy(search_api_url, feedback_urls=()):
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(search_api_url))
    # The sites' feedback forms post to and fetch from the CMS (sites/*.toml [feedback]).
    feedback = " ".join(
        sorted({"{0.scheme}://{0.netloc}".format(urlsplit(url)) for url in feedback_urls if url})
    )
    connect = " ".join(dict.fromkeys(f"{origin} {feedback}".split()))
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src 'self' {connect}; font-src 'self'; object-src 'none'; base-uri 'self'; "
        f"form-action 'self' {connect}".rstrip()  # search: the no-JavaScript results page
        + "; frame-ancestors 'self'"
    )


def configured_feedback_urls():
    """Every site file's feedback endpoint (a site without its own file gets the defaults)."""
    from build.siteconfig import SITES_DIR, load_site_config

    slugs = {p.stem for p in SITES_DIR.glob("*.toml") if not p.stem.startswith("_")}
    return {load_site_config(slug).feedback_endpoint for slug in slugs | {"default-site"}}


class SitesHandler(SimpleHTTPRequestHandler):
    server_version = "CongStatic"
    sys_version = ""

    def __init__(self, *args, dist_dir, csp, **kwargs):
        self.dist_dir = Path(dist_dir)
        self.csp = csp
        super().__init__(*args, directory=str(dist_dir), **kwargs)

    def end_headers(self):
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()

    def guess_type(self, path):
        suffix = Path(str(path)).suffix.lower()
        if str(path).endswith("atom.xml"):
            ctype = "application/atom+xml"
        else:
            ctype = (
                EXTRA_TYPES.get(suffix)
                or mimetypes.guess_type(str(path))[0]
                or "application/octet-stream"
            )
        return f"{ctype}; charset=utf-8" if ctype.startswith(TEXT_TYPES) else ctype

    def list_directory(self, path):
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def _site_and_file(self):
        path = posixpath.normpath(unquote(urlsplit(self.path).path))
        parts = [p for p in path.split("/") if p and p not in (".", "..")]
        return parts

    def send_head(self):
        parts = self._site_and_file()
        if not parts:
            return self._send_index()
        if parts[0].startswith("."):  # temporary build folders are never served
            return self._not_found(None)
        target = self.dist_dir.joinpath(*parts)
        if target.is_dir() and not urlsplit(self.path).path.endswith("/"):
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", urlsplit(self.path).path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return self._not_found(parts[0])
        return super().send_head()

    def _not_found(self, slug):
        page = self.dist_dir / slug / "404.html" if slug else None
        body = (
            page.read_bytes()
            if page and page.is_file()
            else b"<!DOCTYPE html><title>404</title><h1>404</h1>"
        )
        return self._send_bytes(body, "text/html; charset=utf-8", HTTPStatus.NOT_FOUND)

    def _send_index(self):
        sites = list(read_sites(self.dist_dir).values())
        items = (
            "".join(
                f'<li><a href="/{html.escape(s["slug"])}/vi/">{html.escape(s["name_vi"])}</a> · '
                f'<a href="/{html.escape(s["slug"])}/en/" lang="en">'
                f"{html.escape(s['name_en'])}</a></li>"
                for s in sites
            )
            or "<li>No site has been built yet: run <code>manage.py build_sites</code>.</li>"
        )
        body = (
            '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<title>Cổng – sites</title></head><body><main><h1>Cổng</h1>"
            f"<ul>{items}</ul></main></body></html>"
        ).encode()
        return self._send_bytes(body, "text/html; charset=utf-8", HTTPStatus.OK)

    def _send_bytes(self, body, ctype, status):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        if self.server.verbose:
            super().log_message(format, *args)


def make_server(host, port, dist_dir, search_api_url, verbose=False, *, feedback_urls=None):
    if feedback_urls is None:
        feedback_urls = configured_feedback_urls()
    csp = content_security_policy(search_api_url, feedback_urls)
    handler = partial(SitesHandler, dist_dir=dist_dir, csp=csp)
    server = ThreadingHTTPServer((host, port), handler)
    server.verbose = verbose
    return server


class Command(BaseCommand):
    help = (
        "Serve DIST_DIR: /<slug>/ from DIST_DIR/<slug>/ and a list of the sites at /, "
        "with the content types and security headers nginx sends in production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8080)

    def handle(self, *args, host, port, **options):
        server = make_server(
            host, port, settings.DIST_DIR, settings.SEARCH_API_URL, verbose=options["verbosity"] > 1
        )
        self.stdout.write(f"Serving {settings.DIST_DIR} at http://{host}:{port}/ (Ctrl-C stops)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
