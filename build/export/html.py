"""Small HTML fragments shared by the rich text expander and the block renderer."""

from django.template.defaultfilters import filesizeformat
from django.utils.html import escape, format_html
from django.utils.translation import override

# Content column width; render may override with its own sizes attribute.
IMAGE_SIZES = "(min-width: 60rem) 800px, 100vw"


def picture_html(image):
    """<picture> with a WebP source and a JPEG/PNG fallback <img>."""
    webp = (
        format_html(
            '<source type="image/webp" srcset="{}" sizes="{}">', image["webp_srcset"], IMAGE_SIZES
        )
        if image["webp_srcset"]
        else ""
    )
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" '
        'loading="lazy" decoding="async"></picture>',
        webp,
        image["src"],
        image["srcset"],
        IMAGE_SIZES,
        image["width"],
        image["height"],
        image["alt"],
    )


def figure_html(image, css_class="image"):
    caption = ""
    if image["caption"] or image["credit"]:
        credit = (
            format_html(' <small class="credit">{}</small>', image["credit"])
            if image["credit"]
            else ""
        )
        caption = format_html("<figcaption>{}{}</figcaption>", image["caption"], credit)
    return format_html('<figure class="{}">{}{}</figure>', css_class, picture_html(image), caption)


def document_meta(attachment, lang):
    """ "PDF, 1.2 MB" in the record's language (file sizes are text inside body HTML)."""
    with override(lang):
        size = filesizeformat(attachment["size"]) if attachment["size"] else ""
    parts = [attachment["ext"].upper(), size]
    return escape(", ".join(part for part in parts if part))
