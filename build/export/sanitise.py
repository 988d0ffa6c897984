"""The last line of defence: only what the rich text editor and our blocks produce.

Editors' HTML is already filtered by Draftail's whitelist on save, but imported
content, the API and old data may hold anything, so every body goes through
nh3 (ammonia) before it reaches a record.
"""

import nh3

ALLOWED_TAGS = {
    # rich text editor features (cms.core.blocks.RICH_TEXT_FEATURES)
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "b",
    "strong",
    "i",
    "em",
    "ol",
    "ul",
    "li",
    "a",
    "blockquote",
    "hr",
    "sup",
    "sub",
    # StreamField blocks rendered by build.export.blocks
    "figure",
    "figcaption",
    "picture",
    "source",
    "img",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
    "small",
    "cite",
}

ALLOWED_ATTRIBUTES = {
    "a": {"href", "hreflang", "type"},
    "img": {"src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"},
    "source": {"srcset", "sizes", "type"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}

ALLOWED_CLASSES = {
    "figure": {"image", "quote", "richtext-image", "left", "right", "fullwidth"},
    "p": {"document-link"},
    "span": {"document-meta"},
    "small": {"credit"},
    "table": {"table"},
}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    allowed_classes=ALLOWED_CLASSES,
    url_schemes={"http", "https", "mailto", "tel"},
    link_rel=None,  # no target=_blank is allowed, so no opener to protect
    strip_comments=True,
)


def sanitise(html):
    return _cleaner.clean(html or "")
