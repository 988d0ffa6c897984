"""The S3 server dies in the middle of a publish: clear error, consistent site, recovery.

Unlike tests/publish/test_s3_faults.py (a proxy that stops answering after N
requests, one at a time), here the real moto_server process is SIGKILLed from
another thread while `manage.py publish_sites` uploads a real build of about
400 files with its usual eight parallel uploads.

"The live site" after the crash is read from a new moto_server started on the
same port that replays the dead one's request log (see MotoS3 in conftest.py):
the objects the dead server had accepted, written before each request was
handled, so it may also hold a write that was received but never answered.
The next publish goes to that server and must finish the job; a third must
upload nothing.
"""

import hashlib
import json
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

from build.publish import open_target, publish_site
from build.publish.state import MANIFEST_NAME
from tests.publish.conftest import ACCESS_KEY, SECRET_KEY

from .conftest import SLUG

PREFIX = "sites"
BASE = f"http://127.0.0.1:8080/{SLUG}/"  # what local builds link to
ASSET_REF = re.compile(r'(?:href|src)="' + re.escape(BASE) + r'((?:static|media)/[^"#?]+)"')
KILL_AFTER_PUTS = 80  # of about 320 changed pages: the HTML phase is well under way


def s3_env(moto):
    return {
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": moto.url,
        "AWS_CONFIG_FILE": "/nonexistent",
        "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
        # A dead server: fail after one retry instead of backing off for a minute.
        "AWS_MAX_ATTEMPTS": "2",
        "CONG_S3_EXTRA_RETRIES": "0",
    }


def s3_client(moto):
    return boto3.client(
        "s3",
        endpoint_url=moto.url,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}),
    )


def live_objects(client, bucket):
    """{site path: (ETag, bytes)} of everything live for the site."""
    prefix = f"{PREFIX}/{SLUG}/"
    listed = [
        item
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
        for item in page.get("Contents", ())
    ]

    def read(item):
        body = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
        return item["Key"][len(prefix) :], (item["ETag"].strip('"'), body)

    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(pool.map(read, listed))


def assert_consistent(objects):
    # Every live page finds every asset it references.
    for path, (_, body) in objects.items():
        if path.endswith(".html"):
            for ref in ASSET_REF.findall(body.decode("utf-8")):
                assert ref in objects, f"{path} is live but {ref} is not"
    # The manifest never vouches for bytes an object does not have (when it
    # claims the object's current ETag, the hash must be right).
    if MANIFEST_NAME in objects:
        document = json.loads(objects[MANIFEST_NAME][1])
        for path, row in document["files"].items():
            entry = dict(zip(document["fields"], row, strict=True))
            if path in objects and entry["sha256"] and entry["fingerprint"] == objects[path][0]:
                assert hashlib.sha256(objects[path][1]).hexdigest() == entry["sha256"], path


def local_files(site):
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and not p.name.startswith(".cong-")  # the hash cache is not published
    }


def version_two(site):
    """A new stylesheet name on every page (the old one goes), and one page removed."""
    (old_css,) = site.glob("static/css/site.*.css")
    content = old_css.read_bytes() + b"\n/* v2 */\n"
    new_css = old_css.with_name(f"site.{hashlib.sha256(content).hexdigest()[:10]}.css")
    new_css.write_bytes(content)
    old_css.unlink()
    old_ref = f"{BASE}{old_css.relative_to(site).as_posix()}".encode()
    new_ref = f"{BASE}{new_css.relative_to(site).as_posix()}".encode()
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        page.write_bytes(page.read_bytes().replace(old_ref, new_ref))
    removed = next(p for p in reversed(pages) if "/tin-tuc/" in p.as_posix())
    removed.unlink()
    return old_css.relative_to(site).as_posix(), new_css.relative_to(site).as_posix()


