from django.urls import path
from wagtail import hooks

from .private_media import before_serve_document
from .two_factor_setup import setup_view

hooks.register("before_serve_document", before_serve_document)


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("two-factor/setup/", setup_view, name="cong_two_factor_setup")]
