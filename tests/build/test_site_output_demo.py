"""The honest end-to-end test: migrate, load_demo and build_sites in subprocesses
against a fresh SQLite database in a temporary folder, then check dist/.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .site_checks import broken_links, html_files, parse_html_strict, parse_xml

REPO = Path(__file__).resolve().parents[2]
ROOT = "http://127.0.0.1:8080"
DETAIL_KINDS = ("news", "document", "planning", "project", "procedure", "page", "home")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("demo")
    env = {
        **os.environ,
        "VAR_DIR": str(tmp / "var"),
        "DIST_DIR": str(tmp / "dist"),
        "MEDIA_ROOT": str(tmp / "var/media"),
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "BUILD_BASE_URL": ROOT,
        "TASKS_BACKEND": "immediate",
    }
    for command in (["migrate", "--no-input", "-v0"], ["load_demo"], ["build_sites"]):
        result = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=1200,
        )
        assert result.returncode == 0, f"{command}: {result.stdout[-2000:]}{result.stderr[-3000:]}"
    sites = json.loads((tmp / "dist/sites.json").read_text("utf-8"))
    records = {
        site["slug"]: [
            json.loads(line)
            for line in (tmp / "var/build" / site["slug"] / "records.jsonl").open(encoding="utf-8")
        ]
        for site in sites
    }
    return {"dist": tmp / "dist", "sites": sites, "records": records}


def test_every_site_in_both_languages(demo):
    assert len(demo["sites"]) >= 2
    assert sum(site["is_portal"] for site in demo["sites"]) == 1
    for site in demo["sites"]:
        root = demo["dist"] / site["slug"]
        for path in (
            "index.html",
            "404.html",
            "robots.txt",
            "sitemap.xml",
            "vi/index.html",
            "en/index.html",
            "vi/atom.xml",
            "en/atom.xml",
        ):
            assert (root / path).is_file(), f"{site['slug']}/{path}"


def test_every_record_has_its_page(demo):
    kinds = set()
    for slug, records in demo["records"].items():
        for record in records:
            target = demo["dist"] / slug / record["url"].lstrip("/") / "index.html"
            assert target.is_file(), (slug, record["url"])
            kinds.add(record["kind"])
    assert {"news", "document", "planning", "project", "procedure", "home", "page"} <= kinds


def test_html_valid_and_no_broken_link(demo):
    for page in html_files(demo["dist"]):
        parse_html_strict(page)
    assert broken_links(demo["dist"]) == []


def test_feeds_and_sitemaps_parse(demo):
    for site in demo["sites"]:
        root = demo["dist"] / site["slug"]
        parse_xml(root / "sitemap.xml")
        for feed in root.rglob("atom.xml"):
            parse_xml(feed)


def test_language_switch_leads_to_the_translation(demo):
    checked = 0
    for slug, records in demo["records"].items():
        for record in records:
            if record["lang"] == "vi" and record["kind"] == "news" and record["translations"]:
                html = (demo["dist"] / slug / record["url"].lstrip("/") / "index.html").read_text()
                target = f"{ROOT}/{slug}{record['translations']['en']}"
                assert f'<a href="{target}" hreflang="en"' in html
                checked += 1
    assert checked > 0


def test_portal_lists_department_content(demo):
    portal = next(site for site in demo["sites"] if site["is_portal"])
    portal_dir = demo["dist"] / portal["slug"]
    listings = {
        json.loads(path.read_text("utf-8"))["kind"]: json.loads(path.read_text("utf-8"))
        for path in portal_dir.glob("vi/*/index.json")
    }
    department_projects = {
        f"{ROOT}/{slug}{r['url']}"
        for slug, records in demo["records"].items()
        if slug != portal["slug"]
        for r in records
        if r["kind"] == "project" and r["lang"] == "vi"
    }
    portal_project_urls = {item["url"] for item in listings["project"]["items"]}
    assert department_projects and department_projects <= portal_project_urls
