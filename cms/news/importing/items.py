"""Validate one raw import item into an ArticleData, or say clearly why not."""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.text import Truncator, slugify

from .html import plain_text, to_rich_text
from .sources import ImportLineError

# Old portals wrote local times without an offset: read them as Vietnam time.
LOCAL_TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")
TITLE_MAX = 255
SUMMARY_MAX = 1000
AUTHOR_MAX = 200
TAG_MAX = 100
URL_MAX = 1000

_validate_url = URLValidator(schemes=["http", "https"])


@dataclass
class ArticleData:
    source_url: str
    title: str
    summary: str
    body: str  # Wagtail rich text (database format), may be empty
    published: datetime
    author: str = ""
    tags: list[str] = field(default_factory=list)
    image_url: str | None = None


class SkipItem(Exception):  # noqa: N818 - a signal, not an error
    """An item that is fine but not for this import (other language)."""


def _text(data, key, *, required=False, max_length=None):
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise ImportLineError(f"{key} is missing")
        return ""
    if not isinstance(value, str):
        raise ImportLineError(f"{key} must be a string, not {type(value).__name__}")
    value = unicodedata.normalize("NFC", value.strip())
    if required and not value:
        raise ImportLineError(f"{key} is empty")
    if max_length and len(value) > max_length:
        raise ImportLineError(f"{key} is longer than {max_length} characters")
    return value


def parse_datetime(value):
    """ISO 8601 → aware datetime; a value without offset is Vietnam local time."""
    if not isinstance(value, str) or not value.strip():
        raise ImportLineError("published_at is missing")
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ImportLineError(f"published_at {value!r} is not an ISO 8601 date") from None
    if timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=LOCAL_TIMEZONE)
    return parsed


def _tags(value):
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
        raise ImportLineError("tags must be a list of strings or a comma-separated string")
    tags = []
    for tag in value:
        tag = unicodedata.normalize("NFC", " ".join(tag.split()))
        if len(tag) > TAG_MAX:
            raise ImportLineError(f"tag {tag[:30]!r}… is longer than {TAG_MAX} characters")
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def parse_item(data, language_code):
    """Check one raw item; raise ImportLineError (bad) or SkipItem (other language)."""
    kind = data.get("kind") or "news"
    if kind != "news":
        raise ImportLineError(f"kind {kind!r} is not supported (only 'news')")
    lang = data.get("lang")
    if lang and str(lang).lower()[:2] != language_code:
        raise SkipItem(f"lang {lang!r} is not the --locale {language_code!r}")
    source_url = _text(data, "source_url", required=True, max_length=URL_MAX)
    try:
        _validate_url(source_url)
    except ValidationError:
        raise ImportLineError(f"source_url {source_url!r} is not an http(s) URL") from None
    title = plain_text(_text(data, "title", required=True))
    if not title:
        raise ImportLineError("title is empty")
    if len(title) > TITLE_MAX:
        raise ImportLineError(f"title is longer than {TITLE_MAX} characters")
    body_html = data.get("body_html") or ""
    if not isinstance(body_html, str):
        raise ImportLineError("body_html must be a string")
    summary = plain_text(_text(data, "summary"))
    image_url = _text(data, "image_url") or None
    return ArticleData(
        source_url=source_url,
        title=title,
        # The body keeps the full text; a long summary is shortened, not refused.
        summary=Truncator(summary).chars(SUMMARY_MAX),
        body=to_rich_text(unicodedata.normalize("NFC", body_html)),
        published=parse_datetime(data.get("published_at")),
        author=_text(data, "author", max_length=AUTHOR_MAX),
        tags=_tags(data.get("tags")),
        image_url=image_url,
    )


def ascii_slug(text):
    """A URL slug without Vietnamese marks (đ has no Unicode decomposition)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    return slugify(folded)[:80].strip("-") or "bai-viet"


_BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


def comparable_body(rich_text):
    """Rich text without Draftail's random block keys, to tell real changes apart."""
    return _BLOCK_KEY.sub("", rich_text or "")
