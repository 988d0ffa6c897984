from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestmentConfig(AppConfig):
    name = "cms.investment"
    label = "investment"
    verbose_name = _("Investment projects")
