"""What the Elasticsearch backend sends: template, mappings, analyzers, bulk actions, queries.

The real elasticsearch 9 client talks to a recording stand-in on loopback
(fake_elasticsearch.py); assertions are on the structure of the bodies.
The relevance suite itself runs against a live cluster in test_backends.py
when ELASTICSEARCH_URL is set.
"""

import pytest

from search.backends import SearchRequest, get_backend
from search.backends.elasticsearch import ElasticsearchBackend
from search.documents import documents_from_records
from search.indexing import update_site
from search.suggest import suggestions

from .conftest import SITES, corpus_records, make_record
from .fake_elasticsearch import FakeElasticsearch


@pytest.fixture
def fake():
    with FakeElasticsearch() as server:
        yield server


@pytest.fixture
def backend(fake):
    backend = ElasticsearchBackend(fake.url, index="cong-search")
    yield backend
    backend.close()


def department_documents():
    site = SITES[1]
    names = {"vi": site["name_vi"], "en": site["name_en"]}
    return list(documents_from_records(corpus_records()["so-khdt"], site["base_url"], names))


def walk(value):
    """Every (key, value) pair in a nested JSON body."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key, item
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def test_environment_chooses_the_backend(tmp_path):
    assert get_backend({"SEARCH_INDEX_PATH": str(tmp_path / "index")}).name == "tantivy"
    chosen = get_backend({"ELASTICSEARCH_URL": "http://127.0.0.1:9", "SEARCH_INDEX": "x"})
    assert chosen.name == "elasticsearch" and chosen.alias == "x"


def test_first_upsert_creates_template_index_and_alias(fake, backend):
    backend.upsert(department_documents())
    template_put = fake.state.of("PUT", "/_index_template/cong-search")
    assert len(template_put) == 1
    (created,) = [r for r in fake.state.of("PUT") if not r.path.startswith("/_")]
    concrete = created.path.strip("/")
    assert concrete.startswith("cong-search-")
    template = template_put[0].body
    assert any(concrete.startswith(p.rstrip("*")) for p in template["index_patterns"])
    assert fake.state.aliases["cong-search"] == {concrete}
    assert len(fake.state.indices[concrete]) == 4


def test_template_analyzers_fold_vietnamese_and_stem_english(fake, backend):
    backend.upsert(department_documents())
    template = fake.state.of("PUT", "/_index_template/")[0].body["template"]
    analysis = template["settings"]["analysis"]
    filters, analyzers = analysis["filter"], analysis["analyzer"]

    def filter_types(analyzer):
        return [filters.get(name, {"type": name})["type"] for name in analyzers[analyzer]["filter"]]

    folded = analyzers["vi_folded"]
    assert folded["tokenizer"] == "standard"
    assert filter_types("vi_folded") == ["lowercase", "asciifolding"]
    (folding,) = [filters[n] for n in folded["filter"] if n in filters]
    assert folding["preserve_original"] is True
    assert "asciifolding" not in filter_types("vi_exact")
    shingles = [filters[n] for n in analyzers["vi_shingles"]["filter"] if n in filters]
    (shingle,) = [f for f in shingles if f["type"] == "shingle"]
    assert shingle["min_shingle_size"] == shingle["max_shingle_size"] == 2
    assert shingle["output_unigrams"] is False

    properties = template["mappings"]["properties"]
    for field in ("title_vi", "body_vi"):
        assert properties[field]["analyzer"] == "vi_folded"
        assert properties[field]["fields"]["exact"]["analyzer"] == "vi_exact"
        assert properties[field]["fields"]["shingles"]["analyzer"] == "vi_shingles"
    for field in ("title_en", "body_en"):
        assert properties[field]["analyzer"] == "english"
    for facet in ("site", "lang", "kind", "numbers", "document_type", "sector", "district"):
        assert properties[facet]["type"] == "keyword"
    assert properties["year"]["type"] == "integer"
    assert template["mappings"]["dynamic"] == "strict"
    # Every field a document sends is mapped (dynamic: strict would reject it otherwise).
    (bulk,) = fake.state.of(None, "/_bulk")
    sources = bulk.body[1::2]
    assert set().union(*(s.keys() for s in sources)) <= set(properties)


def test_bulk_actions_put_text_in_the_fields_of_the_documents_language(fake, backend):
    backend.upsert(department_documents())
    (bulk,) = fake.state.of(None, "/_bulk")
    actions, sources = bulk.body[0::2], bulk.body[1::2]
    assert [a["index"]["_id"] for a in actions] == [
        "so-khdt/vi/21",
        "so-khdt/vi/22",
        "so-khdt/en/23",
        "so-khdt/vi/24",
    ]
    assert {a["index"]["_index"] for a in actions} == {"cong-search"}
    by_id = dict(zip((a["index"]["_id"] for a in actions), sources, strict=True))
    vi, en = by_id["so-khdt/vi/21"], by_id["so-khdt/en/23"]
    assert "title_vi" in vi and "title_en" not in vi
    assert "title_en" in en and "title_vi" not in en
    assert "2513khubnd" in vi["numbers"] and "ubnd" in vi["numbers"]
    assert vi["url"] == "https://sokhdt.example.gov.vn/vi/document/21/"
    assert vi["hash"]


def test_search_body_is_built_from_match_clauses_only(fake, backend):
    backend.upsert(department_documents())
    typed = 'dau tu" OR title_vi:* AND (x)'
    backend.search(
        SearchRequest(text=typed, lang="vi", site="so-khdt", kind="news", page=3, size=7)
    )
    body = fake.state.of("POST", "/cong-search/_search")[-1].body
    keys = {key for key, _ in walk(body)}
    assert not keys & {"query_string", "simple_query_string", "script", "regexp", "wildcard"}
    queries = [value for key, value in walk(body["query"]) if key == "query"]
    assert queries and all(q == typed.lower() for q in queries), "the text is passed as text"
    assert (body["from"], body["size"]) == (14, 7)
    assert {"term": {"lang": "vi"}} in body["query"]["bool"]["filter"]
    post = body["post_filter"]["bool"]["filter"]
    assert {"term": {"site": "so-khdt"}} in post and {"term": {"kind": "news"}} in post
    # Each facet applies the other filters but not its own (disjunctive facets).
    site_agg = body["aggs"]["site"]["filter"]["bool"]["filter"]
    assert {"term": {"kind": "news"}} in site_agg and {"term": {"site": "so-khdt"}} not in site_agg
    kind_agg = body["aggs"]["kind"]["filter"]["bool"]["filter"]
    assert {"term": {"site": "so-khdt"}} in kind_agg
    assert body["aggs"]["year"]["aggs"]["values"]["terms"]["field"] == "year"


def test_search_body_requires_every_syllable_and_boosts_exact_and_phrase(fake, backend):
    backend.upsert(department_documents())
    backend.search(SearchRequest(text="Đầu tư"))
    body = fake.state.of("POST", "/cong-search/_search")[-1].body
    (required,) = body["query"]["bool"]["must"][0]["bool"]["should"]
    assert required["multi_match"]["operator"] == "and"
    assert "title_vi^3" in required["multi_match"]["fields"]
    assert any(f.startswith("title_en") for f in required["multi_match"]["fields"])
    boosted_fields = {
        field
        for key, value in walk(body["query"]["bool"]["should"])
        if key == "fields"
        for field in value
    }
    assert {"title_vi.exact^4", "title_vi.shingles^3"} <= boosted_fields
    assert body["query"]["bool"]["filter"] == []  # no language: both are searched


def test_document_number_queries_also_match_the_compact_number(fake, backend):
    backend.upsert(department_documents())
    backend.search(SearchRequest(text="2513/KH-UBND"))
    body = fake.state.of("POST", "/cong-search/_search")[-1].body
    terms = [value for key, value in walk(body["query"]) if key == "term"]
    assert {"numbers": {"value": "2513khubnd"}} in terms


def test_search_reads_hits_and_builds_escaped_snippets(fake, backend):
    backend.upsert(department_documents())
    results = backend.search(SearchRequest(text="ke hoach"))
    assert results.total == 4
    hit = next(h for h in results.hits if h["id"] == "so-khdt/vi/22")
    assert hit["url"] == "https://sokhdt.example.gov.vn/vi/news/22/"
    assert "<mark>Kế</mark> <mark>hoạch</mark>" in hit["snippet"]


def test_incremental_update_sends_only_changes(fake, backend):
    site = SITES[1]
    names = {"vi": site["name_vi"], "en": site["name_en"]}
    records = corpus_records()["so-khdt"]
    update_site("so-khdt", records, site["base_url"], names, backend=backend)
    requests_before = len(fake.state.of(None, "/_bulk"))
    again = update_site("so-khdt", records, site["base_url"], names, backend=backend)
    assert (again.upserted, again.deleted, again.unchanged) == (0, 0, 4)
    assert len(fake.state.of(None, "/_bulk")) == requests_before

    records[0]["title"] = "Kế hoạch đã sửa"
    del records[1]
    report = update_site("so-khdt", records, site["base_url"], names, backend=backend)
    assert (report.upserted, report.deleted) == (1, 1)
    last_two = fake.state.of(None, "/_bulk")[-2:]
    assert [next(iter(line)) for line in last_two[0].body[0::2]] == ["index"]
    assert last_two[1].body == [{"delete": {"_index": "cong-search", "_id": "so-khdt/vi/22"}}]


def test_full_rebuild_swaps_the_alias_atomically(fake, backend):
    backend.upsert(department_documents())
    (old,) = fake.state.aliases["cong-search"]
    fresh = [make_record("portal", 99, "Bài mới")]
    backend.rebuild(documents_from_records(fresh, "https://portal.example.gov.vn", "Cổng"))
    (new,) = fake.state.aliases["cong-search"]
    assert new != old and new.startswith("cong-search-")
    requests = fake.state.requests
    bulk = next(i for i, r in enumerate(requests) if r.path == "/_bulk" and i > 5)
    assert requests[bulk].body[0]["index"]["_index"] == new, "filled before it is live"
    swaps = [i for i, r in enumerate(requests) if r.path == "/_aliases"]
    swap = requests[swaps[-1]]
    assert swap.body["actions"] == [
        {"remove": {"index": old, "alias": "cong-search"}},
        {"add": {"index": new, "alias": "cong-search"}},
    ], "one atomic request moves the alias"
    assert swaps[-1] > bulk
    assert any(r.method == "POST" and r.path == f"/{new}/_refresh" for r in requests[: swaps[-1]])
    deleted = [r for r in requests if r.method == "DELETE" and r.path == f"/{old}"]
    assert deleted and requests.index(deleted[0]) > swaps[-1]
    assert old not in fake.state.indices


def test_health_counts_documents(fake, backend):
    backend.upsert(department_documents())
    assert backend.health()["documents"] == 4


def test_suggest_body_is_a_filtered_phrase_prefix_over_the_titles(fake, backend):
    backend.upsert(department_documents())
    suggestions(backend, "quy ho", site="so-khdt", lang="vi")
    body = fake.state.of("POST", "/cong-search/_search")[-1].body
    (match,) = body["query"]["bool"]["must"]
    assert match["multi_match"]["type"] == "phrase_prefix"
    assert match["multi_match"]["query"] == "quy ho"
    assert set(match["multi_match"]["fields"]) == {"title_vi", "title_en.folded"}
    assert {"term": {"site": "so-khdt"}} in body["query"]["bool"]["filter"]
    assert {"term": {"lang": "vi"}} in body["query"]["bool"]["filter"]
    assert body["_source"] == ["title", "url"]


def test_attachment_text_is_searched_through_the_body_fields(fake, backend):
    (doc,) = documents_from_records(
        [make_record("so-khdt", 40, "Biểu mẫu", kind="procedure")],
        SITES[1]["base_url"],
        "Sở",
    )
    doc.attachments = [{"title": "Mẫu", "filename": "mau.pdf", "url": "u", "text": "tờ khai"}]
    backend.upsert([doc])
    (bulk,) = fake.state.of(None, "/_bulk")
    source = bulk.body[1]
    assert "tờ khai" in source["body_vi"]
    assert source["attachments"][0]["filename"] == "mau.pdf"
