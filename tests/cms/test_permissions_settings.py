"""Each department's moderators edit their own site's settings and no other's."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.core.models import SiteSettings

from .isolation import TwoDepartmentsTestCase


def settings_url(site):
    return f"/admin/settings/core/sitesettings/{site.pk}/"


def settings_form(banner_text):
    return nested_form_data(
        {
            "navigation": streamfield([]),
            "footer_links": streamfield([]),
            "banner_text": banner_text,
            "banner_text_en": "",
            "contact_block": rich_text(""),
            "contact_block_en": rich_text(""),
            "social_links": inline_formset([]),
        }
    )


class SiteSettingsIsolationTests(TwoDepartmentsTestCase):
    def test_moderator_edits_own_site_settings(self):
        for actor, _other in self.pairs:
            self.login(actor.moderator)
            self.assertEqual(self.client.get(settings_url(actor.site)).status_code, 200)
            response = self.client.post(
                settings_url(actor.site), settings_form(f"Banner {actor.slug}")
            )
            self.assertEqual(response.status_code, 302)
            self.assertEqual(SiteSettings.for_site(actor.site).banner_text, f"Banner {actor.slug}")

    def test_moderator_cannot_open_or_save_other_site_settings(self):
        for actor, other in self.pairs:
            self.login(actor.moderator)
            self.assertDenied(self.client.get(settings_url(other.site)))
            self.assertDenied(self.client.post(settings_url(other.site), settings_form("Hijacked")))
            self.assertNotEqual(SiteSettings.for_site(other.site).banner_text, "Hijacked")
            # The menu entry lands on the moderator's own site.
            landing = self.client.get("/admin/settings/core/sitesettings/")
            self.assertRedirects(landing, settings_url(actor.site), fetch_redirect_response=False)

    def test_editors_cannot_change_site_settings(self):
        for actor, _other in self.pairs:
            self.login(actor.editor)
            self.assertDenied(self.client.get(settings_url(actor.site)))

    def test_portal_admin_edits_every_site(self):
        self.login(self.portal_admin)
        for world in (self.a, self.b):
            response = self.client.post(settings_url(world.site), settings_form("Portal says hi"))
            self.assertEqual(response.status_code, 302)
            self.assertEqual(SiteSettings.for_site(world.site).banner_text, "Portal says hi")
