"""Collect Vietnamese → English strings and apply them through wagtail-localize.

wagtail-localize stores plain-text segments HTML-escaped, so every pair is
registered both raw and escaped; a segment we have no English for keeps the
Vietnamese text (fallback), as in the editor.
"""

from html import escape

from django.utils.text import slugify
from wagtail.models import Locale

from cms.core.translation import translate

from .media import ascii_slug


class Strings(dict):
    """{vietnamese: english} for one page or snippet."""

    def add(self, vi, en):
        if vi and en:
            self[vi] = en
            for quote in (True, False):
                escaped = escape(vi, quote=quote)
                if escaped != vi:
                    self[escaped] = escape(en, quote=quote)
        return self

    def add_pairs(self, pairs):
        for vi, en in pairs:
            self.add(vi, en)
        return self


def page_slug(vi_title):
    return ascii_slug(vi_title)[:80].strip("-")


def english_slug(en_title):
    return slugify(en_title)[:80].strip("-") or "page"


def translate_page(page, strings, *, en_title=None):
    """Translate `page` to English with `strings`, the English slug from `en_title`."""
    if en_title:
        strings.add(page.title, en_title)
        strings.add(page.slug, english_slug(en_title))
    return translate(page, "en", strings)


def english_locale():
    return Locale.objects.get(language_code="en")
