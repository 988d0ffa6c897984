"""Content types, cache lifetimes and upload phases of published files."""

import pytest

from build.publish import rules
from build.publish.plan import normalise_path


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("vi/index.html", "text/html; charset=utf-8"),
        ("static/css/site.3f2a9c1b.css", "text/css; charset=utf-8"),
        ("static/js/app.0a1b2c3d.js", "text/javascript; charset=utf-8"),
        ("api/news.json", "application/json; charset=utf-8"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("vi/feed.atom", "application/atom+xml; charset=utf-8"),
        ("static/icons.svg", "image/svg+xml; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("static/img/anh.webp", "image/webp"),
        ("static/img/LOGO.PNG", "image/png"),
        ("media/qd.pdf", "application/pdf"),
        (
            "media/bieu-mau.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("static/fonts/be-vietnam.woff2", "font/woff2"),
        ("no-extension", "application/octet-stream"),
    ],
)
def test_content_type(path, expected):
    assert rules.content_type(path) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("static/css/site.3f2a9c1b.css", rules.CACHE_IMMUTABLE),
        ("static/img/anh.2e16d0ba.fill-800x600.webp", rules.CACHE_IMMUTABLE),
        ("vi/index.html", rules.CACHE_SHORT),
        ("vi/feed.atom", rules.CACHE_SHORT),
        ("sitemap.xml", rules.CACHE_SHORT),
        ("api/news.json", rules.CACHE_SHORT),
        ("static/img/logo.png", rules.CACHE_MEDIUM),
        # A date in a name is not a content hash: an editor may replace this file.
        ("media/bao-cao-20261122.pdf", rules.CACHE_MEDIUM),
        ("media/bao-cao.20261122.pdf", rules.CACHE_MEDIUM),
    ],
)
def test_cache_control(path, expected):
    assert rules.cache_control(path) == expected


def test_phases_put_assets_before_data_before_html():
    assert rules.phase("static/css/site.3f2a9c1b.css") == rules.PHASE_ASSETS
    assert rules.phase("media/qd.pdf") == rules.PHASE_ASSETS
    assert rules.phase("sitemap.xml") == rules.PHASE_DATA
    assert rules.phase("api/news.json") == rules.PHASE_DATA
    assert rules.phase("vi/index.html") == rules.PHASE_HTML
    assert rules.PHASE_ASSETS < rules.PHASE_DATA < rules.PHASE_HTML


@pytest.mark.parametrize(
    ("url_path", "file_path"),
    [("/vi/tin-tuc/cu/", "vi/tin-tuc/cu/index.html"), ("/", "index.html"), ("/a.html", "a.html")],
)
def test_redirect_paths_name_the_file_that_serves_them(url_path, file_path):
    assert normalise_path(url_path) == file_path


@pytest.mark.parametrize("bad", ["/vi/../etc/", "/vi//x/"])
def test_unsafe_redirect_paths_are_refused(bad):
    with pytest.raises(ValueError, match="not a safe site path"):
        normalise_path(bad)
