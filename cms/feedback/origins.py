"""The public sites' origins, read from the build's `dist/sites.json`.

The static build writes that file; it lists every site with its base URL.
Only those origins may call the feedback API from a browser (CORS) and only
they may be the target of the thank-you redirect. No file: no site origin
is trusted (relative redirects still work).

The file's format and its reading belong to build/sitesfile.py, as does
`origin_of`, the project's one origin helper.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings

from build.sitesfile import SITES_NAME, origin_of, parse_sites

logger = logging.getLogger(__name__)

_cache = {"key": None, "origins": frozenset()}


def sites_file():
    return settings.DIST_DIR / SITES_NAME


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
            sites = parse_sites(path.read_text(encoding="utf-8"))
            found = {o for e in sites.values() if (o := origin_of(e.get("base_url", "")))}
        except (OSError, ValueError, TypeError, KeyError):
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
