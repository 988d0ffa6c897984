"""StreamField data turned into semantic HTML and plain values.

Works on the raw (JSON) form of stream data so that the images and documents
of a whole batch of pages can be fetched in a few queries first, instead of
letting every StreamValue load its own choosers (an N+1 over 20k pages).
"""

from django.utils.html import format_html, format_html_join
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .html import document_meta, figure_html
from .richtext import references

HEADING_LEVELS = {"h2", "h3", "h4"}


def raw_items(stream):
    """The raw [{type, value, id}] items of a StreamValue (saved or in-memory)."""
    if not stream:
        return []
    return list(stream.raw_data)


def list_values(raw):
    """Values of a ListBlock in either storage format (with or without item ids)."""
    values = []
    for item in raw or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            values.append(item["value"])
        else:
            values.append(item)
    return values


def collect_references(block, raw, image_ids, document_ids):
    """Add the ids of images and documents found anywhere in raw block data."""
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for item in raw:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                collect_references(child, item.get("value"), image_ids, document_ids)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            collect_references(child, raw.get(name), image_ids, document_ids)
    elif isinstance(block, blocks.ListBlock):
        for value in list_values(raw):
            collect_references(block.child_block, value, image_ids, document_ids)
    elif isinstance(block, ImageChooserBlock):
        image_ids.add(raw)
    elif isinstance(block, DocumentChooserBlock):
        document_ids.add(raw)
    elif isinstance(block, blocks.RichTextBlock):
        images, documents = references(raw)
        image_ids |= images
        document_ids |= documents


# Body blocks (cms.core.blocks.BodyBlock) ---------------------------------------


def _paragraph(value, scope):
    # Left as stored: body_html() expands the whole body's links in one pass.
    return value if isinstance(value, str) else ""


def _heading(value, scope):
    level = value.get("level") if value.get("level") in HEADING_LEVELS else "h2"
    text = value.get("text") or ""
    return format_html("<{}>{}</{}>", level, text, level) if text else ""


def _image(value, scope):
    image = scope.media.image(
        value.get("image"),
        alt=value.get("alt_text") or "",
        caption=value.get("caption"),
        credit=value.get("credit"),
    )
    return figure_html(image) if image else ""


def _quote(value, scope):
    text = value.get("text") or ""
    if not text:
        return ""
    paragraphs = format_html_join("", "<p>{}</p>", ((line,) for line in text.splitlines() if line))
    attribution = value.get("attribution")
    caption = format_html("<figcaption>{}</figcaption>", attribution) if attribution else ""
    return format_html(
        '<figure class="quote"><blockquote>{}</blockquote>{}</figure>', paragraphs, caption
    )


def _cells(row):
    return ["" if cell is None else str(cell) for cell in row or []]


def _table(value, scope):
    rows = [_cells(row) for row in (value or {}).get("data") or []]
    if not rows:
        return ""
    first_col_is_header = bool(value.get("first_col_is_header"))
    parts = ['<table class="table">']
    if value.get("table_caption"):
        parts.append(format_html("<caption>{}</caption>", value["table_caption"]))
    if value.get("first_row_is_table_header", True):
        header, rows = rows[0], rows[1:]
        parts.append("<thead><tr>")
        parts.append(format_html_join("", '<th scope="col">{}</th>', ((cell,) for cell in header)))
        parts.append("</tr></thead>")
    parts.append("<tbody>")
    for row in rows:
        parts.append("<tr>")
        for index, cell in enumerate(row):
            if index == 0 and first_col_is_header:
                parts.append(format_html('<th scope="row">{}</th>', cell))
            else:
                parts.append(format_html("<td>{}</td>", cell))
        parts.append("</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _document(value, scope):
    attachment = scope.media.document(value.get("document"), title=value.get("title"))
    if attachment is None:
        return ""
    return format_html(
        '<p class="document-link"><a href="{}">{}</a> <span class="document-meta">({})</span></p>',
        attachment["url"],
        attachment["title"],
        document_meta(attachment, scope.lang),
    )


BODY_RENDERERS = {
    "paragraph": _paragraph,
    "heading": _heading,
    "image": _image,
    "quote": _quote,
    "table": _table,
    "document": _document,
}


def body_html(stream, scope):
    """Semantic HTML of a BodyBlock stream (unknown block types are skipped).

    Paragraphs keep Wagtail's stored form until the end, then the rich text
    rewriter runs once over the whole body: it only touches <a linktype> and
    <embed> tags, which the other blocks never produce (their text is escaped).
    """
    parts = []
    for item in raw_items(stream):
        render = BODY_RENDERERS.get(item.get("type"))
        if render is not None and item.get("value") is not None:
            parts.append(render(item["value"], scope))
    return scope.expand("".join(parts))


# Plain values ------------------------------------------------------------------


def attachments(stream, scope):
    """[{title, url, filename, size, ext}] of an AttachmentsBlock stream."""
    result = []
    for item in raw_items(stream):
        value = item.get("value") or {}
        attachment = scope.media.document(value.get("document"), title=value.get("title"))
        if attachment is not None:
            result.append(attachment)
    return result


def images(stream, scope):
    """Image dicts of a stream of ImageWithCaptionBlock items."""
    result = []
    for item in raw_items(stream):
        value = item.get("value") or {}
        image = scope.media.image(
            value.get("image"),
            alt=value.get("alt_text") or "",
            caption=value.get("caption"),
            credit=value.get("credit"),
        )
        if image is not None:
            result.append(image)
    return result


def struct_values(stream, names):
    """[{name: value}] of a stream of simple struct blocks (steps, dossier items)."""
    return [
        {name: (item.get("value") or {}).get(name) or "" for name in names}
        for item in raw_items(stream)
    ]
