"""The Publishing view with many sites: find, filter by kind, sort; still only one's own."""

import re

from cms.departments.models import Department
from cms.publishing.models import BuildRun

from .isolation import TwoDepartmentsTestCase

INDEX = "/admin/publishing/"


def slugs_in(html):
    return re.findall(r'href="/admin/publishing/([\w-]+)/"', html)


class PublishingSiteFilterTests(TwoDepartmentsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Department.objects.filter(pk=cls.b.department.pk).update(kind="commune")
        old = BuildRun.objects.create(site_slug="so-b", trigger="manual", status="failed")
        # More recent runs of another site than the view ever reads at once.
        BuildRun.objects.bulk_create(
            BuildRun(site_slug="so-a", trigger="manual", status="succeeded") for _ in range(600)
        )
        cls.old_run = old

    def test_administrators_find_filter_and_sort_sites(self):
        self.login(self.superuser)
        _response, html = self.get_text(INDEX)
        self.assertEqual(set(slugs_in(html)), {"so-a", "so-b"})

        _response, html = self.get_text(INDEX, q="SO-B")
        self.assertEqual(slugs_in(html), ["so-b"])
        _response, html = self.get_text(INDEX, kind="commune")
        self.assertEqual(slugs_in(html), ["so-b"])
        _response, html = self.get_text(INDEX, kind="department", q="so-b")
        self.assertEqual(slugs_in(html), [])
        # Vietnamese unless the user picked English as their admin language.
        self.assertTrue("No site matches." in html or "Không có trang nào phù hợp." in html)

        _response, html = self.get_text(INDEX, sort="-site")
        self.assertEqual(slugs_in(html), ["so-b", "so-a"])
        _response, html = self.get_text(INDEX, sort="status")
        self.assertEqual(slugs_in(html), ["so-b", "so-a"])  # failed < succeeded
        _response, html = self.get_text(INDEX, sort="no-such-key")
        self.assertEqual(slugs_in(html), ["so-a", "so-b"])

    def test_a_site_built_long_ago_still_shows_its_last_build(self):
        self.login(self.superuser)
        response, _html = self.get_text(INDEX, q="so-b")
        (row,) = response.context["sites"]
        self.assertEqual(row["last_run"], self.old_run)

    def test_department_users_find_only_their_own_site(self):
        for actor, other in self.pairs:
            self.login(actor.moderator)
            _response, html = self.get_text(INDEX, q=other.slug)
            self.assertEqual(slugs_in(html), [])
            _response, html = self.get_text(INDEX, kind=other.department.kind)
            self.assertNotIn(other.slug, slugs_in(html))
            _response, html = self.get_text(INDEX)
            self.assertEqual(slugs_in(html), [actor.slug])
