"""The shared backend suite: relevance, filters, facets, snippets, incremental updates.

Runs against the embedded tantivy backend always, and against Elasticsearch
when ELASTICSEARCH_URL points at a live cluster.
"""

import pytest

from search.backends import SearchRequest
from search.indexing import update_site

from .conftest import SITES, corpus_records, make_record


def ids(backend, text, **filters):
    return [hit["id"] for hit in backend.search(SearchRequest(text=text, **filters)).hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dau tu cong", "portal/vi/3"),
        ("DAU TU CONG", "portal/vi/3"),
        ("do thi", "portal/vi/5"),
        ("Đô Thị", "portal/vi/5"),
        ("xuc tien dau tu", "so-khdt/vi/24"),
    ],
)
def test_folded_queries_find_accented_text(backend, query, expected):
    assert expected in ids(backend, query)


def test_đ_is_folded_in_the_index_and_the_query(backend):
    assert "portal/vi/2" in ids(backend, "duong le loi")
    assert "portal/vi/2" in ids(backend, "đuong le loi")


@pytest.mark.parametrize(
    ("query", "first"),
    [("dương", "portal/vi/1"), ("đường", "portal/vi/2"), ("Đường", "portal/vi/2")],
)
def test_exact_accents_rank_above_folded_matches(backend, query, first):
    found = ids(backend, query)
    assert set(found[:2]) == {"portal/vi/1", "portal/vi/2"}, "folded form matches both"
    assert found[0] == first


def test_adjacent_syllables_rank_above_scattered_ones(backend):
    found = ids(backend, "đầu tư", site="portal")
    assert found.index("portal/vi/3") < found.index("portal/vi/4")
    found = ids(backend, "dau tu", site="portal")
    assert found.index("portal/vi/3") < found.index("portal/vi/4")


@pytest.mark.parametrize("query", ["2513/KH-UBND", "2513 KH UBND", "2513khubnd", "2513-kh-ubnd"])
def test_document_numbers_are_found_as_typed_and_without_punctuation(backend, query):
    found = ids(backend, query)
    assert found and found[0] == "so-khdt/vi/21"


def test_english_documents_are_stemmed(backend):
    assert "so-khdt/en/23" in ids(backend, "investments", lang="en")
    assert "so-khdt/en/23" in ids(backend, "investing incentive")
    assert "so-khdt/en/23" in ids(backend, "industrial park", lang="en")


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'đầu tư" OR "x',
        "NEAR(đầu tư)",
        "title_f: đầu",
        "{title} : x",
        "đầu*",
        "^đầu",
        "- đầu",
        "NOT đầu",
        "(",
        "'; DROP TABLE docs; --",
        "\x00\x01",
    ],
)
def test_query_syntax_is_searched_as_text(backend, query):
    results = backend.search(SearchRequest(text=query))
    assert results.total == len(results.hits) or results.total > len(results.hits)
    # Operators are words here: no document contains "or"+"x" or "near", so nothing matches.
    if query in ('đầu tư" OR "x', "NEAR(đầu tư)", "NOT đầu"):
        assert results.total == 0


def test_operator_words_are_found_as_words(backend):
    assert ids(backend, "AND/OR NEAR") == ["portal/vi/6"]


def test_portal_copies_are_not_indexed(backend):
    assert "portal/vi/7" not in ids(backend, "bản sao trên cổng")
    assert not [i for i in ids(backend, "2513khubnd") if i.startswith("portal/")]


def test_hits_carry_absolute_canonical_urls_and_site_names(backend):
    (hit,) = backend.search(SearchRequest(text="2513khubnd")).hits
    assert hit["url"] == "https://sokhdt.example.gov.vn/vi/document/21/"
    assert hit["site"] == "so-khdt" and hit["lang"] == "vi" and hit["kind"] == "document"
    assert hit["site_name"] == "Sở Kế hoạch và Đầu tư"
    assert hit["date"] == "2024-09-30"


