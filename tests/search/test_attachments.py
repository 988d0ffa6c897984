"""Attached files are searchable: real PDF, DOCX, XLSX and ODS files, read once, never fatal."""

import logging

import docx
import openpyxl
import pytest
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P
from pypdf import PdfReader, PdfWriter

from search.attachments import AttachmentReader, Skip, extract_text
from search.backends import SearchRequest
from search.backends.embedded import TantivyBackend
from search.indexing import update_site

from .conftest import SITES, make_record

BASE = SITES[0]["base_url"]


def pdf_bytes(text):
    """A one-page PDF whose page shows `text` (ASCII) in Helvetica."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@pytest.fixture(scope="module")
def site_files(tmp_path_factory):
    """dist/portal with one attachment of each kind, plus an encrypted and a broken PDF."""
    root = tmp_path_factory.mktemp("dist") / "portal"
    folder = root / "media" / "documents"
    folder.mkdir(parents=True)
    (folder / "quy-che.pdf").write_bytes(pdf_bytes("Quy che phoi hop kiem tra lien nganh"))
    word = docx.Document()
    word.add_paragraph("Tờ khai đăng ký hộ kinh doanh cá thể")
    word.save(folder / "to-khai.docx")
    book = openpyxl.Workbook()
    book.active.append(["Dự toán ngân sách xã", 2025, 1_250_000])
    book.save(folder / "du-toan.xlsx")
    sheet = OpenDocumentSpreadsheet()
    table, row, cell = Table(name="Danh mục"), TableRow(), TableCell()
    cell.addElement(P(text="Danh mục thủ tục hành chính liên thông"))
    row.addElement(cell)
    table.addElement(row)
    sheet.spreadsheet.addElement(table)
    sheet.save(str(folder / "danh-muc.ods"))
    writer = PdfWriter(clone_from=PdfReader(folder / "quy-che.pdf"))
    writer.encrypt("secret")
    writer.write(folder / "mat.pdf")
    (folder / "hong.pdf").write_bytes(b"%PDF-1.4 this is not really a PDF")
    (folder / "hong.docx").write_bytes(b"not a zip")
    return root


def attachment(name, title=""):
    return {
        "title": title or name,
        "url": f"{BASE}/media/documents/{name}",
        "filename": name,
        "size": 1,
        "ext": name.rsplit(".", 1)[1],
    }


def records():
    files = ["quy-che.pdf", "to-khai.docx", "du-toan.xlsx", "danh-muc.ods", "mat.pdf", "hong.pdf"]
    return [
        make_record(
            "portal",
            50 + i,
            f"Văn bản số {i}",
            kind="document",
            attachments=[attachment(name, f"Tệp {name}")],
        )
        for i, name in enumerate(files)
    ] + [make_record("portal", 60, "Thông báo không có tệp", body="Nội dung thông báo.")]


@pytest.mark.parametrize(
    ("name", "ext", "expected"),
    [
        ("quy-che.pdf", "pdf", "Quy che phoi hop kiem tra lien nganh"),
        ("to-khai.docx", "docx", "Tờ khai đăng ký hộ kinh doanh cá thể"),
        ("du-toan.xlsx", "xlsx", "Dự toán ngân sách xã 2025 1250000"),
        ("danh-muc.ods", "ods", "Danh mục thủ tục hành chính liên thông"),
    ],
)
def test_text_is_extracted_from_each_format(site_files, name, ext, expected):
    assert expected in extract_text(site_files / "media" / "documents" / name, ext)


@pytest.mark.parametrize(("name", "reason"), [("mat.pdf", "encrypted"), ("hong.docx", "zip")])
def test_encrypted_and_broken_files_are_skipped_with_a_reason(site_files, name, reason):
    with pytest.raises(Skip, match=reason):
        extract_text(site_files / "media" / "documents" / name, name.rsplit(".", 1)[1])


@pytest.fixture(scope="module")
def indexed(site_files, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    backend = TantivyBackend(tmp_path_factory.mktemp("index") / "index")
    reader = AttachmentReader(site_files, BASE, cache)
    update_site("portal", records(), BASE, "Cổng", backend=backend, attachments=reader)
    yield backend, reader, cache
    backend.close()


def test_a_hit_in_an_attachment_shows_the_page_the_file_and_a_snippet(indexed):
    backend, _reader, _cache = indexed
    (hit,) = backend.search(SearchRequest(text="ho kinh doanh")).hits
    assert hit["id"] == "portal/vi/51" and hit["url"].endswith("/vi/document/51/")
    assert hit["attachment"]["filename"] == "to-khai.docx"
    assert hit["attachment"]["title"] == "Tệp to-khai.docx"
    assert "<mark>hộ</mark> <mark>kinh</mark> <mark>doanh</mark>" in hit["snippet"]
    assert [h["id"] for h in backend.search(SearchRequest(text="ngan sach xa")).hits] == [
        "portal/vi/52"
    ]
    assert [h["id"] for h in backend.search(SearchRequest(text="lien thong")).hits] == [
        "portal/vi/53"
    ]
    assert [h["id"] for h in backend.search(SearchRequest(text="phối hợp liên ngành")).hits] == [
        "portal/vi/50"
    ]


def test_a_hit_in_the_page_itself_names_no_attachment(indexed):
    backend, _reader, _cache = indexed
    (hit,) = backend.search(SearchRequest(text="noi dung thong bao")).hits
    assert hit["attachment"] is None


def test_unchanged_files_are_not_read_again(indexed, site_files, caplog):
    backend, first, cache = indexed
    assert first.read_count == 6  # four good files, the encrypted and the broken PDF
    again = AttachmentReader(site_files, BASE, cache)
    with caplog.at_level(logging.WARNING, logger="search.attachments"):
        report = update_site("portal", records(), BASE, "Cổng", backend=backend, attachments=again)
    assert again.read_count == 0, "every file came from the cache (skipped ones too)"
    assert (report.upserted, report.unchanged) == (0, 7)


def test_files_outside_the_site_output_are_never_read(site_files, tmp_path):
    reader = AttachmentReader(site_files, BASE, tmp_path)
    assert reader.path_of(f"{BASE}/media/documents/../../../etc/passwd") is None
    assert reader.path_of("https://elsewhere.example/media/documents/quy-che.pdf") is None
    assert reader.text_of(attachment("missing.pdf")) == ""
    assert reader.path_of(f"{BASE}/media/documents/quy-che.pdf").name == "quy-che.pdf"


def test_a_full_rebuild_reads_the_files_next_to_sites_json(site_files, tmp_path, settings):
    import json

    from search.indexing import read_sites, rebuild_all

    settings.VAR_DIR = tmp_path / "var"  # the text cache goes there (search/config.py)
    dist = site_files.parent
    (dist / "sites.json").write_text(json.dumps(SITES[:1]), encoding="utf-8")
    build = tmp_path / "build" / "portal"
    build.mkdir(parents=True)
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records())
    (build / "records.jsonl").write_text(lines, encoding="utf-8")
    backend = TantivyBackend(tmp_path / "index")
    count, skipped = rebuild_all(read_sites(dist / "sites.json", tmp_path / "build"), backend)
    assert (count, skipped) == (7, [])
    (hit,) = backend.search(SearchRequest(text="ho kinh doanh")).hits
    assert hit["attachment"]["filename"] == "to-khai.docx"
    assert list((tmp_path / "var" / "cache" / "search-attachments").glob("*.txt"))
    backend.close()
