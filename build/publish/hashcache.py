"""Remember the sha256 of build output files between publishes, keyed by their stat.

Hashing 23,000 pages (~600 MB) takes seconds; a publish after a one-article
edit must take well under one.  A file whose size, mtime, ctime and inode are
unchanged since it was hashed has the same bytes, with one classic exception
(git's "racy clean" problem): a file rewritten within the filesystem's
timestamp granularity after it was hashed.  Like git, we do not remember a hash
for a file modified in the last few seconds before hashing it, so such a file
is hashed again next time.

The cache is ``<site folder>/.cong-hashes.json``; names starting ``.cong-``
are never published.  A lost or unreadable cache only costs hashing time.
"""

import contextlib
import json
import os
import secrets
import time
from pathlib import Path

from .files import hash_file

CACHE_NAME = ".cong-hashes.json"
RACY_SECONDS = 3


class HashCache:
    def __init__(self, folder, *, enabled=True):
        self.path = Path(folder) / CACHE_NAME
        self.enabled = enabled
        self.entries = {}
        self.seen = {}
        self.hashed = 0
        if enabled:
            with contextlib.suppress(OSError, ValueError):
                loaded = json.loads(self.path.read_bytes())
                if isinstance(loaded, dict):
                    self.entries = loaded

    def sha256(self, path, abspath, stat):
        key = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
        cached = self.entries.get(path)
        if cached is not None and cached[:4] == key:
            self.seen[path] = cached
            return cached[4]
        digest = hash_file(abspath)
        self.hashed += 1
        newest = max(stat.st_mtime_ns, stat.st_ctime_ns)
        if time.time_ns() - newest > RACY_SECONDS * 1_000_000_000:
            self.seen[path] = [*key, digest]
        return digest

    def save(self):
        """Keep what this scan saw (files gone from the build drop out)."""
        if not self.enabled or self.seen == self.entries:
            return
        data = json.dumps(self.seen, separators=(",", ":")).encode()
        temp = self.path.with_name(f"{CACHE_NAME}.{secrets.token_hex(4)}.tmp")
        try:
            temp.write_bytes(data)
            os.replace(temp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink()
