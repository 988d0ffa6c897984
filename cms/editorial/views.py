"""Admin views: submit a translation for review; the out-of-date translations report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from cms.departments.access import can_explore_page

from .moderation import CannotSubmit, submit_translation
from .outdated import out_of_date_for_user


@require_POST
def submit_translation_view(request, page_id):
    if not can_explore_page(request.user, page_id):
        raise PermissionDenied
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    try:
        submit_translation(page, request.user)
    except CannotSubmit as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("“%(title)s” was submitted for review.") % {"title": page.get_admin_display_title()},
        )
    return redirect("wagtailadmin_pages:edit", page.pk)


def out_of_date_report(request):
    rows = out_of_date_for_user(request.user)
    return TemplateResponse(
        request,
        "editorial/out_of_date_report.html",
        {"rows": rows, "page_title": _("Out-of-date translations"), "header_icon": "warning"},
    )
