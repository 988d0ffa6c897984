"""build_sites: export every site from the CMS, render it, swap it into dist/ whole.

Per site: export (this process, the only one touching the database) writes the
records to var/build/<slug>/records.jsonl (and what each language renders, the
portal's aggregated copies included, to render.<lang>.jsonl), then each language renders in a
worker process while the next site exports. When every language of a site is
rendered into dist/.<slug>.building-*, the folder replaces dist/<slug>/ with
two renames; if anything fails the temporary folder is deleted and the
previous dist/<slug>/ stays as it was.

The portal aggregates: its listings get copies of department news flagged
show_on_portal and of every document, planning, project and procedure record,
each pointing (canonical) at its page on the department's site.
"""

import json
import multiprocessing
import os
import shutil
import threading
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from build.incremental import (
    MANIFEST_NAME,
    MEDIA_REF,
    Manifest,
    merge_redirects,
    moved_pages,
    other_files,
    record_entries,
    write_redirects,
)
from build.records import LANGUAGES
from build.render import finish_site, language_job, make_csp, prepare_site, render_language
from build.render.outputs import record_hash
from build.siteconfig import LOCAL_ROOT_URL, THEMES_DIR, load_site_config
from build.update import UNFINISHED, RecordCache

AGGREGATED_KINDS = ("document", "planning", "project", "procedure")


class BuildError(RuntimeError):
    pass


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


@dataclass
class BuildSummary:
    sites: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self):
        return [s for s in self.sites if s.error]

    @property
    def pages(self):
        return sum(s.pages for s in self.sites)

    @property
    def files(self):
        return sum(s.files for s in self.sites)

    def finalize(self):
        """Save what incremental builds deferred (Pipeline(defer_bookkeeping=True))."""
        for site in self.sites:
            if site.finalize is not None:
                finalize, site.finalize = site.finalize, None
                finalize()


def jsonl_line(record):
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_lines(path: Path, lines):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.writelines(lines)
    tmp.replace(path)


def write_jsonl(path: Path, records):
    write_lines(path, map(jsonl_line, records))


@dataclass
class WrittenRecords:
    paths: dict  # {lang: render file}
    hashes: dict  # {lang: {id: hash of the record's line}}: inputs of output keys
    media: set  # "/media/…" paths the records reference (which media files to keep)


def write_records(records_dir: Path, records, extra_render_records, languages):
    """records.jsonl (the site's own records, for search) and one render file per language.

    Streamed, each record serialised once (and hashed from that line); the
    render files also get `extra_render_records` (the portal's aggregated
    copies). A render worker then parses only its own language.
    """
    records_dir.mkdir(parents=True, exist_ok=True)
    paths = {lang: records_dir / f"render.{lang}.jsonl" for lang in languages}
    temps = [
        records_dir / "records.jsonl.tmp",
        *(p.with_name(p.name + ".tmp") for p in paths.values()),
    ]
    with ExitStack() as stack:
        own, *per_lang = (stack.enter_context(t.open("w", encoding="utf-8")) for t in temps)
        by_lang = dict(zip(languages, per_lang, strict=True))
        hashes = {lang: {} for lang in LANGUAGES}
        media = set()
        for record in records:
            line = jsonl_line(record)
            own.write(line)
            hashes[record["lang"]][record["id"]] = record_hash(line)
            if "/media/" in line:
                media.update(MEDIA_REF.findall(line))
            if record["lang"] in by_lang:
                by_lang[record["lang"]].write(line)
        for record in extra_render_records:
            if record["lang"] in by_lang:
                line = jsonl_line(record)
                hashes[record["lang"]][record["id"]] = record_hash(line)
                by_lang[record["lang"]].write(line)
    for temp in temps:
        temp.replace(temp.with_name(temp.name.removesuffix(".tmp")))
    return WrittenRecords(paths, hashes, media)


def read_jsonl(path: Path):
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


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


