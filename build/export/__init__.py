"""Export: live Wagtail pages -> plain, JSON-serialisable content records.

The only part of the build that reads the CMS database. Render and search see
nothing but what these functions return (see build/records.py for the record
contract) and the media files they copy into out_dir/media.

How it is put together:
- directory.py   department roots per locale and one index of every live public
                 page (record URLs, translations, parent ids, cross-site links)
- context.py     one export run (caches) and the per-language RecordScope
- assemble.py    page object -> record; batch preloading of images/documents
- pages.py       the kind-specific part of each page type's record
- blocks.py      StreamField raw data -> semantic HTML and plain values
- richtext.py    Wagtail's rich text rewriters with static-output handlers
- media.py       renditions and documents copied with content-hashed names
- snippets.py    translatable snippets localised to the record's language
- sanitise.py    nh3 allow-list applied to every HTML value
- site_context.py  menus, banner, contact block and home details of a site

Per build, media hashes are remembered in VAR_DIR/cache/export/ so a repeated
build neither re-hashes nor re-copies unchanged files.
"""

import logging
from itertools import islice
from pathlib import Path

from django.contrib.contenttypes.models import ContentType

from cms.departments.models import Department

from .assemble import build_record, preload_media
from .context import ExportContext, ExportError
from .directory import LANGUAGES, SiteDirectory
from .pages import spec_for
from .site_context import build_site_context

__all__ = [
    "ExportError",
    "export_page",
    "export_site",
    "export_site_context",
    "list_sites",
]

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000


def list_sites() -> list[dict]:
    """Every department's site: [{slug, name_vi, name_en, is_portal}], portal first."""
    return list(Department.objects.values("slug", "name_vi", "name_en", "is_portal"))


def _batches(ids, size):
    iterator = iter(sorted(ids))
    while batch := list(islice(iterator, size)):
        yield batch


def _record_order(record):
    return (LANGUAGES.index(record["lang"]), record["url"])


def _record_or_error(page, context):
    try:
        return build_record(page, context)
    except ExportError:
        raise
    except Exception as error:
        # Name the page: "KeyError 'value'" alone does not tell an operator what to fix.
        raise ExportError(
            f"Page {page.pk} ({page.title!r}, {page.url_path}) could not be exported: {error!r}"
        ) from error


def export_site(slug: str, out_dir: Path, *, base_urls: dict[str, str], page_ids=None):
    """Records of every live public page of a site in both languages.

    Copies the media they reference into out_dir/media. `page_ids` limits the
    export to those pages (ids that are not live pages of this site are
    ignored, so a caller can pass every changed id).
    """
    context = ExportContext(slug, base_urls=base_urls, out_dir=out_dir)
    ids = context.directory.site_page_ids(slug)
    if page_ids is not None:
        wanted = {int(page_id) for page_id in page_ids}
        ids = [page_id for page_id in ids if page_id in wanted]
    by_type = {}
    for page_id in ids:
        entry = context.directory.entries[page_id]
        by_type.setdefault(entry.content_type_id, []).append(page_id)

    records = []
    try:
        for content_type_id, type_ids in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                logger.warning("Skipping %d pages of a removed page type", len(type_ids))
                continue
            load_related = spec_for(model).load_related
            for batch in _batches(type_ids, BATCH_SIZE):
                pages = list(model.objects.filter(id__in=batch))
                if load_related is not None:
                    related = load_related(pages)
                    for page in pages:
                        page._export_related_rows = related.get(page.pk, {})
                preload_media(pages, context.media)
                records.extend(_record_or_error(page, context) for page in pages)
    finally:
        context.close()
    records.sort(key=_record_order)
    return records


def export_site_context(slug: str, *, base_urls: dict[str, str], out_dir: Path) -> dict:
    """Site-wide values every page template needs (menus, banner, contact, home details)."""
    context = ExportContext(slug, base_urls=base_urls, out_dir=out_dir)
    try:
        return build_site_context(context)
    finally:
        context.close()


def export_page(page, *, base_urls: dict[str, str], out_dir: Path) -> dict:
    """One record for one page object, e.g. a draft revision for the CMS preview."""
    if page.specific_class is not None and type(page) is not page.specific_class:
        page = page.specific  # a plain Page: fetch its typed fields
    directory = SiteDirectory(index_all=False)  # one page: look pages up on demand
    root = directory.root_for(page)
    if root is None:
        raise ExportError(f"Page {page.pk} ({page.title!r}) is not under any department's site.")
    context = ExportContext(root.slug, base_urls=base_urls, out_dir=out_dir, directory=directory)
    try:
        preload_media([page], context.media)
        return build_record(page, context)
    finally:
        context.close()
