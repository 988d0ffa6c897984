"""manage.py publish_sites: choosing sites and targets, dry runs, errors."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from build.publish.state import MANIFEST_NAME

from .conftest import ACCESS_KEY, SAMPLE_SITE, SECRET_KEY, write_site


@pytest.fixture
def dist(tmp_path, settings, db):  # db: a site's publish target may come from the CMS
    dist_dir = tmp_path / "dist"
    write_site(dist_dir / "portal", SAMPLE_SITE)
    write_site(dist_dir / "so-khdt", {"vi/index.html": "<p>Sở Kế hoạch và Đầu tư</p>"})
    sites = [
        {"slug": slug, "name_vi": slug, "name_en": slug, "base_url": "", "languages": ["vi"]}
        for slug in ("portal", "so-khdt")
    ]
    (dist_dir / "sites.json").write_text(json.dumps(sites), encoding="utf-8")
    settings.DIST_DIR = dist_dir
    return dist_dir


def run(*args, stderr=None):
    out, err = StringIO(), stderr or StringIO()
    call_command("publish_sites", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_publishes_every_built_site_to_a_folder(dist, tmp_path):
    live = tmp_path / "live"
    out, _ = run("--target", str(live))
    assert (live / "portal/vi/index.html").read_bytes() == (
        dist / "portal/vi/index.html"
    ).read_bytes()
    assert (live / "so-khdt/vi/index.html").exists()
    assert f"publish site=portal target={live} uploaded={len(SAMPLE_SITE)}" in out
    assert "publish site=so-khdt" in out
    out, _ = run("--target", str(live))
    assert "uploaded=0" in out and "uploaded=1" not in out


def test_only_the_chosen_site(dist, tmp_path):
    live = tmp_path / "live"
    run("--site", "so-khdt", "--target", str(live))
    assert (live / "so-khdt").is_dir() and not (live / "portal").exists()


def test_unknown_site_is_refused(dist, tmp_path):
    with pytest.raises(CommandError, match="not built: nowhere"):
        run("--site", "nowhere", "--target", str(tmp_path / "live"))


def test_local_means_dist_itself(dist):
    out, _ = run("--target", "local")
    assert out.count("already live") == 2
    assert not (dist / "portal" / MANIFEST_NAME).exists()


def test_dry_run_lists_the_plan_and_writes_nothing(dist, tmp_path):
    live = tmp_path / "live"
    out, _ = run("--site", "portal", "--target", str(live), "--dry-run")
    assert "dry_run=yes" in out
    assert "new      vi/index.html" in out
    assert not live.exists()


def test_without_a_build_it_says_what_to_do(tmp_path, settings):
    settings.DIST_DIR = tmp_path / "empty"
    with pytest.raises(CommandError, match="run build_sites first"):
        run("--target", str(tmp_path / "live"))


def test_bad_target_is_a_clear_error(dist):
    with pytest.raises(CommandError, match="unknown publish target"):
        run("--target", "ftp://example/x")


def test_publishes_to_s3_from_the_environment(dist, proxy, bucket, direct_s3, monkeypatch):
    monkeypatch.setenv("AWS_ENDPOINT_URL", proxy.url)
    out, _ = run("--target", f"s3://{bucket}/www")
    assert f"publish site=portal target=s3://{bucket}/www uploaded={len(SAMPLE_SITE)}" in out
    head = direct_s3.head_object(Bucket=bucket, Key="www/so-khdt/vi/index.html")
    assert head["ContentType"] == "text/html; charset=utf-8"


def test_a_failed_site_fails_the_command_without_secrets(dist, proxy, bucket, monkeypatch):
    monkeypatch.setenv("AWS_ENDPOINT_URL", proxy.url)
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    monkeypatch.setenv("CONG_S3_EXTRA_RETRIES", "0")
    proxy.go_down_after(0)
    err = StringIO()
    with pytest.raises(CommandError, match="publishing failed for portal, so-khdt") as caught:
        run("--target", f"s3://{bucket}/www", stderr=err)
    assert "run publish_sites again" in str(caught.value)
    lines = err.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"site 'portal' to s3://{bucket}/www: failed while reading")
    assert SECRET_KEY not in err.getvalue() and ACCESS_KEY not in err.getvalue()


def test_default_target_comes_from_the_site_files(dist):
    """sites/_default.toml says publish.target = "local": dist/ itself is live."""
    from build.siteconfig import load_site_config

    assert load_site_config("portal").publish_target == "local"
    out, _ = run("--site", "portal")
    assert "publish site=portal" in out and "already live" in out


@pytest.mark.django_db  # without a spec, the CMS's publish target of the site is read
def test_target_for_site_resolves_specs(tmp_path, monkeypatch):
    from build.publish import LocalFolderTarget
    from build.publish.s3 import S3Target
    from build.publish.sites import target_for_site

    dist_dir = tmp_path / "dist"
    assert target_for_site("portal", dist_dir, spec="local").root == dist_dir.absolute()
    assert target_for_site("portal", dist_dir).same_as_source("portal", dist_dir / "portal")
    monkeypatch.chdir(tmp_path)
    folder = target_for_site("portal", dist_dir, spec="www")
    assert isinstance(folder, LocalFolderTarget) and folder.root == tmp_path / "www"
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "x")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "y")
    s3 = target_for_site("portal", dist_dir, spec="s3://bucket/a/b/", endpoint_url="http://h:1")
    assert isinstance(s3, S3Target) and (s3.bucket, s3.prefix) == ("bucket", "a/b")
    assert s3.key("portal", "vi/index.html") == "a/b/portal/vi/index.html"
    with pytest.raises(ValueError, match="has no bucket"):
        target_for_site("portal", dist_dir, spec="s3:///x")
