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
import json
import shutil
import time

from build.incremental import (
    MEDIA_REF,
    Manifest,
    commit,
    merge_redirects,
    other_files,
    record_entries,
    staging_dir,
    write_redirects,
)
from build.records import LANGUAGES, record_order
from build.render import finish_site, render_language
from build.render.outputs import record_hash

# Present from an update's commit until its manifest is saved: if a process stops in
# between, the next update compares every page with the manifest instead of trusting
# the page ids it is given.
UNFINISHED = "update-unfinished"


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


class RecordCache:
    """The site's records as the last build in this process left them, parsed.

    A build worker that built a site before skips reading and parsing its
    records file (seconds at 20,000 pages). The cache is valid only while the
    manifest on disk is the one this process wrote: a build by another
    process changes it, and the records are read again.
    """

    sites = {}  # slug -> (manifest stamp, {id: record}, {id: JSON line}, Manifest)

    @staticmethod
    def stamp(path):
        try:
            stat = path.stat()
        except FileNotFoundError:
            return None
        return (stat.st_mtime_ns, stat.st_size, stat.st_ino)

    @classmethod
    def load(cls, build):
        from build.pipeline import jsonl_line

        cached = cls.sites.get(build.slug)
        if cached is not None and cached[0] == cls.stamp(build.manifest_path):
            return dict(cached[1]), dict(cached[2])
        cls.forget(build.slug)
        by_id, lines = {}, {}
        with (build.records_dir / "records.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    by_id[record["id"]] = record
                    lines[record["id"]] = line if line.endswith("\n") else jsonl_line(record)
        return by_id, lines

    @classmethod
    def manifest(cls, build):
        """The site's last manifest (the one in memory if this process wrote it)."""
        cached = cls.sites.get(build.slug)
        if cached is not None and cached[0] == cls.stamp(build.manifest_path):
            return cached[3]
        return Manifest.load(build.manifest_path)

    @classmethod
    def keep(cls, build, by_id, lines, manifest):
        cls.sites[build.slug] = (cls.stamp(build.manifest_path), by_id, lines, manifest)
        # Millions of long-lived objects: without this every full collection of
        # the cyclic GC walks them all (0.2 s each at 20,000 pages). They hold no
        # reference cycles, so refcounting still frees them when replaced. Collect
        # first, so that no garbage cycle of the process is frozen with them (this
        # runs after the pages are live).
        gc.collect()
        gc.freeze()

    @classmethod
    def forget(cls, slug):
        cls.sites.pop(slug, None)


def hash_site_records(records, lines, fresh_ids, previous, copies):
    """WrittenRecords (hashes, media references) of the merged records.

    Only new and changed records are hashed; the others keep the manifest's hash.
    """
    from build.pipeline import WrittenRecords, jsonl_line

    hashes = {lang: {} for lang in LANGUAGES}
    media = set()
    for record in records:
        record_id, lang = record["id"], record["lang"]
        line = lines[record_id]
        known = previous.hashes.get(lang, {}).get(record_id)
        hashes[lang][record_id] = (
            record_hash(line) if record_id in fresh_ids or not known else known
        )
        if "/media/" in line:
            media.update(MEDIA_REF.findall(line))
    for copy in copies:
        hashes[copy["lang"]][copy["id"]] = record_hash(jsonl_line(copy))
    return WrittenRecords({}, hashes, media)


def save_site_records(build, records, lines, manifest, by_id):
    """records.jsonl, then the manifest: the state the next build starts from.

    The per-language render files are for full builds' render workers: they
    would be stale now and are removed (a full build writes them again). The
    manifest goes last: a process stopped before it leaves the previous
    manifest, and the next build finds the changes again.
    """
    from build.pipeline import write_lines

    write_lines(build.records_dir / "records.jsonl", (lines[r["id"]] for r in records))
    for lang in LANGUAGES:
        (build.records_dir / f"render.{lang}.jsonl").unlink(missing_ok=True)
    manifest.save(build.manifest_path)
    (build.records_dir / UNFINISHED).unlink(missing_ok=True)
    RecordCache.keep(build, by_id, lines, manifest)


def update_site(pipeline, build, export, shared, base_urls, all_sites, changes):
    """Build `build`'s site incrementally; False when only a full build will do.

    The cyclic garbage collector waits until the update is done: a collection
    in the middle would walk every object of the site's records.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _update_site(pipeline, build, export, shared, base_urls, all_sites, changes)
    finally:
        if enabled:
            gc.enable()


def _update_site(pipeline, build, export, shared, base_urls, all_sites, changes):
    from build.pipeline import jsonl_line

    previous = build.previous
    live = pipeline.dist_dir / build.slug
    records_file = build.records_dir / "records.jsonl"
    if (
        previous is None
        or previous.base_url != build.base_url
        or not live.is_dir()
        or not records_file.is_file()
    ):
        return False
    stages = build.result.stages
    step = time.perf_counter()
    unfinished = build.records_dir / UNFINISHED
    if changes is not None and build.slug in changes and not unfinished.exists():
        page_ids = [str(i) for i in changes[build.slug]]
    else:
        # No ids, or an earlier update stopped between moving files live and saving
        # its manifest: find every page that differs from the manifest.
        page_ids = changed_since(previous, export.page_versions(build.slug))
        page_ids += [str(i) for i in (changes or {}).get(build.slug, ()) if str(i) not in page_ids]
    by_id, lines = RecordCache.load(build)
    stages["load"] = round(time.perf_counter() - step, 3)
    step = time.perf_counter()
    staging = staging_dir(pipeline.dist_dir, build.slug)
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
        copies = []
        if build.site["is_portal"]:
            copies = pipeline._department_copies(all_sites, base_urls, export)
        RecordCache.forget(build.slug)  # from here on the files on disk change
        build.written = hash_site_records(
            records, lines, {r["id"] for r in fresh}, previous, copies
        )
        build.records = records
        stages["records"] = round(time.perf_counter() - step, 3)

        step = time.perf_counter()
        context = export.export_site_context(
            build.slug, base_urls=base_urls, out_dir=staging, lazy=True
        )
        _assets, jobs = pipeline.language_jobs(
            build,
            out_dir=staging,
            context=context,
            shared=shared,
            base_urls=base_urls,
            records_for=lambda lang: {
                "records": [r for r in (*records, *copies) if r["lang"] == lang]
            },
        )
        for job in jobs:
            lang = job["lang"]
            job["previous_outputs"] = previous.outputs.get(lang, {})
            job["previous_hashes"] = previous.hashes.get(lang)
            job["previous_related"] = previous.related.get(lang)
            job["previous_base_key"] = previous.base_keys.get(lang)
            result = render_language(job)
            build.outputs[lang] = result["outputs"]
            build.base_keys[lang] = result["base_key"]
            build.related[lang] = result["related"]
            build.result.files += result["files"]
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
        unfinished.touch()  # removed once the manifest is saved (save_site_records)
        done = commit(staging, live, produced, previous.all_files())
        manifest = Manifest(
            base_url=build.base_url,
            records=record_entries(records, build.written.hashes),
            hashes=build.written.hashes,
            outputs=build.outputs,
            files=files,
            redirects=redirects,
            base_keys=build.base_keys,
            related=build.related,
        )
        stages["commit"] = round(time.perf_counter() - step, 3)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result = build.result
    # The pages are live now. Saving the records file and the manifest (about a
    # second at 20,000 pages) can wait until they are published too.
    result.finalize = lambda: save_site_records(build, records, lines, manifest, by_id)
    result.incremental = True
    result.pages = len(fresh) + len(gone)
    result.files = len(done.changed)
    result.changed_paths = done.paths
    result.redirects = {old: build.base_url + new for old, new in redirects.items()}
    result.seconds = time.perf_counter() - build.started
    return True
