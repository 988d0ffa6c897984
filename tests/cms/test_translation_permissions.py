"""wagtail-localize's views respect department boundaries.

Stock wagtail-localize only checks the global "submit translation" permission
on "Translate this page" and "Sync translated pages"; these tests prove the
department-aware versions refuse another department's pages and accept one's own.
"""

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from cms.core.models import StandardPage

from .isolation import TwoDepartmentsTestCase


class TranslationViewsIsolationTests(TwoDepartmentsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.english = Locale.objects.get(language_code="en")
        for world in (cls.a, cls.b):
            page = StandardPage(title=f"Chưa dịch {world.slug}", slug=f"chua-dich-{world.slug}")
            world.homes["vi"].add_child(instance=page)
            page.save_revision().publish()
            world.untranslated = page

    def test_cannot_translate_other_departments_page(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            url = f"/admin/localize/submit/page/{other.untranslated.pk}/"
            self.assertDenied(self.client.get(url))
            self.assertDenied(self.client.post(url, {"locales": [self.english.pk]}))
            self.assertFalse(other.untranslated.has_translation(self.english))

    def test_can_translate_own_page(self):
        for actor, _other in self.pairs:
            self.login(actor.editor)
            url = f"/admin/localize/submit/page/{actor.untranslated.pk}/"
            self.assertEqual(self.client.get(url).status_code, 200)
            response = self.client.post(url, {"locales": [self.english.pk]})
            self.assertEqual(response.status_code, 302)
            self.assertTrue(actor.untranslated.has_translation(self.english))

    def test_cannot_sync_other_departments_translations(self):
        for actor, other in self.pairs:
            source = TranslationSource.objects.get_for_instance(other.articles["vi"])
            before = other.articles["en"].revisions.count()
            self.login(actor.moderator)
            url = f"/admin/localize/update/{source.pk}/"
            self.assertDenied(self.client.get(url))
            self.assertDenied(self.client.post(url, {"publish_translations": "on"}))
            self.assertEqual(other.articles["en"].revisions.count(), before)

            own = TranslationSource.objects.get_for_instance(actor.articles["vi"])
            self.assertEqual(self.client.get(f"/admin/localize/update/{own.pk}/").status_code, 200)

    def test_translations_report_lists_own_department_only(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            response = self.client.get("/admin/localize/reports/translations/")
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, actor.articles["vi"].title)
            self.assertNotContains(response, other.articles["vi"].title)
        self.login(self.portal_admin)
        response = self.client.get("/admin/localize/reports/translations/")
        for world in (self.a, self.b):
            self.assertContains(response, world.articles["vi"].title)
