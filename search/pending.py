"""Sites whose search index update failed and must be retried.

A build whose pages went live while the search backend was unreachable marks
its site here (one empty file per site under VAR_DIR/search-pending/); the
retry task, the next build's index step and `index_search` clear the mark
once the site's records are in the index. `index_search` without --site also
reports the pending sites it caught up with.
"""

from pathlib import Path

FOLDER = "search-pending"


def _mark(var_dir, slug):
    return Path(var_dir) / FOLDER / slug


def mark_pending(var_dir, slug):
    path = _mark(var_dir, slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()


def clear_pending(var_dir, slug):
    _mark(var_dir, slug).unlink(missing_ok=True)


def is_pending(var_dir, slug):
    return _mark(var_dir, slug).exists()


def pending_sites(var_dir):
    folder = Path(var_dir) / FOLDER
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