def swap_in(tmp_dir: Path, final_dir: Path, trash_dir: Path | None = None):
    """Replace final_dir by tmp_dir; the old tree is removed only after the swap.

    With `trash_dir` (on the same filesystem) the old tree is moved there and
    deleted by a background thread: unlinking 23k files takes seconds and the
    new site is live as soon as the rename is done. The thread is not a daemon,
    so the process finishes the deletion before it exits.
    """
    old = final_dir.with_name(f".{final_dir.name}.old-{uuid.uuid4().hex[:8]}")
    if final_dir.exists():
        final_dir.rename(old)
    tmp_dir.rename(final_dir)
    if not old.exists():
        return
    if trash_dir is not None:
        try:
            trash_dir.mkdir(parents=True, exist_ok=True)
            moved = trash_dir / old.name
            old.rename(moved)
        except OSError:  # another filesystem: delete here and now
            pass
        else:
            remove_in_background(moved)
            return
    shutil.rmtree(old, ignore_errors=True)


_cleanups = []


def remove_in_background(path: Path):
    thread = threading.Thread(
        target=shutil.rmtree, args=(path,), kwargs={"ignore_errors": True}, name="cong-rmtree"
    )
    thread.start()
    # a long-running worker builds many times: keep only the threads still deleting
    _cleanups[:] = [t for t in _cleanups if t.is_alive()]
    _cleanups.append(thread)


def wait_for_cleanup():
    """Block until old output trees moved aside by swap_in are deleted."""
    while _cleanups:
        _cleanups.pop().join()


def _render_in_worker(job):
    started = time.perf_counter()
    result = render_language(job)
    return {**result, "lang": job["lang"], "seconds": time.perf_counter() - started}


class SiteBuild:
    """Everything about one site during one build."""

    def __init__(self, site, config, base_url, tmp_dir, records_dir):
        self.records_dir = records_dir
        self.site = site
        self.slug = site["slug"]
        self.config = config
        self.base_url = base_url
        self.tmp_dir = tmp_dir
        self.records = []
        self.futures = []
        self.result = SiteResult(self.slug)
        self.started = time.perf_counter()
        self.previous = None  # the last build's Manifest
        self.written = None  # WrittenRecords
        self.outputs = {}  # {lang: {file: [key, digest]}}
        self.base_keys = {}  # {lang: shared key}, from the render
        self.related = {}  # {lang: {news id: [related ids]}}, from the render

    @property
    def manifest_path(self):
        return self.records_dir / MANIFEST_NAME


