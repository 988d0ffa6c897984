"""English translations through the workflow, live notices, out-of-date report, unpublish.

Real admin URLs with Django's test client on two departments (isolation.py);
builds are queued on the dummy task backend, not run (the browser test runs them).
"""

import shutil
import tempfile
from pathlib import Path

from django.contrib.messages import get_messages
from django.test import override_settings
from wagtail.models import TaskState
from wagtail.users.models import UserProfile

from cms.core.translation import is_translation_out_of_date
from cms.editorial.models import LiveNotice
from cms.publishing.models import BuildRun

from .isolation import TwoDepartmentsTestCase
from .test_publishing_admin import DUMMY_TASKS

REPORT = "/admin/reports/out-of-date-translations/"


def submit_url(page):
    return f"/admin/editorial/translations/{page.pk}/submit/"


class EditorialTestCase(TwoDepartmentsTestCase):
    def setUp(self):
        self.dist = Path(tempfile.mkdtemp(prefix="cong-editorial-"))
        override = override_settings(
            TASKS=DUMMY_TASKS, DIST_DIR=self.dist, BUILD_BASE_URL="http://127.0.0.1:8080"
        )
        override.enable()
        self.addCleanup(override.disable)
        self.addCleanup(shutil.rmtree, self.dist, True)

    def change_source(self, world, title):
        source = world.articles["vi"]
        source.refresh_from_db()
        source.title = title
        source.save_revision(user=world.moderator).publish(user=world.moderator)

    def messages_of(self, response):
        return [str(m) for m in get_messages(response.wsgi_request)]


