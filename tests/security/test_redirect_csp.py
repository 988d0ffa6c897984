"""The publish step's redirect stubs carry a CSP they satisfy and escape their location.

A moved page leaves a small HTML page at its old path (build/publish/plan.py
``redirect_page``). Like every public page it must carry a Content-Security-Policy
(the same as the build's language redirect) and no inline script or style, and a
location that holds markup must stay text.
"""

import pytest

from build.publish import PublishError, open_target, publish_site
from build.publish.plan import REDIRECT_CSP, redirect_page
from build.render import finish_site

from .test_static_output import csp_violations, elements, parse_csp, parse_html

HOSTILE = (
    'https://longan.gov.vn/vi/"><script>alert(1)</script>'
    "<style>body{display:none}</style><img src=x onerror=alert(2) style='x'>&amp;"
)


def stub_tree(tmp_path, location):
    path = tmp_path / "index.html"
    path.write_bytes(redirect_page(location))
    return parse_html(path)


def refresh_target(tree):
    metas = [m for m in tree.iter("meta") if (m.get("http-equiv") or "").lower() == "refresh"]
    assert len(metas) == 1
    delay, url = metas[0].get("content").split(";", 1)
    assert delay == "0"
    return url.strip().removeprefix("url=")


def test_the_stub_carries_the_redirect_csp_and_satisfies_it(tmp_path):
    tree = stub_tree(tmp_path, "https://longan.gov.vn/vi/tin-tuc/dau-tu/")
    policy = parse_csp(tree)
    assert policy == {
        "default-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
    }
    assert csp_violations(tree, "https://longan.gov.vn/vi/tin-tuc/cu/") == []
    assert refresh_target(tree) == "https://longan.gov.vn/vi/tin-tuc/dau-tu/"


def test_the_build_and_the_publish_step_share_one_redirect_page(tmp_path):
    finish_site(records=[], out_dir=tmp_path, base_url="https://longan.gov.vn")
    root = (tmp_path / "index.html").read_bytes()
    assert root == redirect_page("https://longan.gov.vn/vi/", "vi")
    assert f'content="{REDIRECT_CSP}"'.encode() in root
    assert b'<meta name="robots" content="noindex">' in root


def test_a_hostile_location_stays_text(tmp_path):
    tree = stub_tree(tmp_path, HOSTILE)
    tags = [el.tag for el in elements(tree)]
    assert "script" not in tags and "style" not in tags and "img" not in tags
    assert csp_violations(tree, "https://longan.gov.vn/vi/cu/") == []
    # The browser reads back exactly the location it was given, markup included.
    assert refresh_target(tree) == HOSTILE
    assert tree.find(".//link[@rel='canonical']").get("href") == HOSTILE
    assert tree.find(".//a").get("href") == HOSTILE
    assert tree.find(".//a").text == HOSTILE


@pytest.mark.parametrize(
    "location",
    [
        "javascript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/",
        "/\\evil.example/",
        "vi/relative/",
    ],
)
def test_script_urls_and_other_hosts_are_refused(location, tmp_path):
    with pytest.raises(ValueError, match="site path or URL"):
        redirect_page(location)
    site = tmp_path / "dist/portal"
    (site / "vi").mkdir(parents=True)
    (site / "vi/index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    with pytest.raises(PublishError, match="site path or URL"):
        publish_site(site, "portal", open_target(tmp_path / "live"), redirects={"/cu/": location})
    assert not (tmp_path / "live/portal/cu").exists()


def test_a_published_stub_satisfies_its_csp(tmp_path):
    site = tmp_path / "dist/portal"
    (site / "vi").mkdir(parents=True)
    (site / "vi/index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    live = tmp_path / "live"
    publish_site(site, "portal", open_target(live), redirects={"/vi/cu/": HOSTILE})
    tree = parse_html(live / "portal/vi/cu/index.html")
    assert parse_csp(tree)["default-src"] == ["'none'"]
    assert csp_violations(tree, "https://longan.gov.vn/vi/cu/") == []
    assert refresh_target(tree) == HOSTILE