class Pipeline:
    def __init__(
        self,
        *,
        dist_dir: Path,
        var_dir: Path,
        production=False,
        local_root=LOCAL_ROOT_URL,
        processes=None,
        progress=None,
        sites_dir=None,
        themes_dir=None,
        exporter=None,
        before_fork=None,
        defer_bookkeeping=False,
    ):
        self.dist_dir = Path(dist_dir)
        self.records_dir = Path(var_dir) / "build"
        self.trash_dir = self.records_dir / ".trash"  # old output trees awaiting deletion
        self.production = production
        self.local_root = local_root
        self.processes = processes if processes is not None else min(2, os.cpu_count() or 1)
        self.progress = progress or (lambda done, total, label: None)
        self.sites_dir = sites_dir
        self.themes_dir = Path(themes_dir) if themes_dir else THEMES_DIR
        self.exporter = exporter  # module with list_sites/export_site/export_site_context
        # Called before render workers may be forked: the caller closes its database
        # connections so that no child inherits (and later closes) a live socket.
        self.before_fork = before_fork or (lambda: None)
        # True: incremental builds leave saving their records file and manifest
        # to summary.finalize(), so that the caller can publish first.
        self.defer_bookkeeping = defer_bookkeeping

    def _export(self):
        if self.exporter is None:
            from build import export

            self.exporter = export
        return self.exporter

    def _config(self, site):
        kwargs = {"names": {"vi": site["name_vi"], "en": site["name_en"]}, "cms": site.get("cms")}
        if self.sites_dir:
            kwargs["sites_dir"] = Path(self.sites_dir)
        return load_site_config(
            site["slug"], themes_dir=self.themes_dir, production=self.production, **kwargs
        )

    def run(self, slugs=None, *, full=False, changes=None):
        """Build the sites (all, or `slugs`); returns a BuildSummary.

        Incremental by default: a site with a manifest from a previous build
        re-exports only the pages in `changes` ({slug: [page ids]}; without it,
        the pages whose URL or last publication differ from the manifest) and
        re-renders only the files whose inputs changed (build/update.py).
        `full`, a first build, a changed base URL or a moved page rebuild the
        whole site in a temporary folder swapped in whole.
        """
        started = time.perf_counter()
        if self.trash_dir.is_dir():  # left by a process that was stopped mid-deletion
            for leftover in self.trash_dir.iterdir():
                remove_in_background(leftover)
        self._remove_leftovers(slugs)
        export = self._export()
        all_sites = export.list_sites()
        known = {s["slug"] for s in all_sites}
        unknown = sorted(set(slugs or ()) - known)
        if unknown:
            raise BuildError(
                f"unknown site(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        configs = {s["slug"]: self._config(s) for s in all_sites}
        base_urls = {
            slug: config.base_url(production=self.production, local_root=self.local_root)
            for slug, config in configs.items()
        }
        portal = next((s for s in all_sites if s["is_portal"]), None)
        selected = [s for s in all_sites if not slugs or s["slug"] in slugs]
        # Departments first: the portal aggregates their fresh records.
        selected.sort(key=lambda s: s["is_portal"])
        self.dist_dir.mkdir(parents=True, exist_ok=True)
        shared = {
            "portal": (
                {
                    "url": base_urls[portal["slug"]],
                    "name": {"vi": portal["name_vi"], "en": portal["name_en"]},
                }
                if portal
                else None
            ),
            "site_names": {s["slug"]: {"vi": s["name_vi"], "en": s["name_en"]} for s in all_sites},
            "base_urls": base_urls,
        }
        builds = []
        total_steps = sum(1 + len(configs[s["slug"]].languages) for s in selected)
        done = 0
        context = multiprocessing.get_context("fork")
        workers = max(1, self.processes)
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for site in selected:
                build = SiteBuild(
                    site,
                    configs[site["slug"]],
                    base_urls[site["slug"]],
                    self.dist_dir / f".{site['slug']}.building-{uuid.uuid4().hex[:8]}",
                    self.records_dir / site["slug"],
                )
                builds.append(build)
                build.previous = RecordCache.manifest(build)
                try:
                    if not full and self._update(
                        build, export, shared, base_urls, all_sites, changes
                    ):
                        done += len(build.config.languages)
                        if not self.defer_bookkeeping:
                            build.result.finalize()
                            build.result.finalize = None
                    else:
                        self._export_and_submit(build, export, pool, shared, base_urls, all_sites)
                except Exception as exc:  # noqa: BLE001 - reported per site, others go on
                    build.result.error = f"{type(exc).__name__}: {exc}"
                done += 1
                self.progress(done, total_steps, f"exported {build.slug}")
            for build in builds:
                for future in build.futures:
                    try:
                        result = future.result()
                        build.outputs[result["lang"]] = result["outputs"]
                        build.base_keys[result["lang"]] = result["base_key"]
                        build.related[result["lang"]] = result["related"]
                        build.result.files += result["files"]
                        build.result.stages[f"render_{result['lang']}"] = round(
                            result["seconds"], 2
                        )
                    except Exception as exc:  # noqa: BLE001
                        build.result.error = build.result.error or f"{type(exc).__name__}: {exc}"
                    done += 1
                    self.progress(done, total_steps, f"rendered {build.slug}")
        summary = BuildSummary()
        for build in builds:
            if not build.result.incremental:
                self._finish(build)
            summary.sites.append(build.result)
        self.write_sites_json(all_sites, configs, base_urls)
        summary.seconds = time.perf_counter() - started
        return summary

    def _export_and_submit(self, build, export, pool, shared, base_urls, all_sites):
        build.tmp_dir.mkdir(parents=True)
        step = time.perf_counter()
        records = export.export_site(build.slug, build.tmp_dir, base_urls=base_urls)
        build.result.stages["export"] = round(time.perf_counter() - step, 2)
        context = export.export_site_context(build.slug, base_urls=base_urls, out_dir=build.tmp_dir)
        build.records = records
        build.result.pages = len(records)
        copies = []
        if build.site["is_portal"]:
            copies = self._department_copies(all_sites, base_urls, export)
        step = time.perf_counter()
        build.written = write_records(
            self.records_dir / build.slug, records, copies, build.config.languages
        )
        render_paths = build.written.paths
        build.result.stages["write_records"] = round(time.perf_counter() - step, 2)
        assets, jobs = self.language_jobs(
            build,
            out_dir=build.tmp_dir,
            context=context,
            shared=shared,
            base_urls=base_urls,
            records_for=lambda lang: {"records_path": render_paths[lang]},
        )
        build.result.files += len(assets)
        for job in jobs:
            if self.processes > 1:
                self.before_fork()
                build.futures.append(pool.submit(_render_in_worker, job))
            else:
                build.futures.append(_Done(_render_in_worker(job)))

    def language_jobs(self, build, *, out_dir, context, shared, base_urls, records_for):
        """The site's theme assets written to out_dir, and one render job per language.

        `records_for(lang)` gives the job its records: {"records_path": …} or
        {"records": […]}.
        """
        assets = prepare_site(config=build.config, out_dir=out_dir, themes_dir=self.themes_dir)
        csp = make_csp(
            build.config.search_api_url, base_urls.values(), build.config.feedback_endpoint
        )
        jobs = []
        for lang in build.config.languages:
            job = language_job(
                slug=build.slug,
                lang=lang,
                config=build.config,
                base_url=build.base_url,
                out_dir=out_dir,
                assets=assets,
                context=context,
                portal=shared["portal"],
                csp=csp,
                themes_dir=self.themes_dir,
                **records_for(lang),
            )
            job["site_names"] = shared["site_names"]
            job["record_hashes"] = build.written.hashes[lang]
            jobs.append(job)
        return assets, jobs

    def _remove_leftovers(self, slugs):
        """Temporary folders of builds that were killed (two builds of one site never
        run at once: the publishing queue and build_sites' callers see to that)."""
        if not self.dist_dir.is_dir():
            return
        for path in self.dist_dir.glob(".*.*-*"):
            slug, _, rest = path.name[1:].rpartition(".")
            if rest.startswith(("building-", "update-", "scratch-")) and (
                not slugs or slug in slugs
            ):
                shutil.rmtree(path, ignore_errors=True)

    def _update(self, build, export, shared, base_urls, all_sites, changes):
        """The incremental build of one site; False when it needs a full build."""
        from build.update import update_site

        return update_site(self, build, export, shared, base_urls, all_sites, changes)

    def _department_copies(self, all_sites, base_urls, export):
        copies = []
        for site in all_sites:
            if site["is_portal"]:
                continue
            path = self.records_dir / site["slug"] / "records.jsonl"
            if path.is_file():
                records = read_jsonl(path)
            else:  # never built: export its records now (media go to a throwaway folder)
                scratch = self.dist_dir / f".{site['slug']}.scratch-{uuid.uuid4().hex[:8]}"
                try:
                    records = export.export_site(site["slug"], scratch, base_urls=base_urls)
                finally:
                    shutil.rmtree(scratch, ignore_errors=True)
            copies += aggregate_for_portal(records, site["slug"], base_urls[site["slug"]])
        return copies

    def _finish(self, build):
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
                manifest = Manifest(
                    base_url=build.base_url,
                    records=record_entries(build.records, build.written.hashes),
                    hashes=build.written.hashes,
                    outputs=build.outputs,
                    files=other_files(build.tmp_dir, build.outputs),
                    redirects=redirects,
                    base_keys=build.base_keys,
                    related=build.related,
                )
                swap_in(build.tmp_dir, self.dist_dir / build.slug, self.trash_dir)
                manifest.save(build.manifest_path)
                (build.records_dir / UNFINISHED).unlink(missing_ok=True)
                build.result.redirects = {
                    old: build.base_url + new for old, new in redirects.items()
                }
                build.result.stages["finish"] = round(time.perf_counter() - step, 2)
        except Exception as exc:  # noqa: BLE001
            build.result.error = f"{type(exc).__name__}: {exc}"
        finally:
            if build.tmp_dir.exists():
                shutil.rmtree(build.tmp_dir, ignore_errors=True)
            build.result.seconds = time.perf_counter() - build.started

    def write_sites_json(self, all_sites, configs, base_urls):
        """dist/sites.json: every site that has output, for the search API and indexer."""
        entries = [
            {
                "slug": s["slug"],
                "name_vi": s["name_vi"],
                "name_en": s["name_en"],
                "base_url": base_urls[s["slug"]],
                "languages": list(configs[s["slug"]].languages),
                "is_portal": bool(s["is_portal"]),
            }
            for s in all_sites
            if (self.dist_dir / s["slug"]).is_dir()
        ]
        tmp = self.dist_dir / "sites.json.tmp"
        tmp.write_text(json.dumps(entries, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        tmp.replace(self.dist_dir / "sites.json")


class _Done:
    """A finished 'future' for renders done in this process (processes=1)."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value
