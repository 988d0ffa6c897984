"""Read import files into plain items: JSON Lines, or an RSS/Atom feed (feedparser).

Each item is (where, data) with `where` a human label ("line 3", "entry 2")
for error messages; a line that is not valid JSON comes back as (where,
ImportLineError) so the importer can report it and carry on.
"""

import calendar
import json
import re
from datetime import UTC, datetime

import feedparser


class ImportLineError(Exception):
    """One line or entry that cannot be imported; the message says why."""


def looks_like_feed(raw):
    """RSS and Atom are XML; JSON Lines start with "{" (after any BOM/whitespace)."""
    return raw.lstrip("\ufeff \t\r\n").startswith("<")


def read_items(raw):
    """Yield (where, dict | ImportLineError) from the text of an import file."""
    if looks_like_feed(raw):
        yield from _feed_items(raw)
    else:
        yield from _jsonl_items(raw)


def _jsonl_items(raw):
    for number, line in enumerate(raw.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            yield where, ImportLineError(f"not valid JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(data, dict):
            yield where, ImportLineError("expected a JSON object")
            continue
        yield where, data


def _feed_date(entry):
    """feedparser normalises feed dates to UTC struct_time; keep them aware."""
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()
    for key in ("published", "updated"):
        if entry.get(key):
            return entry[key]  # unparsed: let the importer report it
    return None


def _feed_image(entry):
    for enclosure in entry.get("enclosures", []):
        if str(enclosure.get("type", "")).startswith("image/") and enclosure.get("href"):
            return enclosure["href"]
    for media in entry.get("media_content", []) + entry.get("media_thumbnail", []):
        if media.get("url"):
            return media["url"]
    return None


def _feed_items(raw):
    feed = feedparser.parse(raw)
    if feed.bozo and not feed.entries:
        yield "feed", ImportLineError(f"not a readable RSS/Atom feed ({feed.bozo_exception})")
        return
    language = (feed.feed.get("language") or "")[:2].lower() or None
    for number, entry in enumerate(feed.entries, start=1):
        content = entry.get("content") or []
        body = content[0].get("value", "") if content else ""
        summary = entry.get("summary", "")
        yield (
            f"entry {number}",
            {
                "source_url": entry.get("link") or entry.get("id"),
                "lang": language,
                "kind": "news",
                "title": entry.get("title"),
                # RSS often has only a description: it is the body, and the
                # summary comes from its first paragraph (cleaned like the rest).
                "summary": summary if body else "",
                "body_html": body or summary,
                "published_at": _feed_date(entry),
                "author": entry.get("author"),
                "tags": [tag.get("term") for tag in entry.get("tags", []) if tag.get("term")],
                "image_url": _feed_image(entry),
            },
        )


URL_LINE = re.compile(r"^(?:(?:url|link|nguồn gốc)\s*:\s*)?(?P<url>https?://\S+)$", re.IGNORECASE)


def read_text_article(raw, name):
    """One plain-text article (one paragraph per line) → an import item.

    A line that is only an image path (or Markdown `![alt](path)`) is an image;
    a line that is only an http(s) URL is the article's original address.
    The title, date, author and source are found by the cleaning.
    """
    lines, source_url = [], None
    for line in raw.lstrip("\ufeff").splitlines():
        line = line.strip()
        if not line:
            continue
        if (match := URL_LINE.match(line)) and source_url is None:
            source_url = match["url"]
            continue
        lines.append(line)
    return {"text_lines": lines, "source_url": source_url, "file": name, "kind": "news"}
