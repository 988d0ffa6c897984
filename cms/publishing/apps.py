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

    # The CMS's models and the build queue reach the publishing machinery through
    # the app registry, not by importing it: the machinery imports them (the export
    # reads the page models, the task claims from the queue), so an import back
    # would close a cycle.
    def preview_response(self, page, request):
        """The page rendered by the static build's theme (preview and live view)."""
        from .preview import preview_response

        return preview_response(page, request)

    def enqueue_build(self, site_slug, page_ids):
        from .tasks import enqueue_build

        enqueue_build(site_slug, page_ids)
