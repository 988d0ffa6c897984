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
from wagtail.models import Page

from build.records import record_order
from cms.departments.buildconfig import settings_for
from cms.departments.models import Department

from .assemble import build_record, preload_media
from .context import ExportContext, ExportError
from .directory import SiteDirectory
from .pages import spec_for
from .site_context import build_site_context

__all__ = [
    "ExportError",
    "export_page",
    "export_pages",
    "export_site",
    "live_descendant_ids",
    "page_versions",
    "export_site_context",
    "list_sites",
]

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000


def list_sites() -> list[dict]:
    """Every department's site: [{slug, name_vi, name_en, is_portal, cms}], portal first.

    `cms`: the site's base URL, host names, publish target, search scope and
    theme from the CMS (cms/departments/buildconfig.py) for build/siteconfig.py.
    """
    return [
        {
            "slug": d.slug,
            "name_vi": d.name_vi,
            "name_en": d.name_en,
            "is_portal": d.is_portal,
            "cms": settings_for(d),
        }
        for d in Department.objects.all()
    ]


def _batches(ids, size):
    iterator = iter(sorted(ids))
    while batch := list(islice(iterator, size)):
        yield batch


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


def _export_ids(ids, context):
    """Records of the given live pages (ids from context.directory), one query per type batch."""
    by_type = {}
    for page_id in ids:
        entry = context.directory.live(page_id)
        by_type.setdefault(entry.content_type_id, []).append(page_id)
    records = []
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
    records.sort(key=record_order)
    return records


def export_site(slug: str, out_dir: Path, *, base_urls: dict[str, str], page_ids=None):
    """Records of every live public page of a site in both languages.

    Copies the media they reference into out_dir/media. `page_ids` limits the
    export to those pages (ids that are not live pages of this site are
    ignored, so a caller can pass every changed id).
    """
    context = ExportContext(slug, base_urls=base_urls, out_dir=out_dir)
    try:
        ids = context.directory.site_page_ids(slug)
        if page_ids is not None:
            wanted = {int(page_id) for page_id in page_ids}
            ids = [page_id for page_id in ids if page_id in wanted]
        return _export_ids(ids, context)
    finally:
        context.close()


def export_pages(slug: str, page_ids, out_dir: Path, *, base_urls: dict[str, str]):
    """Records of some pages of a site, for an incremental build: (records, gone ids).

    Adds the pages' translations (their `translations` maps change when a
    language version appears or goes) and, for pages the caller marks as
    new with `with_descendants`, their live descendants (a subtree moved in).
    Ids that are not live public pages of the site (unpublished, deleted,
    moved away, private) come back in `gone`. Reads only these pages, not the
    whole site: the cost follows the size of the change.
    """
    directory = SiteDirectory(index_all=False)
    context = ExportContext(slug, base_urls=base_urls, out_dir=out_dir, directory=directory)
    try:
        ids = {int(page_id) for page_id in page_ids}
        keys = Page.objects.filter(id__in=ids).values("translation_key")
        ids |= set(Page.objects.filter(translation_key__in=keys).values_list("id", flat=True))
        live, gone = [], set()
        for page_id in sorted(ids):
            entry = directory.live(page_id)
            if entry is None or entry.slug != slug:
                gone.add(str(page_id))
            else:
                live.append(page_id)
        return _export_ids(live, context), gone
    finally:
        context.close()


def live_descendant_ids(slug: str, page_ids) -> list[int]:
    """Live pages of the site below the given pages (a subtree that moved in)."""
    directory = SiteDirectory(index_all=False)
    found = []
    for parent in Page.objects.filter(id__in=[int(i) for i in page_ids]):
        for page_id in (
            Page.objects.live().public().descendant_of(parent).values_list("id", flat=True)
        ):
            entry = directory.live(page_id)
            if entry is not None and entry.slug == slug:
                found.append(page_id)
    return found


def page_versions(slug: str) -> dict[str, tuple[str, int | None]]:
    """{record id: (url, live revision id)} of every live page of the site, to find
    what changed (a record's `revision`; its `updated` has only whole seconds)."""
    directory = SiteDirectory()
    ids = directory.site_page_ids(slug)
    revisions = dict(
        Page.objects.filter(id__in=ids)
        .values_list("id", "live_revision_id")
        .iterator(chunk_size=2000)
    )
    return {
        str(page_id): (directory.entries[page_id].url, revisions.get(page_id)) for page_id in ids
    }


def export_site_context(
    slug: str, *, base_urls: dict[str, str], out_dir: Path, lazy: bool = False
) -> dict:
    """Site-wide values every page template needs (menus, banner, contact, home details).

    `lazy` looks up only the pages the context links to instead of indexing
    every live page first (an incremental build has no use for the index).
    """
    directory = SiteDirectory(index_all=False) if lazy else None
    context = ExportContext(slug, base_urls=base_urls, out_dir=out_dir, directory=directory)
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
