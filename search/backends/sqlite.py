"""Embedded backend: one SQLite file with an FTS5 index, no server needed.

Each document is indexed in several columns so one MATCH finds, filters and ranks:

    title, body       text with its accents          → exact-accent matches rank first
                      (body: summary and the lead of the text, where accents matter most)
    title_f, body_f   folded text (đ → d, no marks)  → "dau tu" finds "đầu tư"; phrase
                      boosts ("dau tu" adjacent) rank phrases above scattered syllables
    numbers           document-number variants       → "2513khubnd" finds 2513/KH-UBND
    tags              s_<site> l_<lang> k_<kind> y_<year>, weight 0 → filters inside FTS5

Columns hold text lower-cased and folded in Python (search/text.py, which
also turns non-ASCII punctuation into spaces), so FTS5's fast `ascii`
tokenizer splits it where the query parser does; `porter`
over it stems English words ("investments" → "invest"); Vietnamese syllables
are short and carry no English suffixes, so the stemmer leaves them alone.

The FTS5 table is an external-content table over `docs`, a slim table of
ids, hashes and facet values (the FTS columns there are always NULL); the
document's JSON lives in `payload` and is read only for the page of hits.
Deleting from an external-content index needs the indexed values, which are
recomputed from the stored document (the same pure function made them;
SCHEMA_VERSION changes whenever it does, and an index of another version
must be rebuilt with --full).

A MATCH expression is built only from quoted tokens of letters, digits and
"_" (search/text.py), so nothing the user types is ever query syntax.

The file is written with a rollback journal (not WAL): a full rebuild writes
a new file and renames it over the old one, and readers notice the new
inode and reopen, so searches never see an empty or half-built index.
"""

import fcntl
import json
import os
import re
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

from ..documents import SearchDocument, hash_json
from ..snippets import highlight_title, snippet_for
from ..text import fold_lowered, lower_nfc, number_variants, parse_query, spaced
from .base import BackendUnavailable, SearchBackend, SearchResults, disjunctive_facets

