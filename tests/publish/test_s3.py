"""Publishing to S3 over HTTP against moto_server on loopback, counted at the wire."""

import hashlib
import json
import logging

import pytest

from build.publish import open_target, publish_site, rules
from build.publish.state import MANIFEST_NAME

from .conftest import SAMPLE_SITE

PREFIX = "sites"


@pytest.fixture
def s3_target(proxy, bucket, aws_env):
    def make(**options):
        options.setdefault("endpoint_url", proxy.url)
        return open_target(f"s3://{bucket}/{PREFIX}", **options)

    return make


def live_keys(client, bucket, slug="portal"):
    prefix = f"{PREFIX}/{slug}/"
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
    return {item["Key"][len(prefix) :] for page in pages for item in page.get("Contents", ())}


def puts(proxy):
    """PutObject requests of site files (the manifest left out)."""
    return proxy.count("PUT", excluding=MANIFEST_NAME)


def test_objects_get_content_type_cache_control_and_hash(site_dir, s3_target, direct_s3, bucket):
    result = publish_site(site_dir, "portal", s3_target())
    assert result.uploaded == len(SAMPLE_SITE)
    assert live_keys(direct_s3, bucket) == set(SAMPLE_SITE) | {MANIFEST_NAME}
    for path in SAMPLE_SITE:
        head = direct_s3.head_object(Bucket=bucket, Key=f"{PREFIX}/portal/{path}")
        assert head["ContentType"] == rules.content_type(path), path
        assert head["CacheControl"] == rules.cache_control(path), path
        data = (site_dir / path).read_bytes()
        assert head["Metadata"]["sha256"] == hashlib.sha256(data).hexdigest()
    heads = {
        path: direct_s3.head_object(Bucket=bucket, Key=f"{PREFIX}/portal/{path}")
        for path in ("vi/index.html", "static/css/site.3f2a9c1b.css", "vi/feed.atom")
    }
    assert heads["vi/index.html"]["ContentType"] == "text/html; charset=utf-8"
    assert heads["vi/index.html"]["CacheControl"] == "public, max-age=60, must-revalidate"
    assert heads["static/css/site.3f2a9c1b.css"]["CacheControl"] == (
        "public, max-age=31536000, immutable"
    )
    assert heads["vi/feed.atom"]["ContentType"] == "application/atom+xml; charset=utf-8"
    body = direct_s3.get_object(Bucket=bucket, Key=f"{PREFIX}/portal/vi/index.html")["Body"]
    assert "Trang chủ" in body.read().decode("utf-8")


def test_assets_go_up_before_data_before_html(site_dir, s3_target, proxy):
    publish_site(site_dir, "portal", s3_target(max_workers=1))
    order = [path for method, path in proxy.requests if method == "PUT"]
    phases = [
        rules.phase(path.split("/portal/", 1)[1].split("?")[0])
        for path in order
        if MANIFEST_NAME not in path
    ]
    assert phases == sorted(phases)
    assert MANIFEST_NAME in order[-1]  # the manifest is written last


def test_second_publish_uploads_nothing(site_dir, s3_target, proxy, caplog):
    target = s3_target()
    publish_site(site_dir, "portal", target)
    proxy.reset_counts()
    with caplog.at_level(logging.INFO, logger="cong.publish"):
        result = publish_site(site_dir, "portal", target)
    assert (result.uploaded, result.deleted, result.unchanged) == (0, 0, len(SAMPLE_SITE))
    assert proxy.count("PUT") == 0  # not even the manifest
    assert proxy.count("POST") == 0  # no DeleteObjects
    assert f"uploaded=0 unchanged={len(SAMPLE_SITE)} deleted=0" in caplog.records[-1].getMessage()


