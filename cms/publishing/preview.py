"""Wagtail preview and live view with the static build's own theme.

ContentPage.serve_preview / serve call `preview_response(page, request)`:
the page (a draft revision in preview) goes through build.export.export_page
into one record, which build.render renders with the site's theme in the
record's language. Editors therefore see exactly the public design.

The page's CSS/JS and the media copied by the export are served by the CMS
under /__preview__/ (theme files unhashed, straight from themes/); links to
other pages point at the local static build (serve_sites).
"""

import mimetypes
import re
import tempfile
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.urls import path
from django.utils.cache import add_never_cache_headers

from build.render import make_csp, render_record_html
from build.render.themes import static_files, theme_chain
from build.siteconfig import THEMES_DIR, load_site_config

PREVIEW_PREFIX = "/__preview__"
_SAFE_PART = re.compile(r"^[A-Za-z0-9._-]+$")


def _base_urls():
    from cms.departments.models import Department

    root = settings.BUILD_BASE_URL.rstrip("/")
    return {slug: f"{root}/{slug}" for slug in Department.objects.values_list("slug", flat=True)}


def _preview_dir(slug):
    return Path(settings.VAR_DIR) / "preview" / slug


def render_preview_html(page):
    """The page rendered as the static site will show it (its current, possibly draft, state)."""
    from build.export import export_page, export_site_context
    from cms.departments.models import Department

    base_urls = _base_urls()
    scratch_root = Path(settings.VAR_DIR) / "preview"
    scratch_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=scratch_root, prefix=".pending-") as scratch:
        record = export_page(page, base_urls=base_urls, out_dir=Path(scratch))
        slug = record["site"]
        # the site is known only now: keep the copied media in the site's preview folder
        out_dir = _preview_dir(slug)
        pending = Path(scratch) / "media"
        for source in pending.rglob("*") if pending.is_dir() else ():
            if source.is_file():
                target = out_dir / "media" / source.relative_to(pending)
                target.parent.mkdir(parents=True, exist_ok=True)
                source.replace(target)
    department = Department.objects.get(slug=slug)
    config = load_site_config(slug, names={"vi": department.name_vi, "en": department.name_en})
    context = export_site_context(slug, base_urls=base_urls, out_dir=out_dir)
    portal = Department.objects.filter(is_portal=True).first()
    chain = theme_chain(config.theme)
    assets = {logical: f"/{config.theme}/{logical}" for logical in static_files(chain)}
    html = render_record_html(
        record,
        config=config,
        base_url=base_urls[slug],
        context=context,
        portal=(
            {"url": base_urls[portal.slug], "name": {"vi": portal.name_vi, "en": portal.name_en}}
            if portal
            else None
        ),
        csp=make_csp(config.search_api_url, base_urls.values()),
        assets=assets,
        asset_base=f"{PREVIEW_PREFIX}/theme",
    )
    # media the export copied for this preview live under /__preview__/<slug>/media/
    return html.replace(f"{base_urls[slug]}/media/", f"{PREVIEW_PREFIX}/{slug}/media/")


def preview_response(page, request):
    from build.export import ExportError

    try:
        html = render_preview_html(page)
    except ExportError as exc:
        # a page outside every department's site has no public design to show
        raise Http404(str(exc)) from exc
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    add_never_cache_headers(response)
    return response


def _checked(parts):
    if not parts or any(not _SAFE_PART.match(part) or part in (".", "..") for part in parts):
        raise Http404("Not found")
    return parts


def theme_asset(request, theme, asset_path):
    """A theme's static file (child theme first, then its parents), for previews."""
    parts = _checked([theme, *asset_path.split("/")])
    try:
        files = static_files(theme_chain(parts[0], THEMES_DIR))
    except ValueError as exc:
        raise Http404("No such theme") from exc
    source = files.get("/".join(parts[1:]))
    if source is None:
        raise Http404("No such file")
    return FileResponse(source.open("rb"), content_type=mimetypes.guess_type(source.name)[0])


def preview_media(request, slug, media_path):
    parts = _checked([slug, *media_path.split("/")])
    source = _preview_dir(parts[0]) / "media" / Path(*parts[1:])
    if not source.is_file():
        raise Http404("No such file")
    return FileResponse(source.open("rb"), content_type=mimetypes.guess_type(source.name)[0])


urlpatterns = [
    path("theme/<str:theme>/<path:asset_path>", theme_asset, name="preview-theme-asset"),
    path("<str:slug>/media/<path:media_path>", preview_media, name="preview-media"),
]
