"""Admin menu item and URLs for the Publishing view; the "your page will be live" message."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from . import admin_views
from .access import visible_departments
from .models import BuildRun
from .sites import department_for_page, page_live_url


class PublishingMenuItem(MenuItem):
    def is_shown(self, request):
        return visible_departments(request.user).exists()


@hooks.register("register_admin_urls")
def register_publishing_urls():
    return [path("publishing/", include(admin_views.urlpatterns))]


@hooks.register("register_admin_menu_item")
def register_publishing_menu_item():
    return PublishingMenuItem(
        gettext_lazy("Publishing"),
        reverse("publishing_index"),
        icon_name="upload",
        order=9000,
        name="publishing",
    )


def live_message(page):
    """What to tell the editor who just published ``page`` (level, text), or None."""
    department = department_for_page(page)
    if department is None or not page.live:
        return None
    url = page_live_url(page, department.slug)
    run = _latest_run_with(department.slug, page.pk)
    if run is None:
        return None
    if run.status == BuildRun.Status.SUCCEEDED:
        return messages.success, _("Your page is live at %(url)s.") % {"url": url}
    if run.status == BuildRun.Status.FAILED:
        return messages.warning, _(
            "Your page is published in the CMS but the public site could not be rebuilt; "
            "an administrator can see why under Publishing."
        )
    return messages.info, _("Your page will be live at %(url)s in a few seconds.") % {"url": url}


def _latest_run_with(slug, page_id):
    # A Python scan of the last few runs: SQLite has no JSON "contains" lookup.
    for run in BuildRun.objects.filter(site_slug=slug).order_by("-queued_at", "-pk")[:20]:
        if page_id in run.page_ids:
            return run
    return None


@hooks.register("after_publish_page")
def tell_editor_when_live(request, page):
    try:
        message = live_message(page)
    except Exception:  # noqa: BLE001 - a message must never break publishing
        return None
    if message:
        level, text = message
        level(request, text)
    return None
