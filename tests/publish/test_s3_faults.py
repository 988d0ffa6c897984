"""The S3 server goes away part-way through a publish: clear error, consistent site, recovery.

The proxy in front of moto answers N requests of the publish, then drops every
connection as a dead server would.  For each N (so every step is hit: reading,
assets, data, HTML, deletes, manifest), the live site must stay consistent and
the next publish, with the server back, must finish the job.
"""

import hashlib
import json
import re

import pytest

from build.publish import PublishError, open_target, publish_site
from build.publish.state import MANIFEST_NAME

from .conftest import ACCESS_KEY, SAMPLE_SITE, SECRET_KEY, page, write_site

PREFIX = "sites"
NEW_CSS = "static/css/site.9a8b7c6d.css"
OLD_CSS = "static/css/site.3f2a9c1b.css"


def version_two(site_dir):
    """A new stylesheet name, a new image, every page re-rendered, one page and one asset gone."""
    (site_dir / OLD_CSS).unlink()
    (site_dir / "en/index.html").unlink()
    write_site(
        site_dir,
        {
            NEW_CSS: "body{color:#456}",
            "static/img/ban-do.1c2d3e4f.webp": b"RIFF\x00\x00\x00\x00WEBPVP8 map",
            "vi/feed.atom": "<feed xmlns='http://www.w3.org/2005/Atom'><title>2</title></feed>",
            "vi/index.html": page("Trang chủ 2", NEW_CSS, "static/img/ban-do.1c2d3e4f.webp"),
            "vi/tin-tuc/dau-tu/index.html": page("Đầu tư 2", NEW_CSS),
        },
    )


def live_objects(client, bucket):
    prefix = f"{PREFIX}/portal/"
    objects = {}
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
    for page_ in pages:
        for item in page_.get("Contents", ()):
            body = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
            objects[item["Key"][len(prefix) :]] = (item["ETag"], body)
    return objects


def assert_consistent(objects, trust_manifest):
    # Every page that is live finds every asset it references.
    for path, (_, body) in objects.items():
        if path.endswith(".html"):
            for ref in re.findall(r'(?:href|src)="/([^"]+)"', body.decode("utf-8")):
                assert ref in objects, f"{path} is live but {ref} is not"
    # The manifest never vouches for a hash the object does not have.
    document = json.loads(objects[MANIFEST_NAME][1])
    for path, row in document["files"].items():
        entry = dict(zip(document["fields"], row, strict=True))
        if entry["sha256"] is None or path not in objects:
            continue
        etag, body = objects[path]
        if trust_manifest or entry["fingerprint"] == etag:
            assert hashlib.sha256(body).hexdigest() == entry["sha256"], path


# Requests of the version-two publish, one at a time: read the manifest, list (or
# write the intent manifest), two assets, the feed, two pages, DeleteObjects,
# the manifest.  Going down after N answers breaks step N.
CASES = [(n, False) for n in range(9)] + [(n, True) for n in (1, 2, 4, 5, 7, 8)]


@pytest.mark.parametrize(
    ("answered", "trust_manifest"),
    CASES,
    ids=[f"{n}-{'manifest' if m else 'listing'}" for n, m in CASES],
)
def test_server_dies_part_way(
    site_dir, proxy, bucket, direct_s3, aws_env, answered, trust_manifest
):
    def target():
        return open_target(
            f"s3://{bucket}/{PREFIX}",
            endpoint_url=proxy.url,
            max_attempts=1,  # a dead server: no point waiting for retries here
            extra_retries=0,
            max_workers=1,  # one request at a time: N requests is one exact step
            trust_manifest=trust_manifest,
        )

    publish_site(site_dir, "portal", target())
    version_two(site_dir)

    proxy.go_down_after(answered)
    with pytest.raises(PublishError) as caught:
        publish_site(site_dir, "portal", target())
    message = str(caught.value)
    assert message.startswith(f"site 'portal' to s3://{bucket}/{PREFIX}: failed while ")
    assert ACCESS_KEY not in message and SECRET_KEY not in message
    if "uploading" in message:
        assert re.search(r"uploading (assets|data|html) '[^']+'", message), message

    objects = live_objects(direct_s3, bucket)
    assert_consistent(objects, trust_manifest)
    assert "static/css/site.3f2a9c1b.css" in objects or "en/index.html" not in objects

    proxy.come_back()
    result = publish_site(site_dir, "portal", target())
    objects = live_objects(direct_s3, bucket)
    expected = {
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*")
        if p.is_file() and not p.name.startswith(".cong-")  # the hash cache is not published
    }
    assert set(objects) == expected | {MANIFEST_NAME}
    for path in expected:
        assert objects[path][1] == (site_dir / path).read_bytes(), path
    assert_consistent(objects, trust_manifest)
    assert result.deleted <= 2

    proxy.reset_counts()
    assert publish_site(site_dir, "portal", target()).uploaded == 0
    assert proxy.count("PUT", excluding=MANIFEST_NAME) == 0


