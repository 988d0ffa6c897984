"""Read import files into plain items: JSON Lines, or an RSS/Atom feed (feedparser).

Each item is (where, data) with `where` a human label ("line 3", "entry 2")
for error messages; a line that is not valid JSON comes back as (where,
ImportLineError) so the importer can report it and carry on.
"""

import calendar
import json
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
                "summary": summary,
                # RSS often has only a description: it is then both summary and body.
                "body_html": body or summary,
                "published_at": _feed_date(entry),
                "author": entry.get("author"),
                "tags": [tag.get("term") for tag in entry.get("tags", []) if tag.get("term")],
                "image_url": _feed_image(entry),
            },
        )
