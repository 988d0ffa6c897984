"""Sync planning: which files to upload, which are unchanged, which to delete.

The plan compares what the build wrote (the site folder in dist/) with what is
live on the target (``state.LiveEntry``) by content hash and headers, and
orders the work so that a page never goes live before what it references.
"""

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from build.redirects import REDIRECT_CSP, check_location, redirect_page

from . import rules
from .files import hash_file, walk_files
from .hashcache import HashCache


def normalise_path(url_path):
    """A site path ("/vi/tin-tuc/cu/") as the file that serves it ("vi/tin-tuc/cu/index.html")."""
    path = url_path.split("?", 1)[0].split("#", 1)[0].lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    if any(part in ("", ".", "..") for part in path.split("/")):
        raise ValueError(f"not a safe site path: {url_path!r}")
    return path


@dataclass
class SourceFile:
    """One file to be live: bytes on disk (``abspath``) or in memory (``data``)."""

    path: str
    size: int
    sha256: str
    abspath: str | None = None
    data: bytes | None = None
    redirect: str | None = None

    @cached_property
    def md5(self):
        if self.data is not None:
            return hashlib.md5(self.data, usedforsecurity=False).hexdigest()
        return hash_file(self.abspath, "md5")

    def read_bytes(self):
        if self.data is not None:
            return self.data
        with open(self.abspath, "rb") as handle:
            return handle.read()

    # Cached: the plan asks often and the rules are pure.  ``redirect`` is only
    # ever set by scan_source, before anything reads these.
    @cached_property
    def content_type(self):
        return rules.content_type(self.path)

    @cached_property
    def cache_control(self):
        # A redirect stub is HTML whatever its old name said: keep it short-lived.
        return rules.CACHE_SHORT if self.redirect else rules.cache_control(self.path)

    @cached_property
    def phase(self):
        return rules.PHASE_HTML if self.redirect else rules.phase(self.path)


def scan_source(source_dir, *, redirects=None, known_hashes=None, cache=True, save_cache=True):
    """Every file the site should have live, keyed by path below the site folder.

    ``redirects`` maps old site paths to their new location (absolute URL, or a
    site path starting with "/"): the build's HTML redirect page at that path is
    published with the redirect attached, or a minimal one is generated.
    ``known_hashes`` ({path: sha256}) lets a caller that already hashed its
    output (the incremental build's manifest) skip re-reading those files;
    otherwise ``cache`` (hashcache.py) remembers the hashes of files whose stat
    did not change since the last scan.
    """
    source_dir = Path(source_dir)
    if not source_dir.is_dir():
        raise FileNotFoundError(f"no build output at {source_dir}")
    known_hashes = known_hashes or {}
    hashes = HashCache(source_dir, enabled=cache)
    files = {}
    for path, abspath, stat in walk_files(source_dir):
        sha256 = known_hashes.get(path) or hashes.sha256(path, abspath, stat)
        files[path] = SourceFile(path=path, size=stat.st_size, sha256=sha256, abspath=abspath)
    if save_cache:
        hashes.save()
    _add_redirects(files, redirects)
    return files


def _add_redirects(files, redirects):
    for old_path, location in (redirects or {}).items():
        path = normalise_path(old_path)
        check_location(location)
        if path in files:
            files[path].redirect = location
        else:
            data = redirect_page(location)
            files[path] = SourceFile(
                path=path,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                data=data,
                redirect=location,
            )


def scan_paths(source_dir, paths, *, redirects=None, known_hashes=None):
    """Like scan_source, for the given site paths only; returns (files, wanted paths).

    A path that is not in the build output any more is wanted but absent:
    the plan deletes it from the target.
    """
    source_dir = Path(source_dir)
    if not source_dir.is_dir():
        raise FileNotFoundError(f"no build output at {source_dir}")
    known_hashes = known_hashes or {}
    wanted = {normalise_path(p) for p in paths}
    wanted.update(normalise_path(p) for p in redirects or ())
    files = {}
    for path in wanted:
        abspath = source_dir / path
        try:
            stat = abspath.stat()
        except (FileNotFoundError, NotADirectoryError):
            continue
        sha256 = known_hashes.get(path) or hash_file(abspath)
        files[path] = SourceFile(path=path, size=stat.st_size, sha256=sha256, abspath=abspath)
    _add_redirects(files, redirects)
    return files, wanted


@dataclass
class Upload:
    source: SourceFile
    reason: str  # "new" | "changed"

    @property
    def path(self):
        return self.source.path


@dataclass
class SyncPlan:
    uploads: list = field(default_factory=list)  # Upload, in phase then path order
    unchanged: list = field(default_factory=list)  # paths
    deletes: list = field(default_factory=list)  # paths, HTML first, assets last

    @property
    def upload_bytes(self):
        return sum(upload.source.size for upload in self.uploads)

    def uploads_in_phase(self, phase):
        return [upload for upload in self.uploads if upload.source.phase == phase]

    def summary(self):
        return (
            f"{len(self.uploads)} to upload ({self.upload_bytes} bytes), "
            f"{len(self.unchanged)} unchanged, {len(self.deletes)} to delete"
        )


def _is_unchanged(source, live):
    if live.verified:
        return (
            live.sha256 == source.sha256
            and live.content_type == source.content_type
            and live.cache_control == source.cache_control
            and live.redirect == source.redirect
        )
    # Only the bytes are known (an S3 ETag that is a plain MD5): good enough for
    # an ordinary file, not for one that must carry a redirect.
    return live.md5 is not None and source.redirect is None and live.md5 == source.md5


def make_plan(source, live, *, force=False):
    """Plan the sync of ``source`` ({path: SourceFile}) onto ``live`` ({path: LiveEntry})."""
    plan = SyncPlan()
    for path in sorted(source, key=lambda p: (source[p].phase, p)):
        entry = live.get(path)
        if entry is None:
            plan.uploads.append(Upload(source[path], "new"))
        elif force or not _is_unchanged(source[path], entry):
            plan.uploads.append(Upload(source[path], "changed"))
        else:
            plan.unchanged.append(path)
    stale = [path for path in live if path not in source]
    plan.deletes = sorted(stale, key=lambda p: (-rules.phase(p), p))
    return plan


__all__ = ["REDIRECT_CSP", "redirect_page"]
