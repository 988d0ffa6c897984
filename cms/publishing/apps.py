from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """Glue between the CMS and the static pipeline: build, index and publish commands."""

    name = "cms.publishing"
    label = "publishing"
    verbose_name = _("Publishing")

    def ready(self):
        from . import signals

        signals.connect()
