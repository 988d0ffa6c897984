"""The read-only search API: a small WSGI app, served by the standard library.

    python -m search.api [--host 127.0.0.1] [--port 8090]

    GET /api/search?q=&site=&lang=&kind=&year=&page=&size=
        → {"total", "page", "size", "results": [{title, url, site, site_name, lang,
           kind, date, snippet, title_html}], "facets": {"site": [...], "kind": [...],
           "year": [...]}}
    GET /api/health → {"status": "ok", "backend", "documents"} or 503
    GET /search?q=&site=&lang=&kind=&year=&page=&from= → the results as an HTML page
        (for the static search form without JavaScript; search/html_results.py)

It reads only the index and dist/sites.json (never the CMS database). Errors
are JSON: {"error": {"code", "message", "param"}}; 400 for bad parameters,
429 with Retry-After when a client goes over the rate limit, 503 when the
index is unreachable.

Environment: SEARCH_RATE (requests/s per client, default 5), SEARCH_BURST
(default 30), SEARCH_TRUSTED_PROXIES (comma-separated addresses whose
X-Forwarded-For is believed), DIST_DIR (for sites.json), plus the backend
settings of search/backends.
"""

import argparse
import json
import logging
import os
import socketserver
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from build.records import LANGUAGES, SEARCHABLE_KINDS

from . import suggest
from .backends import BackendUnavailable, SearchRequest, get_backend
from .best_bets import BestBets, default_best_bets_path
from .html_results import ResultsPage, csp
from .indexing import dist_dir
from .ratelimit import RateLimiter
from .sites import SitesDirectory
from .stats import QueryStats, default_stats_path

logger = logging.getLogger("search.api")

MAX_QUERY_CHARS = 200
MAX_SIZE = 50
DEFAULT_SIZE = 10
MAX_RESULT_WINDOW = 10_000  # page × size beyond this is refused (deep paging is costly)
MAX_QUERY_FIELDS = 20
SEARCH_CACHE = "public, max-age=60"
RESULT_FIELDS = ("title", "url", "site", "lang", "kind", "date", "snippet", "title_html")
# A hit found in an attached file: {"title", "filename", "url"} of that file, else null.
RESULT_OBJECTS = ("attachment",)

_STATUS = {
    200: "200 OK",
    204: "204 No Content",
    400: "400 Bad Request",
    404: "404 Not Found",
    405: "405 Method Not Allowed",
    429: "429 Too Many Requests",
    500: "500 Internal Server Error",
    503: "503 Service Unavailable",
}


class BadRequest(Exception):
    def __init__(self, param, message):
        super().__init__(message)
        self.param, self.message = param, message


def _int_param(params, name, default, low, high):
    raw = params.get(name, "")
    if raw == "":
        return default
    if not raw.isascii() or not raw.isdigit() or len(raw) > 6:
        raise BadRequest(name, f"{name} must be a whole number from {low} to {high}")
    value = int(raw)
    if not low <= value <= high:
        raise BadRequest(name, f"{name} must be a whole number from {low} to {high}")
    return value


def _choice_param(params, name, allowed):
    raw = params.get(name, "")
    if raw == "":
        return None
    if raw not in allowed:
        raise BadRequest(name, f"unknown {name}: {raw[:50]!r}")
    return raw


def parse_search_params(params, known_sites):
    """A SearchRequest from the query parameters ({name: first value}); raises BadRequest."""
    text = params.get("q", "").strip()
    if not text:
        raise BadRequest("q", "q (the search text) is required")
    if len(text) > MAX_QUERY_CHARS:
        raise BadRequest("q", f"q is longer than {MAX_QUERY_CHARS} characters")
    size = _int_param(params, "size", DEFAULT_SIZE, 1, MAX_SIZE)
    page = _int_param(params, "page", 1, 1, MAX_RESULT_WINDOW)
    if page * size > MAX_RESULT_WINDOW:
        raise BadRequest("page", f"page × size may not exceed {MAX_RESULT_WINDOW}")
    return SearchRequest(
        text=text,
        site=_choice_param(params, "site", known_sites),
        lang=_choice_param(params, "lang", LANGUAGES),
        kind=_choice_param(params, "kind", SEARCHABLE_KINDS),
        year=_int_param(params, "year", None, 1900, 2200),
        page=page,
        size=size,
    )


