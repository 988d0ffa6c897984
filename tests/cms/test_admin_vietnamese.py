"""A Vietnamese admin user sees Vietnamese on the screens editors work in.

The admin pages an editor and a moderator use are rendered for them (admin
language Vietnamese) and every visible text and label is compared with the
English msgids of Wagtail, wagtail-localize and Django: one that comes out in
English is a string our catalogues (cms/locale) leave untranslated. Messages
shown after actions and the translation editor's JavaScript strings are
checked in the compiled catalogues directly. A new untranslated admin string
on these screens fails this test.
"""

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.utils import translation
from django.views.i18n import JavaScriptCatalog
from wagtail_localize.models import Translation

from .isolation import TwoDepartmentsTestCase

SITE_PACKAGES = Path(polib.__file__).resolve().parent
SOURCE_CATALOGUES = [
    *sorted((SITE_PACKAGES / "wagtail").glob("**/locale/en/LC_MESSAGES/django.po")),
    SITE_PACKAGES / "wagtail_localize" / "locale" / "en" / "LC_MESSAGES" / "django.po",
]
# Words that are the same in Vietnamese, or names.
SAME_IN_VIETNAMESE = {"Wagtail", "Email", "URL", "PDF", "ID", "OK", "Slug", "Tags", "Tiếng Việt"}
# Messages after actions (Wagtail's and wagtail-localize's msgids, exact).
ACTION_MESSAGES = [
    "Page '%(page_title)s' created and submitted for moderation.",
    "Page '%(page_title)s' has been updated.",
    "Page '%(page_title)s' unpublished.",
    "Page '%(page_title)s' has been published.",
    "Page '%(page_title)s' has been submitted for moderation.",
    "Page '%(page_title)s' has been scheduled for publishing.",
    "Set publishing schedule",
    "Sync translated pages",
    "The page title as you'd like it to be seen by the public",
    "Current page status:",
    "%(label)s and Publish",
]
TRANSLATION_EDITOR_JS = SITE_PACKAGES / "wagtail_localize/locale/en/LC_MESSAGES/djangojs.po"


@cache
def english_msgids():
    ids = set()
    for path in SOURCE_CATALOGUES:
        for entry in polib.pofile(str(path)):
            for msgid in (entry.msgid, entry.msgid_plural):
                if msgid and "%" not in msgid and "{" not in msgid and len(msgid) > 2:
                    ids.add(msgid.strip())
    return ids - SAME_IN_VIETNAMESE


class VisibleText(HTMLParser):
    """Text nodes and the labels people read (placeholder, title, aria-label)."""

    SKIP = {"script", "style"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__()
        self.texts = []
        self._skipping = []  # tags whose content nobody sees (scripts, hidden elements)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in self.SKIP or ("hidden" in attributes and tag not in self.VOID):
            self._skipping.append(tag)
        for name in ("placeholder", "title", "aria-label"):
            if attributes.get(name):
                self.texts.append(attributes[name])

    def handle_endtag(self, tag):
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()

    def handle_data(self, data):
        if not self._skipping:
            self.texts.append(data)


def english_texts(html):
    parser = VisibleText()
    parser.feed(html)
    known = english_msgids()
    found = set()
    for text in parser.texts:
        text = re.sub(r"\s+", " ", text).strip()
        if text in known:
            found.add(text)
    return found


class VietnameseAdminTests(TwoDepartmentsTestCase):
    def screens(self, world):
        article = world.articles["vi"]
        index = world.news_indexes["vi"]
        english = world.articles["en"]
        return [
            "/admin/",
            f"/admin/pages/{index.pk}/",
            f"/admin/pages/{article.pk}/edit/",
            f"/admin/pages/{english.pk}/edit/",
            f"/admin/pages/{article.pk}/history/",
            f"/admin/pages/add/news/newsarticlepage/{index.pk}/",
            "/admin/pages/search/?q=tin",
            "/admin/images/",
            "/admin/images/multiple/add/",
            "/admin/documents/",
            "/admin/documents/multiple/add/",
        ]

    def test_no_english_admin_string_reaches_a_vietnamese_editor_or_moderator(self):
        untranslated = {}
        for user in (self.a.editor, self.a.moderator):
            self.login(user)
            for url in self.screens(self.a):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200, url)
                english = english_texts(response.content.decode())
                if english:
                    untranslated[f"{user.username} {url}"] = sorted(english)

        self.assertEqual(untranslated, {}, json.dumps(untranslated, ensure_ascii=False, indent=1))

    def test_action_messages_and_dialog_texts_are_translated(self):
        with translation.override("vi"):
            missing = [m for m in ACTION_MESSAGES if translation.gettext(m) == m]
            self.assertEqual(missing, [])
            self.assertEqual(
                translation.gettext("%(label)s and Publish") % {"label": "Phê chuẩn"},
                "Phê chuẩn và xuất bản",
            )

    def test_the_translation_editors_javascript_strings_are_translated(self):
        self.login(self.a.editor)
        catalog = JavaScriptCatalog(packages=["wagtail_localize"])
        with translation.override("vi"):
            from django.utils.translation.trans_real import DjangoTranslation

            js = DjangoTranslation(
                "vi", domain="djangojs", localedirs=catalog.get_paths(["wagtail_localize"])
            )
        ids = [e.msgid for e in polib.pofile(str(TRANSLATION_EDITOR_JS)) if e.msgid != "[DELETED]"]
        missing = [m for m in ids if js.gettext(m) == m]
        self.assertEqual(missing, [])
        self.assertTrue(Translation.objects.exists())

    def test_dashboard_counts_only_the_users_own_pages(self):
        self.login(self.a.editor)
        html = self.client.get("/admin/").content.decode()
        own = sum(len(home.get_descendants(inclusive=True)) for home in self.a.homes.values())
        self.assertRegex(html, rf"\b{own} trang\b")
        total = sum(len(w.homes["vi"].get_descendants(inclusive=True)) for w in (self.a, self.b))
        self.assertNotRegex(html, rf"\b{total * 2} trang\b")

    def test_a_refused_upload_gets_one_vietnamese_sentence(self):
        from django.core.files.uploadedfile import SimpleUploadedFile

        self.login(self.a.editor)
        answer = self.client.post(
            "/admin/documents/multiple/add/",
            {
                "collection": self.a.collection.pk,
                "files[]": SimpleUploadedFile("bao-cao.pdf", b"<html>not a pdf</html>"),
            },
        ).json()
        self.assertFalse(answer["success"])
        message = answer["error_message"]
        self.assertIn("không phải là tệp .pdf hợp lệ", message)
        self.assertNotIn("File extension", message)
        self.assertNotIn("extension", message.lower())
        add_page = self.client.get("/admin/documents/multiple/add/").content.decode()
        self.assertIn("Thêm tài liệu", add_page)
        for wrong in ("Thêm một văn bản", "Thêm văn bản", "Chọn một văn bản"):
            self.assertNotIn(wrong, add_page)
