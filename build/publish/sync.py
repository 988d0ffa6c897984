"""Publish one site's build output to a target, in an order that keeps the live site whole.

Order of work, and why a failure at any point leaves a consistent live site:

1. read what is live (listing + manifest) and plan by content hash;
2. upload assets (stylesheets, scripts, images, documents), then other
   non-HTML (feeds, sitemap, JSON), then HTML and redirects; each phase
   finishes completely before the next starts, so no new page is live before
   everything it references is;
3. delete stale files (pages first, assets last), only when every upload
   succeeded, so an old page still being served never loses its assets;
4. write the manifest last (not at all when nothing changed).

A publish that stops part-way leaves old pages with their old assets, possibly
some new assets (harmless: new names or identical bytes) and possibly some new
pages (whose assets are already up).  The manifest then still describes the
previous publish; the next publish finds the objects written since by their
fingerprint and finishes the job.
"""

import logging
import re
import time
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from datetime import UTC, datetime

from . import rules
from .base import PublishError, PublishResult, TargetError
from .plan import make_plan, scan_paths, scan_source
from .state import ManifestEntry, dump_manifest

logger = logging.getLogger("cong.publish")
# A slug becomes a folder and a key prefix: no separators, no dot-only names.
_SLUG = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


def publish_site(
    source_dir,
    slug,
    target,
    *,
    redirects=None,
    known_hashes=None,
    paths=None,
    dry_run=False,
    force=False,
):
    """Sync ``source_dir`` (dist/<slug>/) to ``target`` for site ``slug``.

    ``redirects``: {old site path: new location} for moved pages (see
    plan.scan_source).  ``known_hashes``: {path: sha256} the caller already
    knows.  ``paths``: only these site files changed (the incremental build
    knows which): they alone are checked, uploaded or deleted and every other
    file stays as the manifest says, so the cost does not grow with the site.
    ``force``: upload everything (to repair headers after a rule change or
    objects written by another tool).  Returns a PublishResult and logs one
    line with the figures; raises PublishError naming the step and the file.
    """
    if not _SLUG.fullmatch(slug or ""):
        raise ValueError(f"invalid site slug {slug!r}")
    started = time.monotonic()
    result = PublishResult(site=slug, target=target.url, dry_run=dry_run)

    if target.same_as_source(slug, source_dir):
        result.noop = "the target folder is the build output folder, it is already live"
        logger.info(result.log_line())
        return result

    def fail(step, error, path=None):
        reason = error.reason if isinstance(error, TargetError) else error
        path = path or getattr(error, "path", None)
        return PublishError(reason, step=step, site=slug, target=target.url, path=path)

    try:
        if paths is None:
            source = scan_source(
                source_dir, redirects=redirects, known_hashes=known_hashes, save_cache=not dry_run
            )
        else:
            source, wanted = scan_paths(
                source_dir, paths, redirects=redirects, known_hashes=known_hashes
            )
    except (OSError, ValueError) as error:
        raise fail("reading the build output", error) from error
    try:
        recorded = target.read_manifest(slug)
        live = target.live_state(slug, recorded, None if paths is None else wanted)
    except TargetError as error:
        raise fail("reading what is live", error) from error

    plan = make_plan(source, live, force=force)
    result.plan = plan
    # Files outside ``paths`` stay exactly as the last manifest recorded them.
    carried = {} if paths is None else {p: e for p, e in recorded.items() if p not in wanted}
    result.unchanged = len(plan.unchanged) + len(carried)
    if dry_run:
        result.uploaded, result.deleted = len(plan.uploads), len(plan.deletes)
        result.bytes = plan.upload_bytes
        result.seconds = time.monotonic() - started
        logger.info(result.log_line())
        return result

    manifest = dict(carried)
    for path in plan.unchanged:
        manifest[path] = _manifest_entry(source[path], live[path].fingerprint)
    if target.trusts_manifest and (plan.uploads or plan.deletes):
        _write_intent(target, slug, carried, live, plan, fail)

    for phase in rules.PHASES:
        uploads = plan.uploads_in_phase(phase)
        step = f"uploading {rules.PHASE_NAMES[phase]}"
        for upload, fingerprint in _run_parallel(target, slug, uploads, step, fail):
            manifest[upload.path] = _manifest_entry(upload.source, fingerprint)
            result.uploaded += 1
            result.bytes += upload.source.size

    if plan.deletes:
        try:
            target.delete(slug, plan.deletes)
        except TargetError as error:
            raise fail("deleting stale files", error) from error
        result.deleted = len(plan.deletes)

    # Nothing changed and the manifest already says so: write nothing at all.
    if plan.uploads or plan.deletes or manifest != recorded:
        try:
            target.write_manifest(slug, dump_manifest(slug, manifest, _now()))
        except TargetError as error:
            raise fail("writing the manifest", error) from error

    result.seconds = time.monotonic() - started
    logger.info(result.log_line())
    return result


def _manifest_entry(source, fingerprint):
    return ManifestEntry(
        sha256=source.sha256,
        size=source.size,
        content_type=source.content_type,
        cache_control=source.cache_control,
        redirect=source.redirect,
        fingerprint=fingerprint,
    )


def _write_intent(target, slug, carried, live, plan, fail):
    """Manifest-only targets: mark every file about to change as unknown first."""
    entries = dict(carried)
    for path, entry in live.items():
        entries[path] = ManifestEntry(
            sha256=entry.sha256,
            size=entry.size or 0,
            content_type=entry.content_type or "",
            cache_control=entry.cache_control or "",
            redirect=entry.redirect,
            fingerprint=entry.fingerprint,
        )
    for upload in plan.uploads:
        entries[upload.path] = ManifestEntry(None, upload.source.size, "", "", None, None)
    try:
        target.write_manifest(slug, dump_manifest(slug, entries, _now()))
    except TargetError as error:
        raise fail("writing the intent manifest", error) from error


def _run_parallel(target, slug, uploads, step, fail):
    """Upload one phase; yields (upload, fingerprint); stops at the first failure."""
    if not uploads:
        return []
    done_pairs = []
    with ThreadPoolExecutor(max_workers=target.max_workers) as pool:
        futures = {pool.submit(target.put, slug, upload.source): upload for upload in uploads}
        finished, pending = wait(futures, return_when=FIRST_EXCEPTION)
        for future in pending:
            future.cancel()
        # Let uploads already in flight finish (or fail) before reporting.
        wait(pending)
        failures = [f for f in futures if not f.cancelled() and f.exception() is not None]
        if failures:
            first = min(failures, key=lambda f: futures[f].path)
            error = first.exception()
            if isinstance(error, TargetError | OSError):
                raise fail(step, error, futures[first].path) from error
            raise error
        for future, upload in futures.items():
            done_pairs.append((upload, future.result()))
    return done_pairs


def _now():
    return datetime.now(UTC).isoformat(timespec="seconds")