class SearchAPI:
    """The WSGI application."""

    def __init__(
        self,
        backend=None,
        sites=None,
        limiter=None,
        trusted_proxies=(),
        *,
        best_bets=None,
        stats=None,
    ):
        self.backend = backend or get_backend()
        self.sites = sites or SitesDirectory(dist_dir() / "sites.json")
        self.limiter = limiter
        self.trusted_proxies = set(trusted_proxies)
        self.best_bets = best_bets  # BestBets or None
        self.stats = stats  # QueryStats or None
        self.html = ResultsPage(self.sites)

    # -- plumbing ------------------------------------------------------------
    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD", "GET")
        headers = [("Vary", "Origin"), ("X-Content-Type-Options", "nosniff")]
        origin = environ.get("HTTP_ORIGIN")
        if origin and origin.lower() in self.sites.origins():
            headers.append(("Access-Control-Allow-Origin", origin))
        try:
            path = environ.get("PATH_INFO", "")
            if path == "/search" or path.startswith("/search/"):
                status, body, extra = self._html(environ, method, path)
            else:
                status, body, extra = self._dispatch(environ, method)
        except Exception:  # a bug: answer without a stack trace, log it for us
            logger.exception("search API failed")
            status, body, extra = _error(500, "internal", "internal error")
        headers += extra
        if isinstance(body, bytes):  # the HTML page or its stylesheet (type in extra)
            payload = body
        else:
            payload = b"" if body is None else json.dumps(body, ensure_ascii=False).encode()
        if body is not None and not isinstance(body, bytes):
            headers.append(("Content-Type", "application/json; charset=utf-8"))
        headers.append(("Content-Length", str(len(payload))))
        start_response(_STATUS[status], headers)
        return [b""] if method == "HEAD" else [payload]

    def _dispatch(self, environ, method):
        path = environ.get("PATH_INFO", "")
        if path not in ("/api/search", "/api/health", "/api/suggest"):
            return _error(404, "not_found", "no such endpoint")
        if method == "OPTIONS":
            return (
                204,
                None,
                [
                    ("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS"),
                    ("Access-Control-Max-Age", "86400"),
                    ("Cache-Control", "public, max-age=86400"),
                ],
            )
        if method not in ("GET", "HEAD"):
            status, body, extra = _error(405, "method_not_allowed", "only GET is allowed")
            return status, body, [*extra, ("Allow", "GET, HEAD, OPTIONS")]
        if path == "/api/health":
            return self._health()
        if self.limiter is not None:
            wait = self.limiter.allow(self._client(environ))
            if wait:
                status, body, extra = _error(429, "rate_limited", "too many requests")
                return status, body, [*extra, ("Retry-After", str(wait))]
        if path == "/api/suggest":
            return suggest.endpoint(self, environ)
        return self._search(environ)

    def _client(self, environ):
        address = environ.get("REMOTE_ADDR", "")
        forwarded = environ.get("HTTP_X_FORWARDED_FOR", "")
        if address in self.trusted_proxies and forwarded:
            return forwarded.split(",")[-1].strip()
        return address

    # -- endpoints -----------------------------------------------------------
    def _health(self):
        try:
            body = self.backend.health()
        except BackendUnavailable as exc:
            logger.warning("search backend unavailable: %s", exc)
            return 503, {"status": "unavailable"}, [("Cache-Control", "no-store")]
        return 200, body, [("Cache-Control", "no-store")]

    def _params(self, environ):
        raw = parse_qs(
            environ.get("QUERY_STRING", ""),
            keep_blank_values=True,
            max_num_fields=MAX_QUERY_FIELDS,
        )
        return {name: values[0] for name, values in raw.items()}

    def _search(self, environ):
        try:
            params = self._params(environ)
        except ValueError:
            return _error(400, "invalid_parameter", "too many query parameters")
        try:
            request = parse_search_params(params, self.sites.slugs())
        except BadRequest as exc:
            return _error(400, "invalid_parameter", exc.message, exc.param)
        try:
            body = self._run(request)
        except BackendUnavailable as exc:
            logger.warning("search backend unavailable: %s", exc)
            status, body, extra = _error(503, "unavailable", "search is unavailable")
            return status, body, [*extra, ("Retry-After", "30")]
        return 200, body, [("Cache-Control", SEARCH_CACHE)]

    def _run(self, request):
        """Search, count the query (first pages only) and add the best bets: the body."""
        results = self.backend.search(request)
        body = self._body(request, results)
        body["best_bets"] = []
        if request.page == 1:
            if self.stats is not None:
                self.stats.record(request.text, request.site, request.lang, results.total)
            if self.best_bets is not None:
                portal = next((s for s, e in self.sites.sites().items() if e.get("is_portal")), "")
                body["best_bets"] = [
                    {
                        "title": bet.get("title") or "",
                        "url": bet.get("url") or "",
                        "description": bet.get("description") or "",
                        "site": bet.get("site") or "",
                        "site_name": self.sites.name(bet.get("site"), request.lang or "vi"),
                        "lang": bet.get("lang") or request.lang or "",
                    }
                    for bet in self.best_bets.match(
                        request.text, site=request.site, lang=request.lang, portal=portal
                    )
                ]
        return body

    def _html(self, environ, method, path):
        """The no-JavaScript results page (and the theme CSS it links to)."""
        if method not in ("GET", "HEAD"):
            return 405, b"", [("Allow", "GET, HEAD"), ("Content-Type", "text/plain")]
        if path != "/search":
            css = self.html.stylesheets.get(path)
            if css is None:
                return 404, b"", [("Content-Type", "text/plain")]
            return (
                200,
                css,
                [
                    ("Content-Type", "text/css; charset=utf-8"),
                    ("Cache-Control", "public, max-age=31536000, immutable"),
                ],
            )
        headers = [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Security-Policy", csp(self.sites.origins())),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ]
        try:
            params = self._params(environ)
        except ValueError:
            params = {}
        lang = params.get("lang") if params.get("lang") in LANGUAGES else "vi"
        page = self.html.render
        if self.limiter is not None and self.limiter.allow(self._client(environ)):
            body = page(params, lang=lang, error="busy", status=429)
            return 429, body, [*headers, ("Cache-Control", "no-store"), ("Retry-After", "5")]
        try:
            request = parse_search_params({**params, "lang": lang}, self.sites.slugs())
        except BadRequest:
            return 400, page(params, lang=lang, error="invalid"), [*headers, _NO_STORE]
        try:
            body = self._run(request)
        except BackendUnavailable as exc:
            logger.warning("search backend unavailable: %s", exc)
            return 503, page(params, lang=lang, error="unavailable"), [*headers, _NO_STORE]
        html = page(params, lang=lang, request=request, body=body)
        return 200, html, [*headers, ("Cache-Control", SEARCH_CACHE)]

    def _body(self, request, results):
        hits = []
        for hit in results.hits:
            item = {name: hit.get(name) or "" for name in RESULT_FIELDS}
            item.update({name: hit.get(name) or None for name in RESULT_OBJECTS})
            item["site_name"] = self.sites.name(hit["site"], hit["lang"]) or hit.get("site_name")
            hits.append(item)
        facets = results.facets
        site_lang = request.lang or "vi"
        return {
            "query": request.text,
            "total": results.total,
            # True when the query matched so much that ranking and facet counts
            # cover only the newest candidates (the total stays exact).
            "approximate": not results.exact,
            "page": request.page,
            "size": request.size,
            "results": hits,
            "facets": {
                "site": [
                    {"value": s, "label": self.sites.name(s, site_lang) or s, "count": n}
                    for s, n in sorted(facets.get("site", {}).items(), key=lambda i: -i[1])
                ],
                "kind": [
                    {"value": k, "count": n}
                    for k, n in sorted(facets.get("kind", {}).items(), key=lambda i: -i[1])
                ],
                "year": [
                    {"value": y, "count": n}
                    for y, n in sorted(facets.get("year", {}).items(), reverse=True)
                ],
            },
        }


_NO_STORE = ("Cache-Control", "no-store")


def _error(status, code, message, param=None):
    error = {"code": code, "message": message}
    if param:
        error["param"] = param
    return status, {"error": error}, [("Cache-Control", "no-store")]


def make_app(env=None):
    """The app configured from the environment."""
    env = os.environ if env is None else env
    rate = float(env.get("SEARCH_RATE") or 5)
    burst = int(env.get("SEARCH_BURST") or 30)
    proxies = [p.strip() for p in (env.get("SEARCH_TRUSTED_PROXIES") or "").split(",") if p]
    return SearchAPI(
        backend=get_backend(env),
        sites=SitesDirectory(dist_dir(env) / "sites.json"),
        limiter=RateLimiter(rate, burst),
        trusted_proxies=proxies,
        best_bets=BestBets(default_best_bets_path(env)),
        stats=None if env.get("SEARCH_STATS") == "off" else QueryStats(default_stats_path(env)),
    )


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        logger.debug("%s %s", self.address_string(), format % args)


def serve(app, host="127.0.0.1", port=8090):
    """A threaded HTTP server for the app (call serve_forever() on it)."""
    return make_server(
        host, port, app, server_class=ThreadingWSGIServer, handler_class=QuietHandler
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description="Serve the Cổng search API.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    args = parser.parse_args(argv)
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    server = serve(make_app(), args.host, args.port)
    logger.info("search API on http://%s:%s/api/search", args.host, server.server_port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
