from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The editor's side of publishing: translations through the workflow, live links,
    out-of-date translations, unpublishing both languages."""

    name = "cms.editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from . import moderation

        moderation.connect()
