"""Contract tests of the search API over real HTTP on loopback (and a fuzz of the WSGI app)."""

import io
import json
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.api import SearchAPI, serve
from search.backends.embedded import SCHEMA_VERSION, TantivyBackend
from search.ratelimit import RateLimiter
from search.sites import SitesDirectory

from .conftest import SITES, index_corpus

PROJECT_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site_list(tmp_path_factory):
    path = tmp_path_factory.mktemp("dist") / "sites.json"
    path.write_text(json.dumps(SITES, ensure_ascii=False), encoding="utf-8")
    return SitesDirectory(path)


@pytest.fixture(scope="module")
def indexed_backend(tmp_path_factory):
    return index_corpus(TantivyBackend(tmp_path_factory.mktemp("index") / "search-index"))


def start_server(app):
    server = serve(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def api(indexed_backend, site_list):
    server, base = start_server(SearchAPI(backend=indexed_backend, sites=site_list))
    yield base
    server.shutdown()
    server.server_close()


def get(base, path, params=None, headers=None, method="GET"):
    url = f"{base}{path}" + (f"?{urlencode(params)}" if params is not None else "")
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def get_json(base, path, params=None, headers=None):
    status, response_headers, body = get(base, path, params, headers)
    return status, response_headers, json.loads(body)


def test_search_answers_with_the_documented_shape(api):
    status, headers, body = get_json(api, "/api/search", {"q": "dau tu", "lang": "vi"})
    assert status == 200
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert headers["Cache-Control"].startswith("public, max-age=")
    assert set(body) >= {"total", "results", "facets"}
    assert body["total"] >= len(body["results"]) > 0
    result = body["results"][0]
    assert set(result) >= {"title", "url", "site", "site_name", "lang", "kind", "date", "snippet"}
    assert result["url"].startswith("https://")
    assert "<mark>" in "".join(r["snippet"] + r["title_html"] for r in body["results"])
    assert {f["value"] for f in body["facets"]["site"]} == {"portal", "so-khdt"}
    site_labels = {f["value"]: f["label"] for f in body["facets"]["site"]}
    assert site_labels["so-khdt"] == "Sở Kế hoạch và Đầu tư"
    assert {f["value"] for f in body["facets"]["kind"]} >= {"news", "document"}
    assert all(set(f) == {"value", "count"} for f in body["facets"]["year"])


def test_results_come_from_every_site_and_site_narrows_them(api):
    _, _, everything = get_json(api, "/api/search", {"q": "dau tu", "size": 50})
    assert {r["site"] for r in everything["results"]} == {"portal", "so-khdt"}
    _, _, one = get_json(api, "/api/search", {"q": "dau tu", "site": "so-khdt", "size": 50})
    assert {r["site"] for r in one["results"]} == {"so-khdt"}
    assert one["total"] < everything["total"]


def test_site_name_follows_the_language_of_the_result(api):
    _, _, body = get_json(api, "/api/search", {"q": "investments", "lang": "en"})
    assert body["results"][0]["site_name"] == "Department of Planning and Investment"


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "đ" * 201}, "q"),
        ({"q": "dau", "page": "0"}, "page"),
        ({"q": "dau", "page": "-1"}, "page"),
        ({"q": "dau", "page": "abc"}, "page"),
        ({"q": "dau", "page": "1.5"}, "page"),
        ({"q": "dau", "page": "٣"}, "page"),  # a digit, but not an ASCII one
        ({"q": "dau", "page": "9999999999999"}, "page"),
        ({"q": "dau", "page": "1000", "size": "50"}, "page"),
        ({"q": "dau", "size": "0"}, "size"),
        ({"q": "dau", "size": "51"}, "size"),
        ({"q": "dau", "size": "ten"}, "size"),
        ({"q": "dau", "lang": "fr"}, "lang"),
        ({"q": "dau", "kind": "home"}, "kind"),
        ({"q": "dau", "kind": "news_index"}, "kind"),
        ({"q": "dau", "site": "nowhere"}, "site"),
        ({"q": "dau", "year": "20x4"}, "year"),
    ],
)
def test_bad_parameters_get_400_json(api, params, param):
    status, headers, body = get_json(api, "/api/search", params)
    assert status == 400
    assert body["error"]["code"] == "invalid_parameter"
    assert body["error"]["param"] == param
    assert body["error"]["message"]
    assert headers["Cache-Control"] == "no-store"


def test_a_200_character_query_is_accepted(api):
    status, _, _ = get(api, "/api/search", {"q": "đ" * 200})
    assert status == 200


