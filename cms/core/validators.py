"""Checks on uploaded files: the bytes must be what the extension claims.

Wagtail already limits extensions (WAGTAILDOCS_EXTENSIONS) and sizes; an
extension alone proves nothing, so every document is sniffed here before it
is stored. An HTML page, an SVG or a script renamed to .pdf is refused: the
static sites and the CMS serve documents to the public, and a browser that
guesses "text/html" from such bytes would run the attacker's script on our
origin. Every extension in WAGTAILDOCS_EXTENSIONS needs a sniffer below; one
without is refused (fail closed).
"""

import os
import re
import unicodedata
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Bytes read from the start of a file to recognise it.
HEAD_BYTES = 8192
MAX_FILENAME_LENGTH = 120

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls (Compound File)
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a ZIP with members, an empty ZIP
RAR_MAGICS = (b"Rar!\x1a\x07\x00", b"Rar!\x1a\x07\x01\x00")  # RAR 4, RAR 5

# Markup a browser would render or run, looked for at the start of text-like
# content (case-insensitive, after leading whitespace).
ACTIVE_CONTENT = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|script|svg|iframe|object|embed|meta|\?xml)",
    re.IGNORECASE,
)

# Which member a ZIP-based office file must contain, and for OpenDocument the
# exact content of its "mimetype" member.
OOXML_MEMBERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
OPENDOCUMENT_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def extension_of(name):
    return os.path.splitext(name)[1].lower().lstrip(".")


def safe_filename(name, default="file"):
    """A file name that is safe to store and to serve.

    No directory parts (either slash), Unicode NFC (Vietnamese text typed on
    macOS arrives decomposed), only letters, digits, '-', '_' and '.', no
    leading dot (hidden files), a lower-case extension, bounded length.
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = re.sub(r"[^\w.-]+", "-", stem, flags=re.UNICODE)
    stem = re.sub(r"-{2,}", "-", stem).strip("-._") or default
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())
    stem = stem[: MAX_FILENAME_LENGTH - len(extension) - 1]
    return f"{stem}.{extension}" if extension else stem


def read_head(file):
    """The first HEAD_BYTES of an uploaded file, leaving its position at 0."""
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    return head


def _looks_active(head):
    return ACTIVE_CONTENT.match(head.lstrip(b"\xef\xbb\xbf \t\r\n\f")) is not None


def _open_zip(file):
    try:
        file.seek(0)
        return zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _sniff_pdf(file, head):
    # The header may follow a few bytes of junk in theory; real PDFs start
    # with it, and allowing only whitespace before it keeps HTML out.
    return head.lstrip(b" \t\r\n\f").startswith(b"%PDF-")


def _sniff_ole2(file, head):
    return head.startswith(OLE2_MAGIC)


def _sniff_zip_member(member):
    def sniff(file, head):
        if not head.startswith(ZIP_MAGICS[0]):
            return False
        archive = _open_zip(file)
        try:
            return archive is not None and member in archive.namelist()
        finally:
            file.seek(0)

    return sniff


def _sniff_opendocument(mimetype):
    def sniff(file, head):
        if not head.startswith(ZIP_MAGICS[0]):
            return False
        archive = _open_zip(file)
        try:
            if archive is None or "mimetype" not in archive.namelist():
                return False
            return archive.read("mimetype").strip() == mimetype
        finally:
            file.seek(0)

    return sniff


def _sniff_zip(file, head):
    if not head.startswith(ZIP_MAGICS):
        return False
    archive = _open_zip(file)
    try:
        return archive is not None and archive.testzip() is None
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        # RuntimeError: encrypted member; NotImplementedError: unknown compression.
        return archive is not None
    finally:
        file.seek(0)


def _sniff_rar(file, head):
    return head.startswith(RAR_MAGICS)


def _sniff_text(file, head):
    if b"\x00" in head or _looks_active(head):
        return False
    try:
        # A cut in the middle of a multi-byte character is not an error.
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3
    return True


SNIFFERS = {
    "pdf": _sniff_pdf,
    "doc": _sniff_ole2,
    "xls": _sniff_ole2,
    "docx": _sniff_zip_member(OOXML_MEMBERS["docx"]),
    "xlsx": _sniff_zip_member(OOXML_MEMBERS["xlsx"]),
    "odt": _sniff_opendocument(OPENDOCUMENT_MIMETYPES["odt"]),
    "ods": _sniff_opendocument(OPENDOCUMENT_MIMETYPES["ods"]),
    "zip": _sniff_zip,
    "rar": _sniff_rar,
    "txt": _sniff_text,
}


def validate_document_content(file):
    """Raise ValidationError unless the file's bytes match its extension."""
    extension = extension_of(file.name)
    if extension not in getattr(settings, "WAGTAILDOCS_EXTENSIONS", ()):
        return  # Wagtail's own extension check refuses it, with its own message.
    sniff = SNIFFERS.get(extension)
    if sniff is None:
        raise ValidationError(
            _("Files of type .%(extension)s cannot be checked, so they are not accepted."),
            code="unsupported_extension",
            params={"extension": extension},
        )
    head = read_head(file)
    if not head:
        raise ValidationError(_("The file is empty."), code="empty_file")
    if not sniff(file, head):
        raise ValidationError(
            _(
                "The content of this file is not a valid .%(extension)s file. "
                "Save it again in that format, or upload it with its real extension."
            ),
            code="content_mismatch",
            params={"extension": extension},
        )
