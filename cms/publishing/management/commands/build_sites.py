"""manage.py build_sites: export and render every public site into dist/<slug>/."""

import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from build.pipeline import BuildError, Pipeline
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
            "--processes", type=int, default=None, help="Render processes (default: up to 2)."
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
        processes=None,
        update_index=True,
        **options,
    ):
        verbosity = options.get("verbosity", 1)
        show_bar = verbosity >= 1 and sys.stderr.isatty()

        def progress(done, total, label):
            if verbosity < 1:
                return
            width = 30
            filled = int(width * done / max(total, 1))
            line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label}"
            if show_bar:
                self.stderr.write(f"\r{line[:100]:<100}", ending="")
            elif verbosity >= 2:
                self.stderr.write(line)

        production = production or settings.BUILD_BASE_URL == "production"
        pipeline = Pipeline(
            dist_dir=settings.DIST_DIR,
            var_dir=settings.VAR_DIR,
            production=production,
            local_root=settings.BUILD_BASE_URL,
            processes=processes,
            progress=progress,
            before_fork=close_idle_connections,
        )
        try:
            summary = pipeline.run(sites, full=full)
        except (BuildError, SiteConfigError) as exc:
            raise CommandError(str(exc)) from exc
        if show_bar:
            self.stderr.write("")
        for site in summary.sites:
            if site.error:
                self.stderr.write(
                    self.style.ERROR(f"{site.slug}: FAILED ({site.error}); previous output kept")
                )
            elif verbosity >= 1 and site.incremental:
                self.stdout.write(
                    f"{site.slug}: incremental, {site.pages} pages changed, "
                    f"{len(site.changed_paths)} files changed or deleted, {site.seconds:.2f} s"
                )
            elif verbosity >= 1:
                self.stdout.write(
                    f"{site.slug}: {site.pages} pages, {site.files} files, {site.seconds:.1f} s"
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
                f"{len(summary.failed)} site(s) failed: "
                + ", ".join(s.slug for s in summary.failed)
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
