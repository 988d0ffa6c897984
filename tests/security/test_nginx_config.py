"""The web service's nginx config, run for real on loopback.

Debian's nginx runs docker/nginx/default.conf with only its paths, port and the
search API's address moved to a temporary folder and loopback; the tests then
ask it for pages as a browser would. Skipped where nginx is not installed
(`apt-get install nginx-light`).
"""

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)

pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SearchAPIStub(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        body = b'{"results": []}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    base = tmp_path_factory.mktemp("nginx")
    api = ThreadingHTTPServer(("127.0.0.1", 0), SearchAPIStub)
    threading.Thread(target=api.serve_forever, daemon=True).start()
    port = free_port()

    (base / "map").mkdir()
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "docker" / "sites_map.py"),
            str(ROOT / "sites"),
            str(base / "map" / "sites.map"),
        ],
        check=True,
    )
    # The first hostname of the repository's site files, and its site.
    first = (base / "map" / "sites.map").read_text(encoding="utf-8").splitlines()[1]
    host, slug = first.rstrip(";").split()
    site = base / "dist" / slug
    (site / "vi").mkdir(parents=True)
    (site / "vi" / "index.html").write_text("<h1>Cổng</h1>", encoding="utf-8")
    (site / ".env").write_text("SECRET_KEY=x", encoding="utf-8")
    (site / ".well-known").mkdir()
    (site / ".well-known" / "security.txt").write_text("Contact: x", encoding="utf-8")
    (site / "app.css").write_text("body{}", encoding="utf-8")
    dist = base / "dist"
    (base / "cong").mkdir()
    shutil.copy(ROOT / "docker" / "nginx" / "security-headers.conf", base / "cong")
    conf = (ROOT / "docker" / "nginx" / "default.conf").read_text(encoding="utf-8")
    conf = (
        conf.replace("/etc/nginx/cong-map/", f"{base}/map/")
        .replace("/etc/nginx/cong/", f"{base}/cong/")
        .replace("/srv/dist/", f"{dist}/")
        .replace("http://search-api:8090", f"http://127.0.0.1:{api.server_address[1]}")
        .replace("listen 8080;", f"listen 127.0.0.1:{port};")
    )
    (base / "default.conf").write_text(conf, encoding="utf-8")
    (base / "nginx.conf").write_text(
        # As root, nginx's workers would drop to "nobody", who cannot read
        # pytest's private temporary folders.
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"""
worker_processes 1;
daemon off;
pid {base}/nginx.pid;
error_log {base}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {base}/body;
    proxy_temp_path {base}/proxy;
    fastcgi_temp_path {base}/fastcgi;
    uwsgi_temp_path {base}/uwsgi;
    scgi_temp_path {base}/scgi;
    include {base}/default.conf;
}}
""",
        encoding="utf-8",
    )
    process = subprocess.Popen([NGINX, "-c", str(base / "nginx.conf"), "-p", str(base)])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield Web(port, host, slug)
    process.terminate()
    process.wait(timeout=10)
    api.shutdown()
    api.server_close()


class Web(NamedTuple):
    port: int
    host: str  # a hostname of `slug` in the site files
    slug: str


def get(web, path, host=None):
    request = urllib.request.Request(
        f"http://127.0.0.1:{web.port}{path}", headers={"Host": host or web.host}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def assert_security_headers(headers):
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Strict-Transport-Security"].startswith("max-age=")


def test_a_site_is_served_on_its_hostname_with_the_security_headers(web):
    status, headers, body = get(web, "/vi/")
    assert status == 200 and "Cổng" in body.decode()
    assert headers["Cache-Control"] == "no-cache"
    assert_security_headers(headers)


def test_an_unknown_host_sees_the_sites_by_path(web):
    status, _, body = get(web, f"/{web.slug}/vi/", host="10.0.0.1")
    assert status == 200 and "Cổng" in body.decode()


def test_assets_and_errors_carry_the_headers_too(web):
    status, headers, _ = get(web, "/app.css")
    assert status == 200 and headers["Cache-Control"].startswith("public")
    assert_security_headers(headers)
    status, headers, _ = get(web, "/khong-co/")
    assert status == 404
    assert_security_headers(headers)


def test_hidden_files_are_never_served_but_well_known_is(web):
    assert get(web, "/.env")[0] == 404
    assert get(web, "/.well-known/security.txt")[0] == 200


def test_the_search_api_is_proxied_read_only_and_rate_limited(web):
    status, headers, body = get(web, "/api/search?q=dau+tu")
    assert status == 200 and body == b'{"results": []}'
    assert headers["Cache-Control"] == "no-store"
    assert_security_headers(headers)

    post = urllib.request.Request(
        f"http://127.0.0.1:{web.port}/api/search", data=b"q=x", headers={"Host": web.host}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(post, timeout=5)
    assert refused.value.code == 403

    # 10 r/s with a burst of 20: a quick run of 40 requests must meet the limit.
    statuses = [get(web, "/api/search?q=x")[0] for _ in range(40)]
    assert 429 in statuses
    assert set(statuses) <= {200, 429}
