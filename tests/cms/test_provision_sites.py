"""manage.py provision_sites: many subsites from one CSV, bad rows reported by line."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Revision

from cms.core.models import SiteHomePage, StandardPage
from cms.departments.bulk import read_rows
from cms.departments.models import Department
from cms.news.models import NewsIndexPage
from cms.planning.models import PlanningIndexPage

SAMPLE = "cms/departments/data/tay-ninh-2025.csv"
HEADER = "slug,kind,name_vi,name_en,hostname,parent,address,phone,email,base_url\n"
# Line numbers below count from 1 at the comment line.
GOOD_AND_BAD = (
    "# two good rows (a child listed before its parent), five bad ones\n"
    + HEADER
    + "xa-a-child,agency,Ban thử,Test board,child.test,phuong-tan-ninh,,,,\n"  # 3
    + "phuong-tan-ninh,commune,Phường Tân Ninh,Tân Ninh Ward,tanninh.test,portal,"
    + '"Số 1, đường Thử",0276 3822 111,ubnd@tanninh.test,https://tanninh.tayninh.gov.vn\n'  # 4
    + "xa-bad-kind,district,Huyện cũ,Old district,old.test,,,,,\n"  # 5
    + "xa-bad-mail,commune,Xã Thư,Thu Commune,thu.test,portal,,,not-an-address,\n"  # 6
    + "phuong-tan-ninh,commune,Trùng,Duplicate,dup.test,portal,,,,\n"  # 7
    + "xa-orphan,commune,Xã Mồ Côi,Orphan Commune,orphan.test,nowhere,,,,\n"  # 8
    + "xa-taken,commune,Xã Chiếm,Taken Commune,portal.test,portal,,,,\n"  # 9
)


def run(path, *extra):
    out, err = StringIO(), StringIO()
    try:
        call_command("provision_sites", "--csv", str(path), *extra, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), str(error)
    return out.getvalue(), err.getvalue(), None


@pytest.fixture
def province(make_department, tmp_path):
    make_department("portal", "Cổng tỉnh", "Provincial portal", is_portal=True)
    path = tmp_path / "units.csv"
    path.write_text(GOOD_AND_BAD, encoding="utf-8")
    return path


def test_good_rows_go_in_and_bad_rows_are_reported_by_line(province):
    out, err, error = run(province)

    assert error == "7 rows: 2 created, 0 updated, 0 unchanged, 5 with errors"
    lines = dict(line.split(": ", 1) for line in err.splitlines())
    assert "kind 'district'" in lines[f"{province}:5"]
    assert "not-an-address" in lines[f"{province}:6"]
    assert "already on line 4" in lines[f"{province}:7"]
    assert "parent 'nowhere'" in lines[f"{province}:8"]
    assert "taken by portal" in lines[f"{province}:9"]
    assert f"{province}:3: create xa-a-child" in out

    ward = Department.objects.get(slug="phuong-tan-ninh")
    assert (ward.kind, ward.parent.slug, ward.site.hostname) == (
        "commune",
        "portal",
        "tanninh.test",
    )
    assert ward.base_url == "https://tanninh.tayninh.gov.vn"
    home = ward.site.root_page.specific
    assert (home.address, home.phone, home.email) == (
        "Số 1, đường Thử",
        "0276 3822 111",
        "ubnd@tanninh.test",
    )
    assert Department.objects.get(slug="xa-a-child").parent == ward
    assert not Department.objects.filter(slug__in=["xa-bad-kind", "xa-orphan", "xa-taken"]).exists()

    # Provisioning is slow (two trees, groups, workflow): one run serves the checks below.
    check_commune_sections()
    check_running_again_changes_nothing(province)


def check_commune_sections():
    roots = {
        p.locale.language_code: p for p in Department.objects.get(slug="phuong-tan-ninh").root_pages
    }

    vi_slugs = [p.slug for p in roots["vi"].get_children()]
    assert vi_slugs == [
        "tin-tuc",
        "thong-bao",
        "thu-tuc-hanh-chinh",
        "van-ban",
        "hoi-dap",
        "lich-cong-tac",
        "gioi-thieu",
    ]
    en_titles = {p.slug: p.title for p in roots["en"].get_children()}
    assert en_titles["schedule"] == "Leaders' schedule" and en_titles["notices"] == "Notices"
    assert StandardPage.objects.child_of(roots["vi"]).filter(slug="lich-cong-tac").exists()
    assert NewsIndexPage.objects.child_of(roots["vi"]).count() == 1
    assert not PlanningIndexPage.objects.child_of(roots["vi"]).exists()
    # the editors of the ward reach its own trees only
    editors = Department.objects.get(slug="phuong-tan-ninh").editors_group
    assert {p.page_id for p in editors.page_permissions.all()} == {r.pk for r in roots.values()}


def check_running_again_changes_nothing(province):
    pages, revisions = Page.objects.count(), Revision.objects.count()

    out, _err, error = run(province)

    assert error == "7 rows: 0 created, 0 updated, 2 unchanged, 5 with errors"
    assert "create" not in out and "update" not in out
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_a_changed_row_updates_the_site_in_place(province):
    run(province)
    province.write_text(
        GOOD_AND_BAD.replace("Tân Ninh Ward", "Tan Ninh Ward (renamed)").replace(
            "0276 3822 111", "0276 3822 999"
        ),
        encoding="utf-8",
    )
    pages = Page.objects.count()

    out, _err, _error = run(province)

    assert f"{province}:4: update phuong-tan-ninh" in out
    ward = Department.objects.get(slug="phuong-tan-ninh")
    assert ward.name_en == "Tan Ninh Ward (renamed)"
    assert SiteHomePage.objects.get(pk=ward.site.root_page_id).phone == "0276 3822 999"
    assert Page.objects.count() == pages


def test_dry_run_prints_the_plan_and_writes_nothing(province):
    pages = Page.objects.count()

    out, _err, error = run(province, "--dry-run")

    assert f"{province}:4: would create phuong-tan-ninh" in out
    assert error == "7 rows: 2 to create, 0 to update, 0 unchanged, 5 with errors"
    assert Page.objects.count() == pages
    assert not Department.objects.filter(slug="phuong-tan-ninh").exists()


def test_a_file_without_the_required_columns_is_refused(db, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("slug,name\nso-x,Sở X\n", encoding="utf-8")

    _out, _err, error = run(path)

    assert "missing ['kind', 'name_vi', 'name_en', 'hostname']" in error
    assert "unknown columns ['name']" in error


def test_the_sample_province_file_is_valid_and_complete():
    """The shipped Tây Ninh file: 96 communes and wards (14 + 82) and its departments."""
    with open(SAMPLE, encoding="utf-8") as fh:
        text = fh.read()
    rows = read_rows(text)
    communes = [r for r in rows if r.values["kind"] == "commune"]

    assert "Ủy ban Thường vụ Quốc hội" in text  # the source is named
    assert len(communes) == 96
    assert sum(r.values["name_vi"].startswith("Phường ") for r in communes) == 14
    assert sum(r.values["name_vi"].startswith("Xã ") for r in communes) == 82
    assert len({r.slug for r in rows}) == len(rows)
    assert len({r.values["hostname"] for r in rows}) == len(rows)
    assert all(not r.errors for r in rows)
    import unicodedata

    assert unicodedata.normalize("NFC", text) == text
