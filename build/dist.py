"""The owner of dist/'s folders: swapping a site in whole, and what builds leave behind.

A full build renders into dist/.<slug>.building-*, an incremental one stages
into dist/.<slug>.update-*; a portal build that must export a never-built
department uses dist/.<slug>.scratch-*. The old tree a swap replaces is
deleted by a background thread (the only process-wide state of a build,
with build/state.py's record cache).
"""

import shutil
import threading
import uuid
from pathlib import Path

LEFTOVER_PREFIXES = ("building-", "update-", "scratch-")
_cleanups = []  # threads deleting old trees


def temp_dir(dist_dir: Path, slug, purpose):
    """dist/.<slug>.<purpose>-<random>: `purpose` is one of building, update, scratch."""
    return Path(dist_dir) / f".{slug}.{purpose}-{uuid.uuid4().hex[:8]}"


def remove_leftovers(dist_dir: Path, slugs=None):
    """Temporary folders of builds that were killed (two builds of one site never
    run at once: the publishing queue and build_sites' callers see to that)."""
    if not dist_dir.is_dir():
        return
    for path in dist_dir.glob(".*.*-*"):
        slug, _, rest = path.name[1:].rpartition(".")
        if rest.startswith(LEFTOVER_PREFIXES) and (not slugs or slug in slugs):
            shutil.rmtree(path, ignore_errors=True)


def swap_in(tmp_dir: Path, final_dir: Path, trash_dir: Path | None = None):
    """Replace final_dir by tmp_dir; the old tree is removed only after the swap.

    With `trash_dir` (on the same filesystem) the old tree is moved there and
    deleted by a background thread: unlinking 23k files takes seconds and the
    new site is live as soon as the rename is done. The thread is not a daemon,
    so the process finishes the deletion before it exits.
    """
    old = final_dir.with_name(f".{final_dir.name}.old-{uuid.uuid4().hex[:8]}")
    if final_dir.exists():
        final_dir.rename(old)
    tmp_dir.rename(final_dir)
    if not old.exists():
        return
    if trash_dir is not None:
        try:
            trash_dir.mkdir(parents=True, exist_ok=True)
            moved = trash_dir / old.name
            old.rename(moved)
        except OSError:  # another filesystem: delete here and now
            pass
        else:
            remove_in_background(moved)
            return
    shutil.rmtree(old, ignore_errors=True)


def empty_trash(trash_dir: Path):
    """Delete what a process stopped mid-deletion left in the trash."""
    if trash_dir.is_dir():
        for leftover in trash_dir.iterdir():
            remove_in_background(leftover)


def remove_in_background(path: Path):
    thread = threading.Thread(
        target=shutil.rmtree, args=(path,), kwargs={"ignore_errors": True}, name="cong-rmtree"
    )
    thread.start()
    # a long-running worker builds many times: keep only the threads still deleting
    _cleanups[:] = [t for t in _cleanups if t.is_alive()]
    _cleanups.append(thread)


def wait_for_cleanup():
    """Block until old output trees moved aside by swap_in are deleted."""
    while _cleanups:
        _cleanups.pop().join()
