"""Run the CMS's periodic jobs (cms/scheduler/jobs.py): a long-running loop, or once."""

import logging
import signal

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cms.scheduler.jobs import JOBS, run_due, run_forever, run_job

logger = logging.getLogger("cong.scheduler")


class Command(BaseCommand):
    help = (
        "Run scheduled jobs: publish_scheduled every minute, purge_feedback and "
        "clearsessions nightly. --once runs what is due now and exits."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run the jobs due this minute, then exit."
        )
        parser.add_argument(
            "--job",
            action="append",
            default=[],
            metavar="NAME",
            help="With --once: run this job now whatever its schedule (repeatable).",
        )
        parser.add_argument("--list", action="store_true", help="List the jobs and exit.")

    def handle(self, *args, once=False, job=(), list=False, **options):  # noqa: A002
        if list:
            for item in JOBS:
                nxt = timezone.localtime(item.next_after(timezone.now()))
                self.stdout.write(f"{item.name:20} {item.cron:12} next {nxt:%Y-%m-%d %H:%M}")
            return
        by_name = {item.name: item for item in JOBS}
        unknown = [name for name in job if name not in by_name]
        if unknown:
            raise CommandError(f"Unknown job(s): {', '.join(unknown)}; see --list.")
        if job and not once:
            raise CommandError("--job needs --once.")
        if once:
            if job:
                results = {name: run_job(by_name[name]) for name in job}
            else:
                results = run_due(JOBS, timezone.now())
            failed = [name for name, ok in results.items() if not ok]
            ran = ", ".join(results) or "nothing due"
            self.stdout.write(f"Ran: {ran}.")
            if failed:
                # Cron or a supervisor sees the failure; the other jobs have still run.
                raise CommandError(f"Failed: {', '.join(failed)} (see the log).")
            return
        stopping = []

        def stop(signum, frame):
            stopping.append(signum)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        logger.info("scheduler started: %s", ", ".join(f"{j.name} ({j.cron})" for j in JOBS))
        run_forever(JOBS, keep_going=lambda: not stopping, sleep=_interruptible_sleep(stopping))
        logger.info("scheduler stopped")


def _interruptible_sleep(stopping):
    """Sleep in short steps so SIGTERM stops the loop within a second."""
    import time

    def sleep(seconds):
        end = time.monotonic() + seconds
        while not stopping and time.monotonic() < end:
            time.sleep(min(1.0, end - time.monotonic()))

    return sleep
