"""The public sites' origins, read from the build's `dist/sites.json`.

The static build writes that file; it lists every site with its base URL.
Only those origins may call the feedback API from a browser (CORS) and only
they may be the target of the thank-you redirect. No file: no site origin
is trusted (relative redirects still work).

The reader accepts the shapes a build might write — a list of site objects,
an object keyed by slug, or {"sites": …} — and takes every absolute http(s)
URL under a `base_url`, `url` or `origin` key.
"""

import json
import logging
from urllib.parse import urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)

URL_KEYS = ("base_url", "url", "origin")
_cache = {"key": None, "origins": frozenset()}


def origin_of(url):
    """'https://a.gov.vn/vi/x' -> 'https://a.gov.vn'; None unless absolute http(s)."""
    try:
        parts = urlsplit(url)
    except ValueError:
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


def _collect(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in URL_KEYS and isinstance(value, str):
                origin = origin_of(value)
                if origin:
                    found.add(origin)
            else:
                _collect(value, found)
    elif isinstance(node, list):
        for item in node:
            _collect(item, found)


def sites_file():
    return settings.DIST_DIR / "sites.json"


def allowed_origins():
    """The set of site origins, re-read whenever sites.json changes."""
    path = sites_file()
    try:
        stat = path.stat()
    except OSError:
        return frozenset()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if _cache["key"] != key:
        found = set()
        try:
            _collect(json.loads(path.read_text(encoding="utf-8")), found)
        except (OSError, ValueError):
            logger.warning("feedback: cannot read %s; no site origin is allowed", path)
        _cache.update(key=key, origins=frozenset(found))
    return _cache["origins"]


def is_allowed_origin(origin):
    return bool(origin) and origin_of(origin) == origin and origin in allowed_origins()


def safe_redirect_target(next_url):
    """`next_url` if it is a relative path or on a site origin, else None."""
    if not next_url or not isinstance(next_url, str) or len(next_url) > 2000:
        return None
    if any(char in next_url for char in "\\\r\n\t") or next_url.startswith("//"):
        return None
    parts = urlsplit(next_url)
    if not parts.scheme and not parts.netloc:
        return next_url if next_url.startswith("/") else None
    return next_url if origin_of(next_url) in allowed_origins() else None
