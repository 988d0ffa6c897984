"""Admin menu item and URLs for the Publishing view; the "your page will be live" message."""

import logging
from datetime import timedelta

from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from . import admin_views
from .access import visible_departments
from .models import BuildRun
from .queue import attribute_to_user, latest_run_with_page
from .sites import department_for_page, page_live_url

logger = logging.getLogger("cong.build")
RECENT = timedelta(minutes=2)


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
    if page.scheduled_revision is not None:
        return None  # scheduled for later: Wagtail says when; nothing was queued now
    run = latest_run_with_page(department.slug, page.pk)
    if run is None or run.queued_at < timezone.now() - RECENT:
        return None  # no build queued by this publish (e.g. publish-on-save is off)
    if run.status == BuildRun.Status.SUCCEEDED:
        return messages.success, _("Your page is live at %(url)s.") % {"url": url}
    if run.status == BuildRun.Status.FAILED:
        return messages.warning, _(
            "Your page is published in the CMS but the public site could not be rebuilt; "
            "an administrator can see why under Publishing."
        )
    return messages.info, _("Your page will be live at %(url)s in a few seconds.") % {"url": url}


@hooks.register("after_publish_page")
def tell_editor_when_live(request, page):
    try:
        message = live_message(page)
    except Exception:  # noqa: BLE001 - a message must never break publishing
        logger.exception("no live message for page %s", page.pk)
        return None
    if message:
        level, text = message
        level(request, _linked(text, page_live_url_or_empty(page)))
    return None


def page_live_url_or_empty(page):
    department = department_for_page(page)
    return page_live_url(page, department.slug) if department else ""


def _linked(text, url):
    """The message with its static URL made a link (the msgid keeps the plain URL)."""
    if not url or url not in text:
        return text
    link = format_html('<a href="{0}" target="_blank" rel="noopener">{0}</a>', url)
    return mark_safe(conditional_escape(text).replace(conditional_escape(url), link))  # noqa: S308


def _attribute(request, page):
    try:
        department = department_for_page(page)
        if department is not None and page.pk is not None:
            attribute_to_user(department.slug, page.pk, request.user)
    except Exception:  # noqa: BLE001 - attribution is a nicety, never an obstacle
        logger.exception("could not name the user on the build of page %s", page.pk)


@hooks.register("after_unpublish_page")
def attribute_unpublish(request, page):
    _attribute(request, page)


@hooks.register("after_move_page")
def attribute_move(request, page):
    _attribute(request, page)
