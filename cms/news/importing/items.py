"""Validate one raw import item into an ArticleData, or say clearly why not."""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from urllib.parse import quote
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.text import Truncator, slugify

from .cleaning import clean, summarise, text_blocks
from .html import html_blocks, plain_text, to_rich_text
from .sources import ImportLineError

# Old portals wrote local times without an offset: read them as Vietnam time.
LOCAL_TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")
TITLE_MAX = 255
SUMMARY_MAX = 1000
AUTHOR_MAX = 200
SOURCE_MAX = 255
CAPTION_MAX = 500
TAG_MAX = 100
URL_MAX = 1000

_validate_url = URLValidator(schemes=["http", "https"])


@dataclass
class ArticleData:
    source_url: str
    title: str
    summary: str
    # ("paragraph", Wagtail rich text) and ("image", Block) in reading order
    body: list[tuple[str, object]]
    published: datetime
    author: str = ""
    source: str = ""
    tags: list[str] = field(default_factory=list)
    image_url: str | None = None
    image_caption: str = ""
    dropped: list[str] = field(default_factory=list)


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


def _title_and_url(data, cleaned, text_source_base):
    if "text_lines" not in data:
        source_url = _text(data, "source_url", required=True, max_length=URL_MAX)
        title = plain_text(_text(data, "title", required=True))
        # Some exports repeat the title as the body's first paragraph.
        first = next((b for b in cleaned.blocks if b.kind == "text"), None)
        if first is not None and first.text == title:
            cleaned.blocks.remove(first)
            cleaned.dropped.append(f"title repeated in the body: {title[:60]}")
        return source_url, title
    first = next((b for b in cleaned.blocks if b.kind == "text"), None)
    if first is None:
        raise ImportLineError("no title: every line is page clutter (see --verbose)")
    cleaned.blocks.remove(first)
    source_url = data.get("source_url") or text_source_base + quote(data["file"])
    return source_url, first.text


def _body(blocks):
    """Consecutive paragraphs become one rich text block; images stay between."""
    body, paragraphs = [], []
    for block in blocks + [None]:
        if block is None or block.kind == "image":
            html = "".join(p.html or f"<p>{escape(p.text)}</p>" for p in paragraphs)
            rich = to_rich_text(unicodedata.normalize("NFC", html)) if html else ""
            if rich:
                body.append(("paragraph", rich))
            paragraphs = []
            if block is not None:
                body.append(("image", block))
        else:
            paragraphs.append(block)
    return body


def _caption(block):
    caption = block.caption + (f" (Ảnh: {block.credit})" if block.credit else "")
    return caption[:CAPTION_MAX]


def parse_item(data, language_code, *, text_source_base="https://import.invalid/"):
    """Check and clean one raw item; raise ImportLineError (bad) or SkipItem (other language)."""
    kind = data.get("kind") or "news"
    if kind != "news":
        raise ImportLineError(f"kind {kind!r} is not supported (only 'news')")
    lang = data.get("lang")
    if lang and str(lang).lower()[:2] != language_code:
        raise SkipItem(f"lang {lang!r} is not the --locale {language_code!r}")
    if "text_lines" in data:
        cleaned = clean(text_blocks(data["text_lines"]))
    else:
        body_html = data.get("body_html") or ""
        if not isinstance(body_html, str):
            raise ImportLineError("body_html must be a string")
        cleaned = clean(html_blocks(unicodedata.normalize("NFC", body_html)))
    source_url, title = _title_and_url(data, cleaned, text_source_base)
    try:
        _validate_url(source_url)
    except ValidationError:
        raise ImportLineError(f"source_url {source_url!r} is not an http(s) URL") from None
    if not title:
        raise ImportLineError("title is empty")
    if len(title) > TITLE_MAX:
        raise ImportLineError(f"title is longer than {TITLE_MAX} characters")
    if data.get("published_at"):
        published = parse_datetime(data.get("published_at"))
    elif cleaned.date is not None:
        published = cleaned.date.replace(tzinfo=LOCAL_TIMEZONE)
    else:
        raise ImportLineError("published_at is missing and no date-time line was found")
    summary, blocks = summarise(plain_text(_text(data, "summary")), cleaned.blocks)
    image_url, image_caption = _text(data, "image_url") or None, ""
    first_image = next((b for b in blocks if b.kind == "image"), None)
    if image_url is None and first_image is not None:
        blocks.remove(first_image)
        image_url, image_caption = first_image.src, _caption(first_image)
    return ArticleData(
        source_url=source_url,
        title=title,
        summary=Truncator(summary).chars(SUMMARY_MAX),
        body=_body(blocks),
        published=published,
        author=(_text(data, "author") or cleaned.author)[:AUTHOR_MAX],
        source=(_text(data, "source") or cleaned.source)[:SOURCE_MAX],
        tags=_tags(data.get("tags")),
        image_url=image_url,
        image_caption=image_caption,
        dropped=cleaned.dropped,
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
