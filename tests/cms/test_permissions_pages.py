"""Department editors see and change only their own page trees (vi and en).

Every check goes through the real admin views with Django's test client, in
both directions (A against B, B against A) and on both locale trees.
"""

import json

from wagtail.models import Page

from cms.news.models import NewsArticlePage

from .isolation import LANGS, TwoDepartmentsTestCase, ids_in


def modal_html(response):
    """Wagtail's choosers answer with JSON that carries the HTML to show."""
    return json.loads(response.content)["html"]


class ExplorerIsolationTests(TwoDepartmentsTestCase):
    def test_explorer_root_lists_only_own_homes(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            response, text = self.get_text("/admin/pages/")
            self.assertEqual(response.status_code, 200)
            for lang in LANGS:
                self.assertIn(f"/admin/pages/{actor.homes[lang].pk}/", text)
                self.assertNotIn(f"/admin/pages/{other.homes[lang].pk}/", text)

    def test_other_departments_tree_does_not_open(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            for lang in LANGS:
                with self.subTest(actor=actor.slug, lang=lang):
                    own = self.client.get(f"/admin/pages/{actor.news_indexes[lang].pk}/")
                    self.assertEqual(own.status_code, 200)
                    self.assertContains(own, actor.article_title(lang))
                    for page in (other.homes[lang], other.news_indexes[lang]):
                        response = self.client.get(f"/admin/pages/{page.pk}/")
                        self.assertRedirects(
                            response, "/admin/pages/", fetch_redirect_response=False
                        )
                        results = self.client.get(f"/admin/pages/{page.pk}/results/")
                        self.assertEqual(results.status_code, 302)

    def test_admin_search_finds_only_own_pages(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            for lang, query in (("vi", "Tin"), ("en", "Internal")):
                response, text = self.get_text("/admin/pages/search/", q=query)
                self.assertEqual(response.status_code, 200)
                self.assertIn(actor.article_title(lang), text)
                self.assertNotIn(other.article_title(lang), text)

    def test_admin_api_used_by_the_explorer_menu(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            response = self.client.get(
                "/admin/api/main/pages/", {"child_of": "root", "for_explorer": 1}
            )
            self.assertEqual(response.status_code, 200)
            listed = {item["id"] for item in response.json()["items"]}
            self.assertEqual(listed, {actor.homes["vi"].pk, actor.homes["en"].pk})
            for lang in LANGS:
                own = self.client.get(f"/admin/api/main/pages/{actor.articles[lang].pk}/")
                self.assertEqual(own.status_code, 200)
                foreign = self.client.get(f"/admin/api/main/pages/{other.articles[lang].pk}/")
                self.assertEqual(foreign.status_code, 404)
                children = self.client.get(
                    "/admin/api/main/pages/", {"child_of": other.news_indexes[lang].pk}
                )
                # Wagtail's API: "parent page doesn't exist" for pages it hides.
                self.assertEqual(children.status_code, 400)
                self.assertNotIn(other.article_title(lang), children.content.decode())

    def test_reports_show_only_own_pages(self):
        for actor, other in self.pairs:
            self.login(actor.moderator)
            for url in ("/admin/reports/site-history/", "/admin/reports/aging-pages/"):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, actor.article_title("vi"))
                self.assertNotContains(response, other.article_title("vi"))
                self.assertNotContains(response, other.article_title("en"))

    def test_portal_admin_and_superuser_see_every_tree(self):
        for user in (self.portal_admin, self.superuser):
            self.login(user)
            for world in (self.a, self.b):
                for lang in LANGS:
                    response = self.client.get(f"/admin/pages/{world.news_indexes[lang].pk}/")
                    self.assertContains(response, world.article_title(lang))
                    edit = self.client.get(f"/admin/pages/{world.articles[lang].pk}/edit/")
                    self.assertEqual(edit.status_code, 200)


class EditPublishAddIsolationTests(TwoDepartmentsTestCase):
    def test_cannot_open_or_post_edit_of_other_department(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            for lang in LANGS:
                with self.subTest(actor=actor.slug, lang=lang):
                    own = self.client.get(f"/admin/pages/{actor.articles[lang].pk}/edit/")
                    self.assertEqual(own.status_code, 200)
                    target = other.articles[lang]
                    self.assertDenied(self.client.get(f"/admin/pages/{target.pk}/edit/"))
                    response = self.client.post(
                        f"/admin/pages/{target.pk}/edit/",
                        {"title": "Hijacked", "slug": target.slug, "action-publish": "1"},
                    )
                    self.assertDenied(response)
                    target.refresh_from_db()
                    self.assertEqual(target.title, other.article_title(lang))
                    self.assertEqual(target.revisions.count(), 1 if lang == "vi" else 2)

    def test_moderator_cannot_publish_or_unpublish_other_department(self):
        for actor, other in self.pairs:
            self.login(actor.moderator)
            for lang in LANGS:
                target = other.articles[lang]
                publish = self.client.post(f"/admin/api/main/pages/{target.pk}/action/publish/")
                self.assertEqual(publish.status_code, 404)
                self.assertDenied(self.client.post(f"/admin/pages/{target.pk}/unpublish/"))
                self.assertDenied(self.client.post(f"/admin/pages/{target.pk}/delete/"))
                target.refresh_from_db()
                self.assertTrue(target.live)

    def test_cannot_add_child_under_other_department(self):
        for actor, other in self.pairs:
            self.login(actor.moderator)
            for lang in LANGS:
                own_url = f"/admin/pages/add/news/newsarticlepage/{actor.news_indexes[lang].pk}/"
                self.assertEqual(self.client.get(own_url).status_code, 200)
                parent = other.news_indexes[lang]
                url = f"/admin/pages/add/news/newsarticlepage/{parent.pk}/"
                self.assertDenied(self.client.get(url))
                response = self.client.post(
                    url, {"title": "Planted", "slug": "planted", "action-publish": "1"}
                )
                self.assertDenied(response)
                self.assertFalse(Page.objects.child_of(parent).filter(slug="planted").exists())
                self.assertDenied(self.client.get(f"/admin/pages/{parent.pk}/add_subpage/"))

    def test_history_and_draft_views_are_closed(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            for lang in LANGS:
                page = other.articles[lang]
                for suffix in (
                    "history/",
                    "view_draft/",
                    "usage/",
                    "revisions/",
                    "workflow_history/",
                    "privacy/",
                ):
                    response = self.client.get(f"/admin/pages/{page.pk}/{suffix}")
                    self.assertNotEqual(response.status_code, 200, suffix)
                    self.assertNotContains(
                        response, other.article_title(lang), status_code=response.status_code
                    )


class ChooserIsolationTests(TwoDepartmentsTestCase):
    def chooser_ids(self, url, **params):
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200)
        return ids_in(r'data-id="(\d+)"', modal_html(response)) | ids_in(
            r"/admin/choose-page/(\d+)/", modal_html(response)
        )

    def test_page_chooser_root_lists_only_own_homes(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            for lang in LANGS:
                ids = self.chooser_ids("/admin/choose-page/", locale=lang)
                self.assertIn(actor.homes[lang].pk, ids)
                self.assertNotIn(other.homes[lang].pk, ids)

    def test_page_chooser_cannot_browse_into_other_tree(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            for lang in LANGS:
                ids = self.chooser_ids(f"/admin/choose-page/{actor.news_indexes[lang].pk}/")
                self.assertIn(actor.articles[lang].pk, ids)
                for page in (other.homes[lang], other.news_indexes[lang]):
                    response = self.client.get(f"/admin/choose-page/{page.pk}/")
                    self.assertEqual(response.status_code, 404)

    def test_page_chooser_search_lists_only_own_pages(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            for lang, query in (("vi", "Tin"), ("en", "Internal")):
                response = self.client.get("/admin/choose-page/search/", {"q": query})
                ids = ids_in(r'data-id="(\d+)"', response.content.decode())
                self.assertIn(actor.articles[lang].pk, ids)
                self.assertNotIn(other.articles[lang].pk, ids)

    def test_chosen_multiple_refuses_foreign_ids(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            own = self.client.get(
                "/admin/choose-page/chosen-multiple/", {"id": [actor.articles["vi"].pk]}
            )
            self.assertEqual(own.status_code, 200)
            foreign = self.client.get(
                "/admin/choose-page/chosen-multiple/",
                {"id": [actor.articles["vi"].pk, other.articles["en"].pk]},
            )
            self.assertEqual(foreign.status_code, 404)

    def test_portal_admin_chooser_lists_every_home(self):
        self.login(self.portal_admin)
        for lang in LANGS:
            ids = self.chooser_ids("/admin/choose-page/", locale=lang)
            self.assertTrue({self.a.homes[lang].pk, self.b.homes[lang].pk} <= ids)


class MoveAndCopyIsolationTests(TwoDepartmentsTestCase):
    def test_move_destination_chooser_and_confirm(self):
        for actor, other in self.pairs:
            self.login(actor.moderator)
            for lang in LANGS:
                page = actor.articles[lang]
                self.assertEqual(self.client.get(f"/admin/pages/{page.pk}/move/").status_code, 200)
                # The destination chooser is the page chooser with move rights.
                ids = ids_in(
                    r"/admin/choose-page/(\d+)/",
                    modal_html(
                        self.client.get(
                            "/admin/choose-page/",
                            {"user_perms": "move_to", "target_pages[]": page.pk, "locale": lang},
                        )
                    ),
                )
                self.assertNotIn(other.homes[lang].pk, ids)
                destination = other.news_indexes[lang]
                confirm = f"/admin/pages/{page.pk}/move/{destination.pk}/"
                self.assertDenied(self.client.get(confirm))
                self.assertDenied(self.client.post(confirm))
                page.refresh_from_db()
                self.assertEqual(page.get_parent().pk, actor.news_indexes[lang].pk)

    def test_copy_to_other_department_is_refused(self):
        for actor, other in self.pairs:
            self.login(actor.moderator)
            for lang in LANGS:
                page = actor.articles[lang]
                destination = other.news_indexes[lang]
                response = self.client.post(
                    f"/admin/pages/{page.pk}/copy/",
                    {
                        "new_title": "Copied away",
                        "new_slug": "copied-away",
                        "new_parent_page": destination.pk,
                        "publish_copies": "on",
                    },
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn("new_parent_page", response.context["form"].errors)
                self.assertFalse(
                    NewsArticlePage.objects.child_of(destination)
                    .filter(slug="copied-away")
                    .exists()
                )
