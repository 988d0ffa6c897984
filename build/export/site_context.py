"""What every page of a site needs: names, menus, banner, contact block, home details."""

from urllib.parse import urlsplit

from cms.core.models import SiteHomePage, SiteSettings

from .assemble import build_record, preload_media
from .blocks import list_values, raw_items
from .directory import LANGUAGES
from .sanitise import sanitise

LINK_SCHEMES = {"http", "https", "mailto", "tel"}

# Fields of the home page record that the site chrome (header, footer) shows.
HOME_CONTEXT_FIELDS = (
    "agency_name",
    "short_description",
    "address",
    "phone",
    "hotline",
    "email",
    "working_hours",
    "logo",
)


def _link(value, scope):
    """{label, url} of a LinkBlock value in the scope's language, or None to hide it."""
    label = value.get("label_en") if scope.lang == "en" else value.get("label")
    if not label:
        return None  # no English label: the link is hidden on the English site
    url = scope.page_url(value.get("page")) if value.get("page") else None
    url = url or value.get("url")
    if url and urlsplit(url.strip()).scheme.lower() not in {"", *LINK_SCHEMES}:
        return None  # javascript:, data: … (the admin form refuses them; other writers may not)
    return {"label": label, "url": url} if url else None


def navigation(stream, scope):
    menu = []
    for item in raw_items(stream):
        value = item.get("value") or {}
        link = _link(value, scope)
        if link is None:
            continue
        children = [_link(child or {}, scope) for child in list_values(value.get("children"))]
        menu.append({**link, "children": [child for child in children if child]})
    return menu


def footer_links(stream, scope):
    links = (_link(item.get("value") or {}, scope) for item in raw_items(stream))
    return [link for link in links if link]


def build_site_context(context):
    department, directory = context.department, context.directory
    site_settings = (
        SiteSettings.objects.filter(site=department.site).prefetch_related("social_links").first()
    )
    live_roots = {
        root.lang: root
        for root in directory.roots_of(department.slug)
        if directory.live(root.page_id) is not None
    }
    homes = list(SiteHomePage.objects.filter(id__in=[r.page_id for r in live_roots.values()]))
    preload_media([*homes, *([site_settings] if site_settings else [])], context.media)

    home_fields = {}
    for home in homes:
        record = build_record(home, context)
        home_fields[record["lang"]] = {key: record["fields"][key] for key in HOME_CONTEXT_FIELDS}

    scopes = {lang: context.scope(lang) for lang in LANGUAGES}
    result = {
        "slug": department.slug,
        "is_portal": department.is_portal,
        "name": {"vi": department.name_vi, "en": department.name_en},
        "languages": [lang for lang in LANGUAGES if lang in live_roots],
        "navigation": {lang: [] for lang in LANGUAGES},
        "footer_links": {lang: [] for lang in LANGUAGES},
        "banner": {"image": None, "text": {"vi": "", "en": ""}},
        "contact_html": dict.fromkeys(LANGUAGES, ""),
        "social_links": [],
        "home": home_fields,
    }
    if site_settings is None:
        return result
    for lang, scope in scopes.items():
        result["navigation"][lang] = navigation(site_settings.navigation, scope)
        result["footer_links"][lang] = footer_links(site_settings.footer_links, scope)
    contact = {"vi": site_settings.contact_block, "en": site_settings.contact_block_en}
    result["contact_html"] = {
        lang: sanitise(scopes[lang].expand(contact[lang])) for lang in LANGUAGES
    }
    result["banner"] = {
        # The banner sits behind the site name: decorative, so an empty alt.
        "image": context.media.image(site_settings.banner_image_id, alt=""),
        "text": {"vi": site_settings.banner_text, "en": site_settings.banner_text_en},
    }
    result["social_links"] = [
        {"network": link.network, "url": link.url} for link in site_settings.social_links.all()
    ]
    return result
