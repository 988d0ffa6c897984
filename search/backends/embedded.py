"""Embedded backend: a tantivy index in a folder, no server needed (PyPI `tantivy`).

Schema, analysis and queries: tantivy_queries.py.

On disk, `path` is a symbolic link to the live generation folder
`<path>.d/<generation>`. A full rebuild writes a new generation and swaps the
link with one rename; readers notice the new target and reopen, so searches
never see an empty or half-built index. Incremental writes commit into the live
generation; readers reload when its meta.json changes. One writer at a time,
across processes: an flock on `<path>.lock` around every write.
"""

import fcntl
import json
import os
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import tantivy

from ..snippets import highlight_title, snippet_with_source
from ..text import parse_query
from .base import FACETS, BackendUnavailable, SearchBackend, SearchResults
from .tantivy_queries import (
    SCHEMA,
    SCHEMA_VERSION,
    fold_terms,
    match_query,
    prefix_regex,
    rank_query,
    stem_terms,
    tantivy_document,
    with_analyzers,
    with_filters,
)

__all__ = ["SCHEMA_VERSION", "TantivyBackend"]

MAX_BUCKETS = 1000  # values per facet (sites, kinds, years)
WRITER_HEAP = 200_000_000  # bytes, for a full rebuild (split between the threads)
UPSERT_HEAP = 50_000_000
REBUILD_THREADS = 1
KEEP_GENERATIONS = 2  # the live one and the previous one (readers may still hold it)
_DISPLAY = ("id", "title", "url", "site", "site_name", "lang", "kind", "date", "year", "summary")


