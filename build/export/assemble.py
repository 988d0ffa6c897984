"""One page object -> one content record (build/records.py is the contract)."""

from functools import cache

from django.db.models import ForeignKey
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

from .blocks import collect_references, raw_items
from .context import ExportError
from .directory import LANGUAGES, relative_url
from .pages import spec_for
from .richtext import references
from .sanitise import sanitise
from .values import iso_datetime


@cache
def _reference_fields(model):
    """(image FK attnames, document FK attnames, stream fields, rich text field names)."""
    image_model, document_model = get_image_model(), get_document_model()
    image_fks, document_fks, streams, rich_texts = [], [], [], []
    for model_field in model._meta.concrete_fields:
        if isinstance(model_field, ForeignKey):
            if model_field.related_model is image_model:
                image_fks.append(model_field.attname)
            elif model_field.related_model is document_model:
                document_fks.append(model_field.attname)
        elif isinstance(model_field, StreamField):
            streams.append(model_field)
        elif isinstance(model_field, RichTextField):
            rich_texts.append(model_field.attname)
    return image_fks, document_fks, streams, rich_texts


def preload_media(pages, media):
    """Fetch every image and document a batch of pages refers to in a few queries."""
    image_ids, document_ids = set(), set()
    for page in pages:
        image_fks, document_fks, streams, rich_texts = _reference_fields(type(page))
        image_ids.update(getattr(page, name) for name in image_fks)
        document_ids.update(getattr(page, name) for name in document_fks)
        for stream_field in streams:
            items = raw_items(getattr(page, stream_field.attname))
            collect_references(stream_field.stream_block, items, image_ids, document_ids)
        for name in rich_texts:
            images, documents = references(getattr(page, name))
            image_ids |= images
            document_ids |= documents
    media.preload(image_ids - {None}, document_ids - {None})


def _sanitise_html_fields(value):
    """Sanitise body_html-like values anywhere in fields ("*_html" keys)."""
    if isinstance(value, dict):
        return {
            key: sanitise(item)
            if key.endswith("_html") and isinstance(item, str)
            else _sanitise_html_fields(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_sanitise_html_fields(item) for item in value]
    return value


def build_record(page, context):
    """The record of one specific page object (live, or a draft being previewed)."""
    directory = context.directory
    root = directory.root_for(page)
    if root is None:
        raise ExportError(f"Page {page.pk} ({page.title!r}) is not under any department's site.")
    lang = root.lang
    scope = context.scope(lang)
    spec = spec_for(type(page))
    translation_key = str(page.translation_key)
    translations = {}
    for other in LANGUAGES:
        entry = directory.translation(translation_key, other) if other != lang else None
        if entry is not None:
            translations[other] = entry.url
    parent_id = directory.live_id_at(page.path[: -Page.steplen]) if page.path else None

    record = {
        "id": str(page.pk) if page.pk else "",
        "site": root.slug,
        "lang": lang,
        "translation_key": translation_key,
        "kind": spec.kind,
        "url": relative_url(root, page.url_path or root.url_path),
        "title": page.title,
        "summary": getattr(page, "summary", "") or "",
        "date": iso_datetime(page.first_published_at),
        "updated": iso_datetime(page.last_published_at or page.latest_revision_created_at),
        "fields": {},
        "body_html": "",
        "image": None,
        "attachments": [],
        "categories": [],
        "tags": [],
        "translations": translations,
        "parent_id": str(parent_id) if parent_id else None,
        "canonical": None,
        "source_site": None,
        "links_to": [],
        "revision": page.live_revision_id,
    }
    scope.linked = set()
    record.update(spec.build(page, scope))
    record["links_to"] = sorted(scope.linked - {"None", record["id"]})
    record["body_html"] = sanitise(record["body_html"])
    record["fields"] = _sanitise_html_fields(record["fields"])
    return record
