"""Text of attached files (PDF, DOCX, XLSX, ODS), read when records become search documents.

The build copies every attachment into the site's output (dist/<slug>/media/
documents/…, its URL the site's base URL + that path); this module reads those
files, never the network, and does no OCR (a scanned PDF has no text to index).

Bounded per file: files over MAX_FILE_BYTES are skipped, reading stops after
MAX_SECONDS (checked between pages, paragraphs and rows) and at MAX_TEXT_CHARS.
An unreadable, encrypted or damaged file is logged and skipped: it never
fails a build or an index update.

Cached by file hash in <cache_dir>/<blake2b of the bytes>.txt, so an
incremental build does not parse an unchanged file again; a small stat memo
(path, size, mtime → hash) spares even reading its bytes. A skipped file is
cached as empty text, so it is not retried until it changes.
"""

import hashlib
import logging
import os
import time
import unicodedata
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 25 * 2**20
MAX_TEXT_CHARS = 60_000
MAX_SECONDS = 10.0
READABLE = ("pdf", "docx", "xlsx", "ods")


class Skip(Exception):
    """This file gives no text (the message says why, for the log)."""


class _Budget:
    """Characters and seconds left for one file."""

    def __init__(self):
        self.parts, self.chars = [], 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def add(self, text):
        if text:
            text = " ".join(str(text).split())
            self.parts.append(text)
            self.chars += len(text) + 1
        return self.full()

    def full(self):
        if time.monotonic() > self.deadline:
            logger.warning("attachment text cut after %.0f s", MAX_SECONDS)
            return True
        return self.chars >= MAX_TEXT_CHARS

    def text(self):
        return " ".join(self.parts)[:MAX_TEXT_CHARS]


def _pdf(path, budget):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Skip("encrypted")
        for page in reader.pages:
            if budget.add(page.extract_text()):
                break
    except PdfReadError as exc:
        raise Skip(f"unreadable PDF: {exc}") from exc


def _docx(path, budget):
    import docx

    document = docx.Document(path)
    for paragraph in document.paragraphs:
        if budget.add(paragraph.text):
            return
    for table in document.tables:
        for row in table.rows:
            if budget.add(" ".join(cell.text for cell in row.cells)):
                return


def _xlsx(path, budget):
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            budget.add(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                if budget.add(" ".join(str(v) for v in row if v is not None)):
                    return
    finally:
        workbook.close()


def _ods(path, budget):
    from odf import teletype
    from odf.opendocument import load
    from odf.table import Table, TableRow

    document = load(str(path))
    for table in document.spreadsheet.getElementsByType(Table):
        budget.add(table.getAttribute("name"))
        for row in table.getElementsByType(TableRow):
            if budget.add(teletype.extractText(row)):
                return


_READERS = {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx, "ods": _ods}


def extract_text(path, ext):
    """The text of one file (NFC, single spaces); raises Skip when it has none."""
    reader = _READERS.get(ext)
    if reader is None:
        raise Skip(f"no reader for .{ext}")
    if ext in ("docx", "xlsx", "ods") and not zipfile.is_zipfile(path):
        raise Skip(f"not a .{ext} file (not a zip archive)")
    budget = _Budget()
    try:
        reader(path, budget)
    except Skip:
        raise
    except Exception as exc:  # noqa: BLE001 - any damage in a file only skips that file
        raise Skip(f"{type(exc).__name__}: {exc}") from exc
    return unicodedata.normalize("NFC", budget.text())


class AttachmentReader:
    """Text of the attachments of one site's records, from the files of its output."""

    def __init__(self, files_dir, base_url, cache_dir):
        self.files_dir = Path(files_dir).resolve()
        self.base = urlsplit(base_url.rstrip("/"))
        self.cache_dir = Path(cache_dir)
        self.read_count = 0  # files actually parsed (not from the cache): for tests and logs

    def path_of(self, url):
        """The file behind an attachment URL of this site, or None (another site, outside)."""
        parts = urlsplit(url or "")
        if parts.netloc and (parts.scheme, parts.netloc) != (self.base.scheme, self.base.netloc):
            return None
        path = unquote(parts.path)
        prefix = self.base.path.rstrip("/")
        if prefix and not path.startswith(prefix + "/"):
            return None
        candidate = (self.files_dir / path[len(prefix) :].lstrip("/")).resolve()
        if not candidate.is_relative_to(self.files_dir) or not candidate.is_file():
            return None
        return candidate

    def _memo(self, path, stat):
        key = f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode()
        return self.cache_dir / "stat" / hashlib.blake2b(key, digest_size=16).hexdigest()

    def _file_hash(self, path, stat):
        memo = self._memo(path, stat)
        try:
            return memo.read_text()
        except OSError:
            pass
        digest = hashlib.blake2b(digest_size=20)
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        _write(memo, digest.hexdigest())
        return digest.hexdigest()

    def text_of(self, attachment):
        """Extracted text of one attachment dict ({url, filename, ext, …}); "" if none."""
        ext = (attachment.get("ext") or "").lower()
        if ext not in READABLE:
            return ""
        path = self.path_of(attachment.get("url"))
        name = attachment.get("filename") or attachment.get("url")
        if path is None:
            logger.warning("attachment %s skipped: its file is not in the site's output", name)
            return ""
        stat = path.stat()
        if stat.st_size > MAX_FILE_BYTES:
            logger.warning("attachment %s skipped: over %d MiB", name, MAX_FILE_BYTES >> 20)
            return ""
        cached = self.cache_dir / f"{self._file_hash(path, stat)}.txt"
        try:
            return cached.read_text(encoding="utf-8")
        except OSError:
            pass
        self.read_count += 1
        try:
            text = extract_text(path, ext)
        except Skip as exc:
            logger.warning("attachment %s skipped: %s", name, exc)
            text = ""
        _write(cached, text)
        return text

    def attachments_of(self, record):
        """[{title, filename, url, text}] of a record's attachments that have text."""
        found = []
        for attachment in record.get("attachments") or ():
            text = self.text_of(attachment)
            if text:
                found.append(
                    {
                        "title": attachment.get("title") or "",
                        "filename": attachment.get("filename") or "",
                        "url": attachment.get("url") or "",
                        "text": text,
                    }
                )
        return found


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
