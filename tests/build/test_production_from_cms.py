"""`build_sites --production` of a site with no sites/<slug>.toml: the CMS has its identity."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from build.siteconfig import SITES_DIR
from cms.departments.models import Department
from cms.departments.provisioning import provision_department

SLUG = "xa-thu-nghiem"


@pytest.fixture
def commune(db, make_department, settings, tmp_path):
    assert not (SITES_DIR / f"{SLUG}.toml").exists()
    make_department("portal", "Cổng tỉnh", "Provincial portal", is_portal=True)
    settings.DIST_DIR = tmp_path / "dist"
    settings.VAR_DIR = tmp_path / "var"
    settings.PUBLIC_FEEDBACK_ENDPOINT = "https://cms.tayninh.gov.vn/api/feedback/"
    return provision_department(
        slug=SLUG,
        name_vi="Xã Thử Nghiệm",
        name_en="Thu Nghiem Commune",
        hostname="xa-thu-nghiem.test",
        kind="commune",
    )


def build(*extra):
    call_command("build_sites", "--production", "--no-index", "--site", SLUG, *extra, verbosity=0)


def test_a_site_without_a_file_builds_for_production_from_the_cms(commune, settings):
    Department.objects.filter(pk=commune.pk).update(base_url="https://thunghiem.tayninh.gov.vn")

    build()

    home = (settings.DIST_DIR / SLUG / "vi" / "index.html").read_text("utf-8")
    assert 'href="https://thunghiem.tayninh.gov.vn/vi/' in home
    assert "127.0.0.1" not in home
    assert "/static/css/commune." in home  # the commune theme, chosen by the site's kind
    assert 'id="projects-heading"' not in home  # a commune has no investment section
    assert 'id="latest-heading"' in home
    assert "https://cms.tayninh.gov.vn/api/feedback/" in (
        settings.DIST_DIR / SLUG / "vi" / "gop-y" / "index.html"
    ).read_text("utf-8")


def test_without_a_base_url_the_build_stops_naming_the_site_and_the_setting(commune, settings):
    with pytest.raises(CommandError) as error:
        build()

    assert f"site '{SLUG}' has no base URL" in str(error.value)
    assert "in the CMS" in str(error.value)
    assert not (settings.DIST_DIR / SLUG).exists()
