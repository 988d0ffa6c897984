from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api_router
from cms.core.private_media import media

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Department-aware versions of a few admin views; must come before Wagtail's.
    path("admin/", include("cms.departments.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("", include("cms.feedback.urls")),
    # Theme files and media for previews rendered by the static build's theme.
    path("__preview__/", include("cms.publishing.preview")),
]

# Uploads only for signed-in users allowed on their collection (cms/core/private_media.py);
# the public gets published files from the static sites.
urlpatterns += [path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", media)]

urlpatterns += [path("", include(wagtail_urls))]