def test_snippets_are_escaped_and_marked(backend):
    (hit,) = backend.search(SearchRequest(text="mã độc")).hits
    assert "alert" not in hit["snippet"], "script content is not text"
    assert "<img" not in hit["snippet"] and "&lt;img onerror&gt;" in hit["snippet"]
    assert "<mark>đầu</mark> <mark>tư</mark>" in backend.search(
        SearchRequest(text="dau tu", site="portal", kind="news", size=50)
    ).hits[0]["snippet"].replace("Đầu", "đầu")


def test_titles_are_shown_whole_with_the_matches_marked(backend):
    (hit,) = backend.search(SearchRequest(text="quyet toan von")).hits
    assert hit["title_html"] == (
        "Sở Tài chính hướng dẫn <mark>quyết</mark> <mark>toán</mark> <mark>vốn</mark> "
        "ngân sách cho các xã, phường trên địa bàn"
    )


def test_filters_narrow_results(backend):
    assert set(ids(backend, "dau tu", site="so-khdt")) <= {"so-khdt/vi/21", "so-khdt/vi/24"}
    assert ids(backend, "ke hoach", kind="document") == ["so-khdt/vi/21"]
    assert ids(backend, "dau tu", year=2023) == ["so-khdt/vi/24"]
    assert ids(backend, "dau tu", lang="en") == []


def test_facets_keep_other_values_of_their_own_dimension(backend):
    results = backend.search(SearchRequest(text="dau tu", site="so-khdt"))
    assert results.total == len(ids(backend, "dau tu", site="so-khdt", size=50))
    assert results.facets["site"]["portal"] >= 2  # the other site stays selectable
    assert results.facets["site"]["so-khdt"] == results.total
    assert sum(results.facets["kind"].values()) == results.total
    assert results.facets["year"]["2023"] == 1


def test_pagination_is_stable_and_complete(backend):
    everything = ids(backend, "dau tu", size=50)
    pages = ids(backend, "dau tu", size=2, page=1) + ids(backend, "dau tu", size=2, page=2)
    pages += ids(backend, "dau tu", size=2, page=3) + ids(backend, "dau tu", size=2, page=4)
    assert len(everything) >= 5
    assert pages == everything[: len(pages)]
    assert ids(backend, "dau tu", size=2, page=50) == []


def test_incremental_update_upserts_changes_and_deletes_what_vanished(backend):
    site = SITES[1]
    records = corpus_records()["so-khdt"]
    records[3]["title"] = "Hội nghị xúc tiến thương mại"  # changed
    records[3]["body_html"] = "<p>Thương mại biên giới.</p>"
    del records[1]  # unpublished
    records.append(make_record("so-khdt", 25, "Thông báo tuyển dụng viên chức"))  # new
    names = {"vi": site["name_vi"], "en": site["name_en"]}
    report = update_site("so-khdt", records, site["base_url"], names, backend=backend)
    assert (report.upserted, report.deleted, report.unchanged) == (2, 1, 2)
    assert ids(backend, "tuyen dung") == ["so-khdt/vi/25"]
    assert ids(backend, "xuc tien thuong mai") == ["so-khdt/vi/24"]
    assert "so-khdt/vi/22" not in ids(backend, "bao cao thuc hien")
    assert "portal/vi/3" in ids(backend, "dau tu cong"), "other sites are untouched"
    again = update_site("so-khdt", records, site["base_url"], names, backend=backend)
    assert (again.upserted, again.deleted) == (0, 0)


def test_rebuild_replaces_everything(backend):
    from search.documents import documents_from_records

    fresh = [make_record("portal", 99, "Chỉ còn một bài duy nhất")]
    backend.rebuild(documents_from_records(fresh, "https://portal.example.gov.vn", "Cổng"))
    assert ids(backend, "duy nhat") == ["portal/vi/99"]
    assert ids(backend, "dau tu") == []
