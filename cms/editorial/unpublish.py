"""Unpublishing a Vietnamese page offers to take its live translations down too.

Without this the English page stays live silently and its language switch
points at the Vietnamese home. The confirmation page (templates/wagtailadmin/
pages/confirm_unpublish.html) shows the checkbox, ticked by default.
"""

from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin import messages

from .live import live_link, static_url

FIELD = "unpublish_translations"


def live_translations(page, user):
    """Live translations of a source-locale page that this user may unpublish."""
    if page.locale.language_code != "vi":
        return []
    return [
        translation.specific
        for translation in page.get_translations().live().select_related("locale")
        if translation.permissions_for_user(user).can_unpublish()
    ]


def after_unpublish_page(request, page):
    if request.method != "POST":
        return None
    translations = live_translations(page, request.user)
    if not translations:
        return None
    if request.POST.get(FIELD):
        include_descendants = bool(request.POST.get("include_descendants"))
        for translation in translations:
            UnpublishPageAction(
                translation, user=request.user, include_descendants=include_descendants
            ).execute(skip_permission_checks=True)
            messages.success(
                request,
                _("Its translation “%(title)s” (%(language)s) was unpublished too.")
                % {
                    "title": translation.get_admin_display_title(),
                    "language": translation.locale.get_display_name(),
                },
            )
        return None
    for translation in translations:
        messages.warning(
            request,
            format_html(
                _("Its translation “{title}” ({language}) stays live at {link}."),
                title=translation.get_admin_display_title(),
                language=translation.locale.get_display_name(),
                link=live_link(static_url(translation)),
            ),
        )
    return None
