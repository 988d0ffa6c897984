"""manage.py publish_sites: sync the built sites in dist/ to their publish target."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from build.incremental import site_redirects
from build.publish import PublishError, publish_site
from build.publish.sites import target_for_site
from build.siteconfig import SiteConfigError
from build.sitesfile import parse_sites, sites_path

PLAN_LINES_SHOWN = 50


class Command(BaseCommand):
    help = (
        "Publish built sites (dist/<slug>/) to their target: a folder or s3://bucket/prefix. "
        "Only files whose content changed are written; stale files are removed last."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site",
            action="append",
            dest="sites",
            metavar="SLUG",
            help="Publish only this site (repeatable). Default: every site in dist/sites.json.",
        )
        parser.add_argument(
            "--target",
            help="Folder path or s3://bucket/prefix for every selected site "
            "(default: each site's publish.target from sites/; 'local' means dist/ itself).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would change; change nothing."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Upload every file even if unchanged (repairs headers after a rule change).",
        )

    def handle(self, *args, sites=None, target=None, dry_run=False, force=False, **options):
        dist_dir = Path(settings.DIST_DIR)
        slugs = self._select_sites(dist_dir, sites)
        failures = []
        for slug in slugs:
            try:
                site_target = target_for_site(
                    slug, dist_dir, spec=target, project_dir=settings.BASE_DIR
                )
            except SiteConfigError as error:
                raise CommandError(f"site {slug!r}: {error}") from error
            except ValueError as error:
                raise CommandError(str(error)) from error
            try:
                result = publish_site(
                    dist_dir / slug,
                    slug,
                    site_target,
                    dry_run=dry_run,
                    force=force,
                    redirects=site_redirects(settings.VAR_DIR, slug),
                )
            except PublishError as error:
                failures.append(slug)
                self.stderr.write(self.style.ERROR(str(error)))
                continue
            self.stdout.write(result.log_line())
            if dry_run and result.plan is not None:
                self._show_plan(result.plan)
        if failures:
            raise CommandError(
                f"publishing failed for {', '.join(failures)}; what is live is consistent, "
                "run publish_sites again to finish"
            )

    def _select_sites(self, dist_dir, wanted):
        index = sites_path(dist_dir)
        try:
            built = list(parse_sites(index.read_text(encoding="utf-8")))
        except FileNotFoundError as error:
            raise CommandError(f"{index} not found: run build_sites first") from error
        except (ValueError, TypeError, KeyError) as error:
            raise CommandError(f"{index} is not a valid list of sites: {error}") from error
        if not wanted:
            return built
        unknown = [slug for slug in wanted if slug not in built]
        if unknown:
            raise CommandError(
                f"not built: {', '.join(unknown)} (built sites: {', '.join(built) or 'none'})"
            )
        return list(dict.fromkeys(wanted))

    def _show_plan(self, plan):
        lines = [f"  {upload.reason:8} {upload.path}" for upload in plan.uploads]
        lines += [f"  {'delete':8} {path}" for path in plan.deletes]
        for line in lines[:PLAN_LINES_SHOWN]:
            self.stdout.write(line)
        if len(lines) > PLAN_LINES_SHOWN:
            self.stdout.write(f"  … and {len(lines) - PLAN_LINES_SHOWN} more")
