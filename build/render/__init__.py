"""Render content records into static sites with Pelican and the themes in themes/.

The pipeline (build/pipeline.py) calls, per site:
    assets = prepare_site(...)            static files with hashed names
    render_language(render_job(...))      one call per language, may run in parallel processes
    finish_site(...)                      root index.html, sitemap.xml, robots.txt, 404.html
`render_site()` does all three in this process (tests, small builds).
Nothing here imports Django.
"""

import shutil
from pathlib import Path

from build.redirects import redirect_page
from build.siteconfig import THEMES_DIR, SiteConfig
from build.sitesfile import origin_of

from . import seo
from .job import PreviousRender, RenderJob, RenderResult
from .pelican_run import records_generator, render
from .themes import theme_chain, write_static


def origin(url):
    return origin_of(url) or ""


def make_csp(search_api_url, site_urls=(), feedback_url=""):
    """The Content-Security-Policy every page satisfies: no inline script or style.

    `feedback_url` (the CMS's feedback endpoint) is both posted to by the form
    (form-action) and fetched by its script and the tracking page (connect-src).
    """
    img = " ".join(sorted({o for o in map(origin, site_urls) if o}))
    feedback = origin(feedback_url) if feedback_url else ""
    connect = " ".join(dict.fromkeys(o for o in (origin(search_api_url), feedback) if o))
    form = " ".join(dict.fromkeys(o for o in (feedback, origin(search_api_url)) if o))
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src 'self' data: {img}".rstrip()
        + f"; connect-src 'self' {connect}".rstrip()
        + "; font-src 'self'; object-src 'none'; base-uri 'self'; "
        # The search form goes to the search API's HTML results page without JavaScript.
        + f"form-action 'self' {form}".rstrip()
    )


def config_dict(config):
    return config.as_dict() if isinstance(config, SiteConfig) else dict(config)


def prepare_site(*, config, out_dir: Path, themes_dir: Path = THEMES_DIR):
    out_dir.mkdir(parents=True, exist_ok=True)
    return write_static(theme_chain(config_dict(config)["theme"], themes_dir), out_dir)


def render_job(
    *,
    slug,
    lang,
    config,
    base_url,
    out_dir,
    assets,
    records_path=None,
    records=None,
    context=None,
    portal=None,
    csp=None,
    themes_dir=THEMES_DIR,
    site_names=None,
    record_hashes=None,
    asset_base=None,
    previous=None,
) -> RenderJob:
    """The one place a RenderJob is made: everything one render needs, picklable."""
    config = config_dict(config)
    return RenderJob(
        slug=slug,
        lang=lang,
        config=config,
        base_url=base_url,
        out_dir=str(out_dir),
        assets=assets,
        records_path=str(records_path) if records_path else None,
        records=records,
        context=context or {},
        portal=portal,
        csp=csp
        or make_csp(config["search_api_url"], [base_url], config.get("feedback_endpoint", "")),
        themes_dir=str(themes_dir),
        site_names=site_names,
        record_hashes=record_hashes,
        asset_base=asset_base,
        previous=previous,
    )


def render_language(job: RenderJob) -> RenderResult:
    return render(job)


def finish_site(*, records, out_dir: Path, base_url, languages=("vi", "en"), hashes=None):
    """Site-level files that span both languages."""
    first = languages[0]
    (out_dir / "index.html").write_bytes(redirect_page(f"{base_url}/{first}/", first))
    (out_dir / "sitemap.xml").write_text(
        seo.sitemap_xml(records, base_url, hashes), encoding="utf-8"
    )
    (out_dir / "robots.txt").write_text(seo.robots_txt(base_url), encoding="utf-8")
    not_found = out_dir / first / "404.html"
    if not_found.is_file():
        shutil.copyfile(not_found, out_dir / "404.html")
    return 4


def render_site(
    *,
    slug,
    records,
    config,
    base_url,
    out_dir: Path,
    context=None,
    portal=None,
    csp=None,
    themes_dir=THEMES_DIR,
):
    """Render a whole site in this process; returns {"files": n}."""
    config = config_dict(config)
    assets = prepare_site(config=config, out_dir=out_dir, themes_dir=themes_dir)
    files = len(assets)
    for lang in config["languages"]:
        job = render_job(
            slug=slug,
            lang=lang,
            config=config,
            base_url=base_url,
            out_dir=out_dir,
            assets=assets,
            records=[r for r in records if r["lang"] == lang],
            context=context,
            portal=portal,
            csp=csp,
            themes_dir=themes_dir,
        )
        files += render_language(job).files
    files += finish_site(
        records=records, out_dir=out_dir, base_url=base_url, languages=config["languages"]
    )
    return {"files": files}


def render_record_html(
    record,
    *,
    config,
    base_url,
    context=None,
    portal=None,
    csp=None,
    assets=None,
    asset_base=None,
    extra_records=(),
    themes_dir=THEMES_DIR,
):
    """One record's page as HTML, rendered on demand (the CMS preview) with the site's theme.

    Same Pelican settings, Jinja environment and templates as the static build;
    nothing is written. `assets`/`asset_base` say where the page finds the
    theme's CSS and JS (the CMS serves them unhashed during preview).
    """
    import tempfile

    config = config_dict(config)
    lang = record["lang"]
    with tempfile.TemporaryDirectory(prefix="cong-preview-") as scratch:
        job = render_job(
            slug=record["site"],
            lang=lang,
            config=config,
            base_url=base_url,
            out_dir=scratch,
            assets=assets or {},
            records=[record, *[r for r in extra_records if r["lang"] == lang]],
            context=context,
            portal=portal,
            csp=csp,
            themes_dir=themes_dir,
            asset_base=asset_base,
        )
        generator = records_generator(job, scratch)
        generator.generate_context()
        return generator.preview_html(record)


__all__ = ["PreviousRender", "RenderJob", "RenderResult", "render_job", "render_language"]
