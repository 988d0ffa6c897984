"""Build state on more than one worker host: is this host's var/build/<slug>/ the latest?

Each worker host keeps its own VAR_DIR (records, manifest). A site's builds
never overlap (the BuildRun lock), but consecutive builds of one site may run
on different hosts. A host's state is trusted for an incremental build only
when the build that left it (its `built-by` token, the BuildRun id) is the
site's last finished build in the database; otherwise another host built the
site since, and this host discards its state and builds the site in full from
the database, publishing by comparing every file with the target. So the
output is that of a full build whichever worker picks the site up.
"""

from django.conf import settings
from django.db.models import Max

from build.state import SiteState

from .models import BuildRun


def latest_builds(exclude=None):
    """{site slug: id of its last finished BuildRun} (any outcome: a failed run may
    still have changed the state of the host that ran it)."""
    runs = BuildRun.objects.filter(finished_at__isnull=False)
    if exclude is not None:
        runs = runs.exclude(pk=exclude)
    return dict(runs.values("site_slug").annotate(last=Max("pk")).values_list("site_slug", "last"))


def state_of(slug):
    return SiteState(settings.VAR_DIR / "build", slug)


def is_current(state: SiteState, latest_pk):
    """No finished run yet: the state (from `build_sites`, or none) is all there is."""
    return latest_pk is None or state.built_by() == str(latest_pk)


def prepare(run):
    """Before building `run`: discard this host's state of the site if another host
    built it since. Returns the slugs of other sites whose local records are stale
    (the portal re-exports them instead of aggregating old copies)."""
    latest = latest_builds(exclude=run.pk)
    state = state_of(run.site_slug)
    if is_current(state, latest.get(run.site_slug)):
        # Until the build is saved the state is in flux: no token means not current.
        state.built_by_path.unlink(missing_ok=True)
    else:
        state.discard()
    return {
        slug
        for slug, pk in latest.items()
        if slug != run.site_slug and not is_current(state_of(slug), pk)
    }


def mark_built(run):
    """After the build's state is saved: this host's state is the site's latest."""
    state_of(run.site_slug).mark_built_by(run.pk)
