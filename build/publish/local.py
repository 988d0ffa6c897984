"""A local folder as publish target: ``<root>/<slug>/…``, served by any web server.

Each file is replaced atomically (written to a temporary file in the same
folder, then ``os.replace``), so a reader sees the old bytes or the new ones,
never half a file.  The fingerprint of a stored file is ``size:mtime_ns``.
"""

import contextlib
import os
import secrets
from pathlib import Path

from . import rules
from .base import PublishTarget, TargetError
from .files import hash_file, walk_files
from .state import MANIFEST_NAME, RESERVED_PREFIX, LiveEntry, load_manifest

_TEMP_PREFIX = f"{RESERVED_PREFIX}tmp-"


def _fingerprint(stat):
    return f"{stat.st_size}:{stat.st_mtime_ns}"


class LocalFolderTarget(PublishTarget):
    max_workers = 4

    def __init__(self, root):
        self.root = Path(root).expanduser().absolute()

    @property
    def url(self):
        return str(self.root)

    def site_dir(self, slug):
        return self.root / slug

    def same_as_source(self, slug, source_dir):
        try:
            return self.site_dir(slug).resolve() == Path(source_dir).resolve()
        except OSError:
            return False

    def list_fingerprints(self, slug):
        return {path: _fingerprint(stat) for path, _, stat in walk_files(self.site_dir(slug))}

    def fingerprint_of(self, slug, path):
        try:
            stat = os.stat(self.site_dir(slug) / path)
        except (FileNotFoundError, NotADirectoryError):
            return None
        return _fingerprint(stat)

    def verify_unlisted(self, slug, path, fingerprint):
        abspath = self.site_dir(slug) / path
        try:
            sha256 = hash_file(abspath, "sha256")
        except OSError as error:
            raise TargetError(f"cannot read {abspath}: {error.strerror}", path=path) from error
        # A folder has no headers: what the rules say is what a server will send.
        return LiveEntry(
            sha256=sha256,
            size=int(fingerprint.split(":", 1)[0]),
            content_type=rules.content_type(path),
            cache_control=rules.cache_control(path),
            redirect=None,
            fingerprint=fingerprint,
        )

    def read_manifest(self, slug):
        try:
            return load_manifest((self.site_dir(slug) / MANIFEST_NAME).read_bytes())
        except FileNotFoundError:
            return {}
        except OSError as error:
            raise TargetError(f"cannot read the manifest: {error.strerror}") from error

    def write_manifest(self, slug, data):
        self._write_atomically(self.site_dir(slug) / MANIFEST_NAME, data)

    def put(self, slug, source):
        destination = self.site_dir(slug) / source.path
        try:
            data = source.read_bytes()
        except OSError as error:
            raise TargetError(f"cannot read the build output: {error.strerror}") from error
        stat = self._write_atomically(destination, data)
        return _fingerprint(stat)

    def delete(self, slug, paths):
        site_dir = self.site_dir(slug)
        folders = set()
        for path in paths:
            abspath = site_dir / path
            try:
                abspath.unlink(missing_ok=True)
            except OSError as error:
                raise TargetError(f"cannot delete: {error.strerror}", path=path) from error
            folders.update(p for p in abspath.parents if p != site_dir and site_dir in p.parents)
        # Remove folders the deletes left empty, deepest first; keep non-empty ones.
        for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
            with contextlib.suppress(OSError):
                folder.rmdir()

    def _write_atomically(self, destination, data):
        temp = destination.with_name(f"{_TEMP_PREFIX}{secrets.token_hex(6)}-{destination.name}")
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            with open(temp, "wb") as handle:
                handle.write(data)
            os.replace(temp, destination)
            return destination.stat()
        except OSError as error:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise TargetError(f"cannot write {destination}: {error.strerror}") from error
