from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "cms.feedback"
    label = "feedback"
    verbose_name = _("Questions and feedback")

    def ready(self):
        # The policy must be registered before any admin view asks the registry
        # for one, or Wagtail would create (and cache) a plain model policy.
        from wagtail.permissions import register_permission_policy

        from . import signals  # noqa: F401  (connects the receivers)
        from .models import FeedbackSubmission
        from .permissions import DepartmentScopedPermissionPolicy

        register_permission_policy(
            FeedbackSubmission, DepartmentScopedPermissionPolicy(FeedbackSubmission)
        )
