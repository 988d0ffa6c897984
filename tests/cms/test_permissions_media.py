"""Images, documents and shared snippets: collections keep departments apart.

Department editors list, choose, edit and upload only in their own collection;
shared snippets (topics, categories, sectors, administrative units) can be
chosen by everyone and edited only by portal administrators.
"""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from cms.core.models import Topic

from .isolation import TwoDepartmentsTestCase, ids_in


def png_upload(name):
    return SimpleUploadedFile(name, get_test_image_file().file.getvalue(), content_type="image/png")


def modal_html(response):
    return json.loads(response.content)["html"]


class ImageIsolationTests(TwoDepartmentsTestCase):
    def test_listing_and_chooser_show_only_own_images(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            listing = self.client.get("/admin/images/")
            self.assertEqual(listing.status_code, 200)
            self.assertContains(listing, actor.image.title)
            self.assertNotContains(listing, other.image.title)

            chooser = self.client.get("/admin/images/chooser/")
            chosen = ids_in(r"/admin/images/chooser/chosen/(\d+)/", modal_html(chooser))
            self.assertIn(actor.image.pk, chosen)
            self.assertNotIn(other.image.pk, chosen)
            results = self.client.get("/admin/images/chooser/results/", {"q": "Ảnh"})
            self.assertNotContains(results, other.image.title)

            chosen_foreign = self.client.get(f"/admin/images/chooser/chosen/{other.image.pk}/")
            self.assertNotEqual(chosen_foreign.status_code, 200)

    def test_admin_api_lists_only_own_media(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            for endpoint, own, foreign in (
                ("images", actor.image, other.image),
                ("documents", actor.document, other.document),
            ):
                listing = self.client.get(f"/admin/api/main/{endpoint}/")
                self.assertEqual(listing.status_code, 200)
                ids = {item["id"] for item in listing.json()["items"]}
                self.assertIn(own.pk, ids)
                self.assertNotIn(foreign.pk, ids)
                detail = self.client.get(f"/admin/api/main/{endpoint}/{foreign.pk}/")
                self.assertEqual(detail.status_code, 404)

    def test_cannot_edit_or_delete_other_departments_image(self):
        for actor, other in self.pairs:
            self.login(actor.moderator)
            self.assertEqual(self.client.get(f"/admin/images/{actor.image.pk}/").status_code, 200)
            self.assertDenied(self.client.get(f"/admin/images/{other.image.pk}/"))
            self.assertDenied(
                self.client.post(f"/admin/images/{other.image.pk}/", {"title": "Hijacked"})
            )
            self.assertDenied(self.client.post(f"/admin/images/{other.image.pk}/delete/"))
            other.image.refresh_from_db()
            self.assertNotEqual(other.image.title, "Hijacked")

    def test_cannot_upload_into_other_departments_collection(self):
        images = get_image_model().objects
        for actor, other in self.pairs:
            self.login(actor.editor)
            before = images.filter(collection=other.collection).count()
            response = self.client.post(
                "/admin/images/add/",
                {
                    "title": f"Planted image {actor.slug}",
                    "file": png_upload("planted.png"),
                    "collection": other.collection.pk,
                },
            )
            # With one permitted collection Wagtail drops the field and files
            # the upload in it; with several, the foreign choice is invalid.
            # Either way nothing lands in the other department's collection.
            self.assertIn(response.status_code, (200, 302))
            self.assertEqual(images.filter(collection=other.collection).count(), before)
            self.assertFalse(
                images.filter(title=f"Planted image {actor.slug}")
                .exclude(collection=actor.collection)
                .exists()
            )

            own = self.client.post(
                "/admin/images/add/",
                {
                    "title": f"Own upload {actor.slug}",
                    "file": png_upload("own.png"),
                    "collection": actor.collection.pk,
                },
            )
            self.assertEqual(own.status_code, 302)
            self.assertTrue(
                images.filter(
                    collection=actor.collection, title=f"Own upload {actor.slug}"
                ).exists()
            )

    def test_portal_admin_sees_every_collection(self):
        self.login(self.portal_admin)
        listing = self.client.get("/admin/images/")
        for world in (self.a, self.b):
            self.assertContains(listing, world.image.title)
            self.assertEqual(self.client.get(f"/admin/images/{world.image.pk}/").status_code, 200)


class DocumentIsolationTests(TwoDepartmentsTestCase):
    def test_listing_and_chooser_show_only_own_documents(self):
        for actor, other in self.pairs:
            self.login(actor.editor)
            listing = self.client.get("/admin/documents/")
            self.assertContains(listing, actor.document.title)
            self.assertNotContains(listing, other.document.title)

            chooser = self.client.get("/admin/documents/chooser/")
            chosen = ids_in(r"/admin/documents/chooser/chosen/(\d+)/", modal_html(chooser))
            self.assertIn(actor.document.pk, chosen)
            self.assertNotIn(other.document.pk, chosen)

    def test_cannot_edit_delete_or_upload_across_departments(self):
        documents = get_document_model().objects
        for actor, other in self.pairs:
            self.login(actor.moderator)
            edit_url = f"/admin/documents/edit/{other.document.pk}/"
            self.assertDenied(self.client.get(edit_url))
            self.assertDenied(self.client.post(edit_url, {"title": "Hijacked"}))
            self.assertDenied(self.client.post(f"/admin/documents/delete/{other.document.pk}/"))
            other.document.refresh_from_db()
            self.assertNotEqual(other.document.title, "Hijacked")

            before = documents.filter(collection=other.collection).count()
            response = self.client.post(
                "/admin/documents/add/",
                {
                    "title": f"Planted document {actor.slug}",
                    "file": SimpleUploadedFile("planted.pdf", b"%PDF-1.4 planted"),
                    "collection": other.collection.pk,
                },
            )
            self.assertIn(response.status_code, (200, 302))
            self.assertEqual(documents.filter(collection=other.collection).count(), before)
            self.assertFalse(
                documents.filter(title=f"Planted document {actor.slug}")
                .exclude(collection=actor.collection)
                .exists()
            )


class SharedSnippetTests(TwoDepartmentsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.topic = Topic.objects.create(
            name="Đầu tư", slug="dau-tu", locale=Locale.objects.get(language_code="vi")
        )

    def test_editors_choose_but_do_not_edit_shared_snippets(self):
        for world in (self.a, self.b):
            for user in (world.editor, world.moderator):
                self.login(user)
                chooser = self.client.get("/admin/snippets/choose/core/topic/")
                self.assertEqual(chooser.status_code, 200)
                self.assertIn(
                    f"/admin/snippets/choose/core/topic/chosen/{self.topic.pk}/",
                    modal_html(chooser),
                )
                edit_url = f"/admin/snippets/core/topic/edit/{self.topic.pk}/"
                self.assertDenied(self.client.get(edit_url))
                self.assertDenied(self.client.post(edit_url, {"name": "Hijacked", "slug": "x"}))
                self.assertDenied(self.client.get("/admin/snippets/core/topic/add/"))
                self.assertDenied(
                    self.client.post(f"/admin/snippets/core/topic/delete/{self.topic.pk}/")
                )
                # Translating a snippet creates one: refused too.
                self.assertDenied(
                    self.client.post(
                        f"/admin/localize/submit/snippet/core/topic/{self.topic.pk}/",
                        {"locales": [Locale.objects.get(language_code="en").pk]},
                    )
                )
        self.topic.refresh_from_db()
        self.assertEqual(self.topic.name, "Đầu tư")
        self.assertFalse(Topic.objects.filter(locale__language_code="en").exists())

    def test_portal_admin_edits_shared_snippets(self):
        self.login(self.portal_admin)
        response = self.client.post(
            f"/admin/snippets/core/topic/edit/{self.topic.pk}/",
            {"name": "Đầu tư công", "slug": "dau-tu-cong"},
        )
        self.assertEqual(response.status_code, 302)
        self.topic.refresh_from_db()
        self.assertEqual(self.topic.name, "Đầu tư công")