def test_unknown_paths_and_methods(api):
    status, _, body = get(api, "/api/nothing", {"q": "x"})
    assert status == 404 and json.loads(body)["error"]["code"] == "not_found"
    status, headers, body = get(api, "/api/search", {"q": "x"}, method="POST")
    assert status == 405 and "GET" in headers["Allow"]


def test_head_has_no_body(api):
    status, headers, body = get(api, "/api/search", {"q": "dau tu"}, method="HEAD")
    assert status == 200 and body == b""


def test_health(api):
    status, headers, body = get_json(api, "/api/health")
    assert status == 200
    assert body["status"] == "ok" and body["backend"] == "tantivy" and body["documents"] == 12
    assert headers["Cache-Control"] == "no-store"


def test_cors_allows_exactly_the_sites_origins(api):
    for origin in ("https://portal.example.gov.vn", "https://sokhdt.example.gov.vn"):
        _, headers, _ = get(api, "/api/search", {"q": "dau"}, {"Origin": origin})
        assert headers["Access-Control-Allow-Origin"] == origin
        assert "Origin" in headers["Vary"]
    for origin in ("https://evil.example", "http://portal.example.gov.vn", "null"):
        _, headers, _ = get(api, "/api/search", {"q": "dau"}, {"Origin": origin})
        assert "Access-Control-Allow-Origin" not in headers
    _, headers, _ = get(api, "/api/search", {"q": "dau"})
    assert "Access-Control-Allow-Origin" not in headers


def test_cors_preflight(api):
    origin = "https://portal.example.gov.vn"
    status, headers, body = get(api, "/api/search", None, {"Origin": origin}, method="OPTIONS")
    assert status == 204 and body == b""
    assert headers["Access-Control-Allow-Origin"] == origin
    assert "GET" in headers["Access-Control-Allow-Methods"]


def test_cors_follows_a_changed_sites_list(indexed_backend, tmp_path):
    path = tmp_path / "sites.json"
    path.write_text(json.dumps(SITES[:1]), encoding="utf-8")
    app = SearchAPI(backend=indexed_backend, sites=SitesDirectory(path))
    assert (
        call(app, "q=dau", origin="https://sokhdt.example.gov.vn")[1].get(
            "Access-Control-Allow-Origin"
        )
        is None
    )
    path.write_text(json.dumps(SITES), encoding="utf-8")
    headers = call(app, "q=dau", origin="https://sokhdt.example.gov.vn")[1]
    assert headers["Access-Control-Allow-Origin"] == "https://sokhdt.example.gov.vn"


def test_rate_limit_answers_429_with_retry_after(indexed_backend, site_list):
    app = SearchAPI(
        backend=indexed_backend, sites=site_list, limiter=RateLimiter(rate=0.5, burst=3)
    )
    server, base = start_server(app)
    try:
        statuses = [get(base, "/api/search", {"q": "dau"})[0] for _ in range(3)]
        status, headers, body = get(base, "/api/search", {"q": "dau"})
        health_status = get(base, "/api/health")[0]
    finally:
        server.shutdown()
        server.server_close()
    assert statuses == [200, 200, 200]
    assert status == 429
    assert json.loads(body)["error"]["code"] == "rate_limited"
    assert 1 <= int(headers["Retry-After"]) <= 2
    assert health_status == 200, "health checks are not rate limited"


def test_rate_limit_is_per_client_and_believes_only_trusted_proxies(indexed_backend, site_list):
    app = SearchAPI(
        backend=indexed_backend,
        sites=site_list,
        limiter=RateLimiter(rate=0.1, burst=1),
        trusted_proxies=["10.0.0.1"],
    )
    assert call(app, "q=dau", remote="192.0.2.1")[0] == "200 OK"
    assert call(app, "q=dau", remote="192.0.2.1")[0].startswith("429")
    assert call(app, "q=dau", remote="192.0.2.2")[0] == "200 OK"
    # Behind the trusted proxy, X-Forwarded-For names the client…
    assert call(app, "q=dau", remote="10.0.0.1", forwarded="198.51.100.7")[0] == "200 OK"
    assert call(app, "q=dau", remote="10.0.0.1", forwarded="198.51.100.8")[0] == "200 OK"
    # …from anyone else it is ignored (no dodging the limit by inventing addresses).
    assert call(app, "q=dau", remote="192.0.2.1", forwarded="203.0.113.9")[0].startswith("429")


