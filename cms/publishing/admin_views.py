"""Wagtail admin: the "Publishing" view of each site's builds and the rebuild button."""

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from cms.departments.models import Kind

from .access import is_publishing_administrator, visible_departments
from .models import BuildRun
from .queue import request_build
from .sites import built_sites, live_url

RUNS_SHOWN = 20


def _department_or_refuse(user, slug):
    department = visible_departments(user).filter(slug=slug).first()
    if department is None:
        from cms.departments.models import Department

        if Department.objects.filter(slug=slug).exists():
            raise PermissionDenied
        raise Http404(f"no site {slug!r}")
    return department


# ?sort= keys of the site list; a leading "-" reverses. Sorted in Python: at most a
# few hundred sites, and the last build and status are not columns of Department.
SORT_KEYS = {
    "site": lambda row: row["department"].name_vi.casefold(),
    "slug": lambda row: row["department"].slug,
    "kind": lambda row: (row["department"].kind, row["department"].name_vi.casefold()),
    "last_build": lambda row: (
        row["last_run"] is not None,
        row["last_run"] and row["last_run"].queued_at,
    ),
    "status": lambda row: row["last_run"].status if row["last_run"] else "",
}


def _filtered_departments(user, query, kind):
    departments = visible_departments(user)
    if query:
        departments = departments.filter(
            Q(name_vi__icontains=query) | Q(name_en__icontains=query) | Q(slug__icontains=query)
        )
    if kind in Kind.values:
        departments = departments.filter(kind=kind)
    latest = BuildRun.objects.filter(site_slug=OuterRef("slug")).order_by("-queued_at", "-pk")
    # One query for every site's last run, however long ago it was.
    return departments.annotate(last_run_id=Subquery(latest.values("pk")[:1]))


def index(request):
    if not visible_departments(request.user).exists() and not is_publishing_administrator(
        request.user
    ):
        raise PermissionDenied
    query = request.GET.get("q", "").strip()[:100]
    kind = request.GET.get("kind", "")
    sort = request.GET.get("sort", "site")
    if sort.lstrip("-") not in SORT_KEYS:
        sort = "site"
    departments = list(_filtered_departments(request.user, query, kind))
    runs = BuildRun.objects.select_related("triggered_by").in_bulk(
        [d.last_run_id for d in departments if d.last_run_id]
    )
    built = built_sites()  # dist/sites.json, read once rather than once per site
    sites = [
        {
            "department": d,
            "last_run": runs.get(d.last_run_id),
            "live_url": (built.get(d.slug) or {}).get("base_url") or live_url(d.slug),
        }
        for d in departments
    ]
    sites.sort(key=SORT_KEYS[sort.lstrip("-")], reverse=sort.startswith("-"))
    return TemplateResponse(
        request,
        "publishing/index.html",
        {
            "sites": sites,
            "query": query,
            "kind": kind,
            "kinds": Kind.choices,
            "sort": sort,
            "filtered": bool(query or kind in Kind.values),
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
