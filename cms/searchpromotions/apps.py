from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchPromotionsConfig(AppConfig):
    name = "cms.searchpromotions"
    label = "searchpromotions"
    verbose_name = _("Search: best bets and statistics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registered before any admin view asks the registry (see cms/feedback/apps.py).
        from wagtail.permissions import register_permission_policy

        from . import signals  # noqa: F401  (connects the receivers)
        from .models import BestBet
        from .permissions import DepartmentMemberPolicy

        register_permission_policy(BestBet, DepartmentMemberPolicy(BestBet))
