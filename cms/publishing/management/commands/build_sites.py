"""manage.py build_sites: export and render every public site into dist/<slug>/."""

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from build.pipeline import BuildError, Pipeline
from build.report import Progress, summary_table
from build.siteconfig import SiteConfigError
from search.pending import mark_pending

from ...connections import close_idle_connections


class Command(BaseCommand):
    help = (
        "Export every site's live pages and render them with Pelican into DIST_DIR/<slug>/ "
        "(vi/ and en/), write DIST_DIR/sites.json and VAR_DIR/build/<slug>/records.jsonl. "
        "Each site is built in a temporary folder and swapped in whole: a failed build "
        "leaves the previous output untouched. Links use http://127.0.0.1:8080/<slug> "
        "(what serve_sites shows) unless --production is given (or the environment sets "
        "BUILD_BASE_URL=production), which uses each site's base_url from sites/<slug>.toml. "
        "Building only departments does not refresh the "
        "portal's aggregated listings: build the portal too (or everything)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site",
            action="append",
            dest="sites",
            metavar="SLUG",
            help="Build only this site (repeatable).",
        )
        parser.add_argument(
            "--full",
            action="store_true",
            help=(
                "Rebuild every selected site from scratch. Without it a site that was built "
                "before is built incrementally: only pages published, unpublished, moved or "
                "deleted since the last build are exported and only the files they affect "
                "are rendered (see build/update.py)."
            ),
        )
        parser.add_argument(
            "--production",
            action="store_true",
            help="Use the production base_url of each site's sites/<slug>.toml in every link.",
        )
        parser.add_argument(
            "--jobs",
            "--processes",
            type=int,
            default=None,
            dest="jobs",
            metavar="N",
            help=(
                "Sites built at once (default: the number of cores): this process exports "
                "one site after another while N worker processes render the sites exported "
                "before. A failing site does not stop the others."
            ),
        )
        parser.add_argument(
            "--no-index",
            action="store_false",
            dest="update_index",
            help="Do not update the search index for the sites built (see index_search).",
        )

    def handle(
        self,
        *args,
        sites=None,
        full=False,
        production=False,
        jobs=None,
        update_index=True,
        **options,
    ):
        verbosity = options.get("verbosity", 1)
        production = production or settings.BUILD_BASE_URL == "production"
        progress = Progress(
            write=self.stdout.write, terminal=self.stderr.isatty(), quiet=verbosity < 1
        )
        pipeline = Pipeline(
            dist_dir=settings.DIST_DIR,
            var_dir=settings.VAR_DIR,
            production=production,
            local_root=settings.BUILD_BASE_URL,
            processes=jobs if jobs is not None else (os.cpu_count() or 1),
            progress=progress,
            before_fork=close_idle_connections,
        )
        try:
            with progress:
                summary = pipeline.run(sites, full=full)
        except (BuildError, SiteConfigError) as exc:
            raise CommandError(str(exc)) from exc
        if verbosity >= 1:
            self.stdout.write("")
            for line in summary_table(summary.sites):
                self.stdout.write(line)
            for site in summary.sites:
                for warning in site.warnings[:20]:
                    self.stderr.write(self.style.WARNING(f"{site.slug}: {warning}"))
        for site in summary.failed:
            self.stderr.write(
                self.style.ERROR(f"{site.slug}: FAILED ({site.error}); previous output kept")
            )
        built = len(summary.sites) - len(summary.failed)
        self.stdout.write(
            f"Built {built} of {len(summary.sites)} sites: {summary.pages} pages, "
            f"{summary.files} files in {summary.seconds:.1f} s -> {settings.DIST_DIR}"
        )
        built_slugs = [site.slug for site in summary.sites if not site.error]
        if update_index and built_slugs:
            self._update_search_index(built_slugs, verbosity)
        if summary.failed:
            raise CommandError(
                f"{len(summary.failed)} of {len(summary.sites)} site(s) failed: "
                + "; ".join(f"{s.slug} ({s.error})" for s in summary.failed)
            )

    def _update_search_index(self, slugs, verbosity):
        """Incremental upserts and deletes for the sites just built.

        A search backend that is down must not fail a build whose output is
        already live: say so, and `index_search` catches up later.
        """
        try:
            call_command("index_search", sites=slugs, verbosity=verbosity, stdout=self.stdout)
        except CommandError as exc:
            for slug in slugs:
                mark_pending(settings.VAR_DIR, slug)
            self.stderr.write(
                self.style.WARNING(
                    f"Search index not updated ({exc}); run `manage.py index_search` later."
                )
            )
