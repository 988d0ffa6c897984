"""Rich text from the database, expanded for static output with Wagtail's rewriters.

Wagtail stores links as <a linktype="page" id="12"> and images as
<embed embedtype="image" id="3" .../>. Its own front-end handlers turn those
into URLs of the running CMS; here the same rewriter machinery gets handlers
that point at the static sites instead: a page link becomes the absolute URL
of the page's record (its translation in the reader's language when live),
a document link the copied file, an image a <picture> of renditions. Links to
pages that are not live become plain text.
"""

from django.utils.html import format_html
from wagtail.rich_text.rewriters import (
    FIND_A_TAG,
    FIND_EMBED_TAG,
    EmbedRewriter,
    LinkRewriter,
    MultiRuleRewriter,
    extract_attrs,
)

from .html import figure_html

# Marks a link whose target is gone; unwrapped to its text before sanitising.
DEAD_LINK = '<a data-export-unlinked="1">'
IMAGE_FORMATS = {"left", "right", "fullwidth"}


def references(source):
    """(image ids, document ids) a rich text source refers to, for preloading."""
    image_ids, document_ids = set(), set()
    if not source:
        return image_ids, document_ids
    if "embedtype" in source:
        for match in FIND_EMBED_TAG.finditer(source):
            attrs = extract_attrs(match.group(1))
            if attrs.get("embedtype") == "image" and attrs.get("id", "").isdigit():
                image_ids.add(int(attrs["id"]))
    if 'linktype="document"' in source:
        for match in FIND_A_TAG.finditer(source):
            attrs = extract_attrs(match.group(1))
            if attrs.get("linktype") == "document" and attrs.get("id", "").isdigit():
                document_ids.add(int(attrs["id"]))
    return image_ids, document_ids


def unwrap_dead_links(html):
    """Drop the marked opening tags and their closing </a>, keeping the link text.

    Links never nest (in HTML, and in Wagtail's stored rich text), so the
    closing tag of a marked link is the first </a> after it.
    """
    parts = []
    position = 0
    while (start := html.find(DEAD_LINK, position)) != -1:
        parts.append(html[position:start])
        text_start = start + len(DEAD_LINK)
        end = html.find("</a>", text_start)
        if end == -1:
            position = text_start
            continue
        parts.append(html[text_start:end])
        position = end + len("</a>")
    parts.append(html[position:])
    return "".join(parts)


class RichTextExpander:
    """Expands rich text for one record (one language, one site's media)."""

    def __init__(self, scope):
        self.scope = scope
        self._page_link_tags = {}  # the same pages are linked from many records
        self.rewriter = MultiRuleRewriter(
            [
                LinkRewriter(
                    bulk_rules={"page": self._page_links, "document": self._document_links}
                ),
                EmbedRewriter(bulk_rules={"image": self._images, "media": self._media_embeds}),
            ]
        )

    def __call__(self, source):
        """Expanded HTML, not yet sanitised (the record's body is sanitised as a whole)."""
        if not source:
            return ""
        html = str(source)
        if "linktype" not in html and "<embed" not in html:
            return html  # nothing Wagtail-specific to rewrite: skip the tag scans
        html = self.rewriter(html)
        if DEAD_LINK in html:
            html = unwrap_dead_links(html)
        return html

    def _page_links(self, attrs_list):
        tags = []
        for attrs in attrs_list:
            page_id = attrs.get("id")
            self.scope.linked.add(str(page_id))  # also when the tag is cached
            tag = self._page_link_tags.get(page_id)
            if tag is None:
                url = self.scope.page_url(page_id)
                tag = format_html('<a href="{}">', url) if url else DEAD_LINK
                self._page_link_tags[page_id] = tag
            tags.append(tag)
        return tags

    def _document_links(self, attrs_list):
        tags = []
        for attrs in attrs_list:
            attachment = self.scope.media.document(attrs.get("id"))
            tags.append(
                format_html('<a href="{}">', attachment["url"]) if attachment else DEAD_LINK
            )
        return tags

    def _images(self, attrs_list):
        tags = []
        for attrs in attrs_list:
            image = self.scope.media.image(attrs.get("id"), alt=attrs.get("alt", ""))
            if image is None:
                tags.append("")
                continue
            image_format = attrs.get("format", "")
            css = "richtext-image" + (f" {image_format}" if image_format in IMAGE_FORMATS else "")
            tags.append(figure_html(image, css))
        return tags

    def _media_embeds(self, attrs_list):
        # oEmbed HTML would need the network and third-party scripts: link to it instead.
        return [
            format_html('<p><a href="{}">{}</a></p>', attrs["url"], attrs["url"])
            if attrs.get("url")
            else ""
            for attrs in attrs_list
        ]
