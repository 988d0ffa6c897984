"""Admin hooks that keep each department inside its own subsite.

Wagtail's permission policies already keep editors out of other departments'
pages (explorer, edit, publish, add child, admin search, admin API) and media
(collection permissions). These hooks close what the policies do not cover;
admin_views.py closes what no hook reaches.
"""

from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry, register_permission_policy

from .access import explorable_pages
from .models import Department
from .views import SiteIdentityPolicy, site_identity_viewset

register_permission_policy(Department, SiteIdentityPolicy(Department))


@hooks.register("register_admin_viewset")
def register_site_identity_viewset():
    return site_identity_viewset


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


def _visible_media(model, user):
    """Media in collections where the user may choose or change files."""
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, ["choose", "change"])


class DepartmentImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        visible = _visible_media(get_image_model(), self.request.user)
        return super().get_queryset().filter(pk__in=visible.values("pk"))


class DepartmentDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        visible = _visible_media(get_document_model(), self.request.user)
        return super().get_queryset().filter(pk__in=visible.values("pk"))


@hooks.register("construct_admin_api", order=100)
def limit_admin_media_api_to_own_collections(router):
    """/admin/api/main/images|documents/ list every file of every collection.

    Registered after Wagtail's own hooks (order=100) so these replace them.
    """
    router.register_endpoint("images", DepartmentImagesAdminAPIViewSet)
    router.register_endpoint("documents", DepartmentDocumentsAdminAPIViewSet)
