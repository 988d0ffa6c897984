from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = _("Sites and shared content")

    def ready(self):
        # Pillow refuses to decode images above its own pixel limit (a
        # decompression bomb: a few KiB of PNG that inflate to gigabytes).
        # Align it with Wagtail's upload limit so rendition generation of an
        # image that got in some other way (import, shell) is refused too.
        from django.conf import settings
        from PIL import Image

        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS

        # Accent-folded admin search for images and documents (cms/core/admin_search.py).
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        from .admin_search import add_folded_fields

        add_folded_fields(get_image_model(), "title")
        add_folded_fields(get_document_model(), "title")
