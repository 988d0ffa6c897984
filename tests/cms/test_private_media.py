"""Uploads are private in the CMS (cms/core/private_media.py); the static copies are public.

Real files in a temporary MEDIA_ROOT, real requests through the URL conf, the
department groups from provisioning: anonymous visitors and other
departments are refused a department's document and original image, its own
editors and moderators get the bytes, and the build still copies the file
into the static output.
"""

import tempfile
from pathlib import Path

from wagtail.images import get_image_model

from build.export.media import HashCache, MediaStore

from .isolation import TwoDepartmentsTestCase

PDF = b"%PDF-1.4 test"


def document_url(document):
    return f"/documents/{document.pk}/{document.filename}"


def original_url(image):
    return f"/media/{image.file.name}"


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


class PrivateMediaTests(TwoDepartmentsTestCase):
    def test_anonymous_visitors_are_sent_to_sign_in_and_get_no_bytes(self):
        for url in (document_url(self.a.document), original_url(self.a.image)):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302, url)
            self.assertTrue(response["Location"].startswith("/admin/login/?next="), url)
            self.assertNotIn(PDF, response.content)

    def test_other_departments_are_refused(self):
        for actor, other in self.pairs:
            for user in (actor.editor, actor.moderator):
                self.login(user)
                for url in (document_url(other.document), original_url(other.image)):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 403, (user.username, url))
                    self.assertNotIn(PDF, response.content)

    def test_own_editors_and_moderators_get_the_file(self):
        image_bytes = self.a.image.file.open("rb").read()
        self.a.image.file.close()
        for user in (self.a.editor, self.a.moderator, self.portal_admin, self.superuser):
            self.login(user)
            response = self.client.get(document_url(self.a.document))
            self.assertEqual(response.status_code, 200, user.username)
            self.assertEqual(body(response), PDF)
            self.assertIn("attachment", response["Content-Disposition"])
            response = self.client.get(original_url(self.a.image))
            self.assertEqual(response.status_code, 200, user.username)
            self.assertEqual(body(response), image_bytes)
            self.assertIn("private", response["Cache-Control"])

    def test_renditions_follow_their_image_and_unknown_paths_are_not_found(self):
        rendition = self.a.image.get_rendition("width-100")
        url = f"/media/{rendition.file.name}"
        self.assertEqual(self.client.get(url).status_code, 302)
        self.login(self.b.editor)
        self.assertEqual(self.client.get(url).status_code, 403)
        self.login(self.a.editor)
        self.assertEqual(self.client.get(url).status_code, 200)
        for path in ("/media/feedback/x.pdf", "/media/../settings.py", "/media/documents/nope.pdf"):
            self.assertEqual(self.client.get(path).status_code, 404, path)

    def test_the_static_copy_of_a_published_file_is_unaffected(self):
        with tempfile.TemporaryDirectory() as out:
            store = MediaStore(out, "https://so-a.example", HashCache(None))
            attachment = store.document(self.a.document.pk)
            copied = Path(out) / attachment["url"].removeprefix("https://so-a.example/")
            self.assertEqual(copied.read_bytes(), PDF)
            image = store.image(self.a.image.pk, alt="x")
            self.assertTrue(image and image["src"])
        self.assertEqual(get_image_model().objects.filter(pk=self.a.image.pk).count(), 1)
