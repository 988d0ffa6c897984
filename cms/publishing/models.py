"""BuildRun: one build-and-publish of one site, from the moment it is queued.

At most one run per site is "queued" at a time (a partial unique index): every
publish, unpublish, move or delete that happens before the build starts adds
its page ids to that row instead of queueing another build (coalescing). A run
goes queued → running → succeeded/failed; the queued → running step is one
conditional UPDATE that also checks no other run of the site is running, so two
builds of one site never run at once (see cms/publishing/queue.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BuildRun(models.Model):
    class Trigger(models.TextChoices):
        PUBLISH = "publish", _("page published")
        UNPUBLISH = "unpublish", _("page unpublished")
        MOVE = "move", _("page moved")
        DELETE = "delete", _("page deleted")
        MANUAL = "manual", _("rebuild requested")
        SCHEDULE = "schedule", _("scheduled publishing")
        PORTAL = "portal", _("department content shown on the portal")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        SUCCEEDED = "succeeded", _("succeeded")
        FAILED = "failed", _("failed")

    site_slug = models.SlugField(_("site"), max_length=50, db_index=True)
    trigger = models.CharField(_("trigger"), max_length=20, choices=Trigger.choices)
    triggered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("triggered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page_ids = models.JSONField(_("changed pages"), default=list, blank=True)
    # Pages of this (department) run that the portal lists: once this run has
    # built, the portal is queued for them (it reads this site's fresh records).
    portal_page_ids = models.JSONField(default=list, blank=True)
    requests = models.PositiveIntegerField(_("requests coalesced"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    queued_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    duration = models.FloatField(_("duration (seconds)"), null=True, blank=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    files_written = models.PositiveIntegerField(_("files written"), null=True, blank=True)
    files_uploaded = models.PositiveIntegerField(_("files uploaded"), null=True, blank=True)
    files_deleted = models.PositiveIntegerField(_("files deleted"), null=True, blank=True)
    publish_target = models.CharField(_("publish target"), max_length=500, blank=True)
    search_changes = models.PositiveIntegerField(_("search changes"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    # A problem that did not stop the pages going live (the search index update
    # failed and is retried).
    warning = models.TextField(_("warning"), blank=True)
    # Seconds per step: {"build", "publish", "save_state", "index"}.
    timings = models.JSONField(_("timings"), default=dict, blank=True)

    class Meta:
        verbose_name = _("build run")
        verbose_name_plural = _("build runs")
        ordering = ["-queued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["site_slug"],
                condition=models.Q(status="queued"),
                name="publishing_one_queued_build_per_site",
            )
        ]

    def __str__(self):
        return f"{self.site_slug} #{self.pk} ({self.status})"

    @property
    def files_changed(self):
        """Uploaded plus deleted at the target; None when the target is dist/ itself."""
        if self.files_uploaded is None and self.files_deleted is None:
            return None
        return (self.files_uploaded or 0) + (self.files_deleted or 0)
