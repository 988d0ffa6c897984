"""Feeding the shared index from the static build.

The build calls, after writing a site's records:

    from search.indexing import update_site
    update_site("so-khdt", records, base_url="https://sokhdt.example.gov.vn",
                site_name={"vi": "Sở Kế hoạch và Đầu tư", "en": "Department of …"})

which upserts what changed and deletes what vanished for that site only
(documents are compared by content hash with what the index holds).
`rebuild_all(sites)` builds a fresh index of every site and swaps it in.
`manage.py index_search` does either from the files the build leaves:
`dist/sites.json` and `var/build/<slug>/records.jsonl`.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

from build.recordfile import read_records
from build.sitesfile import parse_sites, sites_path

from .attachments import AttachmentReader
from .backends import get_backend, search_config
from .documents import documents_from_records

logger = logging.getLogger(__name__)


@dataclass
class SiteInput:
    slug: str
    base_url: str
    site_name: dict  # {lang: name}
    records_path: Path
    files_dir: Path | None = None  # the site's build output (attached files)

    def records(self):
        return read_records(self.records_path)


@dataclass
class UpdateReport:
    site: str
    upserted: int = 0
    deleted: int = 0
    unchanged: int = 0

    def __str__(self):
        return (
            f"{self.site}: {self.upserted} added or changed, {self.deleted} removed, "
            f"{self.unchanged} unchanged"
        )


def dist_dir(env=None):
    return search_config(env).dist_dir


def build_dir(env=None):
    return search_config(env).records_dir


def attachment_reader(slug, base_url, env=None, files_dir=None):
    """Reader of the attached files the build wrote into dist/<slug>/ (None without them)."""
    files_dir = Path(files_dir) if files_dir else dist_dir(env) / slug
    if not files_dir.is_dir():
        return None
    cache = search_config(env).var_dir / "cache" / "search-attachments"
    return AttachmentReader(files_dir, base_url, cache)


def read_sites(sites_json=None, records_dir=None):
    """SiteInput for every site listed in dist/sites.json."""
    sites_json = Path(sites_json or sites_path(dist_dir()))
    records_dir = Path(records_dir or build_dir())
    entries = parse_sites(sites_json.read_text(encoding="utf-8")).values()
    return [
        SiteInput(
            slug=entry["slug"],
            base_url=entry["base_url"],
            site_name={"vi": entry.get("name_vi", ""), "en": entry.get("name_en", "")},
            records_path=records_dir / entry["slug"] / "records.jsonl",
            files_dir=sites_json.parent / entry["slug"],
        )
        for entry in entries
    ]


def update_site(slug, records, base_url, site_name="", backend=None, force=False, attachments=None):
    """Bring the index in line with one site's records (incremental). Returns an UpdateReport.

    `force` re-sends every document even when its hash is unchanged. The text of
    attached files comes from `attachments` (an AttachmentReader), by default
    from the site's output in DIST_DIR.
    """
    backend = backend or get_backend()
    if attachments is None:
        attachments = attachment_reader(slug, base_url)
    report = UpdateReport(site=slug)
    indexed = backend.site_state(slug)
    changed, seen = [], set()
    for document in documents_from_records(records, base_url, site_name, attachments):
        if document.site != slug:
            continue  # a record of another site never touches that site's documents here
        seen.add(document.id)
        if not force and indexed.get(document.id) == document.content_hash:
            report.unchanged += 1
        else:
            changed.append(document)
    vanished = [doc_id for doc_id in indexed if doc_id not in seen]
    if changed:
        report.upserted = backend.upsert(changed)
    if vanished:
        backend.delete(vanished)
        report.deleted = len(vanished)
    logger.info("search index %s", report)
    return report


def _all_documents(sites, skipped):
    for site in sites:
        if not site.records_path.exists():
            skipped.append(site.slug)
            continue
        reader = attachment_reader(site.slug, site.base_url, files_dir=site.files_dir)
        yield from (
            doc
            for doc in documents_from_records(site.records(), site.base_url, site.site_name, reader)
            if doc.site == site.slug
        )


def rebuild_all(sites, backend=None):
    """A fresh index of every site, swapped in atomically. Returns (documents, skipped slugs)."""
    backend = backend or get_backend()
    skipped = []
    count = backend.rebuild(_all_documents(sites, skipped))
    return count, skipped