SCHEMA_VERSION = "5"
TOKENIZER = "porter ascii tokenchars '_'"
FTS_COLUMNS = ("title", "body", "title_f", "body_f", "numbers", "tags")
WEIGHTS = (12.0, 3.0, 6.0, 1.0, 25.0, 0.0)  # bm25 weight of each FTS column
CANDIDATES = 5000  # rank and count facets within this many newest matches (see _window_floor)
LEAD_CHARS = 1000  # characters of summary + body kept with accents for exact-accent boosts
_BM25 = "bm25(fts, " + ", ".join(str(w) for w in WEIGHTS) + ")"
_COLUMNS = ", ".join(FTS_COLUMNS)

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    rowid INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    lang TEXT NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    {_COLUMNS}  -- always NULL: FTS5 wants them, the index holds the text
);
CREATE INDEX IF NOT EXISTS docs_site ON docs (site);
CREATE TABLE IF NOT EXISTS payload (rowid INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (
    {_COLUMNS}, content = 'docs', content_rowid = 'rowid', tokenize = "{TOKENIZER}"
);
"""

# Column names are constants of this module; every value is a bound parameter.
_INSERT_DOC = (
    "INSERT INTO docs (rowid, site, lang, kind, year, id, hash) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_FTS = f"INSERT INTO fts (rowid, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)"  # noqa: S608
_DELETE_FTS = f"INSERT INTO fts (fts, rowid, {_COLUMNS}) VALUES ('delete', ?, ?, ?, ?, ?, ?, ?)"  # noqa: S608
_FIND = "SELECT docs.rowid, data FROM docs JOIN payload USING (rowid) WHERE id = ?"

# Fields returned with each hit (the body stays out of the JSON, it feeds the snippet).
_DISPLAY = ("id", "title", "url", "site", "site_name", "lang", "kind", "date", "year", "summary")
_TAG_PREFIX = {"site": "s", "lang": "l", "kind": "k", "year": "y"}
_NOT_TAG_CHARS = re.compile(r"[^a-z0-9]+")


def tag(name, value):
    """Filter token: tag("site", "so-khdt") → "s_so_khdt"."""
    return f"{_TAG_PREFIX[name]}_{_NOT_TAG_CHARS.sub('_', str(value).lower())}"


def _quote(token):
    return '"' + token.replace('"', '""') + '"'


def match_expression(parsed, filters=None):
    """FTS5 MATCH text for a ParsedQuery and {facet: value} filters ("" when nothing to find).

    Every folded syllable is required (in a folded column or the numbers
    column); a compact document number may stand in for all of them. Boosts
    ride along inside each required syllable's group: `("dau" OR exact "đầu"
    OR phrase "dau tu") AND ("tu" OR exact "tư")`. Each boost only matches
    rows its syllable matches anyway (exact and lead columns are subsets of
    the folded ones), so the rows are exactly the required ones, while bm25
    adds the weight of every boost a row contains — and no phrase is repeated,
    since bm25 pays a scan of the whole index per phrase for its IDF.
    Filters are tags, ANDed.
    """
    if parsed.empty:
        return ""
    groups = []
    exact_of = dict(zip(parsed.folded, parsed.exact, strict=False))
    for position, syllable in enumerate(dict.fromkeys(parsed.folded)):
        options = ["{title_f body_f numbers} : " + _quote(syllable)]
        exact = exact_of.get(syllable)
        if exact and exact in parsed.accented:
            options.append("{title body} : " + _quote(exact))
        if position < len(parsed.bigrams):
            pair = parsed.bigrams[position].replace("_", " ")
            options.append("{title_f body_f} : " + _quote(pair))
        groups.append("(" + " OR ".join(options) + ")")
    expression = " AND ".join(groups)
    if parsed.compact:
        expression = f"({expression}) OR (numbers : {_quote(parsed.compact)})"
    expression = f"({expression})"
    for name, value in (filters or {}).items():
        if value is not None:
            expression += f" AND tags : {_quote(tag(name, value))}"
    return expression


def _index_row(doc):
    """Values of the FTS columns for one SearchDocument (a pure function).

    Text is lower-cased, folded and stripped of non-ASCII punctuation here;
    the `ascii` tokenizer then splits it exactly where text.tokens() would.
    """
    extra = " ".join([doc.summary, " ".join(doc.categories), " ".join(doc.keywords)])
    title, body = lower_nfc(doc.title), lower_nfc(f"{extra} {doc.body}")
    numbers = [v for number in doc.numbers() for v in number_variants(number)]
    tags = [tag("site", doc.site), tag("lang", doc.lang), tag("kind", doc.kind)]
    if doc.year is not None:
        tags.append(tag("year", doc.year))
    return (
        spaced(title),
        spaced(body[:LEAD_CHARS]),
        fold_lowered(title),
        fold_lowered(body),
        " ".join(numbers),
        " ".join(tags),
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
                conn.execute("PRAGMA cache_size = -65536")
                (version,) = conn.execute(
                    "SELECT value FROM meta WHERE key = 'schema_version'"
                ).fetchone()
            except (sqlite3.Error, TypeError) as exc:
                raise BackendUnavailable(f"search index {self.path} cannot be read: {exc}") from exc
            if version != SCHEMA_VERSION:
                conn.close()
                raise BackendUnavailable(
                    f"search index {self.path} has schema {version}, this code needs "
                    f"{SCHEMA_VERSION}: run `manage.py index_search --full`"
                )
            self._local.conn, self._local.inode = conn, inode
        return conn

    @staticmethod
    def _open_writer(path):
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -262144")
        conn.executescript(SCHEMA)
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        elif row[0] != SCHEMA_VERSION:
            conn.close()
            raise BackendUnavailable(
                f"search index {path} has schema {row[0]}, this code writes {SCHEMA_VERSION}: "
                "run `manage.py index_search --full`"
            )
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
    def _remove(conn, rowid, data):
        """Drop a document: its index entries (recomputed from the stored copy), then its rows."""
        old = SearchDocument(**json.loads(data))
        conn.execute(_DELETE_FTS, (rowid, *_index_row(old)))
        conn.execute("DELETE FROM docs WHERE rowid = ?", (rowid,))
        conn.execute("DELETE FROM payload WHERE rowid = ?", (rowid,))

    @classmethod
    def _write(cls, conn, documents, fresh=False):
        count = 0
        (next_rowid,) = conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM docs").fetchone()
        for doc in documents:
            if not fresh:
                for old_rowid, data in conn.execute(_FIND, (doc.id,)).fetchall():
                    cls._remove(conn, old_rowid, data)
            data = doc.as_json()
            values = (next_rowid, doc.site, doc.lang, doc.kind, doc.year, doc.id, hash_json(data))
            try:
                conn.execute(_INSERT_DOC, values)
            except sqlite3.IntegrityError:  # the same id twice in one fresh build: last wins
                for old_rowid, old_data in conn.execute(_FIND, (doc.id,)).fetchall():
                    cls._remove(conn, old_rowid, old_data)
                conn.execute(_INSERT_DOC, values)
            conn.execute("INSERT INTO payload (rowid, data) VALUES (?, ?)", (next_rowid, data))
            conn.execute(_INSERT_FTS, (next_rowid, *_index_row(doc)))
            next_rowid += 1
            count += 1
        return count

    def upsert(self, documents):
        with self._writing() as conn:
            return self._write(conn, documents)

    def delete(self, ids):
        ids = list(ids)
        with self._writing() as conn:
            for doc_id in ids:
                for rowid, data in conn.execute(_FIND, (doc_id,)).fetchall():
                    self._remove(conn, rowid, data)
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
                    conn.execute("PRAGMA synchronous = OFF")  # a crash only loses the temp file
                    conn.execute("BEGIN")
                    count = self._write(conn, documents, fresh=True)
                    conn.execute("COMMIT")
                    conn.execute("INSERT INTO fts (fts) VALUES ('optimize')")
                finally:
                    conn.close()
                with open(tmp, "rb+") as handle:  # durable before it goes live
                    os.fsync(handle.fileno())
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
        if parsed.empty:
            return SearchResults(total=0, hits=[], facets={"site": {}, "kind": {}, "year": {}})
        conn = self._reader()
        filters = request.filters()
        try:
            unfiltered = match_expression(parsed, {"lang": request.lang})
            floor = self._window_floor(conn, unfiltered)
            groups = self._groups(conn, unfiltered, floor)
            total, facets = disjunctive_facets(groups, filters)
            expression = match_expression(parsed, {**filters, "lang": request.lang})
            if floor is not None:  # a very common query: count exactly, rank the window
                total = self._count(conn, expression)
                if request.offset + request.size <= CANDIDATES:
                    floor = self._window_floor(conn, expression)
                else:
                    floor = None  # deep pages rank everything (slow but right)
            if total:
                # Rank without tag phrases: bm25 scans the whole index once per phrase
                # for its IDF, and a tag such as l_vi is in most documents.
                ranking = match_expression(parsed)
                hits = self._page(conn, ranking, {**filters, "lang": request.lang}, request, floor)
            else:
                hits = []
        except sqlite3.Error as exc:
            raise BackendUnavailable(f"search index query failed: {exc}") from exc
        results = []
        for data in hits:
            hit = {key: data.get(key) for key in _DISPLAY}
            hit["snippet"] = snippet_for(data, parsed)
            hit["title_html"] = highlight_title(data.get("title") or "", parsed)
            results.append(hit)
        return SearchResults(total=total, hits=results, facets=facets, exact=floor is None)

    @staticmethod
    def _window_floor(conn, expression):
        """Smallest rowid of the CANDIDATES most recently indexed matches; None if fewer match.

        Ranking and facet counting cost time per matching row; a query that
        matches most of a large index ("của", "tỉnh") ranks and counts facets
        within its newest CANDIDATES matches instead, and stays fast.
        """
        row = conn.execute(
            "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            (expression, CANDIDATES - 1),
        ).fetchone()
        return row[0] if row else None

    @staticmethod
    def _count(conn, expression):
        return conn.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (expression,)).fetchone()[
            0
        ]

    @staticmethod
    def _groups(conn, expression, floor=None):
        """(site, kind, year) → count for the rows of the expression (slim rows only)."""
        sql = (
            "SELECT d.site, d.kind, d.year, count(*) FROM fts JOIN docs AS d "
            "ON d.rowid = fts.rowid WHERE fts MATCH ? AND fts.rowid >= ? "
            "GROUP BY d.site, d.kind, d.year"
        )
        rows = conn.execute(sql, [expression, floor or 0])
        return [((site, kind, year), n) for site, kind, year, n in rows]

    @staticmethod
    def _page(conn, expression, filters, request, floor=None):
        """The documents of one page, best first: rank in FTS5, then read their JSON."""
        where, params = ["fts MATCH ?", "fts.rowid >= ?"], [expression, floor or 0]
        for name, value in filters.items():
            if value is not None:
                where.append(f"d.{name} = ?")  # names come from FACETS/"lang", never from input
                params.append(value)
        ranked = conn.execute(
            "SELECT fts.rowid FROM fts JOIN docs AS d ON d.rowid = fts.rowid "  # noqa: S608
            f"WHERE {' AND '.join(where)} ORDER BY {_BM25} LIMIT ? OFFSET ?",
            (*params, request.size, request.offset),
        ).fetchall()
        rowids = [rowid for (rowid,) in ranked]
        if not rowids:
            return []
        marks = ", ".join("?" * len(rowids))
        stored = dict(
            conn.execute(f"SELECT rowid, data FROM payload WHERE rowid IN ({marks})", rowids)  # noqa: S608
        )
        return [json.loads(stored[rowid]) for rowid in rowids if rowid in stored]

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
