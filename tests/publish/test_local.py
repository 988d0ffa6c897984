"""Publishing to a local folder: same sync semantics as S3, atomic per-file replace."""

import json
import logging

import pytest

from build.publish import LocalFolderTarget, open_target, publish_site
from build.publish.state import MANIFEST_NAME

from .conftest import SAMPLE_SITE, write_site


def files_under(root):
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and not p.name.startswith(".cong-")  # manifest, hash cache
    }


def test_first_publish_copies_every_file_and_logs_one_line(site_dir, tmp_path, caplog):
    live = tmp_path / "live"
    with caplog.at_level(logging.INFO, logger="cong.publish"):
        result = publish_site(site_dir, "portal", open_target(live))
    assert result.uploaded == len(SAMPLE_SITE)
    assert result.bytes == sum(len(data) for data in files_under(site_dir).values())
    assert files_under(live / "portal") == files_under(site_dir)
    lines = [r.getMessage() for r in caplog.records if r.name == "cong.publish"]
    assert len(lines) == 1
    assert f"uploaded={len(SAMPLE_SITE)} unchanged=0 deleted=0" in lines[0]
    assert "seconds=" in lines[0] and "bytes=" in lines[0]


def test_second_publish_writes_nothing(site_dir, tmp_path):
    target = open_target(tmp_path / "live")
    publish_site(site_dir, "portal", target)
    mtimes = {p: p.stat().st_mtime_ns for p in (tmp_path / "live").rglob("*") if p.is_file()}
    result = publish_site(site_dir, "portal", target)
    assert (result.uploaded, result.deleted, result.unchanged) == (0, 0, len(SAMPLE_SITE))
    after = {p: p.stat().st_mtime_ns for p in (tmp_path / "live").rglob("*") if p.is_file()}
    assert after == mtimes  # not a file touched, the manifest included


def test_one_file_edit_copies_one_file_and_stale_files_go(site_dir, tmp_path):
    live = tmp_path / "live"
    target = open_target(live)
    publish_site(site_dir, "portal", target)
    (site_dir / "vi/tin-tuc/dau-tu/index.html").write_text("<p>Đã sửa</p>", encoding="utf-8")
    result = publish_site(site_dir, "portal", target)
    assert [u.path for u in result.plan.uploads] == ["vi/tin-tuc/dau-tu/index.html"]
    assert (live / "portal/vi/tin-tuc/dau-tu/index.html").read_text() == "<p>Đã sửa</p>"

    for path in ("vi/tin-tuc/dau-tu/index.html", "static/img/logo.png"):
        (site_dir / path).unlink()
    (site_dir / "vi/tin-tuc/dau-tu").rmdir()
    result = publish_site(site_dir, "portal", target)
    assert result.deleted == 2 and result.uploaded == 0
    assert files_under(live / "portal") == files_under(site_dir)
    assert not (live / "portal/vi/tin-tuc").exists()  # emptied folders are removed
    assert not list(live.rglob(".cong-tmp-*"))


def test_dry_run_changes_nothing(site_dir, tmp_path):
    live = tmp_path / "live"
    target = open_target(live)
    result = publish_site(site_dir, "portal", target, dry_run=True)
    assert result.uploaded == len(SAMPLE_SITE) and result.dry_run
    assert not live.exists()
    publish_site(site_dir, "portal", target)
    manifest = (live / "portal" / MANIFEST_NAME).read_bytes()
    (site_dir / "robots.txt").write_text("User-agent: *\nDisallow: /\n")
    (site_dir / "sitemap.xml").unlink()
    result = publish_site(site_dir, "portal", target, dry_run=True)
    assert [u.path for u in result.plan.uploads] == ["robots.txt"]
    assert result.plan.deletes == ["sitemap.xml"]
    assert (live / "portal/robots.txt").read_text() == "User-agent: *\n"
    assert (live / "portal/sitemap.xml").exists()
    assert (live / "portal" / MANIFEST_NAME).read_bytes() == manifest


def test_publishing_dist_onto_itself_is_a_noop_that_says_so(site_dir):
    result = publish_site(site_dir, "portal", LocalFolderTarget(site_dir.parent))
    assert result.noop and "already live" in result.log_line()
    assert result.uploaded == 0
    assert not (site_dir / MANIFEST_NAME).exists()


