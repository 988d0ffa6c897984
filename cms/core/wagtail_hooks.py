from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from wagtail import hooks

from .private_media import before_serve_document
from .two_factor_setup import setup_view

hooks.register("before_serve_document", before_serve_document)


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("two-factor/setup/", setup_view, name="cong_two_factor_setup")]


# After Wagtail's own hook (cms.core loads first), which adds the item we replace.
@hooks.register("construct_homepage_summary_items", order=100)
def count_own_pages(request, summary_items):
    """The dashboard's page count: the user's own pages, not every site's."""
    from wagtail.admin.site_summary import PagesSummaryItem

    from .dashboard import OwnPagesSummaryItem

    summary_items[:] = [
        OwnPagesSummaryItem(request) if type(item) is PagesSummaryItem else item
        for item in summary_items
    ]


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("cong/admin.css"))
