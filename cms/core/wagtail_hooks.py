from wagtail import hooks

from .private_media import before_serve_document

hooks.register("before_serve_document", before_serve_document)
