"""What a published file is: its Content-Type, its Cache-Control and its upload phase.

These rules are pure functions of the file's path below the site folder
("vi/tin-tuc/slug/index.html", "static/css/site.3f2a9c1b.css"), so the local
and the S3 target agree and the plan can be computed without touching a target.

Content-hashed asset names follow the usual fingerprint convention
``name.<8 to 64 hex digits>.ext`` (webpack, Django's ManifestStaticFilesStorage,
Wagtail rendition names): such a URL never changes content, so browsers and CDNs
may keep it for a year.  Everything an editor can change under a stable URL
(HTML, feeds, sitemap, JSON) gets a short, revalidated lifetime.
"""

import mimetypes
import posixpath
import re

# Explicit table first: mimetypes depends on the machine's /etc/mime.types and
# gets some of these wrong or leaves them out (.webp, .atom, .webmanifest, .mjs).
CONTENT_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".map": "application/json",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".atom": "application/atom+xml",
    ".rss": "application/rss+xml",
    ".xsl": "application/xslt+xml",
    ".txt": "text/plain",
    ".csv": "text/csv",
    ".md": "text/markdown",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/vnd.microsoft.icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ppt": "application/vnd.ms-powerpoint",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".zip": "application/zip",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
    ".wasm": "application/wasm",
    ".pf_meta": "application/octet-stream",  # Pagefind's binary index chunks
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
}

# Types whose bytes are text: the build writes UTF-8, so say so.
_TEXT_APPLICATION_TYPES = {
    "application/json",
    "application/manifest+json",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "application/xslt+xml",
    "application/javascript",
    "image/svg+xml",
}

CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
CACHE_SHORT = "public, max-age=60, must-revalidate"
# Static files under a stable name (an unhashed logo, a form PDF an editor may
# replace): an hour is a fair trade between speed and seeing a replacement.
CACHE_MEDIUM = "public, max-age=3600"
CACHE_NONE = "no-cache"

# Upload phases, in order: a page must never be live before what it references.
PHASE_ASSETS = 0  # stylesheets, scripts, images, fonts, documents
PHASE_DATA = 1  # feeds, sitemap, JSON, robots.txt and other non-HTML text
PHASE_HTML = 2
PHASES = (PHASE_ASSETS, PHASE_DATA, PHASE_HTML)
PHASE_NAMES = {PHASE_ASSETS: "assets", PHASE_DATA: "data", PHASE_HTML: "html"}

_HASHED_NAME = re.compile(r"\.(?=[0-9a-f]*[a-f])[0-9a-f]{8,64}\.")
_SHORT_LIVED_TYPES = {
    "text/html",
    "application/json",
    "application/manifest+json",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "text/plain",
}


def is_hashed_asset(path):
    """True when the file name carries a content hash (``site.3f2a9c1b.css``)."""
    return bool(_HASHED_NAME.search(posixpath.basename(path)))


def _extension(path):
    name = posixpath.basename(path).lower()
    _, dot, ext = name.rpartition(".")
    return f".{ext}" if dot else ""


def media_type(path):
    """The bare media type, without parameters."""
    ext = _extension(path)
    if ext in CONTENT_TYPES:
        return CONTENT_TYPES[ext]
    guessed, _ = mimetypes.guess_type(path, strict=False)
    return guessed or "application/octet-stream"


def content_type(path):
    """Content-Type header value, with ``charset=utf-8`` for text types."""
    kind = media_type(path)
    if kind.startswith("text/") or kind in _TEXT_APPLICATION_TYPES:
        return f"{kind}; charset=utf-8"
    return kind


def cache_control(path):
    """Cache-Control header value for a published file."""
    if is_hashed_asset(path):
        return CACHE_IMMUTABLE
    if media_type(path) in _SHORT_LIVED_TYPES:
        return CACHE_SHORT
    return CACHE_MEDIUM


def phase(path):
    """Upload phase of a file (see PHASES)."""
    kind = media_type(path)
    if kind == "text/html":
        return PHASE_HTML
    if kind in _SHORT_LIVED_TYPES and not is_hashed_asset(path):
        return PHASE_DATA
    return PHASE_ASSETS
