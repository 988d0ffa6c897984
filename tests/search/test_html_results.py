"""The search API's HTML results page, best bets and query statistics, over real HTTP."""

import json
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest

from search.api import SearchAPI, serve
from search.backends import BackendUnavailable, get_backend
from search.best_bets import BestBets
from search.html_results import marked
from search.sites import SitesDirectory
from search.stats import QueryStats, no_result_queries, query_key, top_queries

from .conftest import SITES, index_corpus

PORTAL = "https://portal.example.gov.vn"


def bet(**fields):
    return {
        "id": 1,
        "terms": ["Đầu tư"],
        "site": "portal",
        "lang": "vi",
        "title": "Cẩm nang nhà đầu tư",
        "url": f"{PORTAL}/vi/cam-nang/",
        "description": "",
        "start": None,
        "end": None,
        **fields,
    }


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    work = tmp_path_factory.mktemp("html-results")
    sites = [{**site, "is_portal": site["slug"] == "portal"} for site in SITES]
    (work / "sites.json").write_text(json.dumps(sites, ensure_ascii=False), encoding="utf-8")
    bets = [
        bet(),
        bet(id=2, terms=["dau tu"], site="so-khdt", title="Thủ tục đầu tư của Sở"),
        bet(id=3, terms=["dau tu"], title="Hết hạn", url=f"{PORTAL}/vi/cu/", end="2020-01-01"),
        bet(id=4, terms=["dau tu"], title="Chưa đến", url=f"{PORTAL}/vi/moi/", start="2999-01-01"),
        bet(id=5, terms=["investment"], lang="en", title="Investor guide", url=f"{PORTAL}/en/g/"),
    ]
    (work / "best-bets.json").write_text(
        json.dumps({"version": 1, "best_bets": bets}, ensure_ascii=False), encoding="utf-8"
    )
    backend = index_corpus(get_backend({"VAR_DIR": str(work)}))
    stats = QueryStats(work / "stats.sqlite3")
    app = SearchAPI(
        backend=backend,
        sites=SitesDirectory(work / "sites.json"),
        best_bets=BestBets(work / "best-bets.json"),
        stats=stats,
    )
    server = serve(app, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {
        "base": f"http://127.0.0.1:{server.server_port}",
        "work": work,
        "stats": stats,
        "app": app,
    }
    server.shutdown()
    server.server_close()


def get(base, path, **params):
    url = f"{base}{path}?{urlencode(params)}"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode()


def test_results_page_in_vietnamese_with_facets_escaping_and_csp(setup):
    status, headers, html = get(
        setup["base"], "/search", q="dau tu", lang="vi", **{"from": "portal"}
    )
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "'unsafe-inline'" not in csp
    assert '<html lang="vi"' in html and "Kết quả tìm kiếm" in html
    assert "kết quả</p>" in html
    assert "<mark>đầu</mark>" in html.lower()
    assert "<script" not in html  # the article body's <script> stays text, no script of ours
    assert "&lt;img onerror&gt;" in html
    assert 'href="/search?q=dau+tu&amp;site=so-khdt&amp;lang=vi&amp;from=portal"' in html
    assert "Tin tức (" in html and "Loại nội dung" in html
    # the stylesheet it links is served, cached for a year
    css = html.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    status, headers, body = get(setup["base"], css)
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert "immutable" in headers["Cache-Control"] and "--brand" in body
    assert get(setup["base"], "/search/static/nope.css")[0] == 404


def test_results_page_in_english_and_pagination(setup):
    status, _, html = get(setup["base"], "/search", q="investment", lang="en")
    assert status == 200 and '<html lang="en"' in html and "Search results" in html
    assert "incentives for industrial parks" in html
    assert '<p class="search-count">1 result</p>' in html
    body = {
        "query": "x",
        "total": 35,
        "page": 2,
        "size": 10,
        "results": [],
        "facets": {"site": [], "kind": [], "year": []},
        "best_bets": [],
    }
    page = setup["app"].html.render({"q": "x", "kind": "news"}, lang="en", body=body).decode()
    assert '<a href="/search?q=x&amp;kind=news&amp;lang=en&amp;from=portal" rel="prev">' in page
    link = "/search?q=x&amp;kind=news&amp;lang=en&amp;from=portal"
    assert f'href="{link}&amp;page=3" rel="next"' in page
    assert 'aria-label="Page 2" aria-current="page"' in page and ">4</a>" in page
    assert ">5</a>" not in page


def test_bad_input_and_backend_down_are_pages_in_the_right_language(setup):
    status, headers, html = get(setup["base"], "/search", q="", lang="en")
    assert status == 400 and "Please enter search words" in html
    assert headers["Cache-Control"] == "no-store"
    status, _, html = get(setup["base"], "/search", q="x" * 300, lang="vi")
    assert status == 400 and "Vui lòng nhập từ khóa" in html
    status, _, html = get(setup["base"], "/search", q="dau tu", lang="vi", kind="bogus")
    assert status == 400

    class Down:
        def search(self, request):
            raise BackendUnavailable("index missing")

    app = setup["app"]
    real, app.backend = app.backend, Down()
    try:
        status, _, html = get(
            setup["base"], "/search", q="dau tu", lang="vi", **{"from": "so-khdt"}
        )
    finally:
        app.backend = real
    assert status == 503 and "tạm thời không hoạt động" in html.lower()
    assert 'href="https://sokhdt.example.gov.vn/vi/"' in html


def test_marked_keeps_only_text_and_mark():
    assert marked('a <mark>b</mark> <img src=x onerror="y">c') == "a <mark>b</mark> c"
    assert marked("&lt;script&gt; <b>x</b>") == "&lt;script&gt; x"
    assert marked("<mark>cut") == "<mark>cut</mark>"


# -- best bets ----------------------------------------------------------------------
def search_json(base, **params):
    status, _, body = get(base, "/api/search", **params)
    assert status == 200, body
    return json.loads(body)


def test_best_bets_show_first_on_the_right_scope_and_dates(setup):
    body = search_json(setup["base"], q="đầu tư", lang="vi")
    titles = [b["title"] for b in body["best_bets"]]
    # the portal's pin on the all-sites search; accents do not matter; expired and
    # future ones are not shown; the department's pin does not take the portal search
    assert titles == ["Cẩm nang nhà đầu tư"]
    assert body["best_bets"][0]["site_name"] == "Cổng thông tin điện tử tỉnh"
    department = search_json(setup["base"], q="DAU  TU", lang="vi", site="so-khdt")
    assert [b["title"] for b in department["best_bets"]] == ["Thủ tục đầu tư của Sở"]
    assert search_json(setup["base"], q="dau tu", lang="en")["best_bets"] == []
    assert search_json(setup["base"], q="dau tu nam", lang="vi")["best_bets"] == []
    assert search_json(setup["base"], q="dau tu", lang="vi", page="2")["best_bets"] == []
    english = search_json(setup["base"], q="Investment", lang="en")
    assert [b["url"] for b in english["best_bets"]] == [f"{PORTAL}/en/g/"]
    _, _, html = get(setup["base"], "/search", q="dau tu", lang="vi")
    assert html.index("Cẩm nang nhà đầu tư") < html.index('class="search-list"')
    assert "Đề xuất" in html


def test_best_bets_file_is_reread_when_it_changes_and_a_damaged_one_keeps_the_last(tmp_path):
    path = tmp_path / "best-bets.json"
    bets = BestBets(path)
    assert bets.match("dau tu", site=None, lang="vi", portal="portal") == []
    path.write_text(json.dumps({"best_bets": [bet()]}), encoding="utf-8")
    assert len(bets.match("dau tu", site=None, lang="vi", portal="portal")) == 1
    time.sleep(0.01)
    path.write_text('{"best_bets": [', encoding="utf-8")  # half written
    assert len(bets.match("dau tu", site=None, lang="vi", portal="portal")) == 1
    assert bets.match("dau tu", site=None, lang="vi", portal="portal", today="2019-01-01")
    dated = BestBets(tmp_path / "dated.json")
    (tmp_path / "dated.json").write_text(
        json.dumps({"best_bets": [bet(start="2026-01-01", end="2026-01-31")]}), encoding="utf-8"
    )
    kwargs = {"site": None, "lang": "vi", "portal": "portal"}
    assert dated.match("dau tu", today="2026-01-01", **kwargs)
    assert dated.match("dau tu", today="2026-01-31", **kwargs)
    assert not dated.match("dau tu", today="2026-02-01", **kwargs)
    assert not dated.match("dau tu", today="2025-12-31", **kwargs)


# -- statistics ---------------------------------------------------------------------
def test_queries_are_counted_per_day_site_and_language_with_nothing_identifying(setup):
    base = setup["base"]
    headers = {
        "User-Agent": "Mozilla/5.0 secret-agent",
        "Cookie": "session=abc123",
        "X-Forwarded-For": "203.0.113.9",
    }
    for query in ("Hội nghị", "hoi  NGHI", "không có gì xyzzy"):
        request = urllib.request.Request(
            f"{base}/api/search?{urlencode({'q': query, 'lang': 'vi', 'site': 'so-khdt'})}",
            headers=headers,
        )
        urllib.request.urlopen(request, timeout=10).read()
    get(base, "/api/search", q="hoi nghi", lang="vi", site="so-khdt", page="2")  # not counted
    get(base, "/api/search", q="gọi 0912345678", lang="vi", site="so-khdt")  # a phone number
    get(base, "/api/search", q="ai@example.com", lang="vi", site="so-khdt")
    setup["stats"].flush()
    path = setup["work"] / "stats.sqlite3"
    top = top_queries(path, "so-khdt")
    assert {q: n for q, n, _ in top}["hoi nghi"] == 2
    assert [r for q, _, r in top if q == "hoi nghi"][0] > 0
    assert no_result_queries(path, "so-khdt") == [("khong co gi xyzzy", 1)]
    assert top_queries(path, "portal") == []
    # what is stored, all of it: no address, agent, cookie, time of day or personal data
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT * FROM query_day").fetchall()
        columns = [c[1] for c in connection.execute("PRAGMA table_info(query_day)")]
    assert columns == ["day", "site", "lang", "query", "searches", "no_results", "results"]
    dump = json.dumps(rows)
    for secret in ("203.0.113", "127.0.0.1", "secret-agent", "abc123", "0912345678", "example.com"):
        assert secret not in dump
    assert all(len(row[0]) == 10 for row in rows)  # a day, never a time


def test_counting_never_fails_or_blocks_a_search(tmp_path):
    blocked = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(blocked)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")  # another writer holds the file
    stats = QueryStats(blocked, timeout=0.01, max_pending=2)
    started = time.perf_counter()
    for _ in range(50):
        stats.record("dau tu", "portal", "vi", 3)  # queue full: dropped, never waits
    assert time.perf_counter() - started < 0.1
    stats.flush()  # the writer gave up on the locked file and lost only counts
    holder.rollback()
    holder.close()
    stats.record("dau tu", "portal", "vi", 3)
    stats.flush()
    assert top_queries(blocked, "portal")[0][0] == "dau tu"
    directory = tmp_path / "a-directory"
    directory.mkdir()
    broken = QueryStats(directory)  # not even a file: still no exception
    broken.record("x y", "portal", "vi", 0)
    broken.flush()


def test_query_key_folds_and_refuses_personal_data():
    assert query_key("  Quy   HOẠCH Đô thị ") == "quy hoach do thi"
    assert query_key("2513/KH-UBND") == "2513/kh-ubnd"
    assert query_key("CCCD 079203001234") is None
    assert query_key("0912 345 678") is None
    assert query_key("liên hệ a@b.vn") is None
    assert query_key("   ") is None
