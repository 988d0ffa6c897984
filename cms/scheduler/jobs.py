"""The periodic jobs of the CMS and the code that runs them.

Schedules are cron expressions read by croniter, in the site's TIME_ZONE
(Asia/Ho_Chi_Minh), so "nightly" means night in Vietnam. Each job is a
management command: the same thing an operator can run by hand.
"""

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime

from croniter import croniter
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

logger = logging.getLogger("cong.scheduler")


@dataclass(frozen=True)
class Job:
    name: str
    cron: str  # minute hour day-of-month month day-of-week
    command: str
    args: tuple = field(default=())

    def is_due(self, moment: datetime) -> bool:
        """Does the schedule fire in the minute that holds `moment` (local time)?"""
        return croniter.match(
            self.cron, timezone.localtime(moment).replace(second=0, microsecond=0)
        )

    def next_after(self, moment: datetime) -> datetime:
        return croniter(self.cron, timezone.localtime(moment)).get_next(datetime)


JOBS = (
    # Go-live and expiry of scheduled pages; their page_published/unpublished
    # signals queue the static builds like any publish.
    Job("publish_scheduled", "* * * * *", "publish_scheduled"),
    # Personal data in questions and feedback leaves after its retention period.
    Job("purge_feedback", "15 2 * * *", "purge_feedback"),
    # Expired admin sessions.
    Job("clearsessions", "45 2 * * *", "clearsessions"),
)


def _drop_stale_connections():
    """A long-running process must not keep a connection the database dropped.

    Not inside a transaction (a caller's atomic block, a test case): closing there
    would leave the caller with a closed connection.
    """
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def run_job(job: Job) -> bool:
    """Run one job; log how it went; never raise (one failing job must not stop the others)."""
    started = time.monotonic()
    logger.info("job %s started", job.name)
    try:
        call_command(job.command, *job.args, verbosity=0)
    except Exception:  # noqa: BLE001 - logged with its traceback; the scheduler goes on
        logger.exception("job %s failed after %.2f s", job.name, time.monotonic() - started)
        return False
    finally:
        _drop_stale_connections()
    logger.info("job %s finished in %.2f s", job.name, time.monotonic() - started)
    return True


def run_due(jobs, moment: datetime) -> dict:
    """Run every job due in the minute of `moment`; {name: succeeded}."""
    return {job.name: run_job(job) for job in jobs if job.is_due(moment)}


def run_forever(jobs, *, sleep=time.sleep, now=timezone.now, keep_going=lambda: True):
    """Run each job at every time its schedule fires, until keep_going() is false.

    A job that overruns its next time runs once more when it ends, not once per
    missed minute.
    """
    upcoming = {job: job.next_after(now()) for job in jobs}
    while keep_going():
        moment = now()
        for job in [j for j, at in upcoming.items() if at <= moment]:
            run_job(job)
            upcoming[job] = job.next_after(max(moment, now()))
        wait = (min(upcoming.values()) - now()).total_seconds()
        if wait > 0:
            sleep(min(wait, 60))
