"""Site configuration files, theme catalogues and the static preview server."""

import threading
import urllib.request
from urllib.error import HTTPError

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from build.render import formats
from build.siteconfig import SITES_DIR, THEMES_DIR, SiteConfigError, load_site_config


def write_sites(tmp_path, default=None, **sites):
    (tmp_path / "_default.toml").write_text(
        default if default is not None else (SITES_DIR / "_default.toml").read_text("utf-8"),
        "utf-8",
    )
    for slug, text in sites.items():
        (tmp_path / f"{slug}.toml").write_text(text, "utf-8")
    return tmp_path


def test_site_without_file_gets_the_defaults_and_cms_names():
    config = load_site_config("so-khong-co-file", names={"vi": "Sở A", "en": "Dept A"})
    assert config.theme == "department"
    assert config.name == {"vi": "Sở A", "en": "Dept A"}
    assert config.languages == ("vi", "en")
    assert config.base_url() == "http://127.0.0.1:8080/so-khong-co-file"


def test_site_file_overrides_defaults_and_merges_tables(tmp_path):
    sites = write_sites(
        tmp_path, **{"so-x": 'base_url = "https://x.gov.vn"\n[search]\nscope = "all"\n'}
    )
    config = load_site_config("so-x", sites_dir=sites)
    assert config.base_url(production=True) == "https://x.gov.vn"
    assert config.base_url() == "http://127.0.0.1:8080/so-x"
    assert config.search_scope == "all"
    # the rest of the [search] table still comes from the defaults
    assert config.search_api_url == "http://127.0.0.1:8090/api/search"
    assert config.files[-1].endswith("so-x.toml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('themme = "portal"\n', "unknown key 'themme'"),
        ('[feeds]\nitems = "twenty"\n', "key 'feeds.items' must be int"),
        ('theme = "no-such-theme"\n', "key 'theme'"),
        ('base_url = "ftp://x"\n', "key 'base_url'"),
        ('languages = ["en"]\n', "key 'languages'"),
        ("[search]\nscope = 'everything'\n", "key 'search.scope'"),
        ("[menus]\nvi = [{label = 'A'}]\n", "key 'menus.vi[0]'"),
        ("base_url = \n", "not valid TOML"),
    ],
)
def test_invalid_site_file_names_file_and_key(tmp_path, text, message):
    sites = write_sites(tmp_path, **{"so-bad": text})
    with pytest.raises(SiteConfigError) as error:
        load_site_config("so-bad", sites_dir=sites)
    assert str(tmp_path / "so-bad.toml") in str(error.value)
    assert message in str(error.value)


def test_production_build_needs_a_base_url(tmp_path):
    config = load_site_config("so-y", sites_dir=write_sites(tmp_path))
    with pytest.raises(SiteConfigError, match="base_url"):
        config.base_url(production=True)


def test_every_shipped_site_file_is_valid():
    for path in SITES_DIR.glob("*.toml"):
        if path.stem != "_default":
            assert load_site_config(path.stem).slug == path.stem


def test_compiled_catalogues_match_their_po_files():
    for lang in ("vi", "en"):
        folder = THEMES_DIR / "portal" / "translations" / lang / "LC_MESSAGES"
        with (folder / "messages.po").open("rb") as fh:
            po = {m.id: m.string for m in read_po(fh) if m.id}
        translated = {key: text for key, text in po.items() if text}
        with (folder / "messages.mo").open("rb") as fh:
            mo = {m.id: m.string for m in read_mo(fh) if m.id}
        assert mo == translated, f"{folder}: run themes/update_translations.py"
        if lang == "vi":
            assert all(po.values()), "every interface string has a Vietnamese translation"


@pytest.mark.parametrize(
    ("call", "vi", "en"),
    [
        (lambda lang: formats.format_date("2026-11-22", lang), "22/11/2026", "22 Nov 2026"),
        (
            lambda lang: formats.format_money(1_500 * 10**9, "VND", lang),
            "1.500 tỷ đồng",
            "VND 1,500 billion",
        ),
        (
            lambda lang: formats.format_money(12_500_000, "USD", lang),
            "12,5 triệu USD",
            "USD 12.5 million",
        ),
        (lambda lang: formats.format_area("120.5", lang), "120,5 ha", "120.5 ha"),
        (lambda lang: formats.format_number(1500.5, lang), "1.500,5", "1,500.5"),
        (lambda lang: formats.format_date("not a date", lang), "", ""),
    ],
)
def test_locale_formats(call, vi, en):
    assert (call("vi"), call("en")) == (vi, en)


def test_static_server_serves_sites_with_security_headers(tmp_path):
    from cms.publishing.management.commands.serve_sites import make_server

    site = tmp_path / "so-z" / "vi"
    site.mkdir(parents=True)
    (site / "index.html").write_text("<!DOCTYPE html><title>vi</title>", "utf-8")
    (site / "atom.xml").write_text("<feed/>", "utf-8")
    (tmp_path / "so-z" / "404.html").write_text("<!DOCTYPE html><title>404 so-z</title>", "utf-8")
    (tmp_path / "sites.json").write_text(
        '[{"slug": "so-z", "name_vi": "Sở Z", "name_en": "Dept Z"}]', "utf-8"
    )
    server = make_server("127.0.0.1", 0, tmp_path, "http://127.0.0.1:8090/api/search")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with urllib.request.urlopen(f"{root}/so-z/vi/") as response:
            assert response.headers["Content-Type"] == "text/html; charset=utf-8"
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
            assert (
                "connect-src 'self' http://127.0.0.1:8090"
                in response.headers["Content-Security-Policy"]
            )
        with urllib.request.urlopen(f"{root}/so-z/vi/atom.xml") as response:
            assert response.headers["Content-Type"].startswith("application/atom+xml")
        with urllib.request.urlopen(f"{root}/") as response:
            assert 'href="/so-z/vi/"' in response.read().decode()
        with pytest.raises(HTTPError) as missing:
            urllib.request.urlopen(f"{root}/so-z/vi/nope/")
        assert missing.value.code == 404 and b"404 so-z" in missing.value.read()
    finally:
        server.shutdown()
        server.server_close()