class TantivyBackend(SearchBackend):
    name = "tantivy"

    def __init__(self, path):
        self.path = Path(path)
        self._local = threading.local()

    # -- the live generation -------------------------------------------------
    @property
    def _generations(self):
        return self.path.with_name(f"{self.path.name}.d")

    def _live(self):
        """The live generation folder, or None when nothing was built yet."""
        try:
            return self.path.parent / os.readlink(self.path)
        except FileNotFoundError:
            return None
        except OSError as exc:  # not a link: something else took the name
            raise BackendUnavailable(f"search index {self.path} is not an index link") from exc

    def _check_version(self, folder):
        try:
            version = (folder / "cong-schema").read_text().strip()
        except OSError:
            version = "?"
        if version != SCHEMA_VERSION:
            raise BackendUnavailable(
                f"search index {self.path} has schema {version}, this code needs "
                f"{SCHEMA_VERSION}: run `manage.py index_search --full`"
            )

    def _index(self):
        """This thread's opened index, reopened after a swap, reloaded after a commit."""
        folder = self._live()
        if folder is None:
            raise BackendUnavailable(f"search index {self.path} does not exist yet")
        try:
            stamp = os.stat(folder / "meta.json").st_mtime_ns
        except OSError as exc:
            raise BackendUnavailable(f"search index {folder} cannot be read: {exc}") from exc
        local = self._local
        if getattr(local, "folder", None) != folder:
            self._check_version(folder)
            try:
                local.index = with_analyzers(tantivy.Index.open(str(folder)))
            except ValueError as exc:
                raise BackendUnavailable(f"search index {folder} cannot be read: {exc}") from exc
            local.folder, local.stamp = folder, stamp
        elif local.stamp != stamp:
            local.index.reload()
            local.stamp = stamp
        return local.index

    # -- writing -------------------------------------------------------------
    @contextmanager
    def _lock(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(f"{self.path}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def _new_generation(self):
        folder = self._generations / f"{time.time_ns()}-{os.getpid()}"
        folder.mkdir(parents=True)
        (folder / "cong-schema").write_text(SCHEMA_VERSION)
        return folder, with_analyzers(tantivy.Index(SCHEMA, path=str(folder), reuse=False))

    def _swap(self, folder):
        link = self.path.with_name(f".{self.path.name}.link-{os.getpid()}")
        link.unlink(missing_ok=True)
        link.symlink_to(folder.relative_to(self.path.parent))
        os.replace(link, self.path)
        generations = sorted(self._generations.iterdir(), key=lambda p: p.stat().st_mtime_ns)
        for old in generations[:-KEEP_GENERATIONS]:
            shutil.rmtree(old, ignore_errors=True)

    @contextmanager
    def _writer(self):
        """A writer on the live generation (a new empty one if there is none), committed."""
        with self._lock():
            folder = self._live()
            if folder is None:
                folder, index = self._new_generation()
                self._swap(folder)
            else:
                self._check_version(folder)
                index = with_analyzers(tantivy.Index.open(str(folder)))
            writer = index.writer(heap_size=UPSERT_HEAP, num_threads=1)
            try:
                yield writer
                writer.commit()
                writer.wait_merging_threads()
            except BaseException:
                writer.rollback()
                raise

    def upsert(self, documents):
        count = 0
        with self._writer() as writer:
            for doc in documents:
                writer.delete_documents_by_term("id", doc.id)
                writer.add_document(tantivy_document(doc))
                count += 1
        return count

    def delete(self, ids):
        ids = list(ids)
        with self._writer() as writer:
            for doc_id in ids:
                writer.delete_documents_by_term("id", doc_id)
        return len(ids)

    def rebuild(self, documents):
        """Write every document into a new generation, then swap the link to it."""
        with self._lock():
            folder, index = self._new_generation()
            try:
                count = self._fill(index, documents)
            except BaseException:
                del index  # the writer and index are closed before their folder goes
                shutil.rmtree(folder, ignore_errors=True)
                raise
            self._swap(folder)
        return count

    @staticmethod
    def _fill(index, documents):
        writer = index.writer(heap_size=WRITER_HEAP, num_threads=REBUILD_THREADS)
        try:
            seen, count = set(), 0
            for doc in documents:
                if doc.id in seen:  # the same id twice in one build: last wins
                    writer.delete_documents_by_term("id", doc.id)
                seen.add(doc.id)
                writer.add_document(tantivy_document(doc))
                count += 1
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            writer.rollback()
            raise
        return count

    def site_state(self, site):
        if self._live() is None:
            return {}
        searcher = self._index().searcher()
        query = tantivy.Query.term_query(SCHEMA, "site", site)
        limit = max(searcher.num_docs, 1)
        state = {}
        for _score, address in searcher.search(query, limit=limit, count=False).hits:
            doc = searcher.doc(address)
            document_id = json.loads(bytes(doc.get_first("data")))["id"]  # stored once
            state[document_id] = bytes(doc.get_first("hash")).hex()
        return state

    # -- reading -------------------------------------------------------------
    def search(self, request):
        parsed = parse_query(request.text)
        if parsed.empty:
            return SearchResults(total=0, hits=[], facets={name: {} for name in FACETS})
        searcher = self._index().searcher()
        matching = match_query(parsed)
        filters = request.filters()
        lang = {"lang": request.lang}
        total, facets = self._facets(searcher, matching, filters, lang)
        hits = []
        if total and request.offset < total:
            ranked = with_filters(rank_query(parsed, matching, searcher), {**filters, **lang})
            found = searcher.search(ranked, limit=request.size, offset=request.offset, count=False)
            for _score, address in found.hits:
                data = json.loads(bytes(searcher.doc(address).get_first("data")))
                hits.append(self._hit(data, parsed))
        return SearchResults(total=total, hits=hits, facets=facets)

    @staticmethod
    def _facets(searcher, matching, filters, lang):
        """Disjunctive facet counts with a few terms aggregations: each facet is counted
        under every filter but its own, so the facets without a filter share one pass."""
        passes = {}  # the filters a pass applies → the facets it counts
        for name in FACETS:
            applied = tuple(sorted((k, v) for k, v in filters.items() if k != name))
            passes.setdefault(applied, []).append(name)
        everything = tuple(sorted(filters.items()))
        passes.setdefault(everything, [])
        facets, total = {}, 0
        for applied, names in passes.items():
            request = {name: {"terms": {"field": name, "size": MAX_BUCKETS}} for name in names}
            # Every document has a site and a kind: their buckets add up to the total.
            whole = next((name for name in ("kind", "site") if name in names), None)
            if applied == everything and whole is None:
                request["n"] = {"value_count": {"field": "kind"}}
            query = with_filters(matching, {**dict(applied), **lang})
            try:
                counted = searcher.aggregate(query, request)
            except ValueError as exc:
                raise BackendUnavailable(f"search index query failed: {exc}") from exc
            for name in names:
                buckets = counted.get(name, {}).get("buckets", [])
                facets[name] = dict(sorted((str(b["key"]), b["doc_count"]) for b in buckets))
            if applied == everything:
                if whole is None:
                    total = int(counted.get("n", {}).get("value") or 0)
                else:
                    total = sum(facets[whole].values())
        return total, facets

    @staticmethod
    def _hit(data, parsed):
        hit = {key: data.get(key) for key in _DISPLAY}
        hit["snippet"], hit["attachment"] = snippet_with_source(data, parsed)
        hit["title_html"] = highlight_title(data.get("title") or "", parsed)
        return hit

    def suggest_titles(self, folded_words, filters, limit):
        """Titles of the best documents whose title holds the folded words, the last
        one as a prefix: [(title, url)]. The complete words are stemmed as the title
        is; the typed prefix is not (a stem is the start of its word, near enough)."""
        searcher = self._index().searcher()
        words = list(folded_words)
        complete, prefix = stem_terms(words[:-1]), "".join(fold_terms(words[-1:]))
        if not prefix:
            return []
        if not complete:
            query = tantivy.Query.regex_query(SCHEMA, "title_f", prefix_regex(prefix))
        else:
            query = tantivy.Query.phrase_prefix_query(SCHEMA, "title_f", [*complete, prefix])
        found = searcher.search(with_filters(query, filters), limit=limit, count=False)
        titles = []
        for _score, address in found.hits:
            data = json.loads(bytes(searcher.doc(address).get_first("data")))
            titles.append((data.get("title") or "", data.get("url") or None))
        return titles

    def stored_documents(self):
        """The stored JSON of every indexed document (audits: what the index holds)."""
        searcher = self._index().searcher()
        hits = searcher.search(tantivy.Query.all_query(), limit=max(searcher.num_docs, 1))
        for _score, address in hits.hits:
            yield bytes(searcher.doc(address).get_first("data")).decode()

    def health(self):
        searcher = self._index().searcher()
        return {"status": "ok", "backend": self.name, "documents": searcher.num_docs}

    def close(self):
        self._local = threading.local()
