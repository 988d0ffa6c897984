"""Per-site build settings: `sites/_default.toml`, the CMS, then `sites/<slug>.toml`.

Plain TOML read with tomllib, no Django: the render step and the publish step
use it from worker processes. The CMS's values (base URL, host names, publish
target, search scope, the theme of a commune: cms/departments/buildconfig.py)
come in as plain data (`cms=`), so a new subsite needs no file; a site file is
an optional override. Every key is checked against SCHEMA so that a typo or a
wrong type stops the build with its source and key named instead of silently
rendering a wrong site.
"""

import tomllib
from dataclasses import dataclass, field
from ipaddress import ip_address
from pathlib import Path
from urllib.parse import urlsplit

REPO_DIR = Path(__file__).resolve().parent.parent
SITES_DIR = REPO_DIR / "sites"
THEMES_DIR = REPO_DIR / "themes"
LOCAL_ROOT_URL = "http://127.0.0.1:8080"

# key -> expected type; nested tables are dicts of the same shape.
SCHEMA = {
    "name_vi": str,
    "name_en": str,
    "theme": str,
    "base_url": str,
    "hostnames": list,
    "languages": list,
    "publish": {"target": str},
    "search": {"scope": str, "api_url": str, "production_api_url": str},
    "feeds": {"items": int},
    "pagination": {"per_page": int},
    "menus": {"vi": list, "en": list},
    "feedback": {"endpoint": str, "production_endpoint": str},
}
CMS_SOURCE = "the CMS"
SUPPORTED_LANGUAGES = ("vi", "en")
SEARCH_SCOPES = ("site", "all")


class SiteConfigError(ValueError):
    """A site file is missing, unreadable or holds an invalid key."""


_cms_source = None


def register_cms_source(source):
    """The CMS registers `source(slug) -> dict | None` (its apps' ready()).

    Only callers running inside the CMS process use it (`cms_settings`); the
    build's exporter hands the same data to the pipeline with each site.
    """
    global _cms_source
    _cms_source = source


def cms_settings(slug):
    """The CMS's settings of `slug` (plain dict), or None without a CMS."""
    return None if _cms_source is None else _cms_source(slug)


@dataclass(frozen=True)
class SiteConfig:
    slug: str
    name: dict  # {"vi": ..., "en": ...}
    theme: str
    production_base_url: str
    hostnames: tuple
    languages: tuple
    publish_target: str
    search_scope: str
    search_api_url: str
    feed_items: int
    per_page: int
    menus: dict = field(default_factory=dict)  # {lang: [{"label", "url"}]}
    files: tuple = ()  # the TOML files this config was read from
    # The CMS's POST /api/feedback/ URL the pages of this build use (the production
    # one when loaded with production=True); empty: the site has no feedback pages.
    feedback_endpoint: str = ""
    # [feedback] production_endpoint as written in the site file (may be empty).
    production_feedback_endpoint: str = ""

    def base_url(self, *, production=False, local_root=LOCAL_ROOT_URL):
        """The URL every link of the built site starts with (no trailing slash)."""
        if production:
            if not self.production_base_url:
                raise SiteConfigError(
                    f"site '{self.slug}' has no base URL: a production build needs one. Set "
                    f"'base URL' in the CMS (Settings › Sites › {self.slug}) or 'base_url' in "
                    f"sites/{self.slug}.toml (read: {', '.join(self.files)})"
                )
            return self.production_base_url
        return f"{local_root.rstrip('/')}/{self.slug}"

    def as_dict(self):
        return {
            "slug": self.slug,
            "name": dict(self.name),
            "theme": self.theme,
            "production_base_url": self.production_base_url,
            "hostnames": list(self.hostnames),
            "languages": list(self.languages),
            "publish_target": self.publish_target,
            "search_scope": self.search_scope,
            "search_api_url": self.search_api_url,
            "feed_items": self.feed_items,
            "per_page": self.per_page,
            "menus": {lang: list(items) for lang, items in self.menus.items()},
            "feedback_endpoint": self.feedback_endpoint,
            "production_feedback_endpoint": self.production_feedback_endpoint,
        }


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise SiteConfigError(f"{path}: not valid TOML: {exc}") from exc


