"""What only the embedded backend does: bounded ranking window, schema versions, re-upserts."""

import sqlite3

import pytest

from search.backends import BackendUnavailable, SearchRequest
from search.backends import sqlite as sqlite_backend
from search.backends.sqlite import SQLiteBackend, match_expression
from search.documents import documents_from_records
from search.text import parse_query

from .conftest import corpus_records, index_corpus, make_record


@pytest.fixture
def backend(tmp_path):
    return index_corpus(SQLiteBackend(tmp_path / "search.sqlite3"))


def test_very_common_queries_rank_a_bounded_window_with_an_exact_total(backend, monkeypatch):
    complete = backend.search(SearchRequest(text="dau tu", size=50))
    assert complete.exact and complete.total >= 5
    monkeypatch.setattr(sqlite_backend, "CANDIDATES", 3)
    windowed = backend.search(SearchRequest(text="dau tu", size=2))
    assert not windowed.exact
    assert windowed.total == complete.total
    assert sum(windowed.facets["site"].values()) == 3
    newest = sorted(
        (h for h in complete.hits),
        key=lambda h: (
            backend._reader()
            .execute("SELECT rowid FROM docs WHERE id = ?", (h["id"],))
            .fetchone()[0]
        ),
    )[-3:]
    assert {h["id"] for h in windowed.hits} <= {h["id"] for h in newest}
    deep = backend.search(SearchRequest(text="dau tu", size=2, page=3))
    assert [h["id"] for h in deep.hits] == [h["id"] for h in complete.hits[4:6]]


def test_an_index_of_another_schema_version_asks_for_a_full_rebuild(backend):
    with sqlite3.connect(backend.path) as conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    fresh = SQLiteBackend(backend.path)
    with pytest.raises(BackendUnavailable, match="--full"):
        fresh.search(SearchRequest(text="dau tu"))
    fresh.rebuild(documents_from_records(corpus_records()["portal"], "https://p.example", "P"))
    assert fresh.search(SearchRequest(text="dau tu cong")).total >= 1


def test_repeated_upserts_leave_no_stale_terms(backend):
    for round_name in ("một", "hai", "ba"):
        record = make_record("portal", 3, f"Tiêu đề vòng {round_name}")
        backend.upsert(documents_from_records([record], "https://p.example", "P"))
    assert backend.search(SearchRequest(text="vong mot")).total == 0
    assert backend.search(SearchRequest(text="vong hai")).total == 0
    assert [h["id"] for h in backend.search(SearchRequest(text="vong ba")).hits] == ["portal/vi/3"]
    assert backend.search(SearchRequest(text="dau tu cong")).total == 0, "old text is gone"
    backend.delete(["portal/vi/3", "no/such/id"])
    assert backend.search(SearchRequest(text="vong ba")).total == 0


def test_match_expressions_quote_every_token():
    expression = match_expression(parse_query('đầu" OR x*'), {"site": "so-khdt", "year": 2024})
    assert expression.count('"') % 2 == 0
    assert 'tags : "s_so_khdt"' in expression and 'tags : "y_2024"' in expression
    assert "*" not in expression


def test_words_joined_by_unicode_punctuation_are_found_apart(backend):
    record = make_record("portal", 77, "Chương trình “Xúc–tiến” «thương_mại»")
    backend.upsert(documents_from_records([record], "https://p.example", "P"))
    assert [h["id"] for h in backend.search(SearchRequest(text="xuc tien thuong mai")).hits] == [
        "portal/vi/77"
    ]
