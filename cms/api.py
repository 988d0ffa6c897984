"""The read-only headless API (Wagtail API v2) at /api/v2/: pages, images, documents.

Pages: Wagtail's endpoint already serves only live pages without view
restrictions, and filters by `?site=hostname[:port]` (both locale trees of the
site) and `?locale=vi|en`. Without `?site` it answers for the site of the
request's host. Every endpoint answers GET only; other methods get 405.

Images and documents: Wagtail's endpoints list every file in every collection
that has no view restriction, including a department's uploads that no
published page uses yet (draft material, replaced files). The decision here:
the API shows what a public static site shows and nothing more, that is the
files referenced (Wagtail's reference index) by a live, public page or by a
site's settings (banner, logo). `?site=hostname` narrows that to one site.
Anything else stays private to the department's editors in the admin.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex, Site

from cms.core.models import SiteSettings


def _site_from_request(request):
    """The Site named by `?site=hostname[:port]`, or None when not given."""
    value = request.GET.get("site")
    if not value:
        return None
    hostname, _sep, port = value.partition(":")
    sites = Site.objects.filter(hostname=hostname)
    if port:
        if not port.isdigit():
            raise BadRequestError("site must be hostname or hostname:port")
        sites = sites.filter(port=int(port))
    site = sites.first()
    if site is None:
        raise BadRequestError(f"unknown site {value!r}")
    return site


def _as_text(queryset):
    """Primary keys as strings: the reference index stores object ids as text."""
    return queryset.annotate(pk_text=Cast("pk", output_field=CharField())).values("pk_text")


def public_media_queryset(queryset, request):
    """Restrict an image/document queryset to files that published content uses."""
    site = _site_from_request(request)
    pages = Page.objects.live().public()
    settings = SiteSettings.objects.all()
    if site is not None:
        roots = site.root_page.get_translations(inclusive=True)
        in_site = Page.objects.none()
        for root in roots:
            in_site |= Page.objects.descendant_of(root, inclusive=True)
        pages = pages.filter(pk__in=in_site.values("pk"))
        settings = settings.filter(site=site)

    media_type = ContentType.objects.get_for_model(queryset.model)
    used_ids = ReferenceIndex.objects.filter(to_content_type=media_type).filter(
        Q(base_content_type=ContentType.objects.get_for_model(Page), object_id__in=_as_text(pages))
        | Q(
            content_type=ContentType.objects.get_for_model(SiteSettings),
            object_id__in=_as_text(settings),
        )
    )
    return queryset.annotate(pk_text=Cast("pk", output_field=CharField())).filter(
        pk_text__in=used_ids.values("to_object_id")
    )


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    known_query_parameters = ImagesAPIViewSet.known_query_parameters.union(["site"])

    def get_queryset(self):
        return public_media_queryset(super().get_queryset(), self.request)


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    known_query_parameters = DocumentsAPIViewSet.known_query_parameters.union(["site"])

    def get_queryset(self):
        return public_media_queryset(super().get_queryset(), self.request)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
