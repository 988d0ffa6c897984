"""Write the best bets for the search API: dist/best-bets.json, next to sites.json.

Each best bet becomes one entry per language its page is live in, with the
page's public URL (the site's base URL from dist/sites.json, as the last build
wrote it, plus the page's record URL) and title. Best bets that have ended are
left out. Written to a temporary file and renamed, so the API never reads half.
"""

import json
import logging
import os
from datetime import date
from pathlib import Path

from django.conf import settings

from build.export.directory import SiteDirectory
from search.best_bets import default_best_bets_path

from .models import BestBet

logger = logging.getLogger("cong.search")
LANGUAGES = ("vi", "en")


def _base_urls(dist_dir):
    try:
        entries = json.loads((Path(dist_dir) / "sites.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {e["slug"]: e["base_url"].rstrip("/") for e in entries if isinstance(e, dict)}


def best_bet_entries(dist_dir=None, today=None):
    dist_dir = Path(dist_dir or settings.DIST_DIR)
    base_urls = _base_urls(dist_dir)
    today = today or date.today()
    bets = BestBet.objects.select_related("department").exclude(ends_on__lt=today)
    entries = []
    directory = None
    for bet in bets.order_by("pk"):
        directory = directory or SiteDirectory(index_all=False)
        page = directory.live(bet.page_id)
        if page is None:
            continue
        for lang in LANGUAGES:
            entry = page if page.lang == lang else directory.translation(page.translation_key, lang)
            if entry is None or entry.slug not in base_urls:
                continue
            entries.append(
                {
                    "id": bet.pk,
                    "terms": bet.terms(),
                    "site": bet.department.slug,
                    "lang": lang,
                    "title": entry.title,
                    "url": base_urls[entry.slug] + entry.url,
                    "description": bet.description,
                    "start": bet.starts_on.isoformat() if bet.starts_on else None,
                    "end": bet.ends_on.isoformat() if bet.ends_on else None,
                }
            )
    return entries


def export_best_bets(path=None, dist_dir=None):
    """Write the file; returns (path, number of entries)."""
    env = dict(os.environ)
    env.setdefault("DIST_DIR", str(dist_dir or settings.DIST_DIR))
    path = Path(path or default_best_bets_path(env))
    entries = best_bet_entries(dist_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    payload = {"version": 1, "best_bets": entries}
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path, len(entries)


def export_quietly():
    """For signals: a failed export is logged, never breaks the editor's save."""
    try:
        path, count = export_best_bets()
    except Exception:
        logger.exception("best bets not exported")
        return
    logger.info("best bets exported: %s entries to %s", count, path)
