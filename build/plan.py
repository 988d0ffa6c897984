"""The typed parts both build strategies share (build/full.py, build/update.py).

BuildContext: what every site of one build shares. SiteBuild: one site during
one build, the only place its render results are harvested and its manifest
assembled. `render_jobs`: the theme assets and one RenderJob per language.
`department_copies`: what the portal aggregates from the departments.
"""

import logging
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from build.dist import temp_dir
from build.incremental import Manifest, record_entries
from build.recordfile import RECORDS_NAME, read_jsonl
from build.records import AGGREGATED_KINDS
from build.render import PreviousRender, RenderResult, make_csp, prepare_site, render_job
from build.state import SiteState


@dataclass
class SiteResult:
    slug: str
    pages: int = 0
    files: int = 0
    seconds: float = 0.0
    error: str = ""
    stages: dict = field(default_factory=dict)  # seconds per step, for logs and the bench
    incremental: bool = False
    # Files of dist/<slug>/ this build changed or deleted (publish only these);
    # None after a full build (publish compares everything).
    changed_paths: list | None = None
    redirects: dict = field(default_factory=dict)  # {old path: absolute new URL}
    # After an incremental build: saves the records file and manifest. Run by
    # Pipeline.run unless the caller deferred it (see BuildSummary.finalize).
    finalize: object = None
    warnings: list = field(default_factory=list)  # messages logged while it was exported


class _Collect(logging.Handler):
    def __init__(self, into):
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record):
        self.into.append(record.getMessage())


@contextmanager
def capture_warnings(into: list):
    """Warnings the build's loggers (build.*) log meanwhile, appended to `into`: the
    summary of build_sites shows them per site instead of somewhere in the log."""
    handler = _Collect(into)
    logger = logging.getLogger("build")
    logger.addHandler(handler)
    try:
        yield into
    finally:
        logger.removeHandler(handler)


@dataclass(frozen=True)
class BuildContext:
    export: object  # build.export, the only module reading the database
    dist_dir: Path
    records_dir: Path  # var/build
    themes_dir: Path
    all_sites: list  # build.export.list_sites()
    base_urls: dict  # {slug: base URL}
    portal: dict | None  # {"url", "name"} of the portal, for every page's header
    site_names: dict  # {slug: {lang: name}}
    # Sites whose records in records_dir are not their latest (another host built
    # them since): the portal exports their records afresh instead of reading them.
    stale_records: frozenset = frozenset()

    @property
    def trash_dir(self):
        return self.records_dir / ".trash"  # old output trees awaiting deletion


class SiteBuild:
    """Everything about one site during one build."""

    def __init__(self, site, config, ctx: BuildContext):
        self.site = site
        self.slug = site["slug"]
        self.config = config
        self.base_url = ctx.base_urls[self.slug]
        self.state = SiteState(ctx.records_dir, self.slug)
        self.live_dir = ctx.dist_dir / self.slug
        self.tmp_dir = temp_dir(ctx.dist_dir, self.slug, "building")
        self.records = []
        self.futures = []
        self.result = SiteResult(self.slug)
        self.started = time.perf_counter()
        self.previous = None  # the last build's Manifest
        self.written = None  # recordfile.WrittenRecords
        self.outputs = {}  # {lang: {file: [key, digest]}}
        self.base_keys = {}  # {lang: shared key}, from the render
        self.related = {}  # {lang: {news id: [related ids]}}, from the render

    def take(self, result: RenderResult):
        """A language's render result, into the build and its figures."""
        self.outputs[result.lang] = result.outputs
        self.base_keys[result.lang] = result.base_key
        self.related[result.lang] = result.related
        self.result.files += result.files

    def manifest(self, files, redirects) -> Manifest:
        return Manifest(
            base_url=self.base_url,
            records=record_entries(self.records, self.written.hashes),
            hashes=self.written.hashes,
            outputs=self.outputs,
            files=files,
            redirects=redirects,
            base_keys=self.base_keys,
            related=self.related,
        )

    def absolute_redirects(self, redirects):
        return {old: self.base_url + new for old, new in redirects.items()}


def render_jobs(ctx: BuildContext, build: SiteBuild, *, out_dir, context, records_for, previous):
    """The site's theme assets written to out_dir, and one RenderJob per language.

    `records_for(lang)` gives the job its records: {"records_path": …} or
    {"records": […]}; `previous` is the last build's Manifest (incremental) or None.
    """
    assets = prepare_site(config=build.config, out_dir=out_dir, themes_dir=ctx.themes_dir)
    csp = make_csp(
        build.config.search_api_url, ctx.base_urls.values(), build.config.feedback_endpoint
    )
    jobs = []
    for lang in build.config.languages:
        before = None
        if previous is not None:
            before = PreviousRender(
                outputs=previous.outputs.get(lang, {}),
                hashes=previous.hashes.get(lang),
                related=previous.related.get(lang),
                base_key=previous.base_keys.get(lang),
            )
        jobs.append(
            render_job(
                slug=build.slug,
                lang=lang,
                config=build.config,
                base_url=build.base_url,
                out_dir=out_dir,
                assets=assets,
                context=context,
                portal=ctx.portal,
                csp=csp,
                themes_dir=ctx.themes_dir,
                site_names=ctx.site_names,
                record_hashes=build.written.hashes[lang],
                previous=before,
                **records_for(lang),
            )
        )
    return assets, jobs


def aggregate_for_portal(records, source_slug, source_base_url):
    """Copies of a department's records that the portal lists (linking to the originals)."""
    copies = []
    for record in records:
        kind = record["kind"]
        flagged = kind == "news" and (record.get("fields") or {}).get("show_on_portal")
        if flagged or kind in AGGREGATED_KINDS:
            copies.append(
                {
                    **record,
                    "canonical": source_base_url + record["url"],
                    "source_site": source_slug,
                    "translations": {},  # the copy has no page of its own to translate
                }
            )
    return copies


def department_copies(ctx: BuildContext):
    """The portal's aggregated copies of every department's records."""
    copies = []
    for site in ctx.all_sites:
        if site["is_portal"]:
            continue
        path = ctx.records_dir / site["slug"] / RECORDS_NAME
        if path.is_file() and site["slug"] not in ctx.stale_records:
            records = read_jsonl(path)
        else:  # never built here, or stale: export its records now (media to a throwaway folder)
            scratch = temp_dir(ctx.dist_dir, site["slug"], "scratch")
            try:
                records = ctx.export.export_site(site["slug"], scratch, base_urls=ctx.base_urls)
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
        copies += aggregate_for_portal(records, site["slug"], ctx.base_urls[site["slug"]])
    return copies
