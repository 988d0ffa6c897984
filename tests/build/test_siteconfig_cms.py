"""A site's identity from the CMS: defaults < CMS < the optional sites/<slug>.toml."""

import pytest

from build.siteconfig import SiteConfigError, load_site_config

from .test_feedback_config import write_sites

CMS = {
    "base_url": "https://xa-thu.tayninh.gov.vn",
    "hostnames": ["xa-thu.tayninh.gov.vn"],
    "theme": "commune",
    "publish": {"target": "s3://cong-sites/xa-thu"},
    "search": {"scope": "all"},
    "feedback": {"production_endpoint": "https://cms.tayninh.gov.vn/api/feedback/"},
}


def test_a_site_without_a_file_takes_its_identity_from_the_cms(tmp_path):
    sites = write_sites(tmp_path)

    config = load_site_config("xa-thu", cms=CMS, sites_dir=sites, production=True)

    assert config.base_url(production=True) == "https://xa-thu.tayninh.gov.vn"
    assert config.hostnames == ("xa-thu.tayninh.gov.vn",)
    assert (config.theme, config.publish_target, config.search_scope) == (
        "commune",
        "s3://cong-sites/xa-thu",
        "all",
    )
    assert config.feedback_endpoint == "https://cms.tayninh.gov.vn/api/feedback/"
    assert config.feed_items == 20  # the defaults still apply
    assert config.files[-1] == "the CMS"


def test_a_site_file_overrides_the_cms(tmp_path):
    sites = write_sites(tmp_path, **{"xa-thu": 'base_url = "https://thu.example.vn"\n'})

    config = load_site_config("xa-thu", cms=CMS, sites_dir=sites)

    assert config.production_base_url == "https://thu.example.vn"
    assert config.publish_target == "s3://cong-sites/xa-thu"  # not in the file: the CMS's


def test_a_production_build_without_a_base_url_names_the_site_and_the_setting(tmp_path):
    sites = write_sites(tmp_path)
    config = load_site_config("xa-moi", cms={"theme": "commune"}, sites_dir=sites)

    assert config.base_url() == "http://127.0.0.1:8080/xa-moi"  # local builds need none
    with pytest.raises(SiteConfigError) as error:
        config.base_url(production=True)
    message = str(error.value)
    assert "site 'xa-moi' has no base URL" in message
    assert "in the CMS" in message and "sites/xa-moi.toml" in message


def test_a_wrong_value_from_the_cms_is_refused_with_its_source(tmp_path):
    sites = write_sites(tmp_path)

    with pytest.raises(SiteConfigError, match="the CMS: key 'hostnames' must be list"):
        load_site_config("xa-thu", cms={"hostnames": "xa-thu.vn"}, sites_dir=sites)
    with pytest.raises(SiteConfigError, match="the CMS: key 'base_url' must be an http"):
        load_site_config("xa-thu", cms={"base_url": "xa-thu.vn/"}, sites_dir=sites)
