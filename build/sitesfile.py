"""The owner of dist/sites.json: every site the build has output for.

    [{"slug", "name_vi", "name_en", "base_url", "languages", "is_portal"}, …]

The build writes it after every run; the search API (site names, CORS), the
indexer, the feedback API (allowed origins), publishing and serve_sites read
it, all through this module. `origin_of` is the project's one way to reduce
a URL to its origin (CSP sources, CORS, redirect checks).
"""

import json
import threading
from pathlib import Path
from urllib.parse import urlsplit

SITES_NAME = "sites.json"


def sites_path(dist_dir) -> Path:
    return Path(dist_dir) / SITES_NAME


def origin_of(url):
    """'https://a.gov.vn/vi/x' -> 'https://a.gov.vn'; None unless absolute http(s)."""
    try:
        parts = urlsplit(url)
    except (ValueError, TypeError, AttributeError):
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    try:
        port = parts.port
    except ValueError:
        return None
    default_port = {"http": 80, "https": 443}[parts.scheme]
    host = parts.hostname
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, default_port) else f"{host}:{port}"
    return f"{parts.scheme}://{netloc}"


def site_entry(site, base_url, languages):
    return {
        "slug": site["slug"],
        "name_vi": site["name_vi"],
        "name_en": site["name_en"],
        "base_url": base_url,
        "languages": list(languages),
        "is_portal": bool(site["is_portal"]),
    }


def write_sites(dist_dir, entries):
    path = sites_path(dist_dir)
    tmp = path.with_name(SITES_NAME + ".tmp")
    tmp.write_text(json.dumps(entries, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)


def parse_sites(text):
    """{slug: entry} of a sites.json text; ValueError when it is not one."""
    entries = json.loads(text)
    if not isinstance(entries, list):
        raise ValueError("sites.json is not a list of sites")
    return {e["slug"]: e for e in entries if isinstance(e, dict) and isinstance(e.get("slug"), str)}


def read_sites(dist_dir_or_path):
    """{slug: entry}; {} when the file is missing or unreadable (before the first build)."""
    path = Path(dist_dir_or_path)
    if path.name != SITES_NAME:
        path = sites_path(path)
    try:
        return parse_sites(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError, KeyError):
        return {}


class SitesFile:
    """sites.json, read again whenever it changes (long-running readers: the APIs).

    A half-written or damaged file keeps what was read before.
    """

    def __init__(self, path):
        path = Path(path)
        self.path = path if path.name == SITES_NAME else sites_path(path)
        self._lock = threading.Lock()
        self._stamp = None
        self._sites = {}

    def _load(self):
        try:
            stat = self.path.stat()
        except OSError:
            self._stamp, self._sites = None, {}
            return
        stamp = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        if stamp == self._stamp:
            return
        try:
            sites = parse_sites(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            sites = self._sites
        self._stamp, self._sites = stamp, sites

    def sites(self):
        with self._lock:
            self._load()
            return self._sites

    def origins(self):
        return {o for e in self.sites().values() if (o := origin_of(e.get("base_url", "")))}
