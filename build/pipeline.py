"""build_sites: every site from the CMS to dist/, each by one of two strategies.

Per site, one linear sequence: export → records → plan → render → commit,
then (the caller's) publish and index:

    Pipeline.run
      build/update.py  update_site      incremental: re-export the changed pages,
                                        render only outputs whose key changed,
                                        commit them into the live folder;
      build/full.py    export_and_render  everything, rendered by worker processes
                       finish             into a new folder swapped in whole.

The pipeline chooses the strategy (incremental unless `full`, a first build,
a changed base URL or a moved page), owns the worker pool and gathers the
results; the steps get typed values (build/plan.py) and never the pipeline.

The portal aggregates: its listings get copies of department news flagged
show_on_portal and of every document, planning, project and procedure record,
each pointing (canonical) at its page on the department's site. Departments
are built first, so the portal aggregates their fresh records.
"""

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from build import full as full_build
from build.dist import empty_trash, remove_leftovers
from build.plan import BuildContext, SiteBuild, SiteResult, capture_warnings
from build.render import render_language
from build.siteconfig import LOCAL_ROOT_URL, THEMES_DIR, SiteConfigError, load_site_config
from build.sitesfile import site_entry, write_sites
from build.state import RecordCache
from build.update import update_site

__all__ = ["BuildError", "BuildSummary", "Pipeline", "SiteResult"]


class BuildError(RuntimeError):
    pass


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


