"""The full build of one site: export everything, render into a new folder, swap it in.

1. export (this process, the only one touching the database): the records,
   written to var/build/<slug>/records.jsonl and one render file per language;
2. render: one RenderJob per language, in a worker process while the next
   site exports (`submit` decides where);
3. finish: root files and redirect pages, then the folder replaces
   dist/<slug>/ with two renames and the manifest is saved. If anything
   fails the temporary folder is deleted and the previous dist/<slug>/ stays.
"""

import shutil
import time

from build.dist import swap_in
from build.incremental import merge_redirects, moved_pages, other_files, write_redirects
from build.plan import BuildContext, SiteBuild, department_copies, render_jobs
from build.recordfile import write_records
from build.render import finish_site


def export_and_render(ctx: BuildContext, build: SiteBuild, submit):
    """Export the site and hand its render jobs to `submit(job)`, which returns a future."""
    export = ctx.export
    build.tmp_dir.mkdir(parents=True)
    step = time.perf_counter()
    records = export.export_site(build.slug, build.tmp_dir, base_urls=ctx.base_urls)
    build.result.stages["export"] = round(time.perf_counter() - step, 2)
    context = export.export_site_context(build.slug, base_urls=ctx.base_urls, out_dir=build.tmp_dir)
    build.records = records
    build.result.pages = len(records)
    copies = department_copies(ctx) if build.site["is_portal"] else []
    step = time.perf_counter()
    build.written = write_records(build.state.folder, records, copies, build.config.languages)
    render_paths = build.written.paths
    build.result.stages["write_records"] = round(time.perf_counter() - step, 2)
    assets, jobs = render_jobs(
        ctx,
        build,
        out_dir=build.tmp_dir,
        context=context,
        records_for=lambda lang: {"records_path": render_paths[lang]},
        previous=None,
    )
    build.result.files += len(assets)
    build.futures.extend(submit(job) for job in jobs)


def finish(ctx: BuildContext, build: SiteBuild):
    """Root files and redirects, the swap into dist/<slug>/, the manifest."""
    step = time.perf_counter()
    try:
        if not build.result.error:
            build.result.files += finish_site(
                records=build.records,
                out_dir=build.tmp_dir,
                base_url=build.base_url,
                languages=build.config.languages,
            )
            moved = moved_pages(build.previous, build.records)
            redirects = merge_redirects(build.previous, moved, build.records)
            build.result.files += len(write_redirects(build.tmp_dir, redirects, build.base_url))
            manifest = build.manifest(other_files(build.tmp_dir, build.outputs), redirects)
            swap_in(build.tmp_dir, build.live_dir, ctx.trash_dir)
            manifest.save(build.state.manifest_path)
            build.state.unfinished.unlink(missing_ok=True)
            build.result.redirects = build.absolute_redirects(redirects)
            build.result.stages["finish"] = round(time.perf_counter() - step, 2)
    except Exception as exc:  # noqa: BLE001 - reported per site, others go on
        build.result.error = f"{type(exc).__name__}: {exc}"
    finally:
        if build.tmp_dir.exists():
            shutil.rmtree(build.tmp_dir, ignore_errors=True)
        build.result.seconds = time.perf_counter() - build.started
