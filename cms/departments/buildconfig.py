"""A site's identity for the static build, as plain data read from the CMS.

build/siteconfig.py merges it between sites/_default.toml and the optional
sites/<slug>.toml, so a new subsite needs no file in the repository. The build
never imports Django models: apps.py registers `site_settings` with
build.siteconfig as a function from a slug to a dict in the TOML's shape.
"""

from django.conf import settings

from .models import THEME_FOR_KIND, Department, split_hostnames


def settings_for(department) -> dict:
    """Only the keys the CMS sets, so that an empty field keeps the default."""
    data = {}
    if department.base_url:
        data["base_url"] = department.base_url
    if department.hostnames:
        data["hostnames"] = split_hostnames(department.hostnames)
    theme = THEME_FOR_KIND.get(department.kind)
    if theme and not department.is_portal:
        data["theme"] = theme
    if department.publish_target:
        data["publish"] = {"target": department.publish_target}
    if department.search_scope:
        data["search"] = {"scope": department.search_scope}
    endpoint = getattr(settings, "PUBLIC_FEEDBACK_ENDPOINT", "")
    if endpoint:
        data["feedback"] = {"production_endpoint": endpoint}
    return data


def site_settings(slug) -> dict | None:
    """The CMS's settings of site `slug`; None when the CMS has no such site."""
    department = (
        Department.objects.filter(slug=slug)
        .only(
            "slug", "kind", "is_portal", "base_url", "hostnames", "publish_target", "search_scope"
        )
        .first()
    )
    return None if department is None else settings_for(department)
