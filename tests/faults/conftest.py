"""Fixtures of the fault tests: a real CMS database, a built site, real server processes.

Everything here runs as the production pieces run: `manage.py` commands and
`python -m search.api` as subprocesses, moto's S3 server as its own process,
HTTP on loopback. One database per session (a fresh SQLite file, or a fresh
PostgreSQL database when the suite runs with a postgres DATABASE_URL), migrated
and filled with `generate_bench_content`, and one build of that site
(`build_sites`, which also indexes it in the embedded tantivy index). Tests
that change the output work on a copy (`project.copy()`).
"""

import contextlib
import hashlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
SLUG = "faults"
# Enough pages that a publish or a render takes long enough to be interrupted
# part-way (about 400 files, a render of 1-3 s), few enough to stay quick.
ARTICLES = 250
SECRET_KEY = "faults-test-django-secret-never-shown"  # noqa: S105 - a test value

# Variables of the developer's shell or .env that would point the subprocesses
# elsewhere than this test's own folders and servers.
_SCRUBBED = (
    "ELASTICSEARCH_URL",
    "SEARCH_INDEX_PATH",
    "PUBLISH_TARGET",
    "AWS_PROFILE",
    "AWS_SESSION_TOKEN",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_S3",
    "BUILD_BASE_URL",
    "SEARCH_API_URL",
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_port():
    """A loopback port nothing listens on (bound, then released; nobody reuses it at once)."""
    return free_port()


@dataclass
class Project:
    """The environment of one set of folders (dist/, var/) over the session's database."""

    root: Path
    database_url: str
    env: dict = field(default_factory=dict)

    @property
    def dist(self):
        return self.root / "dist"

    @property
    def var(self):
        return self.root / "var"

    def environ(self, **overrides):
        env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
        env.update(
            DEBUG="1",
            SECRET_KEY=SECRET_KEY,
            DATABASE_URL=self.database_url,
            VAR_DIR=str(self.var),
            DIST_DIR=str(self.dist),
            MEDIA_ROOT=str(self.root / "media"),
            FEEDBACK_ATTACHMENT_ROOT=str(self.root / "feedback"),
            PUBLISH_ON_SAVE="0",
            TASKS_BACKEND="immediate",
            LOG_LEVEL="WARNING",
            PYTHONUNBUFFERED="1",
        )
        env.update(self.env)
        env.update({k: v for k, v in overrides.items() if v is not None})
        for name, value in overrides.items():
            if value is None:
                env.pop(name, None)
        return env

    def manage(self, *args, check=True, timeout=180, **overrides):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO,
            env=self.environ(**overrides),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check:
            assert result.returncode == 0, (
                f"manage.py {' '.join(args)} exited {result.returncode}:\n"
                f"{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
            )
        return result

    def copy(self, root):
        """The same database with its own copy of dist/ and var/ (build records, search index)."""
        root = Path(root)
        shutil.copytree(self.dist, root / "dist", symlinks=True)
        shutil.copytree(self.var, root / "var", symlinks=True)
        return Project(root, self.database_url, dict(self.env))


def _postgres_database(base_url):
    """A fresh, empty database on the server of ``base_url``; returns (url, drop)."""
    import psycopg

    name = f"cong_faults_{uuid.uuid4().hex[:10]}"
    parts = urlsplit(base_url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunsplit(parts._replace(path=f"/{name}")), drop


def _schema_key():
    """Changes whenever a migration or an installed package (Wagtail's migrations) changes."""
    digest = hashlib.sha256((REPO / "requirements.lock").read_bytes())
    for path in sorted(REPO.glob("cms/*/migrations/*.py")):
        digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _sqlite_copy(source, target):
    # The backup API copies a consistent database even from a WAL-mode file.
    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


def _migrated_sqlite(project):
    """Migrate the project's SQLite file, or copy a cached, already migrated one.

    `migrate` takes 30-60 s here; its result depends only on the migrations and
    the installed packages, so it is kept in var/test-cache/ under their hash.
    """
    cache = REPO / "var" / "test-cache" / f"migrated-{_schema_key()}.sqlite3"
    target = project.root / "db.sqlite3"
    if cache.is_file():
        _sqlite_copy(cache, target)
        return
    project.manage("migrate", "--no-input", "-v0", timeout=600)
    cache.parent.mkdir(parents=True, exist_ok=True)
    partial = cache.with_name(f"{cache.name}.{uuid.uuid4().hex[:8]}.tmp")
    _sqlite_copy(target, partial)
    partial.replace(cache)  # atomic: a concurrent run sees the whole file or none


@pytest.fixture(scope="session")
def built_project(tmp_path_factory):
    """Migrated database + a generated department site + its build and search index."""
    root = tmp_path_factory.mktemp("faults-project")
    drop = None
    base_url = os.environ.get("DATABASE_URL", "")
    if base_url.startswith(("postgres://", "postgresql://")):
        database_url, drop = _postgres_database(base_url)
    else:
        database_url = f"sqlite:///{root / 'db.sqlite3'}"
    project = Project(root, database_url)
    try:
        if drop:
            project.manage("migrate", "--no-input", "-v0", timeout=600)
        else:
            _migrated_sqlite(project)
        project.manage("generate_bench_content", "--articles", str(ARTICLES), "--site", SLUG)
        result = project.manage("build_sites", "--site", SLUG)
        assert "Built 1 of 1 sites" in result.stdout
        assert (project.var / "search-index").is_symlink()
        yield project
    finally:
        if drop:
            drop()


# -- server processes --------------------------------------------------------


def wait_for_http(url, process, timeout=30):
    """Until ``url`` answers at all (an HTTP error status counts as up)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"{process.args} exited with {process.returncode}") from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not answer in {timeout} s") from None
            time.sleep(0.1)


class Processes:
    """Server subprocesses started by one test, each stopped (by its own pid) afterwards."""

    def __init__(self, log_dir):
        self.log_dir = Path(log_dir)
        self.started = []

    def start(self, args, env, ready_url, name):
        log = open(self.log_dir / f"{name}.log", "wb")  # noqa: SIM115 - closed in stop()
        process = subprocess.Popen(
            args, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        process.log = log
        process.log_path = self.log_dir / f"{name}.log"
        self.started.append(process)
        wait_for_http(ready_url, process)
        return process

    @staticmethod
    def kill(process, sig=signal.SIGKILL):
        """Kill the process and whatever it forked (its own session), as a crash would."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        process.wait(timeout=10)

    def stop_all(self):
        for process in self.started:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.kill(process)
            process.log.close()


@pytest.fixture
def processes(tmp_path):
    started = Processes(tmp_path)
    yield started
    started.stop_all()


def start_search_api(processes, env, name="search-api"):
    """``python -m search.api`` on a free loopback port; returns its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    processes.start(
        [sys.executable, "-m", "search.api", "--host", "127.0.0.1", "--port", str(port)],
        env,
        base + "/api/health",
        name,
    )
    return base


def start_static_server(processes, env, name="serve-sites"):
    """``manage.py serve_sites`` on a free loopback port; returns its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    processes.start(
        [sys.executable, "manage.py", "serve_sites", "--host", "127.0.0.1", "--port", str(port)],
        env,
        base + "/",
        name,
    )
    return base


def http_get(url, timeout=15):
    """(status, headers, body bytes) for any status."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


# -- S3: moto's server, killable, with its state kept on disk -------------------


class MotoS3:
    """``moto_server`` as a process whose every request is appended to a file first.

    moto keeps buckets in memory only, but its recorder (MOTO_ENABLE_RECORDING)
    writes each request to MOTO_RECORDER_FILEPATH *before* handling it. After
    the process is killed, a new server on the same port replays that file
    (``/moto-api/recorder/replay-recording``) and so holds what the dead one
    held, plus at most the writes that were received but never answered, as
    with a real store that applies a write whose response is lost.
    """

    def __init__(self, folder, port=None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.recording = Path(folder) / "moto-recording.jsonl"
        self.log_path = Path(folder) / "moto.log"
        self.process = None

    def start(self, *, replay=False):
        if replay:
            # One entry per line, as moto's replay reads it (see entries()); reads
            # change nothing, so only the writes are replayed.
            lines = "".join(
                json.dumps(entry) + "\n"
                for entry in self.entries()
                if entry["method"] in ("PUT", "POST", "DELETE")
            )
            self.recording.write_text(lines, encoding="utf-8")
        moto_server = Path(sys.executable).with_name("moto_server")
        env = {
            **os.environ,
            "MOTO_ENABLE_RECORDING": "1",
            "MOTO_RECORDER_FILEPATH": str(self.recording),
        }
        log = open(self.log_path, "ab")  # noqa: SIM115 - closed in kill()/stop()
        self.process = subprocess.Popen(
            [str(moto_server), "-H", "127.0.0.1", "-p", str(self.port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.process.log = log
        wait_for_http(self.url + "/moto-api/", self.process)
        if replay:
            request = urllib.request.Request(
                self.url + "/moto-api/recorder/replay-recording", method="POST", data=b""
            )
            urllib.request.urlopen(request, timeout=120).close()

    def entries(self):
        """The recorded requests (moto's JSON objects), oldest first.

        moto writes each entry and its newline in two calls, so under
        concurrent requests two entries can share a line ("{...}{...}\\n\\n"),
        and a kill can cut the last one short: read object by object and drop
        an unfinished tail.
        """
        if not self.recording.is_file():
            return []
        text = self.recording.read_text(encoding="utf-8", errors="replace")
        decoder, entries, index = json.JSONDecoder(), [], 0
        while True:
            while index < len(text) and text[index].isspace():
                index += 1
            if index >= len(text):
                return entries
            try:
                entry, index = decoder.raw_decode(text, index)
            except ValueError:
                return entries  # cut short by the kill
            entries.append(entry)

    def requests(self):
        """The recorded requests as (method, path), oldest first."""
        return [(e["method"], urlsplit(e["url"]).path) for e in self.entries()]

    def kill(self):
        Processes.kill(self.process)
        self.process.log.close()

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.kill()
        self.process.log.close()


@pytest.fixture
def moto_s3(tmp_path):
    server = MotoS3(tmp_path)
    server.start()
    yield server
    server.stop()