def test_missing_index_gives_503_json(tmp_path, site_list):
    app = SearchAPI(backend=TantivyBackend(tmp_path / "absent"), sites=site_list)
    server, base = start_server(app)
    try:
        status, headers, body = get_json(base, "/api/search", {"q": "dau tu"})
        health = get_json(base, "/api/health")
    finally:
        server.shutdown()
        server.server_close()
    assert status == 503
    assert body["error"]["code"] == "unavailable"
    assert headers["Cache-Control"] == "no-store" and headers["Retry-After"]
    assert health[0] == 503 and health[2]["status"] == "unavailable"


def test_corrupt_index_gives_503(tmp_path, site_list):
    generation = tmp_path / "search-index.d" / "1"
    generation.mkdir(parents=True)
    (generation / "cong-schema").write_text(SCHEMA_VERSION)
    (generation / "meta.json").write_bytes(b"not an index" * 100)
    path = tmp_path / "search-index"
    path.symlink_to(generation)
    app = SearchAPI(backend=TantivyBackend(path), sites=site_list)
    assert call(app, "q=dau")[0].startswith("503")


def test_unreachable_elasticsearch_gives_503(site_list):
    from search.backends.elasticsearch import ElasticsearchBackend

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    backend = ElasticsearchBackend(f"http://127.0.0.1:{port}", request_timeout=2)
    app = SearchAPI(backend=backend, sites=site_list)
    status, headers, body = call(app, "q=dau+tu")
    assert status.startswith("503")
    assert json.loads(body)["error"]["code"] == "unavailable"
    assert call(app, "", path="/api/health")[0].startswith("503")


def test_the_api_does_not_need_django():
    code = (
        "import sys, search.api, search.indexing;"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('django', 'wagtail', 'cms')]"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_DIR, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_command_line_serves(tmp_path):
    index = tmp_path / "search-index"
    index_corpus(TantivyBackend(index))
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "sites.json").write_text(json.dumps(SITES), encoding="utf-8")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {"SEARCH_INDEX_PATH": str(index), "DIST_DIR": str(tmp_path / "dist"), "PATH": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "search.api", "--host", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT_DIR,
        env=env,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                status, _, body = get_json(base, "/api/search", {"q": "2513/KH-UBND"})
                break
            except urllib.error.URLError:
                threading.Event().wait(0.05)
        assert status == 200
        assert body["results"][0]["url"] == "https://sokhdt.example.gov.vn/vi/document/21/"
    finally:
        process.terminate()
        process.wait(timeout=10)


# -- fuzz: no input produces a 5xx ------------------------------------------------


def call(app, query_string, path="/api/search", origin=None, remote="127.0.0.1", forwarded=None):
    environ = {"PATH_INFO": path, "QUERY_STRING": query_string, "REMOTE_ADDR": remote}
    if origin:
        environ["HTTP_ORIGIN"] = origin
    if forwarded:
        environ["HTTP_X_FORWARDED_FOR"] = forwarded
    setup_testing_defaults(environ)
    environ["wsgi.input"] = io.BytesIO()
    captured = {}

    def start_response(status, headers):
        captured["status"], captured["headers"] = status, dict(headers)

    body = b"".join(app(environ, start_response))
    return captured["status"], captured["headers"], body


PARAM_NAMES = st.sampled_from(["q", "site", "lang", "kind", "page", "size", "year", "other"])
PARAM_VALUES = st.one_of(
    st.text(max_size=250),
    st.sampled_from(["vi", "en", "news", "portal", "so-khdt", "1", "50", "0", "-1", "2025"]),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.text(alphabet="\"'*^-(){}:;%&+=#\\/ ORANDNOTNEAR", max_size=40),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=st.lists(st.tuples(PARAM_NAMES, PARAM_VALUES), max_size=8))
def test_fuzzed_parameters_never_produce_a_server_error(indexed_backend, site_list, params):
    app = SearchAPI(backend=indexed_backend, sites=site_list)
    status, headers, body = call(app, urlencode(params))
    assert status[:3] in {"200", "400"}, (params, status, body)
    payload = json.loads(body)
    assert ("error" in payload) == status.startswith("400")


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=300))
def test_fuzzed_raw_query_strings_never_produce_a_server_error(indexed_backend, site_list, raw):
    app = SearchAPI(backend=indexed_backend, sites=site_list)
    status, _, body = call(app, raw.decode("latin-1"))
    assert status[:3] in {"200", "400"}, (raw, status, body)
    json.loads(body)
