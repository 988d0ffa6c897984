"""Where a page is live on the static site, and how to say so to an editor."""

from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin import messages

from cms.publishing.models import BuildRun
from cms.publishing.queue import latest_run_with_page
from cms.publishing.sites import department_for_page, page_live_url


def static_url(page):
    """The page's URL on its static site (base URL of the current build mode), or ''."""
    department = department_for_page(page)
    if department is None:
        return ""
    return page_live_url(page, department.slug)


def live_link(url):
    return format_html('<a href="{0}" target="_blank" rel="noopener">{0}</a>', url)


def live_message(page):
    """(level, html) telling where ``page`` is (or will be) live; None when not live."""
    department = department_for_page(page)
    if department is None or not page.live:
        return None
    url = page_live_url(page, department.slug)
    title = page.get_admin_display_title()
    run = latest_run_with_page(department.slug, page.pk)
    if run is None:
        return None  # no build queued for it (publish-on-save off): nothing to promise
    if run.status == BuildRun.Status.FAILED:
        return messages.warning, format_html(
            _(
                "“{title}” is published in the CMS but the public site could not be "
                "rebuilt; an administrator can see why under Publishing."
            ),
            title=title,
        )
    if run.status != BuildRun.Status.SUCCEEDED:
        return messages.info, format_html(
            _("“{title}” will be live at {link} in a few seconds."),
            title=title,
            link=live_link(url),
        )
    return messages.success, format_html(
        _("“{title}” is live at {link}."), title=title, link=live_link(url)
    )
