"""Wagtail admin: the "Publishing" view of each site's builds and the rebuild button."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from .access import is_publishing_administrator, visible_departments
from .models import BuildRun
from .queue import request_build
from .sites import live_url

RUNS_SHOWN = 20


def _department_or_refuse(user, slug):
    department = visible_departments(user).filter(slug=slug).first()
    if department is None:
        from cms.departments.models import Department

        if Department.objects.filter(slug=slug).exists():
            raise PermissionDenied
        raise Http404(f"no site {slug!r}")
    return department


def index(request):
    departments = list(visible_departments(request.user))
    if not departments and not is_publishing_administrator(request.user):
        raise PermissionDenied
    latest = {}
    for run in BuildRun.objects.filter(site_slug__in=[d.slug for d in departments]).select_related(
        "triggered_by"
    )[:500]:
        latest.setdefault(run.site_slug, run)
    sites = [
        {"department": d, "last_run": latest.get(d.slug), "live_url": live_url(d.slug)}
        for d in departments
    ]
    return TemplateResponse(
        request,
        "publishing/index.html",
        {
            "sites": sites,
            "page_title": _("Publishing"),
            "header_title": _("Publishing"),
            "header_icon": "upload",
        },
    )


def site_builds(request, slug):
    department = _department_or_refuse(request.user, slug)
    runs = list(BuildRun.objects.filter(site_slug=slug).select_related("triggered_by")[:RUNS_SHOWN])
    title = _("Publishing: %(site)s") % {"site": department.name_vi}
    return TemplateResponse(
        request,
        "publishing/site.html",
        {
            "department": department,
            "runs": runs,
            "live_url": live_url(slug),
            "can_rebuild": is_publishing_administrator(request.user),
            "page_title": title,
            "header_title": title,
            "header_icon": "upload",
        },
    )


@require_POST
def rebuild(request, slug):
    department = _department_or_refuse(request.user, slug)
    if not is_publishing_administrator(request.user):
        raise PermissionDenied
    request_build(department.slug, trigger=BuildRun.Trigger.MANUAL, user=request.user)
    messages.success(
        request,
        _("A rebuild of %(site)s has been queued; it is published when it finishes.")
        % {"site": department.name_vi},
    )
    return redirect(reverse("publishing_site", args=[department.slug]))


urlpatterns = [
    path("", index, name="publishing_index"),
    path("<slug:slug>/", site_builds, name="publishing_site"),
    path("<slug:slug>/rebuild/", rebuild, name="publishing_rebuild"),
]
