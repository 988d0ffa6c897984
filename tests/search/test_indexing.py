"""Records → documents, the index_search command, and the atomic index swap."""

import json
import threading

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from search.backends import SearchRequest
from search.backends.embedded import TantivyBackend
from search.documents import document_from_record, html_to_text
from search.indexing import update_site

from .conftest import SITES, corpus_records, make_record


def test_document_from_a_legal_document_record():
    record = make_record(
        "so-khdt",
        21,
        "Kế hoạch thu hút đầu tư",
        kind="document",
        date="2024-09-30T00:00:00+07:00",
        body="Nội dung <em>kế hoạch</em>",
        fields={
            "number": "2513/KH-UBND",
            "document_type_label": "Kế hoạch",
            "topic": {"key": "dau-tu", "name": "Đầu tư"},
            "issuing_body": "UBND tỉnh",
            "signer": "Nguyễn Văn A",
        },
        categories=[{"slug": "kh", "name": "Kế hoạch"}],
        tags=["FDI"],
    )
    doc = document_from_record(record, "https://sokhdt.example.gov.vn/", {"vi": "Sở KH&ĐT"})
    assert doc.id == "so-khdt/vi/21"
    assert doc.url == "https://sokhdt.example.gov.vn/vi/document/21/"
    assert (doc.date, doc.year) == ("2024-09-30", 2024)
    assert doc.document_number == "2513/KH-UBND" and doc.document_type == "Kế hoạch"
    assert doc.sector == "Đầu tư" and doc.site_name == "Sở KH&ĐT"
    assert doc.body.startswith("Nội dung kế hoạch") and "Nguyễn Văn A" in doc.body
    assert doc.categories == ["Kế hoạch"] and "FDI" in doc.keywords


def test_project_and_planning_facets():
    project = make_record(
        "so-khdt",
        30,
        "Khu công nghiệp",
        kind="project",
        fields={
            "sector": {"key": "cn", "name": "Công nghiệp"},
            "location": {"key": "vinh", "name": "TP Vinh"},
            "objectives_html": "<p>Mục tiêu <b>xuất khẩu</b></p>",
        },
    )
    doc = document_from_record(project, "https://x.example", "X")
    assert (doc.sector, doc.district) == ("Công nghiệp", "TP Vinh")
    assert "Mục tiêu xuất khẩu" in doc.body
    planning = make_record(
        "portal",
        31,
        "Quy hoạch",
        kind="planning",
        fields={"decision_number": "123/QĐ-UBND", "area": {"key": "a", "name": "Huyện A"}},
    )
    doc = document_from_record(planning, "https://p.example", "P")
    assert doc.document_number == "123/QĐ-UBND" and doc.district == "Huyện A"


@pytest.mark.parametrize("kind", ["home", "news_index", "document_index", "project_index"])
def test_listing_and_home_pages_are_not_indexed(kind):
    assert document_from_record(make_record("portal", 1, "x", kind=kind), "https://p", "P") is None


def test_portal_copies_are_not_indexed():
    copy = make_record("portal", 1, "x", canonical="https://d.example/vi/news/1/")
    assert document_from_record(copy, "https://p", "P") is None


def test_html_to_text_drops_markup_and_scripts():
    assert html_to_text("<p>A&amp;B</p><script>x()</script><p>C</p>") == "A&B C"


# -- the management command -------------------------------------------------------


