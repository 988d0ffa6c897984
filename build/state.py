"""The owner of a site's build state in var/build/<slug>/, and of its in-process cache.

    records.jsonl        the site's records (build/recordfile.py)
    manifest.json        what the last build produced (build/incremental.py Manifest)
    update-unfinished    present from an update's commit until its manifest is saved
    built-by             which build (a BuildRun id) left this state; the publish task
                         compares it with the site's last build in the database, so a
                         worker whose state another host's build has overtaken does
                         not build incrementally from it (cms/publishing/tasks.py)

If a process stops between moving files live and saving the manifest, the
marker tells the next update to compare every page with the manifest instead
of trusting the page ids it is given.
"""

import gc
from pathlib import Path

from build.incremental import MANIFEST_NAME, Manifest
from build.recordfile import RECORDS_NAME, read_by_id, save_records

UNFINISHED = "update-unfinished"
BUILT_BY = "built-by"


class SiteState:
    """Paths of one site's state folder."""

    def __init__(self, records_dir: Path, slug):
        self.slug = slug
        self.folder = Path(records_dir) / slug
        self.manifest_path = self.folder / MANIFEST_NAME
        self.records_path = self.folder / RECORDS_NAME
        self.unfinished = self.folder / UNFINISHED
        self.built_by_path = self.folder / BUILT_BY

    def built_by(self):
        """The token of the build that left this state, or None."""
        try:
            return self.built_by_path.read_text("utf-8").strip() or None
        except FileNotFoundError:
            return None

    def mark_built_by(self, token):
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.built_by_path.with_name(BUILT_BY + ".tmp")
        tmp.write_text(f"{token}\n", encoding="utf-8")
        tmp.replace(self.built_by_path)

    def discard(self):
        """Forget the last build (its manifest and token): the next build is a first,
        full one. Used when this state is not the site's latest."""
        self.built_by_path.unlink(missing_ok=True)
        self.manifest_path.unlink(missing_ok=True)
        self.unfinished.unlink(missing_ok=True)
        RecordCache.forget(self.slug)

    def save(self, records, lines, manifest: Manifest):
        """records.jsonl, then the manifest: the state the next build starts from.

        The manifest goes last: a process stopped before it leaves the previous
        manifest, and the next build finds the changes again.
        """
        save_records(self.folder, records, lines)
        manifest.save(self.manifest_path)
        self.unfinished.unlink(missing_ok=True)


class RecordCache:
    """The site's records as the last build in this process left them, parsed.

    A build worker that built a site before skips reading and parsing its
    records file (seconds at 20,000 pages). The cache is valid only while the
    manifest on disk is the one this process wrote: a build by another
    process changes it, and the records are read again.
    """

    sites = {}  # slug -> (manifest stamp, {id: record}, {id: JSON line}, Manifest)

    @staticmethod
    def stamp(path):
        try:
            stat = path.stat()
        except FileNotFoundError:
            return None
        return (stat.st_mtime_ns, stat.st_size, stat.st_ino)

    @classmethod
    def load(cls, state: SiteState):
        cached = cls.sites.get(state.slug)
        if cached is not None and cached[0] == cls.stamp(state.manifest_path):
            return dict(cached[1]), dict(cached[2])
        cls.forget(state.slug)
        return read_by_id(state.records_path)

    @classmethod
    def manifest(cls, state: SiteState):
        """The site's last manifest (the one in memory if this process wrote it)."""
        cached = cls.sites.get(state.slug)
        if cached is not None and cached[0] == cls.stamp(state.manifest_path):
            return cached[3]
        return Manifest.load(state.manifest_path)

    @classmethod
    def keep(cls, state: SiteState, by_id, lines, manifest):
        cls.sites[state.slug] = (cls.stamp(state.manifest_path), by_id, lines, manifest)
        # Millions of long-lived objects: without this every full collection of
        # the cyclic GC walks them all (0.2 s each at 20,000 pages). They hold no
        # reference cycles, so refcounting still frees them when replaced. Collect
        # first, so that no garbage cycle of the process is frozen with them (this
        # runs after the pages are live).
        gc.collect()
        gc.freeze()

    @classmethod
    def forget(cls, slug):
        cls.sites.pop(slug, None)
