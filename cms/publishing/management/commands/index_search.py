"""manage.py index_search [--full] [--site SLUG …]: feed the shared search index.

Reads what the build left: dist/sites.json and var/build/<slug>/records.jsonl.
Default: incremental per site (upsert changed documents, delete vanished
ones). --full without --site builds a new index of every site and swaps it in
atomically; --full with --site re-sends every document of those sites.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.backends import BackendUnavailable, get_backend
from search.indexing import read_sites, rebuild_all, update_site
from search.pending import clear_pending, pending_sites


class Command(BaseCommand):
    help = "Index the built sites' content records into the shared search index."

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="Rebuild and swap in atomically.")
        parser.add_argument(
            "--site", action="append", dest="sites", metavar="SLUG", help="Only this site."
        )

    def handle(self, *args, full=False, sites=None, **options):
        sites_json = settings.DIST_DIR / "sites.json"
        records_dir = settings.VAR_DIR / "build"
        try:
            inputs = read_sites(sites_json, records_dir)
        except FileNotFoundError as exc:
            raise CommandError(
                f"{sites_json} not found: run `manage.py build_sites` first."
            ) from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise CommandError(f"{sites_json} is not a valid sites list: {exc}") from exc
        if sites:
            unknown = sorted(set(sites) - {site.slug for site in inputs})
            if unknown:
                raise CommandError(f"Unknown site(s): {', '.join(unknown)}")
            inputs = [site for site in inputs if site.slug in sites]
        backend = get_backend()
        started = time.perf_counter()
        try:
            pending = set(pending_sites(settings.VAR_DIR))
            if full and not sites:
                count, skipped = rebuild_all(inputs, backend)
                for site in inputs:
                    if site.slug not in skipped:
                        clear_pending(settings.VAR_DIR, site.slug)
                for slug in skipped:
                    self.stderr.write(f"{slug}: no records.jsonl, not indexed")
                summary = f"Rebuilt the {backend.name} index: {count} documents"
            else:
                count = 0
                for site in inputs:
                    if not site.records_path.exists():
                        self.stderr.write(f"{site.slug}: no {site.records_path}, skipped")
                        continue
                    report = update_site(
                        site.slug,
                        site.records(),
                        site.base_url,
                        site.site_name,
                        backend=backend,
                        force=full,
                    )
                    count += report.upserted + report.deleted
                    clear_pending(settings.VAR_DIR, site.slug)
                    caught_up = (
                        " (was pending after a failed update)" if site.slug in pending else ""
                    )
                    self.stdout.write(f"{report}{caught_up}")
                summary = f"Updated the {backend.name} index: {count} changes"
        except BackendUnavailable as exc:
            raise CommandError(f"Search backend unavailable: {exc}") from exc
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        finally:
            backend.close()
        self.stdout.write(
            self.style.SUCCESS(f"{summary} in {time.perf_counter() - started:.1f} s.")
        )
