"""Best bets: pages editors pinned to a query, shown above the results as recommended.

The CMS (cms/searchpromotions) exports them to a JSON file next to
dist/sites.json whenever one is saved or deleted or a target page changes;
the API reads only that file, re-read when it changes (mtime, size, inode).

    {"version": 1, "best_bets": [{"id", "terms": [folded query, …], "site",
      "lang", "title", "url", "description", "start": "YYYY-MM-DD" | null,
      "end": "YYYY-MM-DD" | null}]}

A best bet applies when the folded query equals one of its folded terms, the
language matches, today (Vietnam time) is within [start, end], and the
search is scoped to the best bet's site, or covers every site and the best
bet belongs to the portal: a department's pins never take over the
province-wide search.
"""

import json
import os
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .text import fold

MAX_BEST_BETS = 3
VIETNAM = timedelta(hours=7)  # no daylight saving time


def default_best_bets_path(env=None):
    env = os.environ if env is None else env
    if env.get("SEARCH_BEST_BETS_PATH"):
        return Path(env["SEARCH_BEST_BETS_PATH"])
    dist = env.get("DIST_DIR") or Path(__file__).resolve().parents[1] / "dist"
    return Path(dist) / "best-bets.json"


def term_key(text):
    return " ".join(fold(text or "").split())


def vietnam_today():
    return (datetime.now(UTC) + VIETNAM).date().isoformat()


class BestBets:
    def __init__(self, path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._stamp = None
        self._by_term = {}

    def _load(self):
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            self._stamp, self._by_term = None, {}
            return
        stamp = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        if stamp == self._stamp:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            by_term = {}
            for bet in data.get("best_bets", []):
                for term in bet.get("terms", []):
                    by_term.setdefault(term_key(term), []).append(bet)
        except (OSError, ValueError, AttributeError, TypeError):
            by_term = self._by_term  # a half-written or damaged file: keep what we had
        self._stamp, self._by_term = stamp, by_term

    def match(self, text, *, site, lang, portal, today=None):
        """The best bets for one search, as shown above its results (at most three)."""
        with self._lock:
            self._load()
            candidates = self._by_term.get(term_key(text), ())
        day = today or vietnam_today()
        found, seen = [], set()
        for bet in candidates:
            if bet.get("lang") not in (None, lang) or bet.get("url") in seen:
                continue
            if bet.get("site") != (site or portal):
                continue
            if (bet.get("start") and day < bet["start"]) or (bet.get("end") and day > bet["end"]):
                continue
            seen.add(bet.get("url"))
            found.append(bet)
        return found[:MAX_BEST_BETS]