def test_a_file_changed_behind_the_publishers_back_is_repaired(site_dir, tmp_path):
    live = tmp_path / "live"
    target = open_target(live)
    publish_site(site_dir, "portal", target)
    (live / "portal/en/index.html").write_text("defaced")
    (live / "portal/vi/index.html").unlink()
    result = publish_site(site_dir, "portal", target)
    assert sorted(u.path for u in result.plan.uploads) == ["en/index.html", "vi/index.html"]
    assert files_under(live / "portal") == files_under(site_dir)


def test_a_missing_or_corrupt_manifest_costs_hashing_not_correctness(site_dir, tmp_path):
    live = tmp_path / "live"
    target = open_target(live)
    publish_site(site_dir, "portal", target)
    (live / "portal" / MANIFEST_NAME).write_text("{not json")
    result = publish_site(site_dir, "portal", target)
    assert result.uploaded == 0 and result.unchanged == len(SAMPLE_SITE)
    manifest = json.loads((live / "portal" / MANIFEST_NAME).read_text())
    assert set(manifest["files"]) == set(SAMPLE_SITE)


def test_moved_page_leaves_a_redirect_page(site_dir, tmp_path):
    live = tmp_path / "live"
    target = open_target(live)
    redirects = {"/vi/tin-tuc/cu/": "https://tayninh.gov.vn/vi/tin-tuc/dau-tu/"}
    publish_site(site_dir, "portal", target, redirects=redirects)
    stub = (live / "portal/vi/tin-tuc/cu/index.html").read_text()
    assert 'http-equiv="refresh"' in stub
    assert "https://tayninh.gov.vn/vi/tin-tuc/dau-tu/" in stub
    assert publish_site(site_dir, "portal", target, redirects=redirects).uploaded == 0
    # Without the redirect the stub is stale and goes.
    assert publish_site(site_dir, "portal", target).deleted == 1
    assert not (live / "portal/vi/tin-tuc/cu").exists()


def test_sites_do_not_touch_each_other(tmp_path):
    live = tmp_path / "live"
    target = open_target(live)
    a = write_site(tmp_path / "dist/a", {"vi/index.html": "a"})
    b = write_site(tmp_path / "dist/b", {"vi/index.html": "b"})
    publish_site(a, "a", target)
    publish_site(b, "b", target)
    (a / "vi/index.html").unlink()
    write_site(a, {"en/index.html": "a-en"})
    assert publish_site(a, "a", target).deleted == 1
    assert (live / "b/vi/index.html").read_text() == "b"


def test_publishing_only_the_changed_paths(site_dir, tmp_path):
    live = tmp_path / "live"
    target = open_target(live)
    publish_site(site_dir, "portal", target)
    (site_dir / "vi/index.html").write_text("<p>mới</p>", encoding="utf-8")
    (site_dir / "robots.txt").unlink()
    # A change outside ``paths`` is not looked at: the caller vouches for the rest.
    (site_dir / "sitemap.xml").write_text("<urlset>2</urlset>")
    result = publish_site(site_dir, "portal", target, paths=["vi/", "robots.txt"])
    assert (result.uploaded, result.deleted) == (1, 1)
    assert result.unchanged == len(SAMPLE_SITE) - 2
    assert (live / "portal/vi/index.html").read_text(encoding="utf-8") == "<p>mới</p>"
    assert not (live / "portal/robots.txt").exists()
    assert (live / "portal/sitemap.xml").read_text() != "<urlset>2</urlset>"
    manifest = json.loads((live / "portal" / MANIFEST_NAME).read_text())
    assert set(manifest["files"]) == set(SAMPLE_SITE) - {"robots.txt"}
    # A full publish afterwards finds only the file the hint left out.
    result = publish_site(site_dir, "portal", target)
    assert [u.path for u in result.plan.uploads] == ["sitemap.xml"]


def test_results_and_errors_serialise_for_build_records(site_dir, tmp_path):
    from build.publish import PublishError

    result = publish_site(site_dir, "portal", open_target(tmp_path / "live"))
    figures = json.loads(json.dumps(result.as_dict()))
    assert figures["uploaded"] == len(SAMPLE_SITE) and figures["site"] == "portal"
    with pytest.raises(PublishError) as caught:
        publish_site(tmp_path / "missing", "portal", open_target(tmp_path / "live"))
    error = json.loads(json.dumps(caught.value.as_dict()))
    assert error["step"] == "reading the build output"
    assert "no build output at" in error["message"]
