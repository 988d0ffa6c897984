"""What only the embedded tantivy backend does: generations, schema version, one writer."""

import multiprocessing
import os

import pytest

from search.backends import BackendUnavailable, SearchRequest, get_backend
from search.backends import embedded as embedded_backend
from search.backends.embedded import TantivyBackend
from search.documents import documents_from_records

from .conftest import corpus_records, index_corpus, make_record


@pytest.fixture
def backend(tmp_path):
    backend = index_corpus(TantivyBackend(tmp_path / "index"))
    yield backend
    backend.close()


def found(backend, text):
    return [h["id"] for h in backend.search(SearchRequest(text=text)).hits]


def test_the_environment_chooses_the_embedded_index(tmp_path):
    chosen = get_backend({"SEARCH_INDEX_PATH": str(tmp_path / "i"), "VAR_DIR": str(tmp_path)})
    assert chosen.name == "tantivy" and chosen.path == tmp_path / "i"
    assert get_backend({"VAR_DIR": str(tmp_path)}).path == tmp_path / "search-index"


def test_a_missing_index_is_unavailable_not_an_error(tmp_path):
    backend = TantivyBackend(tmp_path / "nothing")
    with pytest.raises(BackendUnavailable, match="does not exist"):
        backend.search(SearchRequest(text="dau tu"))
    assert backend.site_state("portal") == {}


def test_a_rebuild_swaps_generations_and_open_readers_follow(backend):
    before = backend._live()
    assert found(backend, "dau tu cong") == ["portal/vi/3"]
    reader = TantivyBackend(backend.path)  # another process's reader, already open
    assert found(reader, "dau tu cong") == ["portal/vi/3"]
    fresh = [make_record("portal", 90, "Một bài sau khi dựng lại")]
    backend.rebuild(documents_from_records(fresh, "https://p.example", "P"))
    after = backend._live()
    assert after != before and os.path.islink(backend.path)
    assert found(reader, "dung lai") == ["portal/vi/90"], "the reader reopened the new one"
    assert found(reader, "dau tu cong") == []
    kept = sorted(p.name for p in after.parent.iterdir())
    assert len(kept) <= embedded_backend.KEEP_GENERATIONS


def test_a_failed_rebuild_leaves_the_live_index_alone(backend):
    live = backend._live()

    def broken():
        yield from documents_from_records(corpus_records()["portal"], "https://p.example", "P")
        raise RuntimeError("the records file ends in the middle")

    with pytest.raises(RuntimeError):
        backend.rebuild(broken())
    assert backend._live() == live
    assert found(backend, "dau tu cong") == ["portal/vi/3"]
    assert sorted(p for p in live.parent.iterdir()) == [live], "the half-built one is gone"


def test_an_index_of_another_schema_version_asks_for_a_full_rebuild(backend):
    (backend._live() / "cong-schema").write_text("0")
    stale = TantivyBackend(backend.path)
    with pytest.raises(BackendUnavailable, match="--full"):
        stale.search(SearchRequest(text="dau tu"))
    with pytest.raises(BackendUnavailable, match="--full"):
        stale.upsert([])
    stale.rebuild(documents_from_records(corpus_records()["portal"], "https://p.example", "P"))
    assert stale.search(SearchRequest(text="dau tu cong")).total == 1


def test_repeated_upserts_leave_no_stale_terms(backend):
    for round_name in ("một", "hai", "ba"):
        record = make_record("portal", 3, f"Tiêu đề vòng {round_name}")
        backend.upsert(documents_from_records([record], "https://p.example", "P"))
    assert found(backend, "vong mot") == [] and found(backend, "vong hai") == []
    assert found(backend, "vong ba") == ["portal/vi/3"]
    assert found(backend, "dau tu cong") == [], "old text is gone"
    backend.delete(["portal/vi/3", "no/such/id"])
    assert found(backend, "vong ba") == []


def test_words_joined_by_unicode_punctuation_are_found_apart(backend):
    record = make_record("portal", 77, "Chương trình “Xúc–tiến” «thương_mại»")
    backend.upsert(documents_from_records([record], "https://p.example", "P"))
    assert found(backend, "xuc tien thuong mai") == ["portal/vi/77"]


def _write_one(path, number, ready):
    backend = TantivyBackend(path)
    record = make_record("portal", 500 + number, f"Bài viết song song số {number}")
    ready.wait()
    backend.upsert(documents_from_records([record], "https://p.example", "P"))


def test_writers_in_several_processes_take_turns(backend):
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    workers = [context.Process(target=_write_one, args=(backend.path, n, ready)) for n in range(3)]
    for worker in workers:
        worker.start()
    ready.set()
    for worker in workers:
        worker.join(timeout=60)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    assert sorted(found(backend, "song song")) == [f"portal/vi/{500 + n}" for n in range(3)]