def kill_after(moto, puts, stop):
    """From a thread: SIGKILL moto once ``puts`` more PUT requests have reached it.

    Reads only what the recorder appended since the last look (bodies are
    base64, so the marker cannot occur inside one).
    """
    marker = b'"method": "PUT"'
    killed = threading.Event()

    def watch():
        with open(moto.recording, "rb") as recording:
            recording.seek(0, 2)  # PUTs from now on
            seen, tail = 0, b""
            while not stop.is_set():
                chunk = recording.read()
                if chunk:
                    data = tail + chunk
                    seen += data.count(marker)
                    # Keep a marker's worth of bytes: it may straddle two reads
                    # (a whole one there was counted already, so cut inside it).
                    tail = data[-(len(marker) - 1) :]
                if seen >= puts:
                    moto.kill()
                    killed.set()
                    return
                time.sleep(0.005)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread, killed


def publish_in_process(project, moto, bucket, monkeypatch):
    """build.publish.publish_site, as the command calls it (for the steps around the crash)."""
    for name, value in s3_env(moto).items():
        monkeypatch.setenv(name, value)
    target = open_target(f"s3://{bucket}/{PREFIX}", endpoint_url=moto.url)
    return publish_site(project.dist / SLUG, SLUG, target)


def publish(project, moto, bucket):
    """`manage.py publish_sites`, the command an operator or the worker runs."""
    return project.manage(
        "publish_sites",
        "--site",
        SLUG,
        "--target",
        f"s3://{bucket}/{PREFIX}",
        check=False,
        timeout=240,
        **s3_env(moto),
    )


def test_publish_survives_the_s3_server_being_killed(built_project, moto_s3, tmp_path, monkeypatch):
    project = built_project.copy(tmp_path / "project")
    site = project.dist / SLUG
    bucket = "cong-faults"
    s3_client(moto_s3).create_bucket(Bucket=bucket)

    assert publish_in_process(project, moto_s3, bucket, monkeypatch).uploaded > 350
    old_css, new_css = version_two(site)

    stop = threading.Event()
    watcher, killed = kill_after(moto_s3, KILL_AFTER_PUTS, stop)
    try:
        failed = publish(project, moto_s3, bucket)
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert killed.is_set(), "the publish finished before the server could be killed"

    # A clear error: which site, which target, which step; no credentials, no traceback.
    assert failed.returncode != 0
    output = failed.stdout + failed.stderr
    assert f"site '{SLUG}' to s3://{bucket}/{PREFIX}: failed while " in failed.stderr
    assert f"publishing failed for {SLUG}" in failed.stderr
    assert "run publish_sites again to finish" in failed.stderr
    assert ACCESS_KEY not in output and SECRET_KEY not in output
    assert "Traceback" not in output

    # The server comes back with what it had: the live site is consistent, and
    # the kill really was part-way (pages of both versions are live).
    moto_s3.start(replay=True)
    client = s3_client(moto_s3)
    objects = live_objects(client, bucket)
    assert_consistent(objects)
    assert old_css in objects and new_css in objects
    pages = [body for path, (_, body) in objects.items() if path.endswith(".html")]
    assert any(new_css.encode() in body for body in pages)
    assert any(old_css.encode() in body for body in pages)

    # The next publish completes: exactly the build is live.
    second = publish(project, moto_s3, bucket)
    assert second.returncode == 0, second.stderr[-3000:]
    objects = live_objects(client, bucket)
    expected = local_files(site)
    assert set(objects) == set(expected) | {MANIFEST_NAME}
    assert all(objects[path][1] == data for path, data in expected.items())
    assert_consistent(objects)

    # A third uploads nothing (only the manifest is rewritten, if at all).
    before = len(moto_s3.requests())
    third = publish_in_process(project, moto_s3, bucket, monkeypatch)
    assert third.uploaded == 0 and third.deleted == 0
    assert third.unchanged == len(expected)
    puts = [path for method, path in moto_s3.requests()[before:] if method == "PUT"]
    assert [p for p in puts if not p.endswith(MANIFEST_NAME)] == []
