"""Fixtures: a real moto S3 server process on loopback, a counting proxy, sample sites."""

import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

from .s3proxy import S3Proxy

# Dummy credentials, recognisable so the tests can check they are never printed.
ACCESS_KEY = "AKIAPUBLISHTESTKEY00"
SECRET_KEY = "publish-test-secret-never-printed"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def moto_url():
    """``moto_server`` as its own process (a real S3-protocol HTTP server)."""
    port = _free_port()
    moto_server = Path(sys.executable).with_name("moto_server")
    process = subprocess.Popen(
        [str(moto_server), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("moto_server did not start") from None
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def aws_env(monkeypatch):
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")


@pytest.fixture
def proxy(moto_url):
    host, port = moto_url.removeprefix("http://").split(":")
    server = S3Proxy(host, int(port))
    yield server
    server.close()


@pytest.fixture
def direct_s3(moto_url, aws_env):
    """A client straight to moto (not through the proxy), for checking what is live."""
    return boto3.client(
        "s3",
        endpoint_url=moto_url,
        config=Config(s3={"addressing_style": "path"}),
    )


@pytest.fixture
def bucket(direct_s3):
    name = f"cong-{uuid.uuid4().hex[:12]}"
    direct_s3.create_bucket(Bucket=name)
    return name


def write_site(root, files):
    """Write {path: text or bytes} under root; returns root."""
    root = Path(root)
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
    return root


def page(title, *assets):
    """A page referencing the given site paths, the way the theme links assets."""
    links = "".join(
        f'<link rel="stylesheet" href="/{a}">' if a.endswith(".css") else f'<img src="/{a}">'
        for a in assets
    )
    return f"<!doctype html><html><head>{links}<title>{title}</title></head></html>"


SAMPLE_SITE = {
    "static/css/site.3f2a9c1b.css": "body{color:#123}",
    "static/img/logo.png": b"\x89PNG\r\n\x1a\nlogo",
    "static/img/anh.5e6f7a8b.webp": b"RIFF\x00\x00\x00\x00WEBPVP8 ",
    "static/icons.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    "media/documents/quyet-dinh-12.pdf": b"%PDF-1.7 qd",
    "media/documents/bieu-mau.docx": b"PK\x03\x04docx",
    "vi/index.html": page("Trang chủ", "static/css/site.3f2a9c1b.css", "static/img/logo.png"),
    "vi/tin-tuc/dau-tu/index.html": page("Đầu tư", "static/css/site.3f2a9c1b.css"),
    "en/index.html": page("Home", "static/css/site.3f2a9c1b.css"),
    "vi/feed.atom": "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'/>",
    "sitemap.xml": "<?xml version='1.0'?><urlset/>",
    "api/news.json": '{"items": []}',
    "robots.txt": "User-agent: *\n",
}


@pytest.fixture
def site_dir(tmp_path):
    return write_site(tmp_path / "dist" / "portal", SAMPLE_SITE)