def test_one_file_edit_uploads_one_object_plus_manifest(site_dir, s3_target, proxy, direct_s3):
    target = s3_target()
    publish_site(site_dir, "portal", target)
    (site_dir / "vi/tin-tuc/dau-tu/index.html").write_text("<p>Bài đã sửa</p>", encoding="utf-8")
    proxy.reset_counts()
    result = publish_site(site_dir, "portal", target)
    assert result.uploaded == 1
    assert puts(proxy) == 1
    assert proxy.count("PUT") == 2  # the file and the manifest, nothing else
    key = f"{PREFIX}/portal/vi/tin-tuc/dau-tu/index.html"
    body = direct_s3.get_object(Bucket=_bucket_of(target), Key=key)["Body"].read()
    assert body.decode("utf-8") == "<p>Bài đã sửa</p>"


def test_stale_objects_are_deleted_last(site_dir, s3_target, proxy, direct_s3, bucket):
    target = s3_target()
    publish_site(site_dir, "portal", target)
    (site_dir / "en/index.html").unlink()
    (site_dir / "static/img/logo.png").unlink()
    (site_dir / "vi/index.html").write_text("<p>mới</p>", encoding="utf-8")
    proxy.reset_counts()
    result = publish_site(site_dir, "portal", target)
    assert (result.uploaded, result.deleted) == (1, 2)
    assert live_keys(direct_s3, bucket) == (set(SAMPLE_SITE) | {MANIFEST_NAME}) - {
        "en/index.html",
        "static/img/logo.png",
    }
    methods = [method for method, _ in proxy.requests if method in ("PUT", "POST")]
    assert methods == ["PUT", "POST", "PUT"]  # page, DeleteObjects, manifest


def test_dry_run_changes_nothing(site_dir, s3_target, proxy, direct_s3, bucket):
    target = s3_target()
    result = publish_site(site_dir, "portal", target, dry_run=True)
    assert result.uploaded == len(SAMPLE_SITE)
    assert live_keys(direct_s3, bucket) == set()
    publish_site(site_dir, "portal", target)
    (site_dir / "robots.txt").write_text("changed")
    (site_dir / "sitemap.xml").unlink()
    proxy.reset_counts()
    result = publish_site(site_dir, "portal", target, dry_run=True)
    assert [u.path for u in result.plan.uploads] == ["robots.txt"]
    assert result.plan.deletes == ["sitemap.xml"]
    assert {method for method, _ in proxy.requests} == {"GET"}
    assert "sitemap.xml" in live_keys(direct_s3, bucket)


def test_moved_page_gets_website_redirect_location(site_dir, s3_target, direct_s3, bucket):
    location = "https://tayninh.gov.vn/vi/tin-tuc/dau-tu/"
    redirects = {"/vi/tin-tuc/cu/": location, "/en/old/": "/en/"}
    target = s3_target()
    publish_site(site_dir, "portal", target, redirects=redirects)
    head = direct_s3.head_object(Bucket=bucket, Key=f"{PREFIX}/portal/vi/tin-tuc/cu/index.html")
    assert head["WebsiteRedirectLocation"] == location
    assert head["ContentType"] == "text/html; charset=utf-8"
    head = direct_s3.head_object(Bucket=bucket, Key=f"{PREFIX}/portal/en/old/index.html")
    assert head["WebsiteRedirectLocation"] == f"/{PREFIX}/portal/en/"
    assert publish_site(site_dir, "portal", target, redirects=redirects).uploaded == 0
    # A redirect pointed elsewhere is uploaded again, with its new location.
    redirects["/en/old/"] = "/en/tin-tuc/"
    result = publish_site(site_dir, "portal", target, redirects=redirects)
    assert [u.path for u in result.plan.uploads] == ["en/old/index.html"]
    head = direct_s3.head_object(Bucket=bucket, Key=f"{PREFIX}/portal/en/old/index.html")
    assert head["WebsiteRedirectLocation"] == f"/{PREFIX}/portal/en/tin-tuc/"