def test_recovery_after_a_lost_manifest_write_reuploads_nothing(
    site_dir, proxy, bucket, direct_s3, aws_env
):
    """Everything went up but the manifest did not: the listing's ETags vouch for the files."""
    target = open_target(
        f"s3://{bucket}/{PREFIX}",
        endpoint_url=proxy.url,
        max_attempts=1,
        extra_retries=0,
        max_workers=1,
    )
    publish_site(site_dir, "portal", target)
    version_two(site_dir)
    total = 2 + 5 + 1  # manifest + listing, five uploads, one DeleteObjects
    proxy.go_down_after(total)
    with pytest.raises(PublishError, match="writing the manifest"):
        publish_site(site_dir, "portal", target)
    proxy.come_back()
    proxy.reset_counts()
    result = publish_site(site_dir, "portal", target)
    assert result.uploaded == 0 and result.unchanged == len(SAMPLE_SITE) + 2 - 2
    assert proxy.count("PUT") == 1  # the manifest


def test_transient_errors_are_retried_with_backoff(site_dir, proxy, bucket, direct_s3, aws_env):
    """Three dropped requests in a row: botocore's retries plus our own carry the publish."""
    target = open_target(
        f"s3://{bucket}/{PREFIX}",
        endpoint_url=proxy.url,
        max_attempts=2,
        extra_retries=1,
        backoff_seconds=0.05,
        max_workers=1,
    )
    publish_site(site_dir, "portal", target)
    version_two(site_dir)
    proxy.drop_next(3)
    result = publish_site(site_dir, "portal", target)
    assert proxy.dropped == 3
    assert result.uploaded == 5 and result.deleted == 2
    objects = live_objects(direct_s3, bucket)
    assert objects[NEW_CSS][1] == b"body{color:#456}"
    assert OLD_CSS not in objects


def test_throttling_is_retried(site_dir, proxy, bucket, direct_s3, aws_env):
    """S3 answers 503 SlowDown four times in a row: the publish waits and goes on."""
    target = open_target(
        f"s3://{bucket}/{PREFIX}",
        endpoint_url=proxy.url,
        max_attempts=3,
        extra_retries=1,
        backoff_seconds=0.05,
        max_workers=1,
    )
    proxy.throttle_next(4)
    result = publish_site(site_dir, "portal", target)
    assert proxy.throttled == 4
    assert result.uploaded == len(SAMPLE_SITE)
    assert len(live_objects(direct_s3, bucket)) == len(SAMPLE_SITE) + 1


def test_throttling_that_does_not_stop_is_a_clear_error(site_dir, proxy, bucket, aws_env):
    target = open_target(
        f"s3://{bucket}/{PREFIX}",
        endpoint_url=proxy.url,
        max_attempts=2,
        extra_retries=1,
        backoff_seconds=0.01,
    )
    proxy.throttle_next(1000)
    with pytest.raises(PublishError, match="reading what is live: GetObject returned SlowDown"):
        publish_site(site_dir, "portal", target)


def test_a_large_file_is_streamed_and_resent_whole_after_a_drop(
    tmp_path, proxy, bucket, direct_s3, aws_env
):
    big = bytes(range(256)) * (17 * 4096)  # 17 MiB: above the in-memory limit
    site = write_site(tmp_path / "dist/portal", {"media/ban-do-quy-hoach.pdf": big})
    target = open_target(
        f"s3://{bucket}/{PREFIX}",
        endpoint_url=proxy.url,
        max_attempts=1,  # the drop is retried by our own loop: the file is sent whole again
        extra_retries=1,
        backoff_seconds=0.01,
    )
    proxy.drop_next(1, method="PUT")
    assert publish_site(site, "portal", target).uploaded == 1
    assert proxy.dropped == 1
    key = f"{PREFIX}/portal/media/ban-do-quy-hoach.pdf"
    stored = direct_s3.get_object(Bucket=bucket, Key=key)
    assert stored["ContentType"] == "application/pdf"
    assert hashlib.sha256(stored["Body"].read()).hexdigest() == hashlib.sha256(big).hexdigest()


def test_an_invalid_slug_is_refused(site_dir, tmp_path):
    with pytest.raises(ValueError, match="invalid site slug"):
        publish_site(site_dir, "../etc", open_target(tmp_path / "live"))


@pytest.mark.parametrize("trust_manifest", [False, True], ids=["listing", "manifest-only"])
def test_an_edit_reverted_after_a_failed_publish_is_put_back(
    site_dir, proxy, bucket, direct_s3, aws_env, trust_manifest
):
    """The new bytes went up, the manifest did not; then the editor reverts the page.

    The old manifest still holds the reverted page's hash: trusting it would leave
    the abandoned edit live.  The listing's ETag (or, without a listing, the intent
    manifest) must expose the object as changed.
    """
    target = open_target(
        f"s3://{bucket}/{PREFIX}",
        endpoint_url=proxy.url,
        max_attempts=1,
        extra_retries=0,
        max_workers=1,
        trust_manifest=trust_manifest,
    )
    publish_site(site_dir, "portal", target)
    original = (site_dir / "vi/index.html").read_bytes()
    (site_dir / "vi/index.html").write_text("<p>bản nháp lỡ tay</p>", encoding="utf-8")
    proxy.go_down_after_request("PUT", "/vi/index.html")  # the page goes up, then nothing
    with pytest.raises(PublishError, match="writing the manifest"):
        publish_site(site_dir, "portal", target)
    key = f"{PREFIX}/portal/vi/index.html"
    assert "lỡ tay" in direct_s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode()

    (site_dir / "vi/index.html").write_bytes(original)
    proxy.come_back()
    result = publish_site(site_dir, "portal", target)
    assert [u.path for u in result.plan.uploads] == ["vi/index.html"]
    assert direct_s3.get_object(Bucket=bucket, Key=key)["Body"].read() == original
