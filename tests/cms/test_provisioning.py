import re

import pytest
from django.contrib.auth.models import Group
from django.core.management.base import CommandError
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Workflow,
)

from cms.core.models import SiteHomePage
from cms.departments.models import Department
from cms.departments.provisioning import PORTAL_ADMINISTRATORS_GROUP
from cms.news.models import NewsIndexPage


def test_create_department_builds_both_locale_trees(make_department):
    department = make_department("so-ct", "Sở Công Thương", "Department of Industry and Trade")

    roots = {page.locale.language_code: page for page in department.root_pages}
    assert set(roots) == {"vi", "en"}
    assert roots["en"].title == "Department of Industry and Trade"
    news_en = NewsIndexPage.objects.child_of(roots["en"]).get()
    assert (news_en.title, news_en.slug) == ("News", "news")
    assert NewsIndexPage.objects.child_of(roots["vi"]).get().slug == "tin-tuc"


def test_create_department_is_idempotent(make_department):
    make_department("so-ct")
    pages_before = Page.objects.count()
    make_department("so-ct", name_en="Renamed")

    assert Page.objects.count() == pages_before
    assert Department.objects.get(slug="so-ct").name_en == "Renamed"
    assert SiteHomePage.objects.filter(locale__language_code="vi").count() == 1


def run_create_department(*args):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("create_department", *args, stdout=out)
    return out.getvalue()


COMMAND_ARGS = [
    "--slug",
    "so-khdt",
    "--name-vi",
    "Sở Kế hoạch và Đầu tư",
    "--name-en",
    "Department of Planning and Investment",
    "--hostname",
    "so-khdt.test",
]


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--slug", "Sở KHĐT!", "Invalid --slug"),
        ("--slug", "so khdt", "Invalid --slug"),
        ("--name-vi", "   ", "--name-vi must not be empty"),
        ("--name-en", "", "--name-en must not be empty"),
        ("--hostname", " ", "--hostname must not be empty"),
    ],
)
def test_create_department_command_rejects_bad_input(db, flag, value, message):
    args = list(COMMAND_ARGS)
    args[args.index(flag) + 1] = value
    with pytest.raises(CommandError, match=re.escape(message)):
        run_create_department(*args)
    assert not Department.objects.exists()
    assert not Site.objects.filter(hostname="so-khdt.test").exists()


def test_create_department_command_reruns_update_instead_of_duplicating(db):
    output = run_create_department(*COMMAND_ARGS)
    assert "so-khdt" in output
    counts = {
        model: model.objects.count()
        for model in (Page, Site, Group, Collection, Workflow, GroupApprovalTask)
    }

    renamed = list(COMMAND_ARGS)
    renamed[renamed.index("--name-vi") + 1] = "Sở Tài chính"
    renamed[renamed.index("--hostname") + 1] = "so-tc.test"
    run_create_department(*renamed)

    assert {model: model.objects.count() for model in counts} == counts
    department = Department.objects.get(slug="so-khdt")
    assert department.site.hostname == "so-tc.test"
    assert department.collection.name == "Sở Tài chính"
    assert department.editors_group.name.startswith("Sở Tài chính")
    assert department.workflow.name.startswith("Sở Tài chính")


def test_moderators_hold_settings_permission_for_their_own_site_only(make_department):
    a = make_department("so-a")
    b = make_department("so-b")
    for department in (a, b):
        assert not department.moderators_group.permissions.filter(
            codename="change_sitesettings"
        ).exists()
        site_ids = set(
            GroupSitePermission.objects.filter(group=department.moderators_group).values_list(
                "site_id", flat=True
            )
        )
        assert site_ids == {department.site_id}


def test_portal_administrators_group_covers_every_tree(make_department):
    make_department("so-a")
    group = Group.objects.get(name=PORTAL_ADMINISTRATORS_GROUP)
    root = Page.get_first_root_node()
    assert set(
        GroupPagePermission.objects.filter(group=group, page=root).values_list(
            "permission__codename", flat=True
        )
    ) >= {"add_page", "change_page", "publish_page"}
    assert GroupCollectionPermission.objects.filter(
        group=group, collection=Collection.get_first_root_node()
    ).exists()
    assert group.permissions.filter(codename="change_topic").exists()


def test_wagtail_default_groups_with_root_permissions_are_gone(db):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    root = Page.get_first_root_node()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert (
        not GroupPagePermission.objects.filter(page=root)
        .exclude(group__name__icontains="Portal administrators")
        .exists()
    )