class EditorialTests(EditorialTestCase):
    # One class for the whole module: building the two departments is the slow part.
    def test_editor_submits_the_english_page_and_the_moderator_approves_it(self):
        world = self.a
        english = world.articles["en"]
        self.login(world.editor)
        text = self.client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
        self.assertIn(f'action="{submit_url(english)}"', text)  # in the translation editor

        response = self.client.post(submit_url(english))
        self.assertEqual(response.status_code, 302)
        english.refresh_from_db()
        self.assertTrue(english.workflow_in_progress)
        task_state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
        text = self.client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
        self.assertIn("data-editorial-in-moderation", text)
        self.assertNotIn(f'action="{submit_url(english)}"', text)

        self.login(world.moderator)
        dashboard = self.client.get("/admin/").content.decode()
        self.assertIn(english.title, dashboard)  # "awaiting your review"
        self.login(self.b.moderator)
        self.assertNotIn(english.title, self.client.get("/admin/").content.decode())

        self.login(world.moderator)
        BuildRun.objects.all().delete()
        response = self.client.post(
            f"/admin/pages/workflow/action/{english.pk}/approve/{task_state.pk}/",
            {"comment": ""},
        )
        self.assertIn(response.status_code, (200, 302))
        english.refresh_from_db()
        self.assertFalse(english.workflow_in_progress)
        self.assertFalse(english.has_unpublished_changes)
        self.assertTrue(BuildRun.objects.filter(site_slug=world.slug).exists())
        self.assertEqual(
            set(LiveNotice.objects.values_list("user__username", flat=True)),
            {world.editor.username, world.moderator.username},
        )
        # The English slug follows the translated English title (cms/core/slugs.py).
        self.assertEqual(english.slug, "internal-news-of-so-a")
        live = f"http://127.0.0.1:8080/so-a/en/news/{english.slug}/"
        texts = self.messages_of(self.client.get("/admin/"))
        self.assertTrue(any(f'href="{live}"' in t for t in texts), texts)
        self.login(world.editor)
        texts = self.messages_of(self.client.get("/admin/"))
        self.assertTrue(any(f'href="{live}"' in t for t in texts), texts)
        self.assertFalse(LiveNotice.objects.exists())  # shown once

    def test_the_notice_speaks_the_users_admin_language(self):
        world = self.a
        profile = UserProfile.get_for_user(world.editor)
        profile.preferred_language = "vi"
        profile.save()
        LiveNotice.objects.create(user=world.editor, page=world.articles["en"])
        BuildRun.objects.all().delete()
        BuildRun.objects.create(site_slug=world.slug, page_ids=[world.articles["en"].pk])
        self.login(world.editor)
        texts = self.messages_of(self.client.get("/admin/"))
        self.assertTrue(any("sẽ" in t or "đã" in t for t in texts), texts)

    def test_no_one_submits_another_departments_translation(self):
        for actor, other in self.pairs:
            with self.subTest(actor=actor.slug):
                self.login(actor.editor)
                self.assertDenied(self.client.post(submit_url(other.articles["en"])))
                other.articles["en"].refresh_from_db()
                self.assertFalse(other.articles["en"].workflow_in_progress)

    def test_get_is_refused(self):
        self.login(self.a.editor)
        self.assertEqual(self.client.get(submit_url(self.a.articles["en"])).status_code, 405)

    # Live links
    def test_view_live_links_point_at_the_static_site(self):
        article = self.a.articles["vi"]
        live = "http://127.0.0.1:8080/so-a/vi/tin-tuc/tin-so-a/"
        self.assertEqual(article.full_url, live)
        self.assertEqual(article.url, live)
        self.login(self.a.editor)
        for url in (f"/admin/pages/{article.pk}/edit/", f"/admin/pages/{article.get_parent().pk}/"):
            with self.subTest(url=url):
                text = self.get_text(url)[1]
                self.assertIn(f'href="{live}"', text)
                self.assertNotIn("so-a.test", text)

    # Snippet choices follow the page's locale
    def test_category_choices_are_in_the_pages_locale(self):
        from cms.core.translation import translate
        from cms.news.models import NewsCategory

        category = NewsCategory.objects.create(name="Kinh tế địa phương", slug="kinh-te-dp")
        translate(category, "en", {"Kinh tế địa phương": "Local economy"})
        self.login(self.a.editor)
        for lang, shown, hidden in (
            ("vi", "Kinh tế địa phương", "Local economy"),
            ("en", "Local economy", "Kinh tế địa phương"),
        ):
            with self.subTest(lang=lang):
                parent = self.a.news_indexes[lang]
                text = self.get_text(f"/admin/pages/add/news/newsarticlepage/{parent.pk}/")[1]
                self.assertIn(shown, text)
                self.assertNotIn(hidden, text)

    # Out of date
    def test_report_lists_own_out_of_date_translations_only(self):
        self.change_source(self.a, "Tin nội bộ của so-a (sửa)")
        self.assertTrue(is_translation_out_of_date(self.a.articles["en"]))
        self.assertFalse(is_translation_out_of_date(self.b.articles["en"]))
        self.change_source(self.b, "Tin nội bộ của so-b (sửa)")
        for actor, other in self.pairs:
            for user in (actor.editor, actor.moderator):
                with self.subTest(user=user.username):
                    self.login(user)
                    response, text = self.get_text(REPORT)
                    self.assertEqual(response.status_code, 200)
                    self.assertIn(f'data-page-id="{actor.articles["en"].pk}"', text)
                    self.assertIn(f"Tin nội bộ của {actor.slug} (sửa)", text)
                    self.assertNotIn(f'data-page-id="{other.articles["en"].pk}"', text)
                    self.assertNotIn(other.article_title("en"), text)
                    self.assertNotIn(f"Tin nội bộ của {other.slug}", text)

    def test_up_to_date_report_is_empty_and_the_editor_sees_the_notice(self):
        self.login(self.a.editor)
        self.assertIn("data-editorial-report-empty", self.get_text(REPORT)[1])
        english = self.a.articles["en"]
        text = self.get_text(f"/admin/pages/{english.pk}/edit/")[1]
        self.assertNotIn("data-editorial-out-of-date", text)
        self.change_source(self.a, "Tin nội bộ của so-a (sửa)")
        text = self.get_text(f"/admin/pages/{english.pk}/edit/")[1]
        self.assertIn("data-editorial-out-of-date", text)
        self.assertIn("/admin/localize/update/", text)

    # Unpublishing both languages
    def unpublish(self, world, **data):
        self.login(world.moderator)
        return self.client.post(f"/admin/pages/{world.articles['vi'].pk}/unpublish/", data)

    def test_confirmation_offers_the_translation_ticked(self):
        self.login(self.a.moderator)
        text = self.get_text(f"/admin/pages/{self.a.articles['vi'].pk}/unpublish/")[1]
        self.assertIn('name="unpublish_translations"', text)
        self.assertRegex(text, r'name="unpublish_translations"[^>]*checked')

    def test_unpublishing_takes_the_english_page_down_too(self):
        response = self.unpublish(self.a, unpublish_translations="True")
        self.assertEqual(response.status_code, 302)
        for lang in ("vi", "en"):
            self.a.articles[lang].refresh_from_db()
            self.assertFalse(self.a.articles[lang].live, lang)
        self.b.articles["en"].refresh_from_db()
        self.assertTrue(self.b.articles["en"].live)

    def test_the_moderator_is_told_when_the_translation_stays_live(self):
        response = self.unpublish(self.a)
        self.a.articles["en"].refresh_from_db()
        self.assertTrue(self.a.articles["en"].live)
        texts = self.messages_of(response)
        english_path = f"/so-a/en/news/{self.a.articles['en'].slug}/"
        self.assertTrue(any(english_path in t for t in texts), texts)


def test_the_editorial_catalogue_is_complete_and_compiled():
    import gettext
    import unicodedata

    import polib

    folder = Path(__file__).resolve().parents[2] / "cms/editorial/locale/vi/LC_MESSAGES"
    po = polib.pofile(str(folder / "django.po"))
    assert po.percent_translated() == 100
    with (folder / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in po:
        text = entry.msgstr or entry.msgstr_plural[0]
        assert unicodedata.is_normalized("NFC", text)
        if not entry.msgid_plural:
            assert compiled.gettext(entry.msgid) == entry.msgstr
