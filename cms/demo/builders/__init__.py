"""Builders turn the tables in cms.demo.content into pages, snippets and users.

Each builder creates only what is missing (looked up by slug, title or
username), so `load_demo` can run again without duplicating or changing
anything, and reports what it created through a Report.
"""

from collections import Counter
from html import escape

from wagtail.rich_text import RichText


class Report(Counter):
    """How many objects of each kind this run created."""

    def created(self, kind, number=1):
        self[kind] += number


def add_page(parent, page):
    """Add `page` under `parent` and publish it, as an editor's first publish would."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def child_with_slug(parent, slug):
    return parent.get_children().filter(slug=slug).first()


def paragraphs_html(texts):
    return "".join(f"<p>{escape(text, quote=False)}</p>" for text in texts)


def rich_paragraph(texts):
    return ("paragraph", RichText(paragraphs_html(texts)))