def _check(data: dict, schema: dict, path: Path, prefix=""):
    for key, value in data.items():
        name = f"{prefix}{key}"
        if key not in schema:
            raise SiteConfigError(f"{path}: unknown key '{name}'")
        expected = schema[key]
        if isinstance(expected, dict):
            if not isinstance(value, dict):
                raise SiteConfigError(f"{path}: key '{name}' must be a table")
            _check(value, expected, path, prefix=f"{name}.")
        elif not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise SiteConfigError(
                f"{path}: key '{name}' must be {expected.__name__}, not {type(value).__name__}"
            )


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _validate_values(data: dict, slug: str, path: Path, themes_dir: Path):
    def fail(key, message):
        raise SiteConfigError(f"{path}: key '{key}' {message}")

    base_url = data.get("base_url", "")
    if base_url:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc or base_url.endswith("/"):
            fail("base_url", f"must be an http(s) URL without a trailing slash, got {base_url!r}")
    languages = data.get("languages", [])
    if not languages or languages[0] != "vi" or set(languages) - set(SUPPORTED_LANGUAGES):
        fail("languages", f"must start with 'vi' and use only {SUPPORTED_LANGUAGES}")
    if not (themes_dir / data.get("theme", "")).is_dir() or not data.get("theme"):
        fail("theme", f"names no folder under {themes_dir}: {data.get('theme')!r}")
    if data["search"].get("scope") not in SEARCH_SCOPES:
        fail("search.scope", f"must be one of {SEARCH_SCOPES}")
    if data["feeds"].get("items", 0) < 1:
        fail("feeds.items", "must be at least 1")
    if data["pagination"].get("per_page", 0) < 1:
        fail("pagination.per_page", "must be at least 1")
    endpoint = data["feedback"].get("endpoint", "")
    if endpoint:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc or not endpoint.endswith("/"):
            fail("feedback.endpoint", f"must be an http(s) URL ending in '/', got {endpoint!r}")
    # Checked in local builds too, so that a wrong production value fails in CI
    # rather than on the day of a production build.
    production_endpoint = data["feedback"].get("production_endpoint", "")
    if production_endpoint:
        parts = urlsplit(production_endpoint)
        if parts.scheme != "https" or not parts.hostname or not production_endpoint.endswith("/"):
            fail(
                "feedback.production_endpoint",
                f"must be an https URL ending in '/', got {production_endpoint!r}",
            )
        if _is_loopback(parts.hostname):
            fail(
                "feedback.production_endpoint",
                f"must be the CMS's public address, not a loopback one: {production_endpoint!r}",
            )
    for lang, items in data.get("menus", {}).items():
        for index, item in enumerate(items):
            if not isinstance(item, dict) or not {"label", "url"} <= set(item):
                fail(f"menus.{lang}[{index}]", "must be a table with 'label' and 'url'")
    for host in data.get("hostnames", []):
        if not isinstance(host, str) or "/" in host or not host:
            fail("hostnames", f"holds an invalid host name: {host!r}")
    if slug != slug.strip() or "/" in slug or not slug:
        raise SiteConfigError(f"invalid site slug {slug!r}")


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ip_address(host).is_loopback or ip_address(host).is_unspecified
    except ValueError:
        return False


def _search_api_url(search: dict, production: bool) -> str:
    """The search API the pages call: `production_api_url` in a production build
    (default "/api/search", the web service's own origin), else `api_url`."""
    if production and search.get("production_api_url"):
        return search["production_api_url"]
    return search.get("api_url", "http://127.0.0.1:8090/api/search")


def _feedback_endpoint(data: dict, slug: str, path: Path, production: bool) -> str:
    """The endpoint the built pages post to.

    A production build fails instead of falling back to `endpoint`: that one is
    the local CMS (127.0.0.1), so every citizen's question would go to their own
    computer and be lost, while the pages look as if they work. Dropping the
    pages silently is no better: the portal must offer the channel (Decree
    42/2022, Art. 8). A site that wants no feedback pages sets `endpoint = ""`.
    """
    feedback = data["feedback"]
    endpoint = feedback.get("endpoint", "")
    if not production or not endpoint:
        return endpoint
    production_endpoint = feedback.get("production_endpoint", "")
    if not production_endpoint:
        raise SiteConfigError(
            f"{path}: key 'feedback.production_endpoint' is empty; a production build of "
            f"site '{slug}' would send its feedback form to {endpoint!r}. Set it to the "
            "CMS's public URL (e.g. https://cms.longan.gov.vn/api/feedback/), or set "
            "'feedback.endpoint' to \"\" for a site without feedback pages"
        )
    return production_endpoint


def load_site_config(
    slug: str,
    *,
    names=None,
    cms=None,
    production=False,
    sites_dir: Path = SITES_DIR,
    themes_dir: Path = THEMES_DIR,
) -> SiteConfig:
    """Read the defaults and the site's own file (if any) and return the merged config.

    `names` ({"vi", "en"}) comes from the CMS; a site file's name_vi/name_en wins.
    `cms`: the CMS's settings of the site in the files' shape (base_url, hostnames,
    theme, publish.target, search.scope, feedback.production_endpoint); they
    override the defaults, and the site's own file overrides them.
    `production`: the config of a production build, whose `feedback_endpoint` is the
    site file's `[feedback] production_endpoint` (SiteConfigError if it has none).
    """
    default_path = sites_dir / "_default.toml"
    if not default_path.is_file():
        raise SiteConfigError(f"{default_path}: missing (every site's defaults live there)")
    default = _read(default_path)
    _check(default, SCHEMA, default_path)
    files = [default_path]
    data = default
    if cms:
        _check(cms, SCHEMA, CMS_SOURCE)
        data = _merge(data, cms)
        files.append(CMS_SOURCE)
    site_path = sites_dir / f"{slug}.toml"
    if site_path.is_file():
        own = _read(site_path)
        _check(own, SCHEMA, site_path)
        data = _merge(data, own)
        files.append(site_path)
    for table in ("publish", "search", "feeds", "pagination", "menus", "feedback"):
        data.setdefault(table, {})
    _validate_values(data, slug, files[-1], themes_dir)
    names = names or {}
    return SiteConfig(
        slug=slug,
        name={
            "vi": data.get("name_vi") or names.get("vi") or slug,
            "en": data.get("name_en") or names.get("en") or names.get("vi") or slug,
        },
        theme=data["theme"],
        production_base_url=data.get("base_url", ""),
        hostnames=tuple(data.get("hostnames", [])),
        languages=tuple(data["languages"]),
        publish_target=data["publish"].get("target", "local"),
        search_scope=data["search"]["scope"],
        search_api_url=_search_api_url(data["search"], production),
        feed_items=data["feeds"]["items"],
        per_page=data["pagination"]["per_page"],
        menus={lang: list(data["menus"].get(lang, [])) for lang in SUPPORTED_LANGUAGES},
        files=tuple(str(p) for p in files),
        feedback_endpoint=_feedback_endpoint(data, slug, Path(files[-1]), production),
        production_feedback_endpoint=data["feedback"].get("production_endpoint", ""),
    )
