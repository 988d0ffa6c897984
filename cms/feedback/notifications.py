"""Tell a department's moderators that a question or feedback has arrived.

The email carries the tracking code, topic and a link to the admin, not the
sender's message or contact details: those stay in the CMS.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)


def moderator_emails(department):
    users = (
        get_user_model()
        .objects.filter(groups=department.moderators_group, is_active=True)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def notify_moderators(submission):
    """Send the notification; a mail failure is logged, never raised."""
    department = submission.department
    recipients = moderator_emails(department)
    if not recipients:
        logger.warning(
            "feedback %s for %s: no moderator with an email address",
            submission.code,
            department.slug,
        )
        return 0
    edit_path = reverse("feedback_submission:edit", args=[submission.pk])
    context = {
        "submission": submission,
        "department": department,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + edit_path,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("feedback/email/new_submission_subject.txt", context)
        body = render_to_string("feedback/email/new_submission.txt", context)
    try:
        return send_mail(" ".join(subject.split()), body, None, recipients)
    except Exception:
        logger.exception(
            "feedback %s for %s: notification email failed", submission.code, department.slug
        )
        return 0
