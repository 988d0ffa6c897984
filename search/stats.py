"""What people search for, counted per day, for the editors' statistics view.

The API calls `QueryStats.record(text, site, lang, total)` after a search. The
row kept is (day, site, language, folded query) → searches, searches without
results, last result count: never an address, a user agent, a cookie or a
time of day. A query that looks like it holds personal data (an e-mail
address, a phone or ID number: nine digits or more in a row) is not counted.

Counting never slows or fails a search: `record` only puts the row on a
bounded in-memory queue (dropped when full), and one writer thread adds the
queued rows to a small SQLite file (`var/search-stats.sqlite3`) with a short
busy timeout, logging and swallowing every error. Rows older than
RETENTION_DAYS are deleted.

The CMS reads the file (`top_queries`, `no_result_queries`) for its admin view.
"""

import logging
import os
import queue
import re
import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from .text import fold

logger = logging.getLogger("search.stats")

PROJECT_DIR = Path(__file__).resolve().parents[1]
MAX_QUERY_CHARS = 100
RETENTION_DAYS = 90
_PERSONAL = re.compile(r"@|\d{9,}")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS query_day (
    day TEXT NOT NULL,
    site TEXT NOT NULL,
    lang TEXT NOT NULL,
    query TEXT NOT NULL,
    searches INTEGER NOT NULL,
    no_results INTEGER NOT NULL,
    results INTEGER NOT NULL,
    PRIMARY KEY (site, day, lang, query)
) WITHOUT ROWID
"""
_UPSERT = """
INSERT INTO query_day (day, site, lang, query, searches, no_results, results)
VALUES (?, ?, ?, ?, 1, ?, ?)
ON CONFLICT (site, day, lang, query) DO UPDATE SET
    searches = searches + 1, no_results = no_results + excluded.no_results,
    results = excluded.results
"""


def default_stats_path(env=None):
    env = os.environ if env is None else env
    if env.get("SEARCH_STATS_PATH"):
        return Path(env["SEARCH_STATS_PATH"])
    return Path(env.get("VAR_DIR") or PROJECT_DIR / "var") / "search-stats.sqlite3"


def query_key(text):
    """The folded query as counted, or None when it must not be kept."""
    folded = " ".join(fold(text or "").split())[:MAX_QUERY_CHARS]
    if not folded or _PERSONAL.search(folded.replace(" ", "")):
        return None
    return folded


def today():
    return datetime.now(UTC).date()


class QueryStats:
    def __init__(self, path, *, timeout=0.2, max_pending=1000):
        self.path = Path(path)
        self.timeout = timeout
        self._queue = queue.Queue(max_pending)
        self._pruned = None
        self._thread = threading.Thread(target=self._run, name="search-stats", daemon=True)
        self._thread.start()

    def record(self, text, site, lang, total):
        """Count one search (never raises, never blocks)."""
        try:
            key = query_key(text)
            if key is not None:
                self._queue.put_nowait((today().isoformat(), site or "", lang or "", key, total))
        except Exception:  # noqa: BLE001 - counting must never fail a search
            logger.debug("query not counted", exc_info=True)

    def flush(self):
        """Wait until every queued row is written (tests, shutdown)."""
        self._queue.join()

    def _run(self):
        while True:
            rows = [self._queue.get()]
            while len(rows) < 200:
                try:
                    rows.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                self._write(rows)
            except Exception as exc:  # noqa: BLE001 - a locked or broken file loses counts only
                logger.warning("search statistics not written: %s", exc)
            finally:
                for _ in rows:
                    self._queue.task_done()

    def _write(self, rows):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=self.timeout)
        try:
            with connection:
                connection.execute(_SCHEMA)
                connection.executemany(
                    _UPSERT,
                    [
                        (day, site, lang, q, int(total == 0), total)
                        for day, site, lang, q, total in rows
                    ],
                )
                day = rows[-1][0]
                if self._pruned != day:
                    cutoff = (date.fromisoformat(day) - timedelta(days=RETENTION_DAYS)).isoformat()
                    connection.execute("DELETE FROM query_day WHERE day < ?", (cutoff,))
                    self._pruned = day
        finally:
            connection.close()


# -- reading, for the CMS ------------------------------------------------------
def _read(path, sql, params):
    path = Path(path)
    if not path.is_file():
        return []
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
    try:
        return connection.execute(sql, params).fetchall()
    except sqlite3.OperationalError:  # no table yet
        return []
    finally:
        connection.close()


def _since(days, now=None):
    return ((now or today()) - timedelta(days=days - 1)).isoformat()


def top_queries(path, site, *, days=30, limit=25, now=None):
    """[(query, searches, last result count)] of one site ("" = all-sites searches)."""
    rows = _read(
        path,
        "SELECT query, SUM(searches), MAX(day), results FROM query_day "
        "WHERE site = ? AND day >= ? GROUP BY query ORDER BY SUM(searches) DESC, query LIMIT ?",
        (site, _since(days, now), limit),
    )
    return [(query, searches, results) for query, searches, _day, results in rows]


def no_result_queries(path, site, *, days=30, limit=25, now=None):
    """[(query, searches without results)] of one site over the last `days` days."""
    return _read(
        path,
        "SELECT query, SUM(no_results) AS n FROM query_day WHERE site = ? AND day >= ? "
        "GROUP BY query HAVING n > 0 ORDER BY n DESC, query LIMIT ?",
        (site, _since(days, now), limit),
    )
