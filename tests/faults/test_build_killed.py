"""The build process is killed part-way: the previous output stays byte for byte.

`manage.py build_sites` runs as its own process group (the build and the render
workers it forks) and gets SIGKILL, as from the OOM killer or a power cut, once
its temporary folder dist/.<slug>.building-* holds rendered pages. Every file
of dist/<slug>/ is hashed before and after; then a normal build must succeed
and leave no leftovers of the killed one.
"""

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
import time

import pytest

from .conftest import ARTICLES, REPO, SLUG


def tree_hashes(folder):
    """{relative path: sha256} of every file below folder, dot files included."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def leftovers(project):
    """What a build leaves only while it runs: temporary output folders and half-written files."""
    found = [p.name for p in project.dist.iterdir() if p.name.startswith(f".{SLUG}.")]
    found += [
        p.relative_to(project.var).as_posix()
        for p in (project.var / "build").rglob("*")
        if p.name.endswith(".tmp")
    ]
    return sorted(found)


def kill_while_rendering(project, log_path, timeout=120):
    """Start build_sites, SIGKILL its process group once pages are being rendered."""
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            # --full: every page is rendered again (an incremental build of an
            # unchanged site would render nothing there is time to interrupt).
            [sys.executable, "manage.py", "build_sites", "--site", SLUG, "--full", "--no-index"],
            cwd=REPO,
            env=project.environ(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: the render workers die with it
        )
        deadline = time.monotonic() + timeout
        try:
            while True:
                building = list(project.dist.glob(f".{SLUG}.building-*"))
                if building and next(building[0].rglob("*.html"), None):
                    break
                if process.poll() is not None:
                    pytest.fail(
                        f"the build ended ({process.returncode}) before it could be killed: "
                        + log_path.read_text(errors="replace")[-2000:]
                    )
                if time.monotonic() > deadline:
                    pytest.fail("no rendered page appeared in the temporary folder")
                time.sleep(0.005)
        finally:
            with contextlib.suppress(ProcessLookupError):  # gone already: pytest.fail above
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
    return building[0]


@pytest.fixture(scope="module")
def killed_and_rebuilt(built_project, tmp_path_factory):
    root = tmp_path_factory.mktemp("killed-build")
    project = built_project.copy(root / "project")
    state = {"project": project}
    state["before"] = tree_hashes(project.dist / SLUG)
    state["sites_before"] = (project.dist / "sites.json").read_bytes()

    state["killed_in"] = kill_while_rendering(project, root / "killed-build.log")
    state["after_kill"] = tree_hashes(project.dist / SLUG)
    state["sites_after_kill"] = (project.dist / "sites.json").read_bytes()
    state["leftovers_after_kill"] = leftovers(project)

    state["rebuild"] = project.manage("build_sites", "--site", SLUG, "--no-index", check=False)
    state["after_rebuild"] = tree_hashes(project.dist / SLUG)
    state["leftovers_after_rebuild"] = leftovers(project)
    return state


def test_the_previous_output_is_intact_byte_for_byte(killed_and_rebuilt):
    state = killed_and_rebuilt
    assert len(state["before"]) > ARTICLES
    # The kill really happened mid-build: its temporary folder is still there.
    assert state["killed_in"].name in state["leftovers_after_kill"]
    assert state["after_kill"] == state["before"]
    assert state["sites_after_kill"] == state["sites_before"]


def test_the_next_build_succeeds(killed_and_rebuilt):
    state = killed_and_rebuilt
    rebuild = state["rebuild"]
    assert rebuild.returncode == 0, rebuild.stderr[-3000:]
    assert "Built 1 of 1 sites" in rebuild.stdout
    # Same database, and the build is deterministic: exactly the same files and bytes.
    assert state["after_rebuild"] == state["before"]


def test_the_next_build_cleans_the_leftovers(killed_and_rebuilt):
    assert killed_and_rebuilt["leftovers_after_rebuild"] == []
