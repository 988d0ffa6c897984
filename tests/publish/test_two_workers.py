"""Two worker hosts: two `db_worker` processes with their own VAR_DIR and DIST_DIR,
sharing only PostgreSQL and moto's S3 server. After a burst of edits across sites,
every site on S3 is byte-identical to a full build, and no site was built by both
workers at once (cms/publishing/buildstate.py, the BuildRun lock).
"""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from build.pipeline import Pipeline
from build.publish.state import RESERVED_PREFIX
from cms.news.models import NewsArticlePage
from cms.publishing.models import BuildRun

from .onsave_support import add_article, publish

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]
PROJECT_DIR = Path(__file__).resolve().parents[2]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
DEPARTMENTS = ("so-mot", "so-hai", "xa-ba")
PREFIX = "sites"


def database_url():
    db = connection.settings_dict
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{db['USER'] or 'postgres'}@{host}/{db['NAME']}"


def start_worker(name, tmp_path, moto_url, bucket):
    home = tmp_path / name
    home.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MEDIA_"))},
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "DATABASE_URL": database_url(),
        "TASKS_BACKEND": "database",
        "VAR_DIR": str(home / "var"),
        "DIST_DIR": str(home / "dist"),
        "MEDIA_ROOT": str(home / "media"),
        "ELASTICSEARCH_URL": "",
        "PUBLISH_TARGET": f"s3://{bucket}/{PREFIX}",
        "PUBLISH_SETTLE_SECONDS": "0",
        "AWS_ENDPOINT_URL": moto_url,
        "AWS_ACCESS_KEY_ID": "AKIAPUBLISHTESTKEY00",
        "AWS_SECRET_ACCESS_KEY": "publish-test-secret-never-printed",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": "/nonexistent",
        "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
        "LOG_LEVEL": "INFO",
    }
    log = (home / "worker.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
        + ["--interval", "0.2", "--worker-id", name],
        cwd=PROJECT_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return process, home


def wait_idle(timeout=420):
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy = (
            BuildRun.objects.filter(
                status__in=[BuildRun.Status.QUEUED, BuildRun.Status.RUNNING]
            ).exists()
            or DBTaskResult.objects.filter(
                task_path__endswith="build_site", status__in=["READY", "RUNNING"]
            ).exists()
        )
        if not busy:
            return
        time.sleep(0.5)
    raise AssertionError("the workers did not finish in time")


def s3_files(client, bucket, slug):
    prefix = f"{PREFIX}/{slug}/"
    files = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", ()):
            path = item["Key"][len(prefix) :]
            if not path.split("/")[-1].startswith(RESERVED_PREFIX):
                files[path] = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
    return files


def local_files(root):
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and not p.name.startswith(RESERVED_PREFIX)
    }


@pytest.fixture
def province(make_department, settings, tmp_path):
    settings.TASKS = DATABASE_TASKS
    settings.PUBLISH_SETTLE_SECONDS = 0
    settings.PUBLISH_ON_SAVE = True
    settings.DIST_DIR = tmp_path / "cms-dist"
    settings.VAR_DIR = tmp_path / "cms-var"
    make_department("cong", "Cổng tỉnh", "Provincial portal", is_portal=True)
    departments = [make_department(slug) for slug in DEPARTMENTS]
    articles = {}
    for department in departments:
        articles[department.slug] = [
            publish(add_article(department, f"{department.slug}-{n}", show_on_portal=n == 0))
            for n in range(3)
        ]
    return departments, articles


def test_two_workers_share_only_postgres_and_s3(province, moto_url, direct_s3, bucket, tmp_path):
    departments, articles = province
    workers = [start_worker(name, tmp_path, moto_url, bucket) for name in ("w1", "w2")]
    try:
        wait_idle()  # the first builds of every site
        # The burst: edits, a new article and an unpublish across the sites, while
        # both workers are picking builds up.
        for round_ in range(4):
            for department in departments:
                page = NewsArticlePage.objects.get(pk=articles[department.slug][round_ % 3].pk)
                page.title = f"{page.title} (sửa {round_})"
                publish(page)
            time.sleep(0.3)
        publish(add_article(departments[0], "moi", show_on_portal=True))
        NewsArticlePage.objects.get(pk=articles["so-hai"][1].pk).unpublish()
        time.sleep(1)
        wait_idle()
    finally:
        for process, _home in workers:
            process.terminate()
        for process, _home in workers:
            process.wait(timeout=30)

    logs = {home.name: (home / "worker.log").read_text("utf-8") for _p, home in workers}
    built = {
        name: re.findall(r"build site=(\S+) run=(\d+) trigger=\S+ mode=(\w+)", log)
        for name, log in logs.items()
    }
    assert built["w1"] and built["w2"], {name: log[-2000:] for name, log in logs.items()}
    # Some site was built by one worker after the other: the case this test is about.
    by_run = {int(run): (name, slug) for name, rows in built.items() for slug, run, _ in rows}
    owners = {}
    for run in sorted(by_run):
        name, slug = by_run[run]
        owners.setdefault(slug, []).append(name)
    assert any(len(set(names)) == 2 for names in owners.values()), owners

    runs = list(BuildRun.objects.order_by("started_at"))
    assert all(r.status == BuildRun.Status.SUCCEEDED for r in runs), [
        (r.site_slug, r.error) for r in runs if r.error
    ]
    for slug in {r.site_slug for r in runs}:  # never two builds of a site at once
        mine = [r for r in runs if r.site_slug == slug]
        for before, after in zip(mine, mine[1:], strict=False):
            assert before.finished_at <= after.started_at, slug

    reference = Pipeline(dist_dir=tmp_path / "ref" / "dist", var_dir=tmp_path / "ref" / "var")
    summary = reference.run(full=True)
    assert not summary.failed
    for slug in ("cong", *DEPARTMENTS):
        expected = local_files(tmp_path / "ref" / "dist" / slug)
        live = s3_files(direct_s3, bucket, slug)
        assert sorted(live) == sorted(expected), slug
        different = [path for path in expected if live[path] != expected[path]]
        assert not different, (slug, different[:10])
        if slug == "so-mot":  # the last round of edits is live
            assert any("(sửa 3)".encode() in body for body in live.values())
