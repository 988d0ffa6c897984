"""Accent-folded admin search (cms/core/admin_search.py) for pages, images and documents.

Through the admin's own search views, as a department editor: queries typed
without accents (and without the đ) find the department's content and never
another department's.
"""

from wagtail.models import Page

from cms.core.admin_search import FoldedSearchField, _fold_query
from cms.news.models import NewsArticlePage

from .isolation import TwoDepartmentsTestCase


def test_queries_fold_like_the_public_search():
    assert _fold_query("Quyết toán ĐẦU TƯ") == "quyet toan dau tu"
    assert _fold_query(None) is None


def test_folded_field_is_kept_beside_the_exact_one():
    fields = {(type(f), f.field_name) for f in NewsArticlePage.get_search_fields()}
    assert (FoldedSearchField, "title") in fields
    page = NewsArticlePage(title="Đường điện đến xã Đức Hòa")
    assert FoldedSearchField("title").get_value(page) == "duong dien den xa duc hoa"


class AdminSearchTests(TwoDepartmentsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for world in (cls.a, cls.b):
            page = NewsArticlePage(
                title=f"Quyết toán vốn đầu tư công {world.slug}", summary="Báo cáo"
            )
            world.news_indexes["vi"].add_child(instance=page)
            page.save_revision().publish()
            world.budget_page = page

    def test_backend_search_finds_accented_text_from_plain_queries(self):
        for query in ("dau tu", "quyet toan", "đầu tư", "Quyết Toán"):
            found = set(Page.objects.search(query).get_queryset().values_list("pk", flat=True))
            self.assertIn(self.a.budget_page.pk, found, query)
            found = set(
                Page.objects.autocomplete(query).get_queryset().values_list("pk", flat=True)
            )
            self.assertIn(self.a.budget_page.pk, found, query)

    def test_page_search_in_the_admin_folds_and_stays_in_the_users_sites(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            for query in ("quyet toan", "dau tu cong", "quyết toán"):
                response = self.client.get("/admin/pages/search/", {"q": query})
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, actor.budget_page.title)
                self.assertNotContains(response, other.budget_page.title)

    def test_image_and_document_search_fold(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            images = self.client.get("/admin/images/", {"q": "anh cua"})
            self.assertContains(images, actor.image.title)
            self.assertNotContains(images, other.image.title)
            documents = self.client.get("/admin/documents/", {"q": "tai lieu"})
            self.assertContains(documents, actor.document.title)
            self.assertNotContains(documents, other.document.title)
