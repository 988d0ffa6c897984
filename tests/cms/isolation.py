"""Two provisioned departments with content, media and one user per role.

Used by the isolation tests (test_permissions_*.py, test_translation_*.py):
built once per TestCase class in setUpTestData, so each test only pays for a
savepoint rollback. Every title is unique per department and locale, so a
response that mentions another department's content is easy to catch.
"""

import re
import shutil
import tempfile
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import TestCase, override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.core.translation import translate
from cms.departments.provisioning import PORTAL_ADMINISTRATORS_GROUP, provision_department
from cms.news.models import NewsArticlePage, NewsIndexPage

PASSWORD = "not-a-real-password-9713"  # noqa: S105
LANGS = ("vi", "en")


@dataclass
class DepartmentWorld:
    """One department's objects, keyed by language where there are two."""

    department: object
    editor: object
    moderator: object
    homes: dict = field(default_factory=dict)
    news_indexes: dict = field(default_factory=dict)
    articles: dict = field(default_factory=dict)
    image: object = None
    document: object = None

    @property
    def slug(self):
        return self.department.slug

    @property
    def site(self):
        return self.department.site

    @property
    def collection(self):
        return self.department.collection

    def article_title(self, lang):
        return self.articles[lang].title


def article_titles(slug):
    return {"vi": f"Tin nội bộ của {slug}", "en": f"Internal news of {slug}"}


def build_department(slug):
    department = provision_department(
        slug=slug,
        name_vi=f"Sở thử nghiệm {slug}",
        name_en=f"Test department {slug}",
        hostname=f"{slug}.test",
    )
    user_model = get_user_model()
    editor = user_model.objects.create_user(f"editor-{slug}", password=PASSWORD)
    editor.groups.add(department.editors_group)
    moderator = user_model.objects.create_user(f"moderator-{slug}", password=PASSWORD)
    moderator.groups.add(department.moderators_group)

    world = DepartmentWorld(department=department, editor=editor, moderator=moderator)
    for home in department.root_pages:
        lang = home.locale.language_code
        world.homes[lang] = home
        world.news_indexes[lang] = NewsIndexPage.objects.child_of(home).get()

    titles = article_titles(slug)
    article = NewsArticlePage(title=titles["vi"], slug=f"tin-{slug}", summary="Tóm tắt")
    world.news_indexes["vi"].add_child(instance=article)
    article.save_revision().publish()
    world.articles["vi"] = article
    world.articles["en"] = translate(article, "en", {titles["vi"]: titles["en"]})

    world.image = get_image_model().objects.create(
        title=f"Ảnh của {slug}",
        file=get_test_image_file(filename=f"{slug}.png"),
        collection=department.collection,
    )
    world.document = get_document_model().objects.create(
        title=f"Tài liệu của {slug}",
        file=ContentFile(b"%PDF-1.4 test", name=f"{slug}.pdf"),
        collection=department.collection,
    )
    return world


def make_portal_admin():
    user = get_user_model().objects.create_user("portal-admin", password=PASSWORD)
    user.groups.add(Group.objects.get(name=PORTAL_ADMINISTRATORS_GROUP))
    return user


class TwoDepartmentsTestCase(TestCase):
    """Departments A (so-a) and B (so-b); `pairs` gives both directions."""

    media_root = None

    @classmethod
    def setUpClass(cls):
        cls.media_root = tempfile.mkdtemp(prefix="cong-test-media-")
        cls._media_override = override_settings(MEDIA_ROOT=cls.media_root)
        cls._media_override.enable()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls._media_override.disable()
        shutil.rmtree(cls.media_root, ignore_errors=True)

    @classmethod
    def setUpTestData(cls):
        cls.a = build_department("so-a")
        cls.b = build_department("so-b")
        cls.portal_admin = make_portal_admin()
        cls.superuser = get_user_model().objects.create_superuser(
            "root", "root@example.test", PASSWORD
        )

    @property
    def pairs(self):
        """(actor, other) in both directions."""
        return [(self.a, self.b), (self.b, self.a)]

    def login(self, user):
        self.client.force_login(user)

    def get_text(self, url, **params):
        response = self.client.get(url, params)
        return response, response.content.decode()

    def assertDenied(self, response):
        """Wagtail answers PermissionDenied in the admin with a redirect home."""
        if response.status_code == 302:
            self.assertEqual(response["Location"], "/admin/")
        else:
            self.assertIn(response.status_code, (403, 404))


def ids_in(pattern, text):
    return {int(match) for match in re.findall(pattern, text)}
