"""Measurements that need Django, run as a subprocess by `python -m tests.bench`.

    python -m tests.bench.measure_cms build --site bench-1000
    python -m tests.bench.measure_cms bakery --site bench-1000 --seconds 60
    python -m tests.bench.measure_cms edit --site bench-1000 [--edits 4]
    python -m tests.bench.measure_cms update --site bench-20000 [--edits 4]

Each prints one JSON line: {"seconds", "pages", "files", "peak_mib", ...}.
Running each measurement in its own process keeps its peak memory its own.
"""

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path


def peak_mib():
    """Largest resident set of this process plus that of its largest child (MiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round((own + children) / 1024, 1)


def measure_build(site, processes):
    from django.conf import settings

    from build.pipeline import Pipeline
    from cms.publishing.connections import close_idle_connections

    pipeline = Pipeline(
        dist_dir=settings.DIST_DIR,
        var_dir=settings.VAR_DIR,
        local_root=settings.BUILD_BASE_URL,
        processes=processes,
        before_fork=close_idle_connections,
    )
    started, cpu = time.perf_counter(), time.process_time()
    summary = pipeline.run([site], full=True)
    seconds = time.perf_counter() - started
    if summary.failed:
        raise SystemExit(f"build failed: {summary.failed[0].error}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    main_cpu = time.process_time() - cpu
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(main_cpu + children.ru_utime + children.ru_stime, 2),
        "main_cpu_seconds": round(main_cpu, 2),
        "pages": summary.pages,
        "files": summary.files,
        "stages": summary.sites[0].stages,
    }


def measure_edit_to_live(site, edits):
    """Publish an edited article through Wagtail and time until the change is live.

    The publish fires Wagtail's page_published signal; the publishing app
    queues the site's build task, which the immediate task backend runs at
    once: the incremental build, then the publish to the site's target
    (PUBLISH_TARGET: dist/ itself, or S3). "live" is when the publish step
    ends; saving the build state and updating the search index follow and are
    reported apart. The first edit runs in this fresh process (cold: the
    site's records are read from disk), the next ones as a worker that built
    before does (warm).
    """
    from django.conf import settings
    from django.test.utils import override_settings

    from cms.departments.models import Department
    from cms.news.models import NewsArticlePage
    from cms.publishing.models import BuildRun

    department = Department.objects.select_related("site").get(slug=site)
    articles = list(
        NewsArticlePage.objects.descendant_of(department.site.root_page)
        .live()
        .order_by("path")[100 : 100 + 50 * edits : 50]
    )
    results = []
    with override_settings(PUBLISH_ON_SAVE=True, PUBLISH_SETTLE_SECONDS=0):
        for article in articles:
            title = f"Bài viết đã sửa {time.time_ns()}"
            article.title = title
            revision = article.save_revision()
            started = time.perf_counter()
            revision.publish()
            total = time.perf_counter() - started
            run = BuildRun.objects.filter(site_slug=site).order_by("-pk").first()
            if run.status != BuildRun.Status.SUCCEEDED:
                raise SystemExit(f"edit-to-live: build failed: {run.error}")
            steps = run.timings
            after_live = steps.get("save_state", 0) + steps.get("index", 0)
            relative = article.url_path.removeprefix(department.site.root_page.url_path)
            page = Path(settings.DIST_DIR) / site / "vi" / relative / "index.html"
            if title not in page.read_text(encoding="utf-8"):
                raise SystemExit(f"edit-to-live: {page} does not show the new title")
            results.append(
                {
                    "seconds": round(total - after_live, 3),
                    "build": steps.get("build"),
                    "publish": steps.get("publish"),
                    "after_live": round(after_live, 3),
                    "files": run.files_written,
                    "uploaded": run.files_uploaded,
                    "deleted": run.files_deleted,
                    "target": run.publish_target,
                }
            )
    warm = results[1:] or results
    return {
        "seconds": round(sorted(r["seconds"] for r in warm)[len(warm) // 2], 3),  # median
        "cold_seconds": results[0]["seconds"],
        "pages": 1,
        "edits": results,
        "method": "incremental build + publish, warm worker (median of edits 2..n)",
    }


def measure_updates(site, edits):
    """Where an incremental update's time goes: the stages of Pipeline.run for
    one-article edits in this process (the first cold, the others warm), without the
    task, the publish or the bookkeeping that follows."""
    from django.conf import settings
    from django.utils import timezone

    from build.pipeline import Pipeline
    from cms.departments.models import Department
    from cms.news.models import NewsArticlePage

    department = Department.objects.select_related("site").get(slug=site)
    pipeline = Pipeline(
        dist_dir=settings.DIST_DIR,
        var_dir=settings.VAR_DIR,
        local_root=settings.BUILD_BASE_URL,
        defer_bookkeeping=True,
    )
    ids = list(
        NewsArticlePage.objects.descendant_of(department.site.root_page)
        .live()
        .order_by("path")
        .values_list("pk", flat=True)[300 : 300 + 40 * edits : 40]
    )
    runs = []
    for page_id in ids:
        title = f"Bài viết đã sửa {time.time_ns()}"
        NewsArticlePage.objects.filter(pk=page_id).update(
            title=title, draft_title=title, last_published_at=timezone.now()
        )
        summary = pipeline.run([site], changes={site: [page_id]})
        result = summary.sites[0]
        if result.error or not result.incremental:
            raise SystemExit(f"update: {result.error or 'not incremental'}")
        started = time.perf_counter()
        summary.finalize()
        runs.append(
            {
                "seconds": round(result.seconds, 3),
                "stages": result.stages,
                "files": len(result.changed_paths),
                "finalize": round(time.perf_counter() - started, 3),
            }
        )
    warm = sorted(r["seconds"] for r in runs[1:]) or [runs[0]["seconds"]]
    return {"seconds": warm[len(warm) // 2], "pages": 1, "runs": runs}


def measure_bakery(site, budget_seconds):
    """wagtail-bakery's way: GET every live page through Django's test client, write it.

    Times pages until the budget runs out; if that is before every page was
    rendered, the total is extrapolated from the mean per page (and says so).
    """
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings
    from wagtail.models import Page

    from cms.departments.models import Department

    department = Department.objects.select_related("site").get(slug=site)
    root = department.site.root_page
    roots = list(root.get_translations(inclusive=True))
    pages = []
    for tree_root in roots:
        pages += list(Page.objects.live().descendant_of(tree_root, inclusive=True).specific())
    out = Path(settings.VAR_DIR) / "bench-bakery" / site
    host = department.site.hostname
    client = Client()
    done = 0
    started = time.perf_counter()
    with override_settings(ALLOWED_HOSTS=["*"]):
        for page in pages:
            url = page.get_url_parts()
            path = url[2] if url else page.url_path
            response = client.get(path, HTTP_HOST=host)
            if response.status_code != 200:
                raise SystemExit(f"bakery: {path} answered {response.status_code}")
            target = out / path.strip("/") / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(response.content)
            done += 1
            if time.perf_counter() - started > budget_seconds:
                break
    elapsed = time.perf_counter() - started
    total = len(pages)
    return {
        "seconds": round(elapsed if done == total else elapsed / done * total, 2),
        "pages": total,
        "measured_pages": done,
        "measured_seconds": round(elapsed, 2),
        "extrapolated": done < total,
        "ms_per_page": round(elapsed / done * 1000, 2),
    }


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["build", "bakery", "edit", "update"])
    parser.add_argument("--site", required=True)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--processes", type=int, default=None)
    parser.add_argument("--edits", type=int, default=4)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    import django

    django.setup()
    if args.what == "build":
        result = measure_build(args.site, args.processes)
    elif args.what == "edit":
        result = measure_edit_to_live(args.site, args.edits)
    elif args.what == "update":
        result = measure_updates(args.site, args.edits)
    else:
        result = measure_bakery(args.site, args.seconds)
    result["peak_mib"] = peak_mib()
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
