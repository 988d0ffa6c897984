"""The incremental build of one site (Pipeline.run without full=True).

1. Which pages changed: the ids the caller passes (the publish-on-save task
   knows them), or those whose URL or last publication differ from the
   manifest (build_sites without --full).
2. Export only those pages (and their translations, whose language links
   change with them) into a staging folder; merge them into the previous
   records. A page whose URL changed (moved, renamed) makes the build full:
   its descendants moved too, and links to it changed on other pages.
3. Render in this process, every output's key compared with the manifest's:
   only outputs with new keys are rendered (into staging).
4. Commit: staged files whose bytes differ replace the live ones one rename
   at a time; files no longer produced are deleted; the manifest is saved.
"""

import gc
import shutil
import time

from build.dist import temp_dir
from build.incremental import Manifest, commit, merge_redirects, other_files, write_redirects
from build.plan import BuildContext, SiteBuild, department_copies, render_jobs
from build.recordfile import hash_records, jsonl_line
from build.records import record_order
from build.render import finish_site, render_language
from build.state import RecordCache


def changed_since(previous: Manifest, versions):
    """Ids whose (url, live revision) differ from the manifest, new ids and vanished ids."""
    changed = [
        page_id
        for page_id, (url, revision) in versions.items()
        if (before := previous.records.get(page_id)) is None
        or before[1] != url
        or before[3] != revision
    ]
    changed += [page_id for page_id in previous.records if page_id not in versions]
    return changed


def _export_changes(export, slug, previous, page_ids, staging, base_urls):
    """(fresh records, gone ids) for the changed pages, subtrees included."""
    fresh, gone = export.export_pages(slug, page_ids, staging, base_urls=base_urls)
    seen = {r["id"] for r in fresh} | gone
    more = set()
    new_ids = [r["id"] for r in fresh if r["id"] not in previous.records]
    if new_ids:  # a subtree moved in: its pages are new here too
        more.update(str(i) for i in export.live_descendant_ids(slug, new_ids))
    gone_urls = [previous.records[i][1] for i in gone if i in previous.records]
    if gone_urls:  # a subtree moved away or deleted: check the pages below it
        more.update(
            page_id
            for page_id, entry in previous.records.items()
            if any(entry[1].startswith(url) for url in gone_urls)
        )
    more -= seen
    if more:
        extra, extra_gone = export.export_pages(slug, more, staging, base_urls=base_urls)
        known = {r["id"] for r in fresh}
        fresh += [r for r in extra if r["id"] not in known]
        gone |= extra_gone
    return fresh, gone


def update_site(ctx: BuildContext, build: SiteBuild, changes):
    """Build `build`'s site incrementally; False when only a full build will do.

    The cyclic garbage collector waits until the update is done: a collection
    in the middle would walk every object of the site's records.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _update_site(ctx, build, changes)
    finally:
        if enabled:
            gc.enable()


def _update_site(ctx: BuildContext, build: SiteBuild, changes):
    export, base_urls = ctx.export, ctx.base_urls
    previous = build.previous
    live = build.live_dir
    if (
        previous is None
        or previous.base_url != build.base_url
        or not live.is_dir()
        or not build.state.records_path.is_file()
    ):
        return False
    stages = build.result.stages
    step = time.perf_counter()
    unfinished = build.state.unfinished
    if changes is not None and build.slug in changes and not unfinished.exists():
        page_ids = [str(i) for i in changes[build.slug]]
    else:
        # No ids, or an earlier update stopped between moving files live and saving
        # its manifest: find every page that differs from the manifest.
        page_ids = changed_since(previous, export.page_versions(build.slug))
        page_ids += [str(i) for i in (changes or {}).get(build.slug, ()) if str(i) not in page_ids]
    by_id, lines = RecordCache.load(build.state)
    stages["load"] = round(time.perf_counter() - step, 3)
    step = time.perf_counter()
    staging = temp_dir(ctx.dist_dir, build.slug, "update")
    staging.mkdir(parents=True)
    try:
        fresh, gone = (
            _export_changes(export, build.slug, previous, page_ids, staging, base_urls)
            if page_ids
            else ([], set())
        )
        # Records linking to a changed page show its title or URL: export them again.
        changed = {r["id"] for r in fresh} | gone
        linking = [
            record_id
            for record_id, record in by_id.items()
            if record_id not in changed and changed.intersection(record.get("links_to") or ())
        ]
        if linking:
            extra, extra_gone = export.export_pages(
                build.slug, linking, staging, base_urls=base_urls
            )
            fresh += [r for r in extra if r["id"] not in changed]
            gone |= extra_gone
        if any(
            r["id"] in previous.records and previous.records[r["id"]][1] != r["url"] for r in fresh
        ):
            shutil.rmtree(staging, ignore_errors=True)
            return False  # moved or renamed: full build (with redirects)
        stages["export"] = round(time.perf_counter() - step, 3)

        step = time.perf_counter()
        for page_id in gone:
            by_id.pop(page_id, None)
            lines.pop(page_id, None)
        for record in fresh:
            by_id[record["id"]] = record
            lines[record["id"]] = jsonl_line(record)
        records = sorted(by_id.values(), key=record_order)
        copies = department_copies(ctx) if build.site["is_portal"] else []
        RecordCache.forget(build.slug)  # from here on the files on disk change
        build.written = hash_records(
            records, lines, {r["id"] for r in fresh}, previous.hashes, copies
        )
        build.records = records
        stages["records"] = round(time.perf_counter() - step, 3)

        step = time.perf_counter()
        context = export.export_site_context(
            build.slug, base_urls=base_urls, out_dir=staging, lazy=True
        )
        _assets, jobs = render_jobs(
            ctx,
            build,
            out_dir=staging,
            context=context,
            records_for=lambda lang: {
                "records": [r for r in (*records, *copies) if r["lang"] == lang]
            },
            previous=previous,
        )
        for job in jobs:
            build.take(render_language(job))
        finish_site(
            records=records,
            out_dir=staging,
            base_url=build.base_url,
            languages=build.config.languages,
            hashes=build.written.hashes,
        )
        redirects = merge_redirects(previous, {}, records)
        write_redirects(staging, redirects, build.base_url)
        stages["render"] = round(time.perf_counter() - step, 3)

        step = time.perf_counter()
        files = other_files(staging, build.outputs)
        for path, file_digest in previous.files.items():
            kept_media = path.startswith("media/") and "/" + path in build.written.media
            if path not in files and (kept_media or path == "404.html"):
                files[path] = file_digest
        produced = set(files)
        for outputs in build.outputs.values():
            produced.update(outputs)
        unfinished.touch()  # removed once the manifest is saved (SiteState.save)
        done = commit(staging, live, produced, previous.all_files())
        manifest = build.manifest(files, redirects)
        stages["commit"] = round(time.perf_counter() - step, 3)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result = build.result
    # The pages are live now. Saving the records file and the manifest (about a
    # second at 20,000 pages) can wait until they are published too.
    result.finalize = lambda: _save(build, records, lines, manifest, by_id)
    result.incremental = True
    result.pages = len(fresh) + len(gone)
    result.files = len(done.changed)
    result.changed_paths = done.paths
    result.redirects = build.absolute_redirects(redirects)
    result.seconds = time.perf_counter() - build.started
    return True


def _save(build: SiteBuild, records, lines, manifest: Manifest, by_id):
    build.state.save(records, lines, manifest)
    RecordCache.keep(build.state, by_id, lines, manifest)
