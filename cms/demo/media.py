"""Demo images and documents, generated locally so the demo needs no network.

Images are gradients with a few shapes and a caption (Pillow, ~1200×675 JPEG);
documents are a tiny hand-written PDF and, for procedure forms, a minimal
.docx. Every file goes into its department's collection and is looked up by
title first, so running the loader again reuses what exists.
"""

import hashlib
import io
import unicodedata
import zipfile
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents.models import Document
from wagtail.images.models import Image

FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT_REGULAR = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

# Two-colour gradients per department, chosen to stay readable under white text.
PALETTES = {
    "portal": [((176, 26, 32), (236, 118, 48)), ((20, 72, 140), (64, 160, 200))],
    "so-tc": [((16, 94, 84), (90, 180, 140)), ((40, 60, 120), (120, 150, 210))],
    "so-ct": [((120, 40, 110), (230, 120, 90)), ((30, 90, 150), (80, 190, 190))],
    "bql-kkt": [((30, 70, 40), (140, 190, 80)), ((70, 60, 140), (60, 170, 210))],
}
DEFAULT_PALETTE = [((60, 60, 90), (140, 140, 190))]


def _font(size, bold=True):
    try:
        return ImageFont.truetype(FONT_BOLD if bold else FONT_REGULAR, size)
    except OSError:  # no DejaVu on this machine: Pillow's own font still renders
        return ImageFont.load_default(size)


def _seed(text):
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big")


def _wrap(draw, text, font, width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def render_picture(caption, *, palette_key="", size=(1200, 675), motif="city"):
    """A gradient picture with simple shapes and the caption; JPEG bytes."""
    seed = _seed(caption)
    palette = PALETTES.get(palette_key, DEFAULT_PALETTE)
    top, bottom = palette[seed % len(palette)]
    width, height = size
    mask = PILImage.linear_gradient("L").resize(size)
    picture = PILImage.composite(
        PILImage.new("RGB", size, bottom), PILImage.new("RGB", size, top), mask
    )
    draw = ImageDraw.Draw(picture, "RGBA")
    if motif == "map":
        _draw_map(draw, width, height, seed)
    elif motif == "portrait":
        _draw_portrait(draw, width, height)
    else:
        _draw_city(draw, width, height, seed)
    if caption:
        font = _font(max(22, width // 26))
        lines = _wrap(draw, caption, font, width - 120)[:3]
        line_height = font.size + 12
        y = height - 50 - line_height * len(lines)
        draw.rectangle((0, y - 24, width, height), fill=(0, 0, 0, 110))
        for line in lines:
            draw.text((60, y), line, font=font, fill=(255, 255, 255))
            y += line_height
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=72, optimize=True, progressive=True)
    return buffer.getvalue()


def _draw_city(draw, width, height, seed):
    draw.ellipse((width - 300, 60, width - 140, 220), fill=(255, 236, 170, 170))
    x = 0
    step = 0
    while x < width:
        building_width = 60 + (seed >> (step % 16)) % 90
        building_height = 120 + ((seed >> (step % 11)) * 37) % 260
        draw.rectangle(
            (x, height - building_height, x + building_width - 8, height),
            fill=(255, 255, 255, 40 + (step * 13) % 60),
        )
        x += building_width
        step += 1


def _draw_map(draw, width, height, seed):
    for i in range(0, width, 80):
        draw.line((i, 0, i, height), fill=(255, 255, 255, 40), width=1)
    for j in range(0, height, 80):
        draw.line((0, j, width, j), fill=(255, 255, 255, 40), width=1)
    river = [(0, height * 0.35)]
    for i in range(1, 9):
        river.append((width * i / 8, height * (0.35 + 0.12 * (((seed >> i) % 5) - 2) / 2)))
    draw.line(river, fill=(120, 200, 255, 200), width=18)
    for i in range(5):
        x0 = 120 + ((seed >> (i * 3)) % 8) * 120
        y0 = 260 + ((seed >> (i * 2)) % 4) * 70
        draw.rectangle((x0, y0, x0 + 150, y0 + 90), fill=(255, 220, 120, 110), outline="white")


def _draw_portrait(draw, width, height):
    cx = width // 2
    draw.ellipse((cx - 90, height * 0.18, cx + 90, height * 0.18 + 180), fill=(255, 255, 255, 150))
    draw.ellipse((cx - 170, height * 0.55, cx + 170, height * 1.15), fill=(255, 255, 255, 150))


def ensure_image(title, collection, *, palette_key="", motif="city", caption=None, size=None):
    """The image with this title in `collection`, generated on first use."""
    existing = Image.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing, False
    size = size or (1200, 675)
    data = render_picture(
        caption if caption is not None else title, palette_key=palette_key, motif=motif, size=size
    )
    image = Image(
        title=title,
        collection=collection,
        file=ImageFile(io.BytesIO(data), name=f"{ascii_slug(title)[:60]}.jpg"),
    )
    image.save()
    return image, True


def ascii_fold(text):
    """Vietnamese without diacritics (đ has no decomposition, so map it by hand)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def ascii_slug(text):
    from django.utils.text import slugify

    return slugify(ascii_fold(text)) or "file"


def _pdf_string(text):
    folded = ascii_fold(text).encode("latin-1", "replace").decode("latin-1")
    return folded.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def render_pdf(title, lines=()):
    """A one-page PDF (Helvetica, so text is shown without Vietnamese marks)."""
    text_ops = ["BT", "/F1 18 Tf", "72 770 Td", f"({_pdf_string(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        text_ops += ["0 -22 Td", f"({_pdf_string(line)}) Tj"]
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        output += b"%010d 00000 n \n" % offset
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return bytes(output)


_DOCX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def render_docx(title, lines=()):
    """A minimal Word document (one paragraph per line; Unicode text kept)."""
    paragraphs = [f"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{escape(title)}</w:t></w:r></w:p>"]
    paragraphs += [
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in lines
    ]
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{''.join(paragraphs)}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_CONTENT_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def ensure_document(title, collection, *, lines=(), kind="pdf"):
    """The document with this title in `collection`, generated on first use."""
    existing = Document.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing, False
    data = render_docx(title, lines) if kind == "docx" else render_pdf(title, lines)
    document = Document(title=title, collection=collection)
    document.file.save(f"{ascii_slug(title)[:60]}.{kind}", ContentFile(data), save=False)
    document.save()
    return document, True
