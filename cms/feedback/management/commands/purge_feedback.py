"""Delete questions and feedback older than the retention period.

Personal data (name, contact, message, attachment) is kept only as long as
FEEDBACK_RETENTION_DAYS; published Q&A pages hold none of it and stay.
Run it daily (cron or a scheduled task).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from cms.feedback.models import FeedbackSubmission

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Delete feedback submissions (and their attachments) older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention in days (default: FEEDBACK_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.FEEDBACK_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("The retention period must be at least one day.")
        cutoff = timezone.now() - timedelta(days=days)
        expired = FeedbackSubmission.objects.filter(created_at__lt=cutoff)
        count = expired.count()
        if dry_run:
            self.stdout.write(f"{count} submission(s) older than {days} days would be deleted.")
            return
        # Deleting a row deletes its attachment file too (cms/feedback/signals.py).
        files_deleted = expired.exclude(attachment="").count()
        with transaction.atomic():
            for submission in list(expired):
                submission.delete()
        logger.info("purge_feedback: %d submission(s), %d file(s) deleted", count, files_deleted)
        self.stdout.write(
            f"Deleted {count} submission(s) and {files_deleted} attachment(s) "
            f"older than {days} days."
        )
