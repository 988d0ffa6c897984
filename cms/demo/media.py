"""Demo images and documents, generated locally so the demo needs no network.

Images are gradients with a few shapes and a caption (Pillow, ~1200×675 JPEG);
documents are a one-page PDF (fpdf2, DejaVu embedded so Vietnamese shows) and,
for procedure forms, a small .docx; both say they are demo samples. Every file
goes into its department's collection and is looked up by title first, so
running the loader again reuses what exists.
"""

import hashlib
import io
import logging
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


# Every generated file says what it is, in both languages, before its own lines.
DEMO_NOTICE = (
    "Tài liệu mẫu của bản trình diễn Cổng thông tin điện tử: nội dung giả lập để thử "
    "nghiệm, không có giá trị pháp lý.",
    "Sample document of the Cổng e-portal demo: invented content for testing, with no "
    "legal effect.",
)


def render_pdf(title, lines=()):
    """A one-page A4 PDF with the title, the demo notice and the lines.

    fpdf2 embeds a subset of DejaVu Sans, so the Vietnamese text is shown and
    can be selected and searched (Helvetica has no Vietnamese marks).
    """
    from fpdf import FPDF

    logging.getLogger("fontTools.subset").setLevel(logging.WARNING)  # one line per glyph table
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_creator("Cổng demo (cms/demo)")
    pdf.add_page()
    try:
        pdf.add_font("DejaVu", "", FONT_REGULAR)
        pdf.add_font("DejaVu", "B", FONT_BOLD)
        family = "DejaVu"
    except (OSError, FileNotFoundError):  # no DejaVu: a core font, marks folded away
        family, title = "Helvetica", ascii_fold(title)
        lines = [ascii_fold(line) for line in lines]
    notice = DEMO_NOTICE if family == "DejaVu" else tuple(map(ascii_fold, DEMO_NOTICE))
    pdf.set_font(family, "B", 16)
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(family, "", 11)
    for line in [*lines, "", *notice]:
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


_DOCX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
_DOCX_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_DOCX_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" '
    'w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/></w:rPr>'
    "</w:rPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:pPr><w:spacing w:after="120"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
    '<w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>'
    "</w:styles>"
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def render_docx(title, lines=()):
    """A small Word document: a title, one paragraph per line, the demo notice."""
    paragraphs = [
        f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>{escape(title)}</w:t></w:r></w:p>'
    ]
    paragraphs += [
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
        for line in [*lines, *DEMO_NOTICE]
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
        archive.writestr("word/_rels/document.xml.rels", _DOCX_DOCUMENT_RELS)
        archive.writestr("word/styles.xml", _DOCX_STYLES)
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
