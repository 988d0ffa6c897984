"""Coalescing and mutual exclusion under real concurrency (threads, separate connections).

PostgreSQL only: SQLite serialises every write to the file, so the races these
tests provoke cannot happen there (its single-row claim is covered in
test_on_save.py).
"""

import threading

import pytest
from django.db import connection, connections

from cms.publishing.models import BuildRun
from cms.publishing.queue import claim_next, request_build

from .onsave_support import DUMMY

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]
THREADS = 8


def run_together(function, count=THREADS):
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def worker(index):
        try:
            barrier.wait(timeout=10)
            results[index] = function(index)
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return results


def test_concurrent_requests_join_one_queued_build(settings):
    settings.TASKS = DUMMY
    run_together(lambda i: request_build("so-x", [100 + i], trigger=BuildRun.Trigger.PUBLISH))
    queued = BuildRun.objects.get(site_slug="so-x")
    assert queued.status == BuildRun.Status.QUEUED
    assert queued.page_ids == [100 + i for i in range(THREADS)]
    assert queued.requests == THREADS


def test_only_one_of_concurrent_claims_wins(settings):
    settings.TASKS = DUMMY
    queued = request_build("so-y", [1], trigger=BuildRun.Trigger.MANUAL)
    results = run_together(lambda i: claim_next("so-y"))
    winners = [run for run in results if run is not None]
    assert [run.pk for run in winners] == [queued.pk]
    assert BuildRun.objects.get().status == BuildRun.Status.RUNNING
