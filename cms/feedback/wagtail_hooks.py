from wagtail import hooks

from .admin_views import FeedbackSubmissionViewSet


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return FeedbackSubmissionViewSet()
