"""Images (as responsive renditions) and documents copied into the static output.

Files get content-hashed names so publish can cache them forever. Hashing is
the slow part, so each source file's hash is remembered across builds in a
small JSON cache keyed by name, size and modification time; a file is only
copied when its hashed destination is missing.
"""

import hashlib
import json
import logging
import os
import re
import shutil
import unicodedata
from pathlib import Path

from django.conf import settings
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

logger = logging.getLogger(__name__)

IMAGE_WIDTHS = (480, 800, 1200)
SRC_WIDTH = 800  # the width of `src` when the image is at least that wide
FALLBACK_SPECS = tuple(f"width-{width}" for width in IMAGE_WIDTHS)
WEBP_SPECS = tuple(f"width-{width}|format-webp" for width in IMAGE_WIDTHS)
ALL_SPECS = FALLBACK_SPECS + WEBP_SPECS
HASH_LENGTH = 10


def ascii_slug(text, max_length=80):
    """A file-name-safe slug; đ/Đ have no Unicode decomposition, so fold them first."""
    text = unicodedata.normalize("NFC", text or "").replace("đ", "d").replace("Đ", "D")
    # "12/QĐ-UBND" -> "12-qd-ubnd": punctuation separates words instead of vanishing.
    text = re.sub(r"[^\w\s-]", " ", text)
    return slugify(text)[:max_length].strip("-")


class HashCache:
    """sha256 of source files, remembered across builds (one JSON file per site)."""

    def __init__(self, path):
        self.path = Path(path) if path else None
        self.hashes = {}
        self.dirty = False
        if self.path and self.path.exists():
            try:
                self.hashes = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                logger.warning("Ignoring unreadable media hash cache %s", self.path)

    def get(self, key):
        return self.hashes.get(key)

    def set(self, key, digest):
        self.hashes[key] = digest
        self.dirty = True

    def save(self):
        if not (self.path and self.dirty):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(self.hashes, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)
        self.dirty = False


def default_hash_cache_path(slug):
    return Path(settings.VAR_DIR) / "cache" / "export" / f"media-hashes-{slug}.json"


