"""Content records (build/records.py) → search documents.

A search document is one published page in one language with everything the
index and the result list need. Portal copies of department content carry a
`canonical` URL: they are skipped, the department's own record is indexed once.
"""

import hashlib
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser

from build.kinds import SEARCHABLE_KINDS, search_text_of

from . import text as textmod

BODY_MAX_CHARS = 20_000  # enough for relevance and snippets; keeps the index small
ATTACHED_MAX_CHARS = 100_000  # text of all of a page's attached files together


@dataclass
class SearchDocument:
    id: str  # "<site>/<lang>/<record id>", stable across builds
    site: str
    lang: str
    kind: str
    title: str
    url: str  # absolute canonical URL
    site_name: str = ""
    summary: str = ""
    body: str = ""  # plain text
    date: str = ""  # "YYYY-MM-DD" or ""
    year: int | None = None
    categories: list = field(default_factory=list)
    sector: str = ""
    district: str = ""
    document_type: str = ""
    document_number: str = ""
    keywords: list = field(default_factory=list)  # other searchable short values
    # Text of attached files: [{title, filename, url, text}] (search/attachments.py)
    attachments: list = field(default_factory=list)

    def as_dict(self):
        # Faster than dataclasses.asdict (no deep copy); lists are copied shallowly.
        return {
            name: list(value) if isinstance(value, list) else value
            for name, value in self.__dict__.items()
        }

    def as_json(self):
        """Canonical JSON (sorted keys, empty values left out, no spaces): stored by the
        embedded index, hashed for changes."""
        values = {k: v for k, v in self.__dict__.items() if v is not None and v != "" and v != []}
        return json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    @property
    def content_hash(self):
        """Changes whenever anything indexed changes: drives incremental updates."""
        return hash_json(self.as_json())

    def numbers(self):
        """Document numbers this document answers to: its own and any it is known by."""
        found = [self.document_number] if self.document_number else []
        found += textmod.document_numbers(self.title)
        return list(dict.fromkeys(n for n in found if n))


def hash_json(payload):
    return hashlib.blake2b(payload.encode(), digest_size=12).hexdigest()


class _TextExtractor(HTMLParser):
    """Visible text of sanitised HTML, with block boundaries kept as spaces."""

    SKIP = {"script", "style", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skipping += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html):
    if not html:
        return ""
    if "<" not in html and "&" not in html:
        return " ".join(html.split())
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def _name(value):
    """Name of a snippet value ({key, name}) or a plain value."""
    if isinstance(value, dict):
        return str(value.get("name") or "")
    if value is None or isinstance(value, bool):
        return ""
    return str(value)


def _text_of(value):
    """Flatten nested field values (lists of steps, dossier items) to text."""
    if value is None or isinstance(value, bool | int | float):
        return ""
    if isinstance(value, str):
        return html_to_text(value) if "<" in value else value
    if isinstance(value, dict):
        return " ".join(_text_of(v) for k, v in value.items() if k not in {"key", "url", "src"})
    if isinstance(value, list | tuple):
        return " ".join(_text_of(v) for v in value)
    return ""


def _facets(kind, fields):
    """(document number, document type, sector, district) from the typed fields."""
    number = fields.get("number") or fields.get("decision_number") or ""
    doc_type = fields.get("document_type_label") or fields.get("plan_type_label") or ""
    sector = _name(fields.get("sector")) or _name(fields.get("topic"))
    district = _name(fields.get("location")) or _name(fields.get("area"))
    return str(number), str(doc_type), sector, district


def _date(record):
    fields = record.get("fields") or {}
    raw = record.get("date") or fields.get("signed_date") or fields.get("decision_date") or ""
    raw = str(raw)[:10]
    year = int(raw[:4]) if len(raw) >= 4 and raw[:4].isdigit() else None
    return raw, year


def is_indexable(record):
    return record.get("kind") in SEARCHABLE_KINDS and not record.get("canonical")


def _attached(record, attachments):
    """[{title, filename, url, text}] of the record's files with text, within the budget."""
    if attachments is None:
        return []
    found, budget = [], ATTACHED_MAX_CHARS
    for item in attachments.attachments_of(record):
        if budget <= 0:
            break
        item["text"] = item["text"][:budget]
        budget -= len(item["text"])
        found.append(item)
    return found


def document_from_record(record, base_url, site_name="", attachments=None):
    """The search document for one record, or None when it is not indexed.

    `site_name` is a string or a {lang: name} mapping; `attachments` an
    AttachmentReader (search/attachments.py) for the text of attached files.
    """
    if not is_indexable(record):
        return None
    fields = record.get("fields") or {}
    kind = record["kind"]
    lang = record.get("lang") or "vi"
    number, doc_type, sector, district = _facets(kind, fields)
    date, year = _date(record)
    extra = " ".join(_text_of(fields.get(name)) for name in search_text_of(kind))
    body = " ".join(p for p in (html_to_text(record.get("body_html") or ""), extra) if p)
    if isinstance(site_name, dict):
        site_name = site_name.get(lang) or next(iter(site_name.values()), "")
    keywords = [doc_type, sector, district] + list(record.get("tags") or [])
    return SearchDocument(
        id=f"{record['site']}/{lang}/{record['id']}",
        site=record["site"],
        site_name=site_name or record["site"],
        lang=lang,
        kind=kind,
        title=record.get("title") or "",
        url=base_url.rstrip("/") + record.get("url", "/"),
        summary=record.get("summary") or "",
        body=body[:BODY_MAX_CHARS],
        date=date,
        year=year,
        categories=[c.get("name", "") for c in record.get("categories") or [] if c],
        sector=sector,
        district=district,
        document_type=doc_type,
        document_number=number,
        keywords=[k for k in keywords if k],
        attachments=_attached(record, attachments),
    )


def documents_from_records(records, base_url, site_name="", attachments=None):
    for record in records:
        document = document_from_record(record, base_url, site_name, attachments)
        if document is not None:
            yield document
