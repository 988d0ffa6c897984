"""`build_sites --jobs N`: sites build side by side; one failing site stops nobody else."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cms.departments.models import Department

GOOD = ("so-a", "so-b", "so-c")
BROKEN = "so-hong"


@pytest.fixture
def province(db, make_department, settings, tmp_path):
    settings.DIST_DIR = tmp_path / "dist"
    settings.VAR_DIR = tmp_path / "var"
    settings.PUBLIC_FEEDBACK_ENDPOINT = "https://cms.example.gov.vn/api/feedback/"
    make_department("cong", "Cổng tỉnh", "Provincial portal", is_portal=True)
    for slug in (*GOOD, BROKEN):
        make_department(slug)
    for slug in ("cong", *GOOD):  # the broken site has no base URL: a production build fails
        Department.objects.filter(site__hostname=f"{slug}.test").update(
            base_url=f"https://{slug}.example.gov.vn"
        )
    return settings


def test_one_broken_site_fails_alone_and_is_named(province, capsys):
    with pytest.raises(CommandError) as error:
        call_command("build_sites", "--production", "--no-index", "--jobs", "2")

    message = str(error.value)
    assert f"1 of 5 site(s) failed: {BROKEN}" in message
    assert "has no base URL" in message
    for slug in ("cong", *GOOD):
        home = (province.DIST_DIR / slug / "vi" / "index.html").read_text("utf-8")
        assert f"https://{slug}.example.gov.vn/vi/" in home
    assert not (province.DIST_DIR / BROKEN).exists()
    out = capsys.readouterr().out
    # Not a terminal: one line per site, then the summary table.
    assert "[5/5] cong: full," in out  # the portal aggregates, so it comes last
    header = next(line for line in out.splitlines() if line.startswith("site "))
    assert header.split() == ["site", "pages", "files", "changed", "seconds", "warnings"]
    rows = {
        line.split()[0]: line.split() for line in out.splitlines() if line[:3] in {"so-", "con"}
    }
    assert rows[BROKEN][1] == "FAILED"
    assert int(rows["so-a"][2]) > 10  # a full build writes every file


def test_the_next_incremental_build_reports_only_changed_files(province, capsys):
    Department.objects.filter(site__hostname=f"{BROKEN}.test").update(
        base_url="https://hong.example.gov.vn"
    )
    call_command("build_sites", "--production", "--no-index", "--jobs", "2")
    capsys.readouterr()

    call_command("build_sites", "--production", "--no-index", "--jobs", "2")

    out = capsys.readouterr().out
    assert "Built 5 of 5 sites" in out
    rows = {
        line.split()[0]: line.split() for line in out.splitlines() if line[:3] in {"so-", "con"}
    }
    assert rows["so-a"][1:3] == ["0", "0"]  # nothing published since: nothing changed
