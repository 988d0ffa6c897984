"""Which target a site publishes to: ``--target``, else ``publish.target`` in its sites/ file."""

from pathlib import Path

from build.siteconfig import cms_settings, load_site_config

from . import open_target

# `publish.target = "local"`: dist/ itself is what serve_sites (or a web server
# pointed at it) serves, so there is nothing to copy.
LOCAL = "local"
PROJECT_DIR = Path(__file__).resolve().parent.parent.parent


def configured_target_spec(slug):
    """``publish.target`` from sites/<slug>.toml, the CMS or sites/_default.toml ("local").

    Raises build.siteconfig.SiteConfigError when the site's files are invalid.
    """
    return load_site_config(slug, cms=cms_settings(slug)).publish_target or LOCAL


def target_for_site(slug, dist_dir, *, spec=None, project_dir=PROJECT_DIR, **s3_options):
    """The publish target of site ``slug`` whose build output is ``dist_dir/<slug>``.

    ``spec`` (a --target given by a person) wins, and a relative folder in it is
    relative to the working directory; a relative folder in a site file is
    relative to the project.  Raises ValueError for an unknown kind of target.
    """
    from_config = spec is None
    if from_config:
        spec = configured_target_spec(slug)
    if spec == LOCAL:
        return open_target(dist_dir)
    if from_config and "://" not in spec and not Path(spec).expanduser().is_absolute():
        spec = str(Path(project_dir) / spec)
    return open_target(spec, **s3_options)
