"""The list of public sites (dist/sites.json, written by the build), reloaded when it changes.

It gives the search API the known site slugs (to validate `site=`), the
names shown with results, and the CORS origins (exactly the sites' origins).
"""

import json
import threading
from pathlib import Path
from urllib.parse import urlsplit


def origin_of(url):
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


class SitesDirectory:
    def __init__(self, path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._stamp = None
        self._sites = {}

    def _load(self):
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            self._stamp, self._sites = None, {}
            return
        stamp = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        if stamp == self._stamp:
            return
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
            sites = {entry["slug"]: entry for entry in entries if isinstance(entry, dict)}
        except (OSError, ValueError, KeyError, TypeError):
            sites = self._sites  # a half-written file: keep what we had
        self._stamp, self._sites = stamp, sites

    def sites(self):
        with self._lock:
            self._load()
            return self._sites

    def slugs(self):
        return set(self.sites())

    def origins(self):
        return {o for entry in self.sites().values() if (o := origin_of(entry.get("base_url", "")))}

    def name(self, slug, lang):
        entry = self.sites().get(slug) or {}
        return entry.get(f"name_{lang}") or entry.get("name_vi") or ""
