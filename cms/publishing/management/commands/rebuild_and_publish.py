"""manage.py rebuild_and_publish: queue (or run now) the build-index-publish task of sites.

The same path as the admin's "Rebuild and publish" button and page signals:
a BuildRun is queued per site (joining one already queued) and the build_site
task is enqueued. With --now the task runs in this process instead, whatever
the task backend, and the outcome of each run is printed.
"""

from django.core.management.base import BaseCommand, CommandError

from cms.departments.models import Department
from cms.publishing.models import BuildRun
from cms.publishing.queue import request_build
from cms.publishing.tasks import build_site


class Command(BaseCommand):
    help = (
        "Queue a rebuild-and-publish of the given sites (default: every site, "
        "departments before the portal). --now runs it here and reports each build."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", action="append", dest="sites", metavar="SLUG")
        parser.add_argument(
            "--now", action="store_true", help="Run the builds in this process and wait."
        )

    def handle(self, *args, sites=None, now=False, **options):
        known = list(
            Department.objects.order_by("is_portal", "slug").values_list("slug", flat=True)
        )
        unknown = sorted(set(sites or ()) - set(known))
        if unknown:
            raise CommandError(f"unknown site(s): {', '.join(unknown)}; known: {', '.join(known)}")
        slugs = [slug for slug in known if not sites or slug in sites]
        failed = []
        for slug in slugs:
            if now:
                # Record the queued run without enqueuing a task, then run the task here.
                request_build(slug, trigger=BuildRun.Trigger.MANUAL, enqueue=False)
                for run in BuildRun.objects.filter(pk__in=build_site.call(slug, [])):
                    self.stdout.write(self._describe(run))
                    if run.status == BuildRun.Status.FAILED:
                        failed.append(slug)
            else:
                run = request_build(slug, trigger=BuildRun.Trigger.MANUAL)
                self.stdout.write(f"{slug}: queued (build #{run.pk})")
        if failed:
            raise CommandError(f"build or publish failed for {', '.join(failed)}")

    def _describe(self, run):
        line = (
            f"{run.site_slug}: {run.status} in {run.duration or 0:.1f} s, {run.pages} pages, "
            f"{run.files_written} files written"
        )
        if run.files_changed is not None:
            line += f", {run.files_changed} changed at {run.publish_target}"
        if run.error:
            line += f"\n  {run.error}"
        return line
