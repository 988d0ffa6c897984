"""Uploaded files stay private in the CMS: only signed-in users allowed on their collection.

A draft budget report uploaded for review must not be public because its id
or file name is guessable. The public gets published files from the static
sites, where the build copies them (build/export/media.py reads storage, not
these URLs); the CMS serves a document (/documents/<id>/…, Wagtail's
`before_serve_document` hook) or a file under /media/ (originals, renditions,
documents) only to a signed-in user with a permission on the file's
collection (or a parent collection), as the admin listings do.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseForbidden
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.static import serve
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

# Any of these on the collection lets a user see its files (an editor who may
# choose a file for a page may open it).
ACTIONS = ["add", "change", "choose", "delete"]


def user_may_see(user, obj):
    policy = policy_registry.get_by_type(type(obj))
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return (
        policy.collections_user_has_any_permission_for(user, ACTIONS)
        .filter(pk=obj.collection_id)
        .exists()
    )


def _refused(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    return HttpResponseForbidden(_("You do not have permission to open this file."))


def before_serve_document(document, request):
    """Wagtail hook: a response here replaces the download."""
    if not user_may_see(request.user, document):
        return _refused(request)
    return None


def _owner_of(name):
    """The image or document a stored media path belongs to, or None."""
    folder = name.split("/", 1)[0]
    if folder == "original_images":
        return get_image_model().objects.filter(file=name).first()
    if folder == "documents":
        return get_document_model().objects.filter(file=name).first()
    if folder == "images":
        rendition = (
            get_image_model()
            .get_rendition_model()
            .objects.filter(file=name)
            .select_related("image")
            .first()
        )
        return rendition.image if rendition else None
    return None


def media(request, path):
    """/media/<path>: a stored upload, for the users allowed on its collection."""
    name = PurePosixPath(path)
    if name.is_absolute() or ".." in name.parts or not name.parts:
        raise Http404("Not found")
    owner = _owner_of(str(name))
    if owner is None:
        raise Http404("Not found")
    if not user_may_see(request.user, owner):
        return _refused(request)
    response = serve(request, str(name), document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "private, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response
