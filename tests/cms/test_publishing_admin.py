"""The Publishing admin view, its rebuild button and the editor's "live at" message.

Through the real admin URLs with Django's test client. The dummy task backend
records the builds the button queues without running them.
"""

import json
import re
import shutil
import tempfile
from pathlib import Path

from django.contrib.messages import get_messages
from django.test import Client, override_settings

from cms.news.models import NewsArticlePage
from cms.publishing.models import BuildRun
from cms.publishing.tasks import build_site

from .isolation import TwoDepartmentsTestCase
from .test_permissions_workflow import article_form

DUMMY_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}
}
INDEX = "/admin/publishing/"


def site_url(slug):
    return f"/admin/publishing/{slug}/"


def rebuild_url(slug):
    return f"/admin/publishing/{slug}/rebuild/"


class PublishingAdminTests(TwoDepartmentsTestCase):
    def setUp(self):
        self.dist = Path(tempfile.mkdtemp(prefix="cong-publishing-admin-"))
        override = override_settings(
            TASKS=DUMMY_TASKS, DIST_DIR=self.dist, BUILD_BASE_URL="http://127.0.0.1:8080"
        )
        override.enable()
        self.addCleanup(override.disable)
        self.addCleanup(shutil.rmtree, self.dist, True)
        BuildRun.objects.all().delete()
        build_site.get_backend().clear()

    def manual_runs(self):
        return BuildRun.objects.filter(trigger=BuildRun.Trigger.MANUAL)

    def test_anonymous_users_are_sent_to_the_login(self):
        for url in (INDEX, site_url("so-a")):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302)
            self.assertIn("/admin/login/", response["Location"])
        self.client.post(rebuild_url("so-a"))
        self.assertFalse(self.manual_runs().exists())

    def test_department_users_see_only_their_own_site_and_no_button(self):
        for actor, other in self.pairs:
            for user in (actor.editor, actor.moderator):
                with self.subTest(user=user.username):
                    self.login(user)
                    response, text = self.get_text(INDEX)
                    self.assertEqual(response.status_code, 200)
                    self.assertIn(site_url(actor.slug), text)
                    self.assertNotIn(site_url(other.slug), text)

                    response, text = self.get_text(site_url(actor.slug))
                    self.assertEqual(response.status_code, 200)
                    self.assertNotIn(rebuild_url(actor.slug), text)
                    self.assertDenied(self.client.get(site_url(other.slug)))

                    for slug in (actor.slug, other.slug):
                        self.assertDenied(self.client.post(rebuild_url(slug)))
        self.assertFalse(self.manual_runs().exists())
        self.assertEqual(build_site.get_backend().results, [])

    def test_menu_item_is_shown_to_department_users(self):
        self.login(self.a.editor)
        response, text = self.get_text("/admin/")
        self.assertEqual(response.status_code, 200)
        self.assertIn(INDEX, text)

    def test_administrators_see_every_site_and_can_queue_a_rebuild(self):
        for user in (self.superuser, self.portal_admin):
            with self.subTest(user=user.username):
                BuildRun.objects.all().delete()
                build_site.get_backend().clear()
                self.login(user)
                response, text = self.get_text(INDEX)
                self.assertIn(site_url("so-a"), text)
                self.assertIn(site_url("so-b"), text)
                response, text = self.get_text(site_url("so-b"))
                self.assertIn(f'action="{rebuild_url("so-b")}"', text)

                response = self.client.post(rebuild_url("so-b"))
                self.assertEqual(response.status_code, 302)
                self.assertEqual(response["Location"], site_url("so-b"))
                run = self.manual_runs().get()
                self.assertEqual(
                    (run.site_slug, run.status, run.triggered_by), ("so-b", "queued", user)
                )
                # A second click before the build starts joins the queued build.
                self.client.post(rebuild_url("so-b"))
                self.assertEqual(self.manual_runs().get().requests, 2)
                self.assertEqual(len(build_site.get_backend().results), 0)  # on commit
        self.assertEqual(self.client.get(rebuild_url("so-a")).status_code, 405)
        self.assertEqual(self.client.post(rebuild_url("no-such-site")).status_code, 404)

    def test_rebuild_button_needs_the_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.superuser)
        self.assertEqual(client.post(rebuild_url("so-a")).status_code, 403)
        self.assertFalse(self.manual_runs().exists())
        text = client.get(site_url("so-a")).content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)
        response = client.post(rebuild_url("so-a"), {"csrfmiddlewaretoken": token})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(self.manual_runs().filter(site_slug="so-a").exists())

    def test_site_view_lists_builds_with_who_figures_and_the_failing_page(self):
        BuildRun.objects.create(
            site_slug="so-a",
            trigger=BuildRun.Trigger.PUBLISH,
            triggered_by=self.a.editor,
            page_ids=[1, 2, 3],
            status=BuildRun.Status.FAILED,
            duration=2.4,
            error="build: ExportError: Page 77 ('Bài lỗi', /so-a/tin-tuc/bai-loi/) could not",
        )
        BuildRun.objects.create(
            site_slug="so-a",
            trigger=BuildRun.Trigger.MANUAL,
            triggered_by=self.superuser,
            status=BuildRun.Status.SUCCEEDED,
            duration=1.5,
            pages=42,
            files_written=90,
            files_uploaded=7,
            files_deleted=2,
        )
        BuildRun.objects.create(site_slug="so-b", trigger="manual", error="secret of so-b")
        (self.dist / "sites.json").write_text(
            json.dumps([{"slug": "so-a", "base_url": "https://so-a.example.gov.vn"}]), "utf-8"
        )
        self.login(self.a.moderator)
        response, text = self.get_text(site_url("so-a"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("https://so-a.example.gov.vn", text)
        self.assertIn("editor-so-a", text)
        self.assertIn("Page 77 (&#x27;Bài lỗi&#x27;, /so-a/tin-tuc/bai-loi/)", text)
        self.assertIn("2.4 s", text.replace(",", "."))
        self.assertIn("<td>9</td>", text)  # 7 uploaded + 2 deleted
        self.assertIn("<td>42</td>", text)
        self.assertNotIn("secret of so-b", text)
        self.assertEqual(text.count("data-run="), 2)

    def test_live_url_falls_back_to_the_site_configuration(self):
        self.login(self.a.editor)
        _response, text = self.get_text(site_url("so-a"))
        self.assertIn('href="http://127.0.0.1:8080/so-a/"', text)

    def test_editor_is_told_where_and_when_the_published_page_goes_live(self):
        self.login(self.superuser)
        parent = self.a.news_indexes["vi"]
        response = self.client.post(
            f"/admin/pages/add/news/newsarticlepage/{parent.pk}/",
            article_form("Bài mới", "bai-moi", **{"action-publish": "Publish"}),
        )
        self.assertEqual(response.status_code, 302, response.content[:2000])
        page = NewsArticlePage.objects.child_of(parent).get(slug="bai-moi")
        self.assertTrue(page.live)
        run = BuildRun.objects.get(site_slug="so-a")
        self.assertEqual(run.page_ids, [page.pk])
        self.assertEqual(run.triggered_by, self.superuser)
        texts = [str(m) for m in get_messages(response.wsgi_request)]
        live = "http://127.0.0.1:8080/so-a/vi/tin-tuc/bai-moi/"
        self.assertTrue(any(live in text for text in texts), texts)

    def test_unpublish_in_the_admin_queues_a_build_named_after_the_user(self):
        self.login(self.superuser)
        article = self.a.articles["vi"]
        response = self.client.post(f"/admin/pages/{article.pk}/unpublish/")
        self.assertEqual(response.status_code, 302)
        article.refresh_from_db()
        self.assertFalse(article.live)
        run = BuildRun.objects.get(site_slug="so-a")
        self.assertEqual(run.trigger, BuildRun.Trigger.UNPUBLISH)
        self.assertIn(article.pk, run.page_ids)
        self.assertEqual(run.triggered_by, self.superuser)
