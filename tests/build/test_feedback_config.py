"""Which CMS endpoint the feedback pages post to, locally and in production.

Local builds post to the CMS of `make demo` (127.0.0.1:8000); a production
build must use each site file's `[feedback] production_endpoint` and must stop
with a SiteConfigError when a site has none, instead of publishing a form that
sends citizens' questions to 127.0.0.1.
"""

import html
from pathlib import Path

import pytest

from build.pipeline import BuildError, Pipeline
from build.render import render_site
from build.siteconfig import SITES_DIR, SiteConfigError, load_site_config

from .sample_records import site_records

PRODUCTION_ENDPOINT = "https://cms.longan.gov.vn/api/feedback/"
LOCAL_ENDPOINT = "http://127.0.0.1:8000/api/feedback/"
SITE_FILES = sorted(p.stem for p in SITES_DIR.glob("*.toml") if not p.stem.startswith("_"))
NAMES = {"vi": "Sở Kế hoạch và Đầu tư", "en": "Department of Planning and Investment"}


def write_sites(tmp_path, **site_files):
    """A sites folder: the real _default.toml plus the given <slug>.toml texts."""
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "_default.toml").write_text(
        (SITES_DIR / "_default.toml").read_text("utf-8"), encoding="utf-8"
    )
    for slug, text in site_files.items():
        (sites / f"{slug}.toml").write_text(text, encoding="utf-8")
    return sites


def test_every_site_file_names_the_public_cms_endpoint():
    assert SITE_FILES, "no site files found"
    for slug in SITE_FILES:
        assert load_site_config(slug).feedback_endpoint == LOCAL_ENDPOINT, slug
        production = load_site_config(slug, production=True)
        assert production.feedback_endpoint == PRODUCTION_ENDPOINT, slug
        assert production.production_feedback_endpoint == PRODUCTION_ENDPOINT, slug
        assert production.as_dict()["feedback_endpoint"] == PRODUCTION_ENDPOINT, slug


def test_a_production_build_without_production_endpoint_fails_clearly(tmp_path):
    sites = write_sites(tmp_path, **{"so-x": 'base_url = "https://sox.longan.gov.vn"\n'})

    assert load_site_config("so-x", sites_dir=sites).feedback_endpoint == LOCAL_ENDPOINT
    with pytest.raises(SiteConfigError) as error:
        load_site_config("so-x", sites_dir=sites, production=True)
    message = str(error.value)
    assert "feedback.production_endpoint" in message
    assert "so-x" in message and str(sites / "so-x.toml") in message


def test_a_site_without_feedback_pages_needs_no_production_endpoint(tmp_path):
    sites = write_sites(tmp_path, **{"so-y": '[feedback]\nendpoint = ""\n'})

    assert load_site_config("so-y", sites_dir=sites, production=True).feedback_endpoint == ""


@pytest.mark.parametrize(
    "value",
    [
        "http://cms.longan.gov.vn/api/feedback/",  # an https page may not fetch() http
        "https://cms.longan.gov.vn/api/feedback",  # no trailing slash
        "https://127.0.0.1:8000/api/feedback/",
        "https://localhost/api/feedback/",
        "https://[::1]/api/feedback/",
        "/api/feedback/",
    ],
)
def test_a_wrong_production_endpoint_fails_even_in_a_local_build(tmp_path, value):
    sites = write_sites(tmp_path, **{"so-z": f'[feedback]\nproduction_endpoint = "{value}"\n'})

    with pytest.raises(SiteConfigError, match="feedback.production_endpoint"):
        load_site_config("so-z", sites_dir=sites)


def test_the_production_pages_post_to_the_public_cms_only(tmp_path):
    config = load_site_config("so-ct", names=NAMES, production=True)
    out = tmp_path / "so-ct"
    render_site(
        slug="so-ct",
        records=site_records("so-ct", news_count=1, base_url="https://soct.longan.gov.vn"),
        config=config,
        base_url=config.base_url(production=True),
        out_dir=out,
    )

    form = (out / "vi" / "gop-y" / "index.html").read_text("utf-8")
    assert f'action="{PRODUCTION_ENDPOINT}"' in form
    assert "form-action 'self' https://cms.longan.gov.vn" in html.unescape(form)
    track = (out / "en" / "feedback" / "track" / "index.html").read_text("utf-8")
    assert f'data-api="{PRODUCTION_ENDPOINT}"' in track
    for path in out.rglob("*.html"):
        text = path.read_text("utf-8")
        assert "127.0.0.1:8000" not in text and "localhost" not in text, path


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_production_pipeline_build_uses_the_production_endpoint(make_department, tmp_path):
    make_department("so-ct", is_portal=False)
    sites = write_sites(tmp_path, **{"so-ct": (SITES_DIR / "so-ct.toml").read_text("utf-8")})
    dist = tmp_path / "dist"
    pipeline = Pipeline(
        dist_dir=dist, var_dir=tmp_path / "var", production=True, processes=1, sites_dir=sites
    )
    try:
        summary = pipeline.run(["so-ct"])
    except (BuildError, SiteConfigError) as error:  # e.g. another site of the test database
        pytest.fail(f"production build did not run: {error}")
    assert not summary.failed
    form = Path(dist / "so-ct" / "vi" / "gop-y" / "index.html").read_text("utf-8")
    assert f'action="{PRODUCTION_ENDPOINT}"' in form


def test_a_production_build_calls_the_search_api_on_its_own_origin():
    local = load_site_config("portal", names={"vi": "Cổng", "en": "Portal"})
    production = load_site_config("portal", names={"vi": "Cổng", "en": "Portal"}, production=True)
    assert local.search_api_url.startswith("http://127.0.0.1:")
    assert production.search_api_url == "/api/search"
