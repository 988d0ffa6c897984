"""Settings › Sites of the province: who may change a site's base URL, hosts, target, scope."""

from build.export import list_sites
from build.publish.sites import configured_target_spec
from cms.departments.models import Department

from .isolation import TwoDepartmentsTestCase

INDEX = "/admin/site-identity/"


def edit_url(department):
    return f"/admin/site-identity/edit/{department.pk}/"


def form(**values):
    data = {
        "kind": "commune",
        "parent": "",
        "base_url": "https://xa-thu.tayninh.gov.vn",
        "hostnames": "xa-thu.tayninh.gov.vn, www.xa-thu.tayninh.gov.vn",
        "publish_target": "s3://cong-sites/xa-thu",
        "search_scope": "all",
    }
    data.update(values)
    return data


class SiteIdentityAdminTests(TwoDepartmentsTestCase):
    def test_portal_admin_sets_a_sites_identity_and_the_build_reads_it(self):
        department = self.a.department
        self.login(self.portal_admin)

        response = self.client.post(edit_url(department), form())

        self.assertEqual(response.status_code, 302, response.content[:2000])
        department.refresh_from_db()
        self.assertEqual(department.base_url, "https://xa-thu.tayninh.gov.vn")
        exported = {site["slug"]: site["cms"] for site in list_sites()}
        self.assertEqual(
            exported[department.slug],
            {
                "base_url": "https://xa-thu.tayninh.gov.vn",
                "hostnames": ["xa-thu.tayninh.gov.vn", "www.xa-thu.tayninh.gov.vn"],
                "theme": "commune",
                "publish": {"target": "s3://cong-sites/xa-thu"},
                "search": {"scope": "all"},
            },
        )
        self.assertEqual(exported[self.b.slug], {})
        # publish_sites and the publish task (no --target) publish where the CMS says
        self.assertEqual(configured_target_spec(department.slug), "s3://cong-sites/xa-thu")
        self.assertEqual(configured_target_spec(self.b.slug), "local")

    def test_bad_values_are_refused_with_the_field_named(self):
        self.login(self.portal_admin)
        for field, value in [
            ("base_url", "https://xa-thu.tayninh.gov.vn/"),
            ("base_url", "ftp://xa-thu"),
            ("hostnames", "xa-thu.tayninh.gov.vn/path"),
            # a folder typed into the admin would let the publisher write anywhere
            ("publish_target", "/etc"),
            ("publish_target", "s3:///no-bucket"),
        ]:
            response = self.client.post(edit_url(self.a.department), form(**{field: value}))
            self.assertEqual(response.status_code, 200, (field, value))
            self.assertIn(field, response.context["form"].errors, (field, value))
        self.assertEqual(Department.objects.get(pk=self.a.department.pk).base_url, "")

    def test_department_editors_and_moderators_cannot_open_or_change_any_identity(self):
        for actor, other in self.pairs:
            for user in (actor.editor, actor.moderator):
                self.login(user)
                self.assertDenied(self.client.get(INDEX))
                for target in (actor, other):
                    self.assertDenied(self.client.get(edit_url(target.department)))
                    self.assertDenied(self.client.post(edit_url(target.department), form()))
        self.assertFalse(Department.objects.exclude(base_url="").exists())

    def test_nobody_adds_or_deletes_sites_here(self):
        self.login(self.superuser)
        listing = self.client.get(INDEX)
        self.assertContains(listing, self.a.department.name_vi)
        # the site switcher: each row opens the site's pages in the explorer
        self.assertContains(listing, f'href="/admin/pages/{self.a.site.root_page_id}/"')
        self.assertNotContains(listing, "/admin/site-identity/new/")
        self.assertDenied(self.client.get("/admin/site-identity/new/"))
        pk = self.a.department.pk
        self.assertDenied(self.client.post(f"/admin/site-identity/delete/{pk}/"))
        self.assertTrue(Department.objects.filter(pk=pk).exists())
