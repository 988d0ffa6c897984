"""The province benchmark behind `make bench-province` (issue 17).

    .venv/bin/python -m tests.bench.bench_province [--scale 1] [--jobs 2] [--keep]

A province of 1 portal (10,000 articles), 20 departments (2,000 each) and 100
communes (300 each), half Vietnamese and half English, all times `--scale`
(BENCH_SCALE=0.1: a tenth of the articles, the same 121 sites), in its own
database var/bench/province-<scale>.sqlite3 (made afresh unless --keep). Measures:

- provision_seconds: `provision_sites --csv` of the 120 subsites (the portal first);
- full_build_*: `build_sites --full --jobs N --no-index` of every site in a
  subprocess: wall, CPU of the whole process tree, peak resident memory of the
  tree (sampled every 0.2 s);
- search_index_seconds, search_query_p95_ms: `index_search --full`, then 300
  queries through the search backend (in process, facets included), some
  filtered by site or language;
- edit_while_building_seconds: one article of a commune edited and published
  through Wagtail (incremental build + publish by the on-save task) while
  `build_sites --full` rebuilds every other site; "live" is the end of the
  publish step (tests/bench/measure_cms.measure_edit_to_live), the median of
  the warm edits (the cold first one reported apart);
- admin_max_ms: the slowest admin view of tests/bench/bench_admin_sites.

Prints the figures and writes var/bench/province.json. Asserts nothing.
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
BENCH_DIR = PROJECT / "var" / "bench"
SIZES = {"portal": 10_000, "department": 2_000, "commune": 300}
COUNTS = {"department": 20, "commune": 100}


def articles_for(kind, scale):
    return max(2, int(SIZES[kind] * scale) // 2 * 2)


def environment(scale):
    tag = f"{scale:g}".replace(".", "_")
    root = BENCH_DIR / f"province-{tag}"
    return root, {
        "DATABASE_URL": f"sqlite:///{BENCH_DIR / f'province-{tag}.sqlite3'}",
        "DIST_DIR": str(root / "dist"),
        "VAR_DIR": str(root / "var"),
        "MEDIA_ROOT": str(root / "media"),
        "SEARCH_INDEX_PATH": str(root / "search-index"),
        "ELASTICSEARCH_URL": "",
        "TASKS_BACKEND": "immediate",
        "PUBLISH_ON_SAVE": "0",  # bulk set-up; the edit phase turns it on
        "PUBLISH_SETTLE_SECONDS": "0",
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "DEBUG": "1",
        "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
        "PYTHONPATH": str(PROJECT),
    }


def say(text):
    print(text, flush=True)


def tree_rss_mib(root_pid):
    """Resident memory of a process and all its descendants (MiB), from /proc."""
    parents, rss = {}, {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, frontier = 0, [root_pid]
    while frontier:
        pid = frontier.pop()
        total += rss.get(pid, 0)
        frontier += [child for child, parent in parents.items() if parent == pid]
    return total / 2**20


def run_measured(args, env):
    """Run a subprocess; wall seconds, CPU seconds of its tree, peak tree memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(  # noqa: S603 - our own interpreter
        [sys.executable, *args],
        cwd=PROJECT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    peak = [0.0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss_mib(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = proc.communicate()[0]
    sampler.join()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        sys.stderr.write(output[-4000:])
        raise SystemExit(f"{' '.join(args)} failed (exit {proc.returncode})")
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_mib": peak[0], "output": output}


def provision_province():
    """The portal, then 20 departments and 100 communes from one CSV; seconds of the CSV."""
    from django.core.management import call_command

    from tests.bench.bench_admin_sites import provision_portal

    provision_portal()
    rows = ["slug,kind,name_vi,name_en,hostname,parent"]
    for n in range(COUNTS["department"]):
        rows.append(f"so-{n:02},department,Sở {n},Department {n},so-{n:02}.test,portal")
    for n in range(COUNTS["commune"]):
        rows.append(f"xa-{n:03},commune,Xã {n},Commune {n},xa-{n:03}.test,portal")
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n")
    started = time.perf_counter()
    call_command("provision_sites", "--csv", fh.name, verbosity=0)
    return time.perf_counter() - started


def fill(department, count, seed):
    """`count` articles (half vi, half en) in the site's news section, in bulk."""
    from cms.publishing.management.commands.generate_bench_content import fill_news

    fill_news(department, count, f"{department.slug}:{seed}")


def search_p95(count=300):
    from cms.departments.models import Department
    from cms.publishing.management.commands.generate_bench_content import EN_WORDS, VI_WORDS
    from search.backends import get_backend
    from search.backends.base import SearchRequest
    from tests.bench.bench_search import percentile

    rng = random.Random(17)
    slugs = list(Department.objects.values_list("slug", flat=True))
    requests = []
    for n in range(count):
        words = VI_WORDS if n % 3 else EN_WORDS
        text = " ".join(rng.choices(words, k=rng.randint(1, 3)))
        site = rng.choice(slugs) if n % 4 == 0 else None
        lang = ("vi" if n % 3 else "en") if n % 5 == 0 else None
        requests.append(SearchRequest(text=text, site=site, lang=lang))
    backend = get_backend()
    try:
        for request in requests[:20]:
            backend.search(request)
        times = []
        for request in requests:
            started = time.perf_counter()
            backend.search(request)
            times.append((time.perf_counter() - started) * 1000)
    finally:
        backend.close()
    return percentile(times, 0.95), statistics.median(times)


def admin_max_ms():
    from django.test import Client

    from cms.departments.models import Department
    from tests.bench.bench_admin_sites import measure, users

    admin, _editor, commune = users()
    portal = Department.objects.get(is_portal=True).site.root_page
    client = Client()
    client.force_login(admin)
    views = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{portal.pk}/",
        f"/admin/pages/{commune.site.root_page.pk}/",
        "/admin/choose-page/",
        "/admin/publishing/",
        "/admin/site-identity/",
    ]
    figures = {url: measure(client, url, 3) for url in views}
    return max(f["max_ms"] for f in figures.values()), figures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=float(os.environ.get("BENCH_SCALE", 1)))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="Reuse the province's database.")
    args = parser.parse_args(argv)
    root, env = environment(args.scale)
    database = Path(env["DATABASE_URL"].removeprefix("sqlite:///"))
    fresh = not (args.keep and database.exists())
    if fresh:
        import shutil

        database.unlink(missing_ok=True)
        shutil.rmtree(root, ignore_errors=True)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Page

    from cms.departments.models import Department
    from cms.news.models import NewsArticlePage

    result = {"scale": args.scale, "jobs": args.jobs, "date": time.strftime("%Y-%m-%d %H:%M")}
    call_command("migrate", verbosity=0)
    if fresh:
        result["provision_seconds"] = round(provision_province(), 1)
        say(f"provisioned 120 subsites from the CSV in {result['provision_seconds']} s")
        started = time.perf_counter()
        for department in Department.objects.select_related("site"):
            kind = "portal" if department.is_portal else department.kind
            fill(department, articles_for(kind, args.scale), seed=2026)
        say(f"content written in {time.perf_counter() - started:.0f} s")
    result["sites"] = Department.objects.count()
    result["articles"] = NewsArticlePage.objects.count()
    result["pages"] = Page.objects.count()
    say(f"{result['sites']} sites, {result['articles']} articles, {result['pages']} pages")

    from django.db import connections

    connections.close_all()
    build = run_measured(
        ["manage.py", "build_sites", "--full", "--no-index", "--jobs", str(args.jobs)], env
    )
    result["full_build_seconds"] = round(build["seconds"], 1)
    result["full_build_cpu_seconds"] = round(build["cpu_seconds"], 1)
    result["full_build_peak_mib"] = round(build["peak_mib"])
    say(
        f"full build of {result['sites']} sites: {result['full_build_seconds']} s wall, "
        f"{result['full_build_cpu_seconds']} s CPU, peak {result['full_build_peak_mib']} MiB"
    )
    say(build["output"].strip().splitlines()[-1])

    index = run_measured(["manage.py", "index_search", "--full"], env)
    result["search_index_seconds"] = round(index["seconds"], 1)
    p95, p50 = search_p95()
    result["search_query_p95_ms"], result["search_query_p50_ms"] = round(p95, 1), round(p50, 1)
    say(f"search: index {result['search_index_seconds']} s; query p50 {p50:.1f} / p95 {p95:.1f} ms")

    from tests.bench.measure_cms import measure_edit_to_live

    commune = Department.objects.filter(kind="commune").order_by("slug").first().slug
    others = [s for s in Department.objects.values_list("slug", flat=True) if s != commune]
    connections.close_all()
    background = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "build_sites",
            "--full",
            "--no-index",
            "--jobs",
            str(args.jobs),
            *[f"--site={s}" for s in others],
        ],
        cwd=PROJECT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)  # the other sites are building
        edit = measure_edit_to_live(commune, 3)
        still_building = background.poll() is None
    finally:
        background.wait()
    result["edit_while_building_seconds"] = edit["seconds"]
    result["edit_while_building_cold_seconds"] = edit["cold_seconds"]
    result["edit_while_building_overlapped"] = still_building
    say(
        f"edit on {commune} while {len(others)} sites build: live in {edit['seconds']} s "
        f"(cold first edit {edit['cold_seconds']} s; others still building: {still_building})"
    )

    result["admin_max_ms"], result["admin_views"] = admin_max_ms()
    say(f"admin: slowest view {result['admin_max_ms']} ms (server time, max of 3)")
    out = BENCH_DIR / "province.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    say(json.dumps({k: v for k, v in result.items() if k != "admin_views"}, ensure_ascii=False))
    say(f"-> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
