from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content for trying Cổng (`manage.py load_demo`)."""

    name = "cms.demo"
    label = "demo"
    verbose_name = _("Demo content")