@pytest.fixture
def built(tmp_path, monkeypatch):
    """What a build leaves: dist/sites.json and var/build/<slug>/records.jsonl."""
    dist, var = tmp_path / "dist", tmp_path / "var"
    dist.mkdir()
    (dist / "sites.json").write_text(json.dumps(SITES, ensure_ascii=False), encoding="utf-8")
    for slug, records in corpus_records().items():
        folder = var / "build" / slug
        folder.mkdir(parents=True)
        lines = [json.dumps(r, ensure_ascii=False) for r in records]
        (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    index = var / "search-index"
    monkeypatch.setenv("SEARCH_INDEX_PATH", str(index))
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    with override_settings(
        DIST_DIR=dist, VAR_DIR=var, SEARCH_INDEX_PATH=index, ELASTICSEARCH_URL=""
    ):
        yield var, TantivyBackend(index)


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("index_search", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def ids(backend, text, **filters):
    return [h["id"] for h in backend.search(SearchRequest(text=text, **filters)).hits]


def test_index_search_full_then_incremental(built):
    var, backend = built
    out, _ = run("--full")
    assert "12 documents" in out
    assert ids(backend, "2513 KH UBND")[0] == "so-khdt/vi/21"
    out, _ = run()
    assert "0 changes" in out and "4 unchanged" in out

    path = var / "build" / "so-khdt" / "records.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    records = [r for r in records if r["id"] != "24"]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    out, _ = run("--site", "so-khdt")
    assert "0 added or changed, 1 removed" in out
    assert "so-khdt/vi/24" not in ids(backend, "xuc tien dau tu")
    assert "portal" not in out, "--site touches only that site"


def test_index_search_rejects_unknown_sites_and_missing_builds(built, tmp_path):
    with pytest.raises(CommandError, match="Unknown site"):
        run("--site", "nowhere")
    with override_settings(DIST_DIR=tmp_path / "empty"), pytest.raises(CommandError, match="build"):
        run()


def test_a_malformed_records_file_changes_nothing(built):
    var, backend = built
    run("--full")
    path = var / "build" / "portal" / "records.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"records.jsonl:10"):
        run("--full")
    with pytest.raises(CommandError, match=r"records.jsonl:10"):
        run("--site", "portal")
    assert backend.health()["documents"] == 12
    assert "portal/vi/3" in ids(backend, "dau tu cong")


def test_sites_without_records_are_reported_and_skipped(built):
    var, backend = built
    (var / "build" / "portal" / "records.jsonl").unlink()
    out, err = run("--full")
    assert "portal" in err and "4 documents" in out


# -- atomic swap ---------------------------------------------------------------------


def test_searches_during_a_full_rebuild_never_fail_or_come_back_empty(tmp_path):
    from search.documents import documents_from_records

    backend = TantivyBackend(tmp_path / "search-index")
    site = SITES[0]
    update_site("portal", corpus_records()["portal"], site["base_url"], "Cổng", backend=backend)
    reader = TantivyBackend(tmp_path / "search-index")  # the API's own reader
    problems, stop = [], threading.Event()

    def search_repeatedly():
        while not stop.is_set():
            try:
                if not reader.search(SearchRequest(text="dau tu")).total:
                    problems.append("empty")
            except Exception as exc:  # noqa: BLE001 - any failure is the finding
                problems.append(repr(exc))

    thread = threading.Thread(target=search_repeatedly)
    thread.start()
    try:
        for round_name in ("một", "hai", "ba"):
            records = corpus_records()["portal"] + [
                make_record("portal", 1000 + i, f"Đầu tư vòng {round_name} bài {i}")
                for i in range(300)
            ]
            backend.rebuild(documents_from_records(records, site["base_url"], "Cổng"))
    finally:
        stop.set()
        thread.join()
    assert problems == []
    assert reader.search(SearchRequest(text="vong ba bai 299")).hits[0]["id"] == "portal/vi/1299"
    assert reader.search(SearchRequest(text="vong mot")).total == 0


def test_index_search_reads_what_the_build_pipeline_writes(tmp_path, monkeypatch):
    """The build's own writers (records.jsonl per site, portal copies) feed the indexer."""
    from build.plan import aggregate_for_portal
    from build.recordfile import write_jsonl
    from tests.build.sample_records import site_records

    root = "http://127.0.0.1:8080"
    department = site_records("so-khdt", news_count=4, start_id=1000, base_url=root)
    portal = site_records("portal", news_count=2, start_id=5000, base_url=root)
    copies = aggregate_for_portal(department, "so-khdt", f"{root}/so-khdt")
    assert copies, "the sample department has content the portal aggregates"
    var, dist = tmp_path / "var", tmp_path / "dist"
    write_jsonl(var / "build" / "so-khdt" / "records.jsonl", department)
    write_jsonl(var / "build" / "portal" / "records.jsonl", portal + copies)
    dist.mkdir()
    sites = [
        {
            "slug": s,
            "name_vi": f"{s} vi",
            "name_en": f"{s} en",
            "base_url": f"{root}/{s}",
            "languages": ["vi", "en"],
            "is_portal": s == "portal",
        }
        for s in ("portal", "so-khdt")
    ]
    (dist / "sites.json").write_text(json.dumps(sites), encoding="utf-8")
    monkeypatch.setenv("SEARCH_INDEX_PATH", str(var / "search-index"))
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    with override_settings(
        DIST_DIR=dist,
        VAR_DIR=var,
        SEARCH_INDEX_PATH=var / "search-index",
        ELASTICSEARCH_URL="",
    ):
        run("--full")
    backend = TantivyBackend(var / "search-index")
    stored = [json.loads(data) for data in backend.stored_documents()]
    indexed = {doc["id"]: doc["site"] for doc in stored}
    searchable = [
        r
        for r in department
        if r["kind"] in ("news", "document", "planning", "project", "procedure", "page")
    ]
    assert {f"so-khdt/{r['lang']}/{r['id']}" for r in searchable} <= set(indexed)
    assert all(doc_id.split("/")[0] == site for doc_id, site in indexed.items())
    portal_ids = {doc_id for doc_id, site in indexed.items() if site == "portal"}
    assert not portal_ids & {f"portal/{c['lang']}/{c['id']}" for c in copies}
    copy = copies[0]
    hits = backend.search(SearchRequest(text=copy["title"], size=50)).hits
    urls = [h["url"] for h in hits]
    assert f"{root}/so-khdt{copy['url']}" in urls
    assert not any(u.startswith(f"{root}/portal") and copy["url"] in u for u in urls)
