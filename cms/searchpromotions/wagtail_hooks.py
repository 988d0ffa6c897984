from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .permissions import user_departments


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return user_departments(request.user).exists()


@hooks.register("register_admin_viewset")
def register_best_bets():
    return admin_views.BestBetViewSet()


@hooks.register("register_admin_urls")
def register_statistics_url():
    return [path("search-statistics/", admin_views.statistics, name="search_statistics")]


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        gettext_lazy("Search statistics"),
        reverse("search_statistics"),
        icon_name="search",
        order=265,
        name="search-statistics",
    )
