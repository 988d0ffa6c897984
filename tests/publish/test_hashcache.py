"""The stat-keyed hash cache: skips unchanged files, never trusts a racy or rewritten one."""

import hashlib
import os
import time

import pytest

from build.publish import hashcache, open_target, publish_site
from build.publish.hashcache import CACHE_NAME, RACY_SECONDS, HashCache
from build.publish.plan import scan_source

from .conftest import write_site

OLD = time.time() - 3600


@pytest.fixture
def settled(monkeypatch):
    """Files here are written by the test itself a moment ago; the racy-clean guard
    (which looks at ctime, which a test cannot age) is switched off for them."""
    monkeypatch.setattr(hashcache, "RACY_SECONDS", 0)


def scan(folder):
    cache = HashCache(folder)
    hashes = {}
    for name in sorted(os.listdir(folder)):
        if name == CACHE_NAME:
            continue
        path = folder / name
        hashes[name] = cache.sha256(name, path, path.stat())
    cache.save()
    return hashes, cache.hashed


def test_unchanged_files_are_not_hashed_again(tmp_path, settled):
    write_site(tmp_path, {"a.html": "một", "b.css": "hai"})
    for name in ("a.html", "b.css"):
        os.utime(tmp_path / name, (OLD, OLD))
    first, hashed = scan(tmp_path)
    assert hashed == 2
    assert first["a.html"] == hashlib.sha256("một".encode()).hexdigest()
    again, hashed = scan(tmp_path)
    assert (again, hashed) == (first, 0)


def test_a_rewrite_with_the_same_size_and_mtime_is_still_seen(tmp_path, settled):
    write_site(tmp_path, {"a.html": "aaaa"})
    os.utime(tmp_path / "a.html", (OLD, OLD))
    scan(tmp_path)
    time.sleep(0.05)  # past the kernel's coarse timestamp tick, so ctime moves
    (tmp_path / "a.html").write_text("bbbb")
    os.utime(tmp_path / "a.html", (OLD, OLD))  # size and mtime as before; ctime moved
    hashes, hashed = scan(tmp_path)
    assert hashed == 1
    assert hashes["a.html"] == hashlib.sha256(b"bbbb").hexdigest()


def test_a_file_written_just_now_is_not_remembered(tmp_path):
    write_site(tmp_path, {"a.html": "fresh"})
    soon = time.time() + 60  # "just now" however slow this machine is
    os.utime(tmp_path / "a.html", (soon, soon))
    scan(tmp_path)
    # Modified within RACY_SECONDS of hashing: hashed again next time.
    assert RACY_SECONDS >= 1
    _, hashed = scan(tmp_path)
    assert hashed == 1


def test_the_cache_file_is_never_published(tmp_path, settled):
    site = write_site(tmp_path / "dist/portal", {"vi/index.html": "x"})
    os.utime(site / "vi/index.html", (OLD, OLD))
    assert set(scan_source(site)) == {"vi/index.html"}
    assert (site / CACHE_NAME).exists()
    live = tmp_path / "live"
    publish_site(site, "portal", open_target(live))
    assert not (live / "portal" / CACHE_NAME).exists()


def test_force_uploads_everything(tmp_path):
    site = write_site(tmp_path / "dist/portal", {"vi/index.html": "x", "a.css": "y"})
    target = open_target(tmp_path / "live")
    publish_site(site, "portal", target)
    assert publish_site(site, "portal", target, force=True).uploaded == 2


def test_hashes_the_caller_knows_are_used_as_given(tmp_path):
    site = write_site(tmp_path / "portal", {"vi/index.html": "x", "a.css": "y"})
    files = scan_source(site, known_hashes={"vi/index.html": "0" * 64}, cache=False)
    assert files["vi/index.html"].sha256 == "0" * 64
    assert files["a.css"].sha256 == hashlib.sha256(b"y").hexdigest()
    assert not (site / CACHE_NAME).exists()
