"""Provision a department: site, both locale trees, collection, groups, workflow.

Idempotent: running it again for the same slug updates names and re-applies
permissions instead of duplicating anything.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.models import get_snippet_models

from cms.core.models import SiteHomePage, StandardPage
from cms.core.translation import translate
from cms.documents.models import LegalDocumentIndexPage
from cms.feedback.models import QuestionAnswerIndexPage
from cms.investment.models import InvestmentIndexPage
from cms.news.models import NewsIndexPage
from cms.planning.models import PlanningIndexPage
from cms.procedures.models import ProcedureIndexPage

from .models import Department, Kind

SOURCE_LANGUAGE = "vi"
KEEP = object()  # "leave this field as it is" for provision_department's optional fields
TRANSLATION_LANGUAGE = "en"


@dataclass(frozen=True)
class Section:
    """An index page every site has, with its title and slug in both languages."""

    model: type
    title_vi: str
    slug_vi: str
    title_en: str
    slug_en: str


SECTIONS = [
    Section(NewsIndexPage, "Tin tức", "tin-tuc", "News", "news"),
    Section(LegalDocumentIndexPage, "Văn bản", "van-ban", "Legal documents", "documents"),
    Section(PlanningIndexPage, "Quy hoạch", "quy-hoach", "Planning", "planning"),
    Section(
        InvestmentIndexPage,
        "Dự án kêu gọi đầu tư",
        "du-an-dau-tu",
        "Investment projects",
        "investment",
    ),
    Section(
        ProcedureIndexPage,
        "Thủ tục hành chính",
        "thu-tuc-hanh-chinh",
        "Administrative procedures",
        "procedures",
    ),
    Section(QuestionAnswerIndexPage, "Hỏi đáp", "hoi-dap", "Questions and answers", "questions"),
    Section(StandardPage, "Giới thiệu", "gioi-thieu", "About us", "about"),
]
_NEWS, _DOCUMENTS, _PLANNING, _INVESTMENT, _PROCEDURES, _QUESTIONS, _ABOUT = SECTIONS

# A commune or ward People's Committee: no planning or investment sections, but
# notices and the leaders' weekly schedule. Those two are standard pages until
# their content families exist (schedules: issue 13); the slugs stay the same.
COMMUNE_SECTIONS = [
    _NEWS,
    Section(StandardPage, "Thông báo", "thong-bao", "Notices", "notices"),
    _PROCEDURES,
    _DOCUMENTS,
    _QUESTIONS,
    Section(StandardPage, "Lịch công tác", "lich-cong-tac", "Leaders' schedule", "schedule"),
    _ABOUT,
]
SECTIONS_FOR_KIND = {Kind.COMMUNE: COMMUNE_SECTIONS}
CONTACT_FIELDS = ("address", "phone", "email")

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
MODERATOR_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page", "bulk_delete_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MODERATOR_COLLECTION_PERMISSIONS = [
    *EDITOR_COLLECTION_PERMISSIONS,
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]
# Model-level permissions: admin access, translating, choosing shared snippets.
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("core", "view_topic"),
    ("core", "view_administrativeunit"),
    ("news", "view_newscategory"),
    ("investment", "view_sector"),
    # Questions and feedback; cms/feedback/permissions.py narrows these to the
    # submissions of the user's own department.
    ("feedback", "view_feedbacksubmission"),
    ("feedback", "change_feedbacksubmission"),
]
MODERATOR_MODEL_PERMISSIONS = EDITOR_MODEL_PERMISSIONS
# Moderators edit their own site's settings only: a per-site permission
# (GroupSitePermission), never the global model permission, which would open
# every site's settings.
SITE_SETTINGS_PERMISSION = ("core", "change_sitesettings")

PORTAL_ADMINISTRATORS_GROUP = "Quản trị cổng (Portal administrators)"
PORTAL_ADMIN_PAGE_PERMISSIONS = MODERATOR_PAGE_PERMISSIONS
PORTAL_ADMIN_COLLECTION_PERMISSIONS = MODERATOR_COLLECTION_PERMISSIONS
PORTAL_ADMIN_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    SITE_SETTINGS_PERMISSION,
    # Settings › Sites of the province: every site's base URL, hosts, target, scope.
    ("departments", "view_department"),
    ("departments", "change_department"),
]


def ensure_locales():
    for code in (SOURCE_LANGUAGE, TRANSLATION_LANGUAGE):
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code=SOURCE_LANGUAGE)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename):
    return _permission("wagtailcore", codename)


def _add_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _create_home(slug, name_vi, locale, contact):
    root = Page.get_first_root_node()
    home = SiteHomePage(
        title=name_vi,
        slug=slug,
        agency_name=name_vi,
        locale=locale,
        **contact,
    )
    return _add_child(root, home)


def _update_contact(home, contact):
    """Publish the home page's new address/phone/e-mail, only when one changed."""
    changed = {key: value for key, value in contact.items() if getattr(home, key) != value}
    if changed:
        for key, value in changed.items():
            setattr(home, key, value)
        home.save_revision().publish()


def _ensure_sections(home, sections=SECTIONS):
    for section in sections:
        existing = section.model.objects.child_of(home).filter(slug=section.slug_vi).first()
        if existing is None:
            existing = _add_child(home, section.model(title=section.title_vi, slug=section.slug_vi))
        translate(
            existing,
            TRANSLATION_LANGUAGE,
            {section.title_vi: section.title_en, section.slug_vi: section.slug_en},
        )


