"""Admin URLs, the report's menu item, and unpublishing both languages together."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import unpublish, views


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        path(
            "editorial/translations/<int:page_id>/submit/",
            views.submit_translation_view,
            name="editorial_submit_translation",
        ),
        path(
            "reports/out-of-date-translations/",
            views.out_of_date_report,
            name="editorial_out_of_date",
        ),
    ]


class OutOfDateMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_reports_menu_item")
def register_out_of_date_menu_item():
    return OutOfDateMenuItem(
        gettext_lazy("Out-of-date translations"),
        reverse("editorial_out_of_date"),
        icon_name="warning",
        order=650,
        name="out-of-date-translations",
    )


hooks.register("after_unpublish_page", unpublish.after_unpublish_page)
