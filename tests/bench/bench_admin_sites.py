"""Admin server times with a province of many sites (issue 17: under 300 ms each).

    DATABASE_URL=sqlite:///var/bench/province.sqlite3 \\
        .venv/bin/python -m tests.bench.bench_admin_sites [--sites 120] [--repeat 5]

Provisions the sample province (cms/departments/data/tay-ninh-2025.csv, the 96
communes and wards of the new Tây Ninh and its departments) through
provision_sites, plus synthetic communes up to --sites, into the database named
by DATABASE_URL (kept: a second run reuses it), then times the dashboard, the
page explorer, the page chooser, the Publishing view and Settings › Sites of the
province with Django's test client (in process, so the time is server time:
URL routing, views, queries, templates), for a superuser and a department editor.
Prints a table and writes var/bench/admin_sites.json. Asserts nothing.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
SAMPLE = PROJECT_DIR / "cms" / "departments" / "data" / "tay-ninh-2025.csv"


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    os.environ.setdefault("DEBUG", "1")
    os.environ["ALLOWED_HOSTS"] = "testserver,localhost,127.0.0.1"
    os.environ.setdefault("TASKS_BACKEND", "immediate")
    import django

    django.setup()


def provision_portal():
    """The province's portal site, unless it exists."""
    from cms.departments.models import Department
    from cms.departments.provisioning import provision_department

    if not Department.objects.filter(is_portal=True).exists():
        provision_department(
            slug="portal",
            name_vi="Cổng thông tin điện tử tỉnh Tây Ninh",
            name_en="Tây Ninh Provincial e-Portal",
            hostname="tayninh.gov.vn",
            is_portal=True,
        )


def provision(total):
    """Portal, the sample province, then synthetic communes until `total` sites exist."""
    from django.core.management import call_command

    from cms.departments.models import Department

    started = time.perf_counter()
    provision_portal()
    call_command("provision_sites", "--csv", str(SAMPLE), verbosity=0)
    rows = ["slug,kind,name_vi,name_en,hostname,parent"]
    for n in range(max(0, total - Department.objects.count())):
        rows.append(
            f"bench-xa-{n:03},commune,Xã Thử {n},Test Commune {n},bench-xa-{n:03}.test,portal"
        )
    if len(rows) > 1:
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:
            fh.write("\n".join(rows) + "\n")
        call_command("provision_sites", "--csv", fh.name, verbosity=0)
    return time.perf_counter() - started


def users():
    from django.contrib.auth import get_user_model

    from cms.departments.models import Department

    model = get_user_model()
    admin = model.objects.filter(username="bench-admin").first() or model.objects.create_superuser(
        "bench-admin", "bench@example.test", None
    )
    commune = Department.objects.filter(kind="commune").order_by("slug").first()
    editor, _created = model.objects.get_or_create(username="bench-editor")
    editor.groups.add(commune.editors_group)
    return admin, editor, commune


def measure(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm caches (templates, permissions) first
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
    return {
        "median_ms": round(statistics.median(times), 1),
        "max_ms": round(max(times), 1),
        "queries": len(queries),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sites", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    setup_django()
    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Page

    from cms.departments.models import Department

    call_command("migrate", verbosity=0)
    provision_seconds = provision(args.sites)
    admin, editor, commune = users()
    home = commune.site.root_page
    portal_home = Department.objects.get(is_portal=True).site.root_page
    views = {
        "superuser": [
            ("dashboard", "/admin/"),
            ("explorer: root", "/admin/pages/"),
            ("explorer: portal home", f"/admin/pages/{portal_home.pk}/"),
            ("explorer: a commune home", f"/admin/pages/{home.pk}/"),
            ("page chooser: root", "/admin/choose-page/"),
            ("page chooser: search", "/admin/choose-page/search/?q=tin"),
            ("publishing", "/admin/publishing/"),
            (
                "publishing: communes by last build",
                "/admin/publishing/?kind=commune&sort=-last_build",
            ),
            ("sites of the province", "/admin/site-identity/"),
            ("sites of the province: search", "/admin/site-identity/?q=tan"),
        ],
        "editor": [
            ("dashboard", "/admin/"),
            ("explorer: own home", f"/admin/pages/{home.pk}/"),
            ("page chooser: root", "/admin/choose-page/"),
            ("publishing", "/admin/publishing/"),
        ],
    }
    results = []
    for role, user in (("superuser", admin), ("editor", editor)):
        client = Client()
        client.force_login(user)
        for label, url in views[role]:
            figures = measure(client, url, args.repeat)
            results.append({"role": role, "view": label, "url": url, **figures})
            print(
                f"{role:9} {label:38} {figures['median_ms']:8.1f} ms median "
                f"{figures['max_ms']:8.1f} ms max {figures['queries']:4} queries",
                flush=True,
            )
    summary = {
        "sites": Department.objects.count(),
        "pages": Page.objects.count(),
        "provision_seconds": round(provision_seconds, 1),
        "admin_max_ms": max(r["max_ms"] for r in results),
        "repeat": args.repeat,
        "views": results,
    }
    out = PROJECT_DIR / "var" / "bench" / "admin_sites.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    print(
        f"{summary['sites']} sites, {summary['pages']} pages; provisioning this run "
        f"{summary['provision_seconds']} s; slowest view {summary['admin_max_ms']} ms; -> {out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
