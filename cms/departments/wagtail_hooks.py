"""Admin hooks that keep each department inside its own subsite.

Wagtail's permission policies already keep editors out of other departments'
pages (explorer, edit, publish, add child, admin search, admin API) and media
(collection permissions). These hooks close what the policies do not cover;
admin_views.py closes what no hook reaches.
"""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from .access import explorable_pages


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser_to_explorable_pages(pages, request):
    """Page chooser (browse and search): only pages the user may explore.

    Wagtail issue 9714: by default the chooser lists every page of every site.
    This also narrows the "move page" and "copy page" destination choosers,
    which are the same chooser.
    """
    return pages.filter(pk__in=explorable_pages(request.user).values("pk"))


@hooks.register("before_move_page")
def refuse_moves_to_foreign_destinations(request, page_to_move, destination):
    """The move confirmation page would otherwise show any destination by id."""
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
