"""English pages whose Vietnamese source changed since the translation was synced."""

from dataclasses import dataclass

from django.urls import reverse
from wagtail.models import Page

from cms.core.translation import is_translation_out_of_date, translation_of
from cms.departments.access import explorable_pages
from cms.publishing.sites import department_for_page


@dataclass
class OutOfDate:
    page: Page  # the translation
    source: Page
    site_name: str
    source_changed_at: object
    edit_url: str
    update_url: str


def _row(page, request_path=""):
    translation = translation_of(page)
    source = page.get_translation(translation.source.locale)
    department = department_for_page(page)
    update_url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    if request_path:
        update_url += f"?next={request_path}"
    return OutOfDate(
        page=page,
        source=source,
        site_name=department.name_vi if department else "",
        source_changed_at=source.last_published_at or source.latest_revision_created_at,
        edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        update_url=update_url,
    )


def notice_for(page, request_path=""):
    """The out-of-date row for one translated page, or None when it is up to date."""
    if page.locale.language_code == "vi" or not is_translation_out_of_date(page):
        return None
    return _row(page, request_path)


def out_of_date_for_user(user):
    """Every out-of-date translation in the sites this user may explore, newest change first."""
    from wagtail_localize.models import Translation

    keys = Translation.objects.filter(enabled=True).values("source__object_id")
    candidates = (
        explorable_pages(user)
        .filter(translation_key__in=keys, depth__gt=1)
        .exclude(locale__language_code="vi")
        .select_related("locale")
        .specific()
    )
    rows = [_row(page) for page in candidates if is_translation_out_of_date(page)]
    rows.sort(key=lambda r: (r.source_changed_at is not None, r.source_changed_at or 0))
    return rows[::-1]
