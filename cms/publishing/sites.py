"""Which site a page belongs to, whether the portal lists it, and where a site is live."""

from django.conf import settings
from wagtail.models import Page

from build.kinds import KIND_TABLE
from build.sitesfile import read_sites
from cms.departments.models import Department

# Page models whose every page the portal aggregates.
AGGREGATED_MODELS = tuple(kind.model for kind in KIND_TABLE if kind.aggregated)


def department_for_page(page):
    """The Department whose site holds the page, in either locale tree; None outside sites.

    The vi tree is the Site's root page; the en tree is its translation (a
    sibling under the tree root), so the home page is found by its path (depth
    2) and matched by translation_key.
    """
    home_path = page.path[: Page.steplen * 2]
    if len(home_path) < Page.steplen * 2:
        return None  # the tree root itself
    home = Page.objects.filter(path=home_path).only("translation_key").first()
    if home is None:
        return None
    return (
        Department.objects.filter(site__root_page__translation_key=home.translation_key)
        .only("slug", "is_portal")
        .first()
    )


def _model_label(page):
    return f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}"


def shown_on_portal(page):
    """True if the portal's listings include (or, until rebuilt, included) this page."""
    label = _model_label(page)
    if label in AGGREGATED_MODELS:
        return True
    if label != "news.NewsArticlePage":
        return False
    if getattr(page.specific, "show_on_portal", False):
        return True
    # Unticked just now: the portal still lists it until it is rebuilt.
    for revision in page.revisions.order_by("-created_at", "-pk")[:2]:
        if (revision.content or {}).get("show_on_portal"):
            return True
    return False


def portal_slug():
    return Department.objects.filter(is_portal=True).values_list("slug", flat=True).first()


def built_sites(dist_dir=None):
    """dist/sites.json as {slug: entry}; {} before the first build."""
    return read_sites(dist_dir or settings.DIST_DIR)


def live_url(slug):
    """The site's public base URL: dist/sites.json, else its sites/ configuration."""
    entry = built_sites().get(slug)
    if entry and entry.get("base_url"):
        return entry["base_url"]
    from build.siteconfig import SiteConfigError, load_site_config

    production = settings.BUILD_BASE_URL == "production"
    try:
        config = load_site_config(slug)
        return config.base_url(production=production, local_root=settings.BUILD_BASE_URL)
    except (SiteConfigError, OSError, ValueError):
        return ""


def page_live_url(page, slug):
    """Where the static build puts the page: <site URL>/<lang>/<path below the home page>."""
    base = live_url(slug)
    home_path = page.path[: Page.steplen * 2]
    home = Page.objects.filter(path=home_path).only("url_path").first()
    if not base or home is None:
        return base
    rest = page.url_path[len(home.url_path) :] if page.url_path.startswith(home.url_path) else ""
    return f"{base.rstrip('/')}/{page.locale.language_code}/{rest}"
