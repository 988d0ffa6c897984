"""Wagtail admin: best bets per department, and the search statistics view.

Both are scoped to the user's departments (superusers: all). A best bet of
another department answers 404; the statistics of another site are refused.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from search.stats import default_stats_path, no_result_queries, top_queries

from .models import BestBet
from .permissions import user_departments

ALL_SITES = ""  # the row key of searches over every site (the portal's search page)
STATS_DAYS = 30


class BestBetForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "department" in self.fields and self.for_user is not None:
            departments = user_departments(self.for_user)
            self.fields["department"].queryset = departments
            if not self.instance.pk and departments.count() == 1:
                self.fields["department"].initial = departments.first().pk


class ScopedMixin:
    def dispatch(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not BestBet.objects.for_user(request.user).filter(pk=pk).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class BestBetIndexView(generic.IndexView):
    def get_base_queryset(self):
        return BestBet.objects.for_user(self.request.user).select_related("department", "page")


class BestBetViewSet(ModelViewSet):
    model = BestBet
    name = "best_bets"
    icon = "pick"
    menu_label = _("Best bets")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = BestBetIndexView
    list_display = ["__str__", "page", "department", "starts_on", "ends_on"]
    list_filter = ["department"]
    search_fields = ["query_terms"]
    edit_handler = ObjectList(
        [
            FieldPanel("department"),
            FieldPanel("query_terms"),
            FieldPanel("page"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        ],
        base_form_class=BestBetForm,
    )

    def _scoped(self, view_class):
        return type(view_class.__name__, (ScopedMixin, view_class), {})

    @property
    def edit_view_class(self):
        return self._scoped(super().edit_view_class)

    @property
    def delete_view_class(self):
        return self._scoped(super().delete_view_class)

    @property
    def history_view_class(self):
        return self._scoped(super().history_view_class)

    @property
    def usage_view_class(self):
        return self._scoped(super().usage_view_class)


def statistics(request):
    """Top queries and queries without results of one site over the last 30 days."""
    departments = list(user_departments(request.user))
    if not departments:
        raise PermissionDenied
    choices = [
        (d.slug, d.name_vi if request.LANGUAGE_CODE == "vi" else d.name_en) for d in departments
    ]
    if any(d.is_portal for d in departments):
        choices.insert(0, (ALL_SITES, _("Every site (the portal's search)")))
    wanted = request.GET.get("site")
    keys = [key for key, _label in choices]
    if wanted is None:
        site = keys[0]
    elif wanted in keys:
        site = wanted
    else:
        raise PermissionDenied
    path = default_stats_path()
    return render(
        request,
        "searchpromotions/statistics.html",
        {
            "choices": choices,
            "site": site,
            "days": STATS_DAYS,
            "top": top_queries(path, site, days=STATS_DAYS),
            "missing": no_result_queries(path, site, days=STATS_DAYS),
            "page_title": _("Search statistics"),
        },
    )
