"""Turn untrusted article HTML into Wagtail rich text the editor can open.

Two passes: nh3 removes everything outside the editor's features (scripts,
styles, iframes, event handlers, javascript: URLs, images, classes); then
Wagtail's own Draftail converter rewrites what is left into the database
format, so the result is exactly what an editor saving the page would store.
"""

import re
from html import unescape

import nh3
from django.utils.html import strip_tags
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from cms.core.blocks import RICH_TEXT_FEATURES

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "b", "strong", "i", "em",
    "ol", "ul", "li", "a", "blockquote", "hr", "sup", "sub",
}  # fmt: skip
# Content of these is dropped with the tag (text inside a <script> is not prose).
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}

# Headings outside h2–h4 keep their meaning as the nearest allowed level.
_HEADING_REWRITES = [
    (re.compile(r"<(/?)h1\b", re.IGNORECASE), r"<\1h2"),
    (re.compile(r"<(/?)h[56]\b", re.IGNORECASE), r"<\1h4"),
]

# The document-link feature needs a document id; imported links are external.
_CONVERTER_FEATURES = [feature for feature in RICH_TEXT_FEATURES if feature != "document-link"]


# Bold/italic left open across a paragraph ("<b>a <p>b") make Wagtail's converter
# fail an assertion; such broken HTML is imported again without these.
INLINE_STYLE_TAGS = {"b", "strong", "i", "em", "sup", "sub"}


def sanitise(html, tags=ALLOWED_TAGS):
    """HTML reduced to the tags and attributes the rich text editor allows."""
    for pattern, replacement in _HEADING_REWRITES:
        html = pattern.sub(replacement, html or "")
    return nh3.clean(
        html,
        tags=tags,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes={"a": {"href"}},
        url_schemes=LINK_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def to_rich_text(html):
    """Untrusted HTML → Wagtail rich text database format (may be empty)."""
    clean = sanitise(html)
    if not strip_tags(clean).strip():
        return ""
    converter = ContentstateConverter(_CONVERTER_FEATURES)
    try:
        return converter.to_database_format(converter.from_database_format(clean))
    except AssertionError:
        clean = sanitise(clean, tags=ALLOWED_TAGS - INLINE_STYLE_TAGS)
        return converter.to_database_format(converter.from_database_format(clean))


def plain_text(html):
    """Text content of an HTML fragment, whitespace collapsed (for summaries)."""
    return " ".join(unescape(strip_tags(sanitise(html))).split())


# Block-level tags that make one paragraph each when an article is split.
_BLOCK_TAGS = {"p", "h2", "h3", "h4", "blockquote", "ul", "ol", "hr"}
_SPLIT_TAGS = ALLOWED_TAGS | {"img", "figure", "figcaption"}


def html_blocks(html):
    """Sanitised HTML → [Block]: one per paragraph-level element, one per image.

    Loose inline content between paragraphs is one paragraph; an image inside
    a paragraph comes before that paragraph's text; a <figcaption> is the
    caption of its figure's image.
    """
    from bs4 import BeautifulSoup, NavigableString

    from .cleaning import Block

    for pattern, replacement in _HEADING_REWRITES:
        html = pattern.sub(replacement, html or "")
    clean = nh3.clean(
        html,
        tags=_SPLIT_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes={"a": {"href"}, "img": {"src", "alt"}},
        url_schemes=LINK_SCHEMES | {"file"},
        link_rel=None,
        strip_comments=True,
    )
    soup = BeautifulSoup(clean, "html.parser")
    blocks, loose = [], []

    def flush():
        fragment = "".join(str(node) for node in loose)
        loose.clear()
        if strip_tags(fragment).strip():
            text = " ".join(unescape(strip_tags(fragment)).split())
            blocks.append(Block("text", text=text, html=f"<p>{fragment.strip()}</p>"))

    def images(tag, caption=""):
        for img in tag.find_all("img") if tag.name != "img" else [tag]:
            if img.get("src"):
                blocks.append(Block("image", text=img.get("alt", ""), src=img["src"]))
                if caption:
                    blocks.append(Block("text", text=caption))
                    caption = ""
            img.decompose()

    for node in list(soup.contents):
        if node.name == "img":
            flush()
            images(node)
            continue
        inline = isinstance(node, NavigableString) or node.name not in _BLOCK_TAGS | {"figure"}
        if inline and (node.name is None or not node.find("img")):
            loose.append(node)
            continue
        flush()
        if node.name == "figure":
            caption = node.find("figcaption")
            text = caption.get_text(" ", strip=True) if caption else ""
            if text and not text.lower().startswith(("ảnh", "(ảnh")):
                text = f"Ảnh: {text}"
            images(node, text)
            continue
        images(node)
        text = " ".join(unescape(strip_tags(str(node))).split())
        if text or node.name == "hr":
            blocks.append(Block("text", text=text, html=str(node)))
    flush()
    return blocks
