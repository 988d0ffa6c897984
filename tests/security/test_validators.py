"""The content sniffers and the file-name cleaner, file type by file type."""

import io
import unicodedata
import zipfile

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from cms.core.validators import SNIFFERS, safe_filename, validate_document_content


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def xlsx_bytes():
    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active["A1"] = "Dự án đầu tư"
    workbook.save(buffer)
    return buffer.getvalue()


GOOD = {
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF",
    "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
    "xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
    "docx": zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}),
    "xlsx": xlsx_bytes(),
    "odt": zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text"}),
    "ods": zip_bytes({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}),
    "zip": zip_bytes({"bieu-mau/mau-01.txt": "Tờ khai"}),
    "rar": b"Rar!\x1a\x07\x01\x00" + b"\x00" * 32,
    "txt": "Thủ tục đăng ký đầu tư: nộp hồ sơ tại Sở.\n".encode(),
}


def check(name, content):
    validate_document_content(SimpleUploadedFile(name, content))


def test_every_allowed_document_extension_has_a_sniffer_and_a_sample():
    assert set(settings.WAGTAILDOCS_EXTENSIONS) <= set(SNIFFERS)
    assert set(settings.WAGTAILDOCS_EXTENSIONS) <= set(GOOD)


@pytest.mark.parametrize("extension", sorted(GOOD))
def test_a_real_file_of_each_type_passes(extension):
    check(f"tep.{extension}", GOOD[extension])
    check(f"TEP.{extension.upper()}", GOOD[extension])


@pytest.mark.parametrize("extension", sorted(GOOD))
def test_every_other_type_renamed_to_this_extension_fails(extension):
    for other, content in GOOD.items():
        same_container = {extension, other} <= {"doc", "xls"}
        if (
            other == extension
            or same_container
            or (extension == "zip" and other in {"docx", "xlsx", "odt", "ods"})
        ):
            continue  # a .doc and a .xls share a container; office files are ZIPs
        with pytest.raises(ValidationError) as error:
            check(f"tep.{extension}", content)
        assert error.value.code == "content_mismatch"


@pytest.mark.parametrize(
    "content",
    [
        b"<html><body>x</body></html>",
        b"<!doctype html><p>x",
        b"\n\n  <SCRIPT>alert(1)</SCRIPT>",
        b'<svg xmlns="http://www.w3.org/2000/svg"/>',
        b'<?xml version="1.0"?><svg/>',
        b"text with a \x00 byte",
        b"\xff\xfe\x00\x00 not utf-8",
    ],
)
def test_markup_or_binary_content_is_not_a_text_file(content):
    with pytest.raises(ValidationError):
        check("ghi-chu.txt", content)


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError) as error:
        check("rong.pdf", b"")
    assert error.value.code == "empty_file"


def test_a_zip_named_docx_without_a_word_document_is_refused():
    with pytest.raises(ValidationError):
        check("van-ban.docx", zip_bytes({"evil.html": "<script>alert(1)</script>"}))


def test_an_opendocument_with_the_wrong_mimetype_is_refused():
    with pytest.raises(ValidationError):
        check("van-ban.odt", GOOD["ods"])


@pytest.mark.parametrize(
    "given, expected",
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("/var/www/.htaccess", "file.htaccess"),
        ("báo cáo   quý 3 (2026).PDF", "báo-cáo-quý-3-2026.pdf"),
        ("a<script>b.pdf", "a-script-b.pdf"),
        ("\u202etxt.exe.pdf", "txt.exe.pdf"),
        ("...", "file"),
        ("", "file"),
        ("tep.p d f", "tep.pdf"),
    ],
)
def test_safe_filename(given, expected):
    assert safe_filename(given) == unicodedata.normalize("NFC", expected)


def test_safe_filename_composes_decomposed_vietnamese():
    decomposed = unicodedata.normalize("NFD", "Quyết định.pdf")
    assert decomposed != "Quyết định.pdf"
    assert safe_filename(decomposed) == "Quyết-định.pdf"


def test_safe_filename_bounds_the_length_and_keeps_the_extension():
    name = safe_filename("đ" * 500 + ".docx")
    assert len(name) <= 120 and name.endswith(".docx")
