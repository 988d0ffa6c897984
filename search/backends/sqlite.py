"""Embedded backend: one SQLite file with an FTS5 index, no server needed.

Each document is indexed in several columns so one MATCH both finds and ranks:

    title, body       normalised text, accents kept  → exact-accent matches rank first
    title_f, body_f   folded text (đ → d, no marks)  → "dau tu" finds "đầu tư"
    grams             folded syllable bigrams        → adjacent syllables rank first
    numbers           document-number variants       → "2513khubnd" finds 2513/KH-UBND

The tokenizer is FTS5's porter stemmer over unicode61: English words are
stemmed ("investments" → "invest"); Vietnamese syllables are short and
carry no English suffixes, so the stemmer leaves them as they are.

A MATCH expression is built only from quoted tokens of letters and digits
(search/text.py), so nothing the user types is ever query syntax.

The file is written with a rollback journal (not WAL): a full rebuild writes
a new file and renames it over the old one, and readers notice the new
inode and reopen, so searches never see an empty or half-built index.
"""

import fcntl
import json
import os
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

from ..snippets import highlight_title, snippet_for
from ..text import bigrams, fold, normalise, number_variants, parse_query, tokens
from .base import BackendUnavailable, SearchBackend, SearchResults, disjunctive_facets

SCHEMA_VERSION = "1"
TOKENIZER = "porter unicode61 remove_diacritics 0 tokenchars '_'"
FTS_COLUMNS = ("title", "body", "title_f", "body_f", "grams", "numbers")
# bm25 weights in FTS_COLUMNS order; facet columns (unindexed) get 0.
WEIGHTS = (12.0, 3.0, 6.0, 1.0, 4.0, 25.0, 0, 0, 0, 0)
_BM25 = "bm25(fts, " + ", ".join(str(w) for w in WEIGHTS) + ")"

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    site TEXT NOT NULL,
    hash TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS docs_site ON docs (site);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (
    {", ".join(FTS_COLUMNS)},
    site UNINDEXED, lang UNINDEXED, kind UNINDEXED, year UNINDEXED,
    tokenize = "{TOKENIZER}"
);
"""

# Column names are constants of this module.
_INSERT_FTS = (
    f"INSERT INTO fts (rowid, {', '.join(FTS_COLUMNS)}, site, lang, kind, year) "  # noqa: S608
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)

# Fields returned with each hit (the body stays out of the JSON, it feeds the snippet).
_DISPLAY = ("id", "title", "url", "site", "site_name", "lang", "kind", "date", "year", "summary")


def _quote(token):
    return '"' + token.replace('"', '""') + '"'


def match_expression(parsed):
    """FTS5 MATCH text for a ParsedQuery, or "" when it has no searchable token.

    Every folded syllable is required (in a folded column or the numbers
    column); a compact document number may stand in for all of them. Exact
    syllables and bigrams are optional boosts: `required AND (required OR
    boosts…)` keeps the rows of `required` while bm25 adds the weight of each
    boost a row also contains.
    """
    if parsed.empty:
        return ""
    required = "{title_f body_f numbers} : (" + " AND ".join(map(_quote, parsed.folded)) + ")"
    if parsed.compact:
        required = f"({required}) OR (numbers : {_quote(parsed.compact)})"
    boosts = [f"{{title body}} : {_quote(t)}" for t in dict.fromkeys(parsed.exact)]
    boosts += [f"grams : {_quote(b)}" for b in dict.fromkeys(parsed.bigrams)]
    if parsed.compact:
        boosts.append(f"numbers : {_quote(parsed.compact)}")
    return f"({required}) AND (({required}) OR " + " OR ".join(boosts) + ")"


def _index_row(doc):
    """Column values of the fts table for one SearchDocument."""
    extra = " ".join([doc.summary, " ".join(doc.categories), " ".join(doc.keywords)])
    body_text = f"{extra} {doc.body}"
    title_f = fold(doc.title)
    body_f = fold(body_text)
    title_syllables = tokens(title_f)
    grams = bigrams(title_syllables) * 2 + bigrams(tokens(body_f))
    numbers = [v for number in doc.numbers() for v in number_variants(number)]
    return (
        normalise(doc.title),
        normalise(body_text),
        title_f,
        body_f,
        " ".join(grams),
        " ".join(numbers),
        doc.site,
        doc.lang,
        doc.kind,
        doc.year,
    )


class SQLiteBackend(SearchBackend):
    name = "sqlite"

    def __init__(self, path):
        self.path = Path(path)
        self._local = threading.local()

    # -- connections -------------------------------------------------------
    def _reader(self):
        """This thread's read-only connection, reopened when the file was swapped."""
        try:
            inode = os.stat(self.path).st_ino
        except FileNotFoundError as exc:
            raise BackendUnavailable(f"search index {self.path} does not exist yet") from exc
        conn = getattr(self._local, "conn", None)
        if conn is None or self._local.inode != inode:
            if conn is not None:
                conn.close()
            try:
                conn = sqlite3.connect(
                    f"file:{self.path}?mode=ro", uri=True, check_same_thread=False, timeout=5
                )
                conn.execute("SELECT 1 FROM fts LIMIT 0")
            except sqlite3.Error as exc:
                raise BackendUnavailable(f"search index {self.path} cannot be read: {exc}") from exc
            self._local.conn, self._local.inode = conn, inode
        return conn

    @staticmethod
    def _open_writer(path):
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.executescript(SCHEMA)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        return conn

    @contextmanager
    def _writing(self):
        """Exclusive writer (one process at a time, across processes) in a transaction."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(f"{self.path}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            conn = self._open_writer(self.path)
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            finally:
                conn.close()

    # -- writing -----------------------------------------------------------
    @staticmethod
    def _write(conn, documents):
        count = 0
        for doc in documents:
            data = doc.as_dict()
            row = conn.execute("SELECT rowid FROM docs WHERE id = ?", (doc.id,)).fetchone()
            if row is not None:
                conn.execute("DELETE FROM fts WHERE rowid = ?", row)
                conn.execute(
                    "UPDATE docs SET site = ?, hash = ?, data = ? WHERE rowid = ?",
                    (doc.site, doc.content_hash, json.dumps(data, ensure_ascii=False), row[0]),
                )
                rowid = row[0]
            else:
                rowid = conn.execute(
                    "INSERT INTO docs (id, site, hash, data) VALUES (?, ?, ?, ?)",
                    (doc.id, doc.site, doc.content_hash, json.dumps(data, ensure_ascii=False)),
                ).lastrowid
            conn.execute(
                _INSERT_FTS,
                (rowid, *_index_row(doc)),
            )
            count += 1
        return count

    def upsert(self, documents):
        with self._writing() as conn:
            return self._write(conn, documents)

    def delete(self, ids):
        ids = list(ids)
        with self._writing() as conn:
            for doc_id in ids:
                row = conn.execute("SELECT rowid FROM docs WHERE id = ?", (doc_id,)).fetchone()
                if row is not None:
                    conn.execute("DELETE FROM fts WHERE rowid = ?", row)
                    conn.execute("DELETE FROM docs WHERE rowid = ?", row)
        return len(ids)

    def rebuild(self, documents):
        """Write every document into a new file, then rename it over the live one."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f"{self.path.name}.new-{os.getpid()}")
        tmp.unlink(missing_ok=True)
        with open(f"{self.path}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                conn = self._open_writer(tmp)
                try:
                    conn.execute("BEGIN")
                    count = self._write(conn, documents)
                    conn.execute("COMMIT")
                    conn.execute("INSERT INTO fts (fts) VALUES ('optimize')")
                finally:
                    conn.close()
                os.replace(tmp, self.path)
            finally:
                tmp.unlink(missing_ok=True)
        return count

    def site_state(self, site):
        if not self.path.exists():
            return {}
        conn = self._reader()
        return dict(conn.execute("SELECT id, hash FROM docs WHERE site = ?", (site,)))

    # -- reading -----------------------------------------------------------
    def search(self, request):
        parsed = parse_query(request.text)
        expression = match_expression(parsed)
        if not expression:
            return SearchResults(total=0, hits=[], facets={"site": {}, "kind": {}, "year": {}})
        conn = self._reader()
        filters = request.filters()
        try:
            groups = self._groups(conn, expression, request.lang)
            total, facets = disjunctive_facets(groups, filters)
            hits = self._page(conn, expression, request, filters) if total else []
        except sqlite3.Error as exc:
            raise BackendUnavailable(f"search index query failed: {exc}") from exc
        results = []
        for data in hits:
            hit = {key: data.get(key) for key in _DISPLAY}
            hit["snippet"] = snippet_for(data, parsed)
            hit["title_html"] = highlight_title(data.get("title") or "", parsed)
            results.append(hit)
        return SearchResults(total=total, hits=results, facets=facets)

    @staticmethod
    def _groups(conn, expression, lang):
        sql = "SELECT site, kind, year, count(*) FROM fts WHERE fts MATCH ?"
        params = [expression]
        if lang:
            sql += " AND lang = ?"
            params.append(lang)
        sql += " GROUP BY site, kind, year"
        return [((site, kind, year), n) for site, kind, year, n in conn.execute(sql, params)]

    @staticmethod
    def _page(conn, expression, request, filters):
        where, params = ["fts MATCH ?"], [expression]
        for name, value in {**filters, "lang": request.lang}.items():
            if value is not None:
                where.append(f"{name} = ?")  # names come from FACETS/"lang", never from input
                params.append(value)
        # Column names and weights are constants; every value is a bound parameter.
        sql = (
            f"SELECT docs.data FROM (SELECT rowid, {_BM25} AS score FROM fts "  # noqa: S608
            f"WHERE {' AND '.join(where)} ORDER BY score LIMIT ? OFFSET ?) AS ranked "
            "JOIN docs ON docs.rowid = ranked.rowid ORDER BY ranked.score"
        )
        params += [request.size, request.offset]
        return [json.loads(data) for (data,) in conn.execute(sql, params)]

    def health(self):
        conn = self._reader()
        try:
            (count,) = conn.execute("SELECT count(*) FROM docs").fetchone()
        except sqlite3.Error as exc:
            raise BackendUnavailable(str(exc)) from exc
        return {"status": "ok", "backend": self.name, "documents": count}

    def close(self):
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