def test_manifest_records_what_is_live(site_dir, s3_target, direct_s3, bucket):
    publish_site(site_dir, "portal", s3_target())
    raw = direct_s3.get_object(Bucket=bucket, Key=f"{PREFIX}/portal/{MANIFEST_NAME}")
    manifest = json.loads(raw["Body"].read())
    assert set(manifest["files"]) == set(SAMPLE_SITE)
    entry = dict(zip(manifest["fields"], manifest["files"]["robots.txt"], strict=True))
    assert entry["sha256"] == hashlib.sha256(b"User-agent: *\n").hexdigest()
    listing = direct_s3.head_object(Bucket=bucket, Key=f"{PREFIX}/portal/robots.txt")
    assert entry["fingerprint"] == listing["ETag"]


def test_object_changed_behind_our_back_is_repaired(site_dir, s3_target, direct_s3, bucket):
    target = s3_target()
    publish_site(site_dir, "portal", target)
    key = f"{PREFIX}/portal/en/index.html"
    direct_s3.put_object(Bucket=bucket, Key=key, Body=b"defaced", ContentType="text/plain")
    direct_s3.delete_object(Bucket=bucket, Key=f"{PREFIX}/portal/sitemap.xml")
    result = publish_site(site_dir, "portal", target)
    assert sorted(u.path for u in result.plan.uploads) == ["en/index.html", "sitemap.xml"]
    head = direct_s3.head_object(Bucket=bucket, Key=key)
    assert head["ContentType"] == "text/html; charset=utf-8"


def test_manifest_only_mode_skips_the_listing(site_dir, s3_target, proxy):
    target = s3_target(trust_manifest=True)
    publish_site(site_dir, "portal", target)
    (site_dir / "vi/index.html").write_text("<p>sửa</p>", encoding="utf-8")
    proxy.reset_counts()
    result = publish_site(site_dir, "portal", target)
    assert result.uploaded == 1
    gets = [path for method, path in proxy.requests if method == "GET"]
    assert len(gets) == 1 and MANIFEST_NAME in gets[0]  # no ListObjectsV2
    # An intent manifest, the page, the final manifest.
    assert proxy.count("PUT") == 3 and puts(proxy) == 1
    proxy.reset_counts()
    assert publish_site(site_dir, "portal", target).uploaded == 0
    assert proxy.count("PUT") == 0


@pytest.mark.parametrize("trust_manifest", [False, True], ids=["listing", "manifest-only"])
def test_missing_bucket_is_a_clear_error(site_dir, proxy, aws_env, trust_manifest):
    from build.publish import PublishError

    target = open_target(
        "s3://no-such-bucket-here/x", endpoint_url=proxy.url, trust_manifest=trust_manifest
    )
    with pytest.raises(PublishError) as caught:
        publish_site(site_dir, "portal", target)
    message = str(caught.value)
    assert "reading what is live" in message and "NoSuchBucket" in message
    assert "s3://no-such-bucket-here/x" in message


def _bucket_of(target):
    return target.bucket


@pytest.mark.parametrize("trust_manifest", [False, True], ids=["listing", "manifest-only"])
def test_publishing_only_the_changed_paths(
    site_dir, s3_target, proxy, direct_s3, bucket, trust_manifest
):
    target = s3_target(trust_manifest=trust_manifest)
    publish_site(site_dir, "portal", target)
    (site_dir / "vi/index.html").write_text("<p>mới</p>", encoding="utf-8")
    (site_dir / "robots.txt").unlink()
    proxy.reset_counts()
    result = publish_site(site_dir, "portal", target, paths=["/vi/", "robots.txt"])
    assert (result.uploaded, result.deleted) == (1, 1)
    assert result.unchanged == len(SAMPLE_SITE) - 2
    assert not any("list-type" in path for _, path in proxy.requests)  # no listing
    assert proxy.count("HEAD") == (0 if trust_manifest else 2)
    assert puts(proxy) == 1
    assert live_keys(direct_s3, bucket) == (set(SAMPLE_SITE) | {MANIFEST_NAME}) - {"robots.txt"}
    proxy.reset_counts()
    assert publish_site(site_dir, "portal", target).uploaded == 0
    assert puts(proxy) == 0
