"""ASCII page slugs: Vietnamese folded (đ → d), English translations from their English title.

"Đường điện đến xã Đức Hòa" → "duong-dien-den-xa-duc-hoa", the same slug the
demo and the importer give, so admin-created pages get short readable URLs
instead of percent-encoded Unicode. Folding is search.text.fold, the one
Vietnamese folding of the project.
"""

import re
import unicodedata

from django import forms
from django.utils.text import slugify
from wagtail.admin.widgets.slug import SlugInput
from wagtail.coreutils import find_available_slug

from search.text import fold

MAX_SLUG_LENGTH = 80


def ascii_slug(text, *, max_length=MAX_SLUG_LENGTH):
    """A lower-case ASCII slug of any text; "" when nothing is left."""
    return slugify(fold(text or ""))[:max_length].strip("-")


def _vietnamese_formatters():
    """(regex, replacement) pairs for the admin's slug widget (Wagtail's w-slug controller).

    Wagtail's JavaScript transliteration has no Vietnamese map (it drops "ư",
    "ạ", … and turns "đ" into Serbian "dj"); these run before it, so the slug
    the editor sees while typing the title is the one the server keeps.
    """
    by_base = {}
    for code in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        if not unicodedata.category(char).startswith("L"):
            continue
        base = fold(char)
        if base != char.lower() and len(base) == 1 and base.isascii() and base.isalpha():
            by_base.setdefault(base, []).append(char)
    return [(f"[{''.join(chars)}]", base) for base, chars in sorted(by_base.items())]


VIETNAMESE_SLUG_FORMATTERS = _vietnamese_formatters()


def slug_widget(locale=None):
    return SlugInput(formatters=VIETNAMESE_SLUG_FORMATTERS, locale=locale)


class AsciiSlugField(forms.SlugField):
    """A slug form field that folds what it gets (no JavaScript, a pasted title) to ASCII."""

    def to_python(self, value):
        value = super().to_python(value)
        if value and not value.isascii():
            value = ascii_slug(value, max_length=self.max_length or 255)
        return value


def is_inherited_slug(slug, source_slug):
    """Is `slug` the source page's slug (as copied for a translation, maybe with -2 …)?"""
    if not slug or not source_slug:
        return False
    candidates = {source_slug, slugify(source_slug), ascii_slug(source_slug)}
    return any(re.fullmatch(re.escape(c) + r"(-\d+)?", slug) for c in candidates if c)


def translation_slug(page, source):
    """The slug a translated page should have, or None to keep its own.

    A translation whose title differs from its source's title (it has been
    translated) and whose slug is still the copied source slug gets a slug of
    its own title; a slug an editor chose stays.
    """
    if source is None or page.title == source.title:
        return None
    if not is_inherited_slug(page.slug, source.slug):
        return None
    base = ascii_slug(page.title)
    if not base or base == page.slug:
        return None
    parent = page.get_parent()
    if parent is None:
        return None
    return find_available_slug(parent, base, ignore_page_id=page.pk)


class TranslatableFieldsWithoutSlug:
    """`translatable_fields` for page models: wagtail-localize's default list minus "slug".

    As a translatable segment the slug sits on the translation editor's
    Promote tab, required and easy to miss, and publishing warns "missing
    translations" until someone fills it in. Without it the translation keeps
    the source slug until its title is translated, then gets one from that
    title (translation_slug, called on save).
    """

    _computing = set()

    def __init__(self):
        self._cache = {}

    def __get__(self, instance, owner):
        from wagtail_localize.fields import get_translatable_fields

        if owner in self._computing:
            # wagtail-localize asks hasattr(model, "translatable_fields") first:
            # inside our own call, answer "no", so it builds its default list.
            raise AttributeError("translatable_fields")
        if owner not in self._cache:
            self._computing.add(owner)
            try:
                fields = get_translatable_fields(owner)
            finally:
                self._computing.discard(owner)
            self._cache[owner] = [f for f in fields if f.field_name != "slug"]
        return self._cache[owner]
