"""Hero images for imported articles: local files only.

Only `file://` URLs and paths relative to the import file are read; this
machine has no network and an import must not make the server fetch arbitrary
URLs, so http(s) images are skipped with a note (attach them in the admin).
A file that is not a readable image is a note too: the article still imports.
"""

import hashlib
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.images.models import Image


class ImageFetcher:
    def __init__(self, collection, base_dir=None):
        self.collection = collection
        self.base_dir = Path(base_dir) if base_dir else Path.cwd()

    def _path(self, url):
        parsed = urlparse(url)
        if parsed.scheme == "file":
            return Path(unquote(parsed.path))
        if parsed.scheme in ("http", "https"):
            return None
        if parsed.scheme:
            raise ValueError(f"image_url scheme {parsed.scheme!r} is not supported")
        return self.base_dir / unquote(url)

    def fetch(self, url, *, alt):
        """Return (Image or None, [notes])."""
        if not url:
            return None, []
        try:
            path = self._path(url)
        except ValueError as error:
            return None, [str(error)]
        if path is None:
            return None, [f"image {url} not fetched: remote images are skipped"]
        if path.suffix.lower().lstrip(".") not in settings.WAGTAILIMAGES_EXTENSIONS:
            return None, [f"image {path.name} skipped: not an allowed image type"]
        try:
            data = path.read_bytes()
        except OSError as error:
            return None, [f"image {path} not read: {error.strerror or error}"]
        if len(data) > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
            return None, [f"image {path.name} skipped: larger than the upload limit"]
        try:
            with PILImage.open(path) as picture:
                picture.verify()
        except (UnidentifiedImageError, OSError, SyntaxError):
            return None, [f"image {path.name} skipped: not a valid image"]
        digest = hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's own file_hash
        existing = Image.objects.filter(collection=self.collection, file_hash=digest).first()
        if existing:
            return existing, []
        with path.open("rb") as handle:
            image = Image(
                title=alt[:255],
                collection=self.collection,
                file=ImageFile(handle, name=path.name),
                file_size=len(data),
                file_hash=digest,  # what the admin's upload form records, used to find repeats
            )
            image.save()
        return image, []
