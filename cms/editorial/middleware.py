"""Shows waiting "live at" notices (models.LiveNotice) on a user's next admin page."""

from django.utils import translation

from .live import live_message
from .models import LiveNotice


def _admin_language(user):
    from wagtail.users.models import UserProfile

    return UserProfile.get_for_user(user).get_preferred_language()


class LiveNoticeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "GET"
            and request.path.startswith("/admin/")
            and request.headers.get("x-requested-with") != "XMLHttpRequest"
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
        ):
            self.show_notices(request)
        return self.get_response(request)

    def show_notices(self, request):
        notices = list(LiveNotice.objects.filter(user=request.user).select_related("page"))
        if not notices:
            return
        LiveNotice.objects.filter(pk__in=[n.pk for n in notices]).delete()
        with translation.override(_admin_language(request.user)):
            for page in {n.page_id: n.page.specific for n in notices}.values():
                message = live_message(page)
                if message:
                    level, text = message
                    level(request, text)
