"""Embedded backend: a tantivy index in a folder, no server needed (PyPI `tantivy`).

Fields:

    title_f, body_f   folded and English-stemmed ("cong_stem": lower case, ASCII folding
                      — đ → d, every Vietnamese mark removed — then the English
                      stemmer), with positions → "dau tu" finds "đầu tư", phrases rank
                      above scattered syllables, "investments" finds "investment"
    title_x, body_x   text with its accents (body: its first LEAD_CHARS) → an
                      exact-accent match ranks first
    numbers           document-number variants → "2513khubnd" finds 2513/KH-UBND
    site lang kind    raw fast fields (filters, facets); year a fast integer
    id                the document id, indexed only (deletes by term); hash and data (the document's
                      JSON, read for the page of hits) stored as bytes, not indexed

Folding happens inside tantivy's analyzers (Python's str.translate over every
body cost more than the rest of indexing); query syllables go through the very
same analyzers (`_ANALYZERS`), so both sides fold alike. The tokenizer splits on
every character that is not a letter or digit, as search/text.py's tokens() does.

Queries are built from term, phrase and boolean query objects, never parsed
from text, so nothing the user types is query syntax.

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
import unicodedata
from contextlib import contextmanager
from pathlib import Path

import tantivy

from ..documents import hash_json
from ..snippets import highlight_title, snippet_with_source
from ..text import number_variants, parse_query
from .base import FACETS, BackendUnavailable, SearchBackend, SearchResults

SCHEMA_VERSION = "1"
LEAD_CHARS = 160  # characters of summary + body kept with accents for exact-accent boosts
MAX_BUCKETS = 1000  # values per facet (sites, kinds, years)
WRITER_HEAP = 200_000_000  # bytes, for a full rebuild (split between the threads)
UPSERT_HEAP = 50_000_000
REBUILD_THREADS = 1
KEEP_GENERATIONS = 2  # the live one and the previous one (readers may still hold it)

# Boosts (the FTS5 backend's bm25 column weights, as tantivy query boosts).
TITLE_F, BODY_F, TITLE_X, BODY_X, NUMBERS = 6.0, 1.0, 12.0, 3.0, 25.0
PHRASE_TITLE, PHRASE_BODY, COMPACT_NUMBER = 8.0, 2.0, 50.0
PHRASE_MAX_SHARE = 0.05  # body phrases only when a syllable is in fewer than 5% of bodies

_DISPLAY = ("id", "title", "url", "site", "site_name", "lang", "kind", "date", "year", "summary")


def _analyzer(stem):
    builder = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
    )
    if stem:
        builder = builder.filter(tantivy.Filter.stemmer("english"))
    return builder.build()


_ANALYZERS = {"cong_stem": _analyzer(stem=True), "cong_fold": _analyzer(stem=False)}


def _open(index):
    """Register the analyzers (tantivy keeps only their names in the index)."""
    for name, analyzer in _ANALYZERS.items():
        index.register_tokenizer(name, analyzer)
    return index


def build_schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", tokenizer_name="raw", index_option="basic")
    # Stored, not indexed (a text field is always indexed: one huge term per document).
    builder.add_bytes_field("hash", stored=True)
    builder.add_bytes_field("data", stored=True)
    for name in ("title_f", "body_f"):
        builder.add_text_field(name, tokenizer_name="cong_stem", index_option="position")
    builder.add_text_field("body_x", tokenizer_name="default", index_option="freq")
    for name in ("title_x", "numbers"):  # a title or a number rarely repeats a word
        builder.add_text_field(name, tokenizer_name="default", index_option="basic")
    for name in ("site", "lang", "kind"):
        builder.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("year", indexed=True, fast=True)
    return builder.build()


SCHEMA = build_schema()


def _document(doc):
    """The tantivy Document for one SearchDocument (a pure function)."""
    extra = " ".join([doc.summary, " ".join(doc.categories), " ".join(doc.keywords)])
    title = unicodedata.normalize("NFC", doc.title)
    body = unicodedata.normalize("NFC", f"{extra} {doc.body}")
    attached = " ".join(a.get("text", "") for a in doc.attachments)
    data = doc.as_json()
    fields = {
        "id": doc.id,
        "hash": bytes.fromhex(hash_json(data)),  # 12 bytes, not 24 hex digits
        "data": data.encode(),
        "title_f": title,
        "body_f": f"{body} {unicodedata.normalize('NFC', attached)}" if attached else body,
        "title_x": title,
        "body_x": body[:LEAD_CHARS],
        "numbers": " ".join(v for number in doc.numbers() for v in number_variants(number)),
        "site": doc.site,
        "lang": doc.lang,
        "kind": doc.kind,
    }
    if doc.year is not None:
        fields["year"] = doc.year
    return tantivy.Document(**fields)


def _stems(words):
    """Index terms of query syllables (folded and stemmed as title_f/body_f are)."""
    return [stem for word in words for stem in _ANALYZERS["cong_stem"].analyze(word)]


def _folds(words):
    return [term for word in words for term in _ANALYZERS["cong_fold"].analyze(word)]


def _term(field, value, boost=None):
    query = tantivy.Query.term_query(SCHEMA, field, value)
    return query if boost is None else tantivy.Query.boost_query(query, boost)


def _should(queries):
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])


def match_query(parsed):
    """Every folded syllable required (in a folded field or the numbers); a compact
    document number may stand in for all of them. Scores are those of the terms."""
    required = []
    for syllable in dict.fromkeys(parsed.exact):
        options = [_term("numbers", folded, NUMBERS) for folded in _folds([syllable])]
        for stem in _stems([syllable]):
            options += [_term("title_f", stem, TITLE_F), _term("body_f", stem, BODY_F)]
        required.append((tantivy.Occur.Must, _should(options)))
    query = tantivy.Query.boolean_query(required)
    if parsed.compact:
        query = _should([query, _term("numbers", parsed.compact, COMPACT_NUMBER)])
    return query


def rank_query(parsed, matching, searcher=None):
    """`matching` plus boosts that change the order, never the set of rows:
    exact accents, adjacent syllables (phrases) in title and body.

    A phrase of syllables that are all very common ("của các", "và là") is boosted
    in titles only: checking its positions in every body costs more than the rest
    of the search, and the title is where such a phrase tells documents apart."""
    boosts = []
    for word in dict.fromkeys(parsed.accented):
        # title_x/body_x use tantivy's "default" analyzer: lower case, no folding.
        boosts += [_term("title_x", word, TITLE_X), _term("body_x", word, BODY_X)]
    stems = _stems(parsed.exact)
    if len(stems) > 1:
        fields = [("title_f", PHRASE_TITLE)]
        if searcher is None or _has_rare(searcher, stems):
            fields.append(("body_f", PHRASE_BODY))
        for field, boost in fields:
            phrase = tantivy.Query.phrase_query(SCHEMA, field, stems)
            boosts.append(tantivy.Query.boost_query(phrase, boost))
    if not boosts:
        return matching
    return tantivy.Query.boolean_query(
        [(tantivy.Occur.Must, matching)] + [(tantivy.Occur.Should, q) for q in boosts]
    )


def _has_rare(searcher, stems):
    """Whether one of the stems is in fewer than PHRASE_MAX_SHARE of the bodies."""
    limit = PHRASE_MAX_SHARE * max(searcher.num_docs, 1)
    return any(searcher.doc_freq("body_f", stem) < limit for stem in stems)


def filter_clauses(filters):
    """(Must, zero-scored term query) per filter: filters narrow, they do not rank."""
    clauses = []
    for name, value in filters.items():
        if value is None:
            continue
        if name == "year":
            query = tantivy.Query.term_query(SCHEMA, "year", int(value))
        else:
            query = tantivy.Query.term_query(SCHEMA, name, str(value))
        clauses.append((tantivy.Occur.Must, tantivy.Query.const_score_query(query, 0.0)))
    return clauses


def _filtered(query, filters):
    clauses = filter_clauses(filters)
    if not clauses:
        return query
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, query), *clauses])


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
                local.index = _open(tantivy.Index.open(str(folder)))
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
        return folder, _open(tantivy.Index(SCHEMA, path=str(folder), reuse=False))

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
                index = _open(tantivy.Index.open(str(folder)))
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
                writer.add_document(_document(doc))
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
                writer.add_document(_document(doc))
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
            ranked = _filtered(rank_query(parsed, matching, searcher), {**filters, **lang})
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
            request["n"] = {"value_count": {"field": "kind"}}  # every document has a kind
            query = _filtered(matching, {**dict(applied), **lang})
            try:
                counted = searcher.aggregate(query, request)
            except ValueError as exc:
                raise BackendUnavailable(f"search index query failed: {exc}") from exc
            for name in names:
                buckets = counted.get(name, {}).get("buckets", [])
                facets[name] = dict(sorted((str(b["key"]), b["doc_count"]) for b in buckets))
            if applied == everything:
                total = int(counted.get("n", {}).get("value") or 0)
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
        complete, prefix = _stems(words[:-1]), "".join(_folds(words[-1:]))
        if not prefix:
            return []
        if not complete:
            query = tantivy.Query.regex_query(SCHEMA, "title_f", _prefix_regex(prefix))
        else:
            query = tantivy.Query.phrase_prefix_query(SCHEMA, "title_f", [*complete, prefix])
        found = searcher.search(_filtered(query, filters), limit=limit, count=False)
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


def _prefix_regex(word):
    """A regex matching terms that start with `word` (letters and digits only)."""
    return "".join(c for c in word if c.isalnum()) + ".*"
