"""Attachments go with their submission: deleting the row deletes the file.

This covers every way a submission is deleted (admin, purge_feedback,
a department's cascade), so no personal data is left orphaned on disk.
"""

import logging

from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import FeedbackSubmission

logger = logging.getLogger(__name__)


@receiver(post_delete, sender=FeedbackSubmission)
def delete_attachment_file(sender, instance, **kwargs):
    if not instance.attachment:
        return
    try:
        instance.attachment.storage.delete(instance.attachment.name)
    except OSError:
        logger.exception("feedback %s: could not delete the attachment file", instance.code)