def _ensure_group(
    name, page_roots, page_codenames, collection, collection_perms, model_perms, existing=None
):
    if existing is not None and existing.name != name:
        # Renaming a department renames its groups rather than adding new ones.
        existing.name = name
        existing.save(update_fields=["name"])
    group = existing or Group.objects.get_or_create(name=name)[0]
    for root in page_roots:
        for codename in page_codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_page_permission(codename)
            )
    for app_label, codename in collection_perms:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )
    group.permissions.add(*[_permission(app, codename) for app, codename in model_perms])
    return group


def _ensure_site_settings_permission(group, site):
    """Let `group` edit `site`'s settings and no other site's."""
    permission = _permission(*SITE_SETTINGS_PERMISSION)
    # Groups provisioned before per-site permissions held the global one.
    group.permissions.remove(permission)
    GroupSitePermission.objects.get_or_create(group=group, site=site, permission=permission)


def ensure_portal_administrators():
    """The group that sees and manages every site, tree, collection and snippet."""
    snippet_permissions = [
        (model._meta.app_label, f"{action}_{model._meta.model_name}")
        for model in get_snippet_models()
        for action in ("add", "change", "delete", "view")
    ]
    return _ensure_group(
        PORTAL_ADMINISTRATORS_GROUP,
        [Page.get_first_root_node()],
        PORTAL_ADMIN_PAGE_PERMISSIONS,
        Collection.get_first_root_node(),
        PORTAL_ADMIN_COLLECTION_PERMISSIONS,
        [*PORTAL_ADMIN_MODEL_PERMISSIONS, *snippet_permissions],
    )


def _ensure_workflow(name, moderators, roots, existing=None):
    task_name, workflow_name = f"{name}: duyệt / approval", f"{name}: quy trình duyệt"
    if existing is not None:
        # Keep the department's own workflow (renamed if needed) on re-runs.
        Workflow.objects.filter(pk=existing.pk).update(name=workflow_name)
        workflow = existing
        task = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow).first()
        if task is not None and task.name != task_name:
            GroupApprovalTask.objects.filter(pk=task.pk).update(name=task_name)
    else:
        workflow = Workflow.objects.get_or_create(name=workflow_name)[0]
        task = None
    if task is None:
        task = GroupApprovalTask.objects.get_or_create(name=task_name)[0]
    task.groups.set([moderators])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for root in roots:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def provision_department(
    *,
    slug,
    name_vi,
    name_en,
    hostname,
    port=80,
    is_portal=False,
    kind=None,
    parent=KEEP,
    contact=None,
) -> Department:
    """Create or update everything a department needs to run its own subsite.

    `kind`: department, commune (its own sections and theme) or agency;
    `parent`: the Department it reports to (or None). Left out, both keep their
    current value (a new site: a department without a parent). `contact`: address/phone/email for
    the home page (keys left out keep what the page has).
    """
    contact = {key: value for key, value in (contact or {}).items() if key in CONTACT_FIELDS}
    vi = ensure_locales()
    department = Department.objects.filter(slug=slug).select_related("site").first()
    kind = kind or (department.kind if department else Kind.DEPARTMENT)
    if department is None:
        home = _create_home(slug, name_vi, vi, contact)
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            site_name=name_vi,
            root_page=home,
            is_default_site=is_portal and not Site.objects.filter(is_default_site=True).exists(),
        )
        collection = Collection.get_first_root_node().add_child(name=name_vi)
    else:
        site = department.site
        home = site.root_page.specific
        collection = department.collection
        Site.objects.filter(pk=site.pk).update(hostname=hostname, port=port, site_name=name_vi)
        if collection.name != name_vi:
            collection.name = name_vi
            collection.save()
        _update_contact(home, contact)

    translate(home, TRANSLATION_LANGUAGE, {name_vi: name_en, slug: f"{slug}-en"})
    _ensure_sections(home, SECTIONS_FOR_KIND.get(kind, SECTIONS))
    roots = list(home.get_translations(inclusive=True))

    editors = _ensure_group(
        f"{name_vi}: biên tập viên (editors)",
        roots,
        EDITOR_PAGE_PERMISSIONS,
        collection,
        EDITOR_COLLECTION_PERMISSIONS,
        EDITOR_MODEL_PERMISSIONS,
        existing=department and department.editors_group,
    )
    moderators = _ensure_group(
        f"{name_vi}: kiểm duyệt viên (moderators)",
        roots,
        MODERATOR_PAGE_PERMISSIONS,
        collection,
        MODERATOR_COLLECTION_PERMISSIONS,
        MODERATOR_MODEL_PERMISSIONS,
        existing=department and department.moderators_group,
    )
    _ensure_site_settings_permission(moderators, site)
    workflow = _ensure_workflow(
        name_vi, moderators, roots, existing=department and department.workflow
    )
    ensure_portal_administrators()

    department, _created = Department.objects.update_or_create(
        slug=slug,
        defaults={
            "name_vi": name_vi,
            "name_en": name_en,
            "is_portal": is_portal,
            "kind": kind,
            **({} if parent is KEEP else {"parent": parent}),
            "site": site,
            "collection": collection,
            "editors_group": editors,
            "moderators_group": moderators,
            "workflow": workflow,
        },
    )
    return department
