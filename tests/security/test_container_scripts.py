"""The scripts the containers run: the healthcheck and the nginx sites map."""

import socket
import subprocess
import sys
import threading
import tomllib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEALTHCHECK = ROOT / "docker" / "healthcheck.py"
SITES_MAP = ROOT / "docker" / "sites_map.py"


class Handler(BaseHTTPRequestHandler):
    seen = []

    def do_GET(self):  # noqa: N802 - http.server's naming
        Handler.seen.append((self.headers.get("Host"), self.headers.get("X-Forwarded-Proto")))
        status = {"/ok": 200, "/redirect": 302}.get(self.path, 500)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def healthcheck(url, env=None):
    return subprocess.run(
        [sys.executable, str(HEALTHCHECK), url],
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
    ).returncode


def test_healthcheck_http(server):
    Handler.seen.clear()
    env = {"ALLOWED_HOSTS": ".longan.gov.vn,cms.example"}
    assert healthcheck(f"http://127.0.0.1:{server}/ok", env) == 0
    assert healthcheck(f"http://127.0.0.1:{server}/redirect", env) == 0
    assert healthcheck(f"http://127.0.0.1:{server}/broken", env) == 1
    # It presents itself as the TLS proxy would, with an allowed host.
    assert Handler.seen[0] == ("longan.gov.vn", "https")


def test_healthcheck_tcp_and_closed_ports(server):
    assert healthcheck(f"tcp://127.0.0.1:{server}") == 0
    # A port bound for a moment and released: nothing listens there.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    assert healthcheck(f"tcp://127.0.0.1:{free_port}") == 1
    assert healthcheck(f"http://127.0.0.1:{free_port}/") == 1


def run_sites_map(sites_dir, output):
    return subprocess.run(
        [sys.executable, str(SITES_MAP), str(sites_dir), str(output)],
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_sites_map_lists_every_hostname_of_the_site_files(tmp_path):
    output = tmp_path / "nginx" / "sites.map"
    result = run_sites_map(ROOT / "sites", output)
    assert result.returncode == 0, result.stderr
    lines = set(output.read_text().splitlines())
    expected = set()
    for path in (ROOT / "sites").glob("*.toml"):
        if not path.stem.startswith("_"):
            config = tomllib.loads(path.read_text(encoding="utf-8"))
            expected |= {f"{host.lower()} {path.stem};" for host in config.get("hostnames", [])}
    assert expected, "the repository's site files name no hostname?"
    assert expected <= lines


@pytest.mark.parametrize(
    "hostname",
    ["evil.test; return 301 https://attacker.test", "a b.test", "ví-dụ.vn", "x" * 300],
)
def test_sites_map_refuses_hostnames_that_are_not_plain_dns_names(tmp_path, hostname):
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "so-a.toml").write_text(f'hostnames = ["{hostname}"]\n', encoding="utf-8")
    output = tmp_path / "sites.map"
    result = run_sites_map(sites, output)
    assert result.returncode == 1
    assert "not a valid hostname" in result.stderr
    assert not output.exists()


def test_sites_map_refuses_a_hostname_claimed_by_two_sites(tmp_path):
    sites = tmp_path / "sites"
    sites.mkdir()
    for slug in ("so-a", "so-b"):
        (sites / f"{slug}.toml").write_text('hostnames = ["chung.gov.vn"]\n', encoding="utf-8")
    result = run_sites_map(sites, tmp_path / "sites.map")
    assert result.returncode == 1
    assert "claimed by so-a and so-b" in result.stderr
