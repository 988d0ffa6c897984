"""Uploads through the real Wagtail admin views: bad files get a clear error
and leave nothing behind, good ones are stored under a safe name and served as
attachments."""

import io
import unicodedata

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG_IMAGE = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)


def stored_files(media_root):
    return sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []


def upload_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Tài liệu",
            "collection": Collection.get_first_root_node().id,
            "file": SimpleUploadedFile(name, content),
        },
    )


def upload_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh",
            "collection": Collection.get_first_root_node().id,
            "file": SimpleUploadedFile(name, content),
        },
    )


def png_bytes(width, height, mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def assert_rejected(response, media_root, model, *codes, mentions=None):
    """The form shows an error on the file (with one of these codes, or naming
    `mentions`), and nothing was stored."""
    assert response.status_code == 200, response.status_code
    errors = response.context["form"].errors.as_data()["file"]
    messages = response.context["form"].errors["file"]
    if codes:
        assert {error.code for error in errors} & set(codes), [e.code for e in errors]
    if mentions:
        assert any(mentions in message for message in messages), messages
    page = response.content.decode()
    assert all(escape(message) in page for message in messages)
    assert model.objects.count() == 0
    assert stored_files(media_root) == []


def test_a_good_pdf_is_stored_under_a_safe_name_and_served_as_an_attachment(
    admin_client, media_root
):
    decomposed = unicodedata.normalize("NFD", "Quyết định số 12 (bản gốc).PDF")
    response = upload_document(admin_client, decomposed, MINIMAL_PDF)

    assert response.status_code == 302, response.content.decode()[:2000]
    document = get_document_model().objects.get()
    stored_name = document.file.name.rsplit("/", 1)[-1]
    assert stored_name == unicodedata.normalize("NFC", "Quyết-định-số-12-bản-gốc.pdf")
    assert stored_files(media_root) == [media_root / document.file.name]

    served = admin_client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")
    assert served["Content-Security-Policy"] == "default-src 'none'"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content) == MINIMAL_PDF


@pytest.mark.parametrize(
    "name, content",
    [
        ("bao-cao.pdf", HTML_PAGE),
        ("bao-cao.pdf", b"\xef\xbb\xbf  \n" + HTML_PAGE),  # BOM and whitespace first
        ("bieu-do.pdf", SVG_IMAGE),
        ("bang-tinh.xlsx", MINIMAL_PDF),
        ("ghi-chu.txt", b"  <script>fetch('/admin/')</script>"),
        ("van-ban.doc", b"PK\x03\x04 not really a zip"),
    ],
)
def test_a_file_whose_bytes_do_not_match_its_extension_is_refused(
    admin_client, media_root, name, content
):
    response = upload_document(admin_client, name, content)
    assert_rejected(response, media_root, get_document_model(), "content_mismatch")


def test_an_svg_or_html_document_is_refused_by_extension(admin_client, media_root):
    for extension, content in (("svg", SVG_IMAGE), ("html", HTML_PAGE)):
        response = upload_document(admin_client, f"tep.{extension}", content)
        assert_rejected(response, media_root, get_document_model(), mentions=extension)


def test_an_oversized_document_is_refused(admin_client, media_root):
    too_big = MINIMAL_PDF + b"0" * (settings.WAGTAILDOCS_MAX_UPLOAD_SIZE - len(MINIMAL_PDF) + 1)
    response = upload_document(admin_client, "lon.pdf", too_big)
    assert_rejected(response, media_root, get_document_model(), "file_too_large")


def test_the_multiple_uploader_refuses_disguised_html_too(admin_client, media_root):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "collection": Collection.get_first_root_node().id,
            "files[]": SimpleUploadedFile("bao-cao.pdf", HTML_PAGE),
        },
    )
    answer = response.json()
    assert answer["success"] is False
    assert ".pdf" in answer["error_message"]
    assert get_document_model().objects.count() == 0
    assert stored_files(media_root) == []


def test_a_good_image_is_accepted(admin_client, media_root):
    response = upload_image(admin_client, "anh dep?.png", png_bytes(64, 48))
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (64, 48)
    assert image.file.name.rsplit("/", 1)[-1] == "anh-dep.png"


def test_an_svg_image_is_refused(admin_client, media_root):
    response = upload_image(admin_client, "logo.svg", SVG_IMAGE)
    assert_rejected(response, media_root, get_image_model(), "invalid_image_extension")


def test_html_renamed_to_png_is_refused(admin_client, media_root):
    response = upload_image(admin_client, "anh.png", HTML_PAGE)
    assert_rejected(
        response, media_root, get_image_model(), "invalid_image", "invalid_image_known_format"
    )


def test_a_decompression_bomb_png_is_refused(admin_client, media_root):
    # 1-bit pixels compress to almost nothing: 10,000 × 10,000 pixels (above
    # the 64 million limit) in a file of a few KiB.
    bomb = png_bytes(10_000, 10_000, mode="1")
    assert len(bomb) < 100_000
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS < 10_000 * 10_000
    response = upload_image(admin_client, "bom.png", bomb)
    assert_rejected(response, media_root, get_image_model(), "file_too_many_pixels")


def test_pillow_itself_refuses_to_decode_a_bomb():
    # The limit also holds outside the upload form (renditions, imports).
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == PILImage.MAX_IMAGE_PIXELS
    side = int((2 * PILImage.MAX_IMAGE_PIXELS) ** 0.5) + 1
    with pytest.raises(PILImage.DecompressionBombError):
        PILImage.open(io.BytesIO(png_bytes(side, side, mode="1"))).load()
