"""Moderation: editors submit, their own department's moderators approve and publish."""

from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.news.models import NewsArticlePage

from .isolation import TwoDepartmentsTestCase


def article_form(title, slug, **actions):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Tóm tắt bài viết",
            "published_date": "2026-11-20 09:00",
            "hero_alt": "",
            "hero_caption": "",
            "body": streamfield([]),
            "author": "",
            "source": "",
            "source_url": "",
            "related_articles": streamfield([]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data.update(actions)
    return data


class ModerationWorkflowTests(TwoDepartmentsTestCase):
    def submit_new_article(self, world, slug):
        self.login(world.editor)
        parent = world.news_indexes["vi"]
        response = self.client.post(
            f"/admin/pages/add/news/newsarticlepage/{parent.pk}/",
            article_form(f"Bài chờ duyệt {slug}", slug, **{"action-submit": "Submit"}),
        )
        self.assertEqual(response.status_code, 302, response.content[:2000])
        return NewsArticlePage.objects.child_of(parent).get(slug=slug)

    def approve_url(self, page):
        task_state = TaskState.objects.get(
            workflow_state__base_content_type__model="page",
            workflow_state__object_id=str(page.pk),
            status=TaskState.STATUS_IN_PROGRESS,
        )
        return f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"

    def test_editor_submit_leaves_page_in_moderation_not_live(self):
        for world in (self.a, self.b):
            page = self.submit_new_article(world, f"cho-duyet-{world.slug}")
            self.assertFalse(page.live)
            state = WorkflowState.objects.get(
                base_content_type__model="page", object_id=str(page.pk)
            )
            self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
            self.assertEqual(state.workflow_id, world.department.workflow_id)

    def test_editor_cannot_publish_directly(self):
        for world in (self.a, self.b):
            self.login(world.editor)
            parent = world.news_indexes["vi"]
            slug = f"tu-dang-{world.slug}"
            self.client.post(
                f"/admin/pages/add/news/newsarticlepage/{parent.pk}/",
                article_form("Tự đăng", slug, **{"action-publish": "Publish"}),
            )
            page = NewsArticlePage.objects.child_of(parent).filter(slug=slug).first()
            self.assertTrue(page is None or not page.live)

    def test_only_own_moderators_approve(self):
        for actor, other in self.pairs:
            with self.subTest(department=actor.slug):
                page = self.submit_new_article(actor, f"duyet-{actor.slug}")
                url = self.approve_url(page)

                self.login(other.moderator)
                self.assertDenied(self.client.post(url, {"comment": "Duyệt hộ"}))
                page.refresh_from_db()
                self.assertFalse(page.live)

                self.login(actor.editor)
                self.assertDenied(self.client.post(url, {"comment": "Tự duyệt"}))
                page.refresh_from_db()
                self.assertFalse(page.live)

                self.login(actor.moderator)
                response = self.client.post(url, {"comment": "Đồng ý"})
                self.assertIn(response.status_code, (200, 302))
                page.refresh_from_db()
                self.assertTrue(page.live)
                state = WorkflowState.objects.get(
                    base_content_type__model="page", object_id=str(page.pk)
                )
                self.assertEqual(state.status, WorkflowState.STATUS_APPROVED)