class _Done:
    """A finished 'future' for renders done in this process (processes=1)."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


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
        before_fork=None,
        defer_bookkeeping=False,
        stale_records=(),
    ):
        self.dist_dir = Path(dist_dir)
        self.records_dir = Path(var_dir) / "build"
        self.production = production
        self.local_root = local_root
        self.processes = processes if processes is not None else min(2, os.cpu_count() or 1)
        # progress(done, total, SiteResult) after each site, built or failed
        self.progress = progress or (lambda done, total, result: None)
        self.sites_dir = sites_dir
        self.themes_dir = Path(themes_dir) if themes_dir else THEMES_DIR
        # Called before render workers may be forked: the caller closes its database
        # connections so that no child inherits (and later closes) a live socket.
        self.before_fork = before_fork or (lambda: None)
        # True: incremental builds leave saving their records file and manifest
        # to summary.finalize(), so that the caller can publish first.
        self.defer_bookkeeping = defer_bookkeeping
        # Sites whose local records another host's build has overtaken (plan.BuildContext).
        self.stale_records = frozenset(stale_records)

    def _config(self, site):
        kwargs = {"names": {"vi": site["name_vi"], "en": site["name_en"]}, "cms": site.get("cms")}
        if self.sites_dir:
            kwargs["sites_dir"] = Path(self.sites_dir)
        return load_site_config(
            site["slug"], themes_dir=self.themes_dir, production=self.production, **kwargs
        )

    def _configs(self, all_sites):
        """({slug: SiteConfig}, {slug: error}): a site whose configuration is invalid
        (a bad site file, no base URL for a production build) fails alone."""
        configs, broken = {}, {}
        for site in all_sites:
            try:
                config = self._config(site)
                config.base_url(production=self.production, local_root=self.local_root)
            except SiteConfigError as exc:
                broken[site["slug"]] = f"SiteConfigError: {exc}"
            else:
                configs[site["slug"]] = config
        return configs, broken

    def _link_url(self, site):
        """Where other sites link to a site whose configuration failed: its first host
        name from the CMS (or its local URL). Nothing of that site itself is built."""
        hostnames = (site.get("cms") or {}).get("hostnames") or ()
        if self.production and hostnames:
            return f"https://{hostnames[0]}"
        return f"{self.local_root.rstrip('/')}/{site['slug']}"

    def _context(self, export, all_sites, configs):
        base_urls = {
            s["slug"]: (
                configs[s["slug"]].base_url(production=self.production, local_root=self.local_root)
                if s["slug"] in configs
                else self._link_url(s)
            )
            for s in all_sites
        }
        portal = next((s for s in all_sites if s["is_portal"]), None)
        return BuildContext(
            export=export,
            dist_dir=self.dist_dir,
            records_dir=self.records_dir,
            themes_dir=self.themes_dir,
            all_sites=all_sites,
            base_urls=base_urls,
            portal=(
                {
                    "url": base_urls[portal["slug"]],
                    "name": {"vi": portal["name_vi"], "en": portal["name_en"]},
                }
                if portal
                else None
            ),
            site_names={s["slug"]: {"vi": s["name_vi"], "en": s["name_en"]} for s in all_sites},
            stale_records=self.stale_records,
        )

    def run(self, slugs=None, *, full=False, changes=None):
        """Build the sites (all, or `slugs`); returns a BuildSummary.

        Incremental by default: a site with a manifest from a previous build
        re-exports only the pages in `changes` ({slug: [page ids]}; without it,
        the pages whose URL or last publication differ from the manifest) and
        re-renders only the files whose inputs changed (build/update.py).
        `full`, a first build, a changed base URL or a moved page rebuild the
        whole site in a temporary folder swapped in whole (build/full.py).
        """
        from build import export  # the database reader (Django): loaded only to build

        started = time.perf_counter()
        summary = BuildSummary()
        empty_trash(self.records_dir / ".trash")
        remove_leftovers(self.dist_dir, slugs)
        all_sites = export.list_sites()
        known = {s["slug"] for s in all_sites}
        unknown = sorted(set(slugs or ()) - known)
        if unknown:
            raise BuildError(
                f"unknown site(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        configs, broken = self._configs(all_sites)
        good = [s for s in all_sites if s["slug"] in configs]
        ctx = self._context(export, all_sites, configs)
        selected = [s for s in all_sites if not slugs or s["slug"] in slugs]
        selected.sort(key=lambda s: s["is_portal"])  # departments first
        self.dist_dir.mkdir(parents=True, exist_ok=True)
        builds = []
        total, done = len(selected), 0

        def site_done(result):
            nonlocal done
            done += 1
            self.progress(done, total, result)

        context = multiprocessing.get_context("fork")
        # Sites build in parallel: this process exports one site after another
        # (the only one reading the database) while up to `processes` render
        # jobs of the sites exported before run in the pool.
        with ProcessPoolExecutor(max_workers=max(1, self.processes), mp_context=context) as pool:

            def submit(job):
                if self.processes > 1:
                    self.before_fork()
                    return pool.submit(render_language, job)
                return _Done(render_language(job))

            for site in selected:
                if site["slug"] in broken:  # reported, the others go on
                    result = SiteResult(site["slug"], error=broken[site["slug"]])
                    summary.sites.append(result)
                    site_done(result)
                    continue
                build = SiteBuild(site, configs[site["slug"]], ctx)
                build.previous = RecordCache.manifest(build.state)
                with capture_warnings(build.result.warnings):
                    try:
                        if not full and update_site(ctx, build, changes):
                            if not self.defer_bookkeeping:
                                build.result.finalize()
                                build.result.finalize = None
                        else:
                            full_build.export_and_render(ctx, build, submit)
                    except Exception as exc:  # noqa: BLE001 - reported per site, others go on
                        build.result.error = f"{type(exc).__name__}: {exc}"
                if build.result.incremental and not build.result.error:
                    summary.sites.append(build.result)
                    site_done(build.result)
                else:
                    builds.append(build)
            for build in builds:
                for future in build.futures:
                    try:
                        result = future.result()
                        build.take(result)
                        build.result.stages[f"render_{result.lang}"] = round(result.seconds, 2)
                    except Exception as exc:  # noqa: BLE001
                        build.result.error = build.result.error or f"{type(exc).__name__}: {exc}"
                full_build.finish(ctx, build)
                summary.sites.append(build.result)
                site_done(build.result)
        write_sites(
            self.dist_dir,
            [
                site_entry(s, ctx.base_urls[s["slug"]], configs[s["slug"]].languages)
                for s in good
                if (self.dist_dir / s["slug"]).is_dir()
            ],
        )
        summary.seconds = time.perf_counter() - started
        return summary