class MediaStore:
    """Copies the media one site's records reference into out_dir/media."""

    def __init__(self, out_dir, base_url, hash_cache):
        self.media_dir = Path(out_dir) / "media"
        self.base_url = base_url.rstrip("/")
        self.hash_cache = hash_cache
        self.images = {}  # id -> Image (with prefetched renditions) or None
        self.documents = {}  # id -> Document or None
        self._image_info = {}  # id -> rendition part of the image dict, or None
        self._document_info = {}  # id -> attachment dict, or None

    # Loading in bulk --------------------------------------------------------

    def preload(self, image_ids=(), document_ids=()):
        """Fetch not yet known images and documents in a few queries."""
        missing = {int(i) for i in image_ids if i} - set(self.images)
        if missing:
            queryset = get_image_model().objects.filter(id__in=missing)
            found = {image.id: image for image in queryset.prefetch_renditions(*ALL_SPECS)}
            for image_id in missing:
                self.images[image_id] = found.get(image_id)
        missing = {int(i) for i in document_ids if i} - set(self.documents)
        if missing:
            found = get_document_model().objects.in_bulk(list(missing))
            for document_id in missing:
                self.documents[document_id] = found.get(document_id)

    def _image(self, image_id):
        image_id = int(image_id)
        if image_id not in self.images:
            self.preload(image_ids=[image_id])
        return self.images[image_id]

    def _document(self, document_id):
        document_id = int(document_id)
        if document_id not in self.documents:
            self.preload(document_ids=[document_id])
        return self.documents[document_id]

    # Copying ----------------------------------------------------------------

    def _digest(self, field_file):
        """sha256 hex of a stored file, from the cache when name, size and mtime match."""
        storage, name = field_file.storage, field_file.name
        try:
            size = storage.size(name)
            modified = storage.get_modified_time(name).timestamp()
        except (OSError, NotImplementedError):
            size = modified = None
        key = f"{name}:{size}:{modified}"
        digest = self.hash_cache.get(key) if size is not None else None
        if digest is None:
            sha = hashlib.sha256()
            with storage.open(name, "rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    sha.update(chunk)
            digest = sha.hexdigest()
            if size is not None:
                self.hash_cache.set(key, digest)
        return digest

    def _copy(self, field_file, folder, stem):
        """Copy a stored file to media/<folder>/<stem>.<hash>.<ext>; return its URL."""
        ext = os.path.splitext(field_file.name)[1].lower()
        digest = self._digest(field_file)
        filename = f"{stem}.{digest[:HASH_LENGTH]}{ext}"
        destination = self.media_dir / folder / filename
        if not destination.exists():
            destination.parent.mkdir(parents=True, exist_ok=True)
            tmp = destination.with_name(f".{filename}.{os.getpid()}.tmp")
            with field_file.storage.open(field_file.name, "rb") as src, open(tmp, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
            os.replace(tmp, destination)
        return f"{self.base_url}/media/{folder}/{filename}"

    # Images -----------------------------------------------------------------

    def _renditions(self, image):
        """{src, srcset, webp_srcset, width, height} for one image, made once per build."""
        renditions = image.get_renditions(*ALL_SPECS)
        fallback, webp = [], []
        for specs, target in ((FALLBACK_SPECS, fallback), (WEBP_SPECS, webp)):
            seen_widths = set()
            for spec in specs:
                rendition = renditions[spec]
                if rendition.width in seen_widths:
                    continue  # a small original gives the same size for every width
                seen_widths.add(rendition.width)
                stem = ascii_slug(Path(rendition.file.name).stem, 120) or "image"
                url = self._copy(rendition.file, "images", stem)
                target.append((rendition, url))
        src_rendition, src_url = fallback[0]
        for rendition, url in fallback:
            if rendition.width <= SRC_WIDTH:
                src_rendition, src_url = rendition, url
        return {
            "src": src_url,
            "srcset": ", ".join(f"{url} {r.width}w" for r, url in fallback),
            "webp_srcset": ", ".join(f"{url} {r.width}w" for r, url in webp),
            "width": src_rendition.width,
            "height": src_rendition.height,
        }

    def image(self, image_id, *, alt=None, caption="", credit=""):
        """The record image dict, or None when the image is gone or unreadable."""
        if not image_id:
            return None
        image = self._image(image_id)
        if image is None:
            return None
        if image.id not in self._image_info:
            try:
                self._image_info[image.id] = self._renditions(image)
            except Exception:  # a broken upload must not stop the whole site's build
                logger.exception("Skipping image %s (%s): renditions failed", image.id, image)
                self._image_info[image.id] = None
        info = self._image_info[image.id]
        if info is None:
            return None
        return {
            **info,
            "alt": alt if alt is not None else image.default_alt_text,
            "caption": caption or "",
            "credit": credit or "",
        }

    # Documents --------------------------------------------------------------

    def document(self, document_id, title=None):
        """The attachment dict {title, url, filename, size, ext}, or None if missing."""
        if not document_id:
            return None
        document = self._document(document_id)
        if document is None:
            return None
        if document.id not in self._document_info:
            self._document_info[document.id] = self._copy_document(document)
        info = self._document_info[document.id]
        if info is None:
            return None
        # An untitled block shows the document's own title, in the source language
        # (documents are not translated): the theme marks it lang="vi" on English pages.
        return {**info, "title": title or info["title"], "title_is_file_title": not title}

    def _copy_document(self, document):
        filename = os.path.basename(document.file.name)
        stem = ascii_slug(document.title) or ascii_slug(os.path.splitext(filename)[0])
        try:
            url = self._copy(document.file, "documents", stem or "document")
            size = document.file_size or document.file.storage.size(document.file.name)
        except OSError:
            logger.warning("Skipping document %s (%s): file missing", document.id, filename)
            return None
        return {
            "title": document.title,
            "url": url,
            "filename": filename,
            "size": size,
            "ext": os.path.splitext(filename)[1].lstrip(".").lower(),
        }
