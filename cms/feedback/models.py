"""Questions and feedback sent from the public sites, and the Q&A pages they become.

A `FeedbackSubmission` holds personal data (name, contact, message,
attachment) and never leaves the CMS: the static build exports only
`QuestionAnswerPage`s, whose fields an editor writes from the submission
without personal data.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.core.models import ContentPage

from .storage import PrivateAttachmentStorage

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read over the phone survives.
TRACKING_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
TRACKING_CODE_LENGTH = 10
ANSWER_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


def new_tracking_code():
    """25^10 ≈ 9.5e13 codes: unguessable at any rate the rate limit allows."""
    return "".join(secrets.choice(TRACKING_CODE_ALPHABET) for _ in range(TRACKING_CODE_LENGTH))


class FeedbackTopic(models.TextChoices):
    PROCEDURE = "procedure", _("Administrative procedures")
    INVESTMENT = "investment", _("Investment")
    PLANNING = "planning", _("Planning")
    OTHER = "other", _("Other")


def attachment_upload_to(instance, filename):
    # The sender's file name may itself be personal data: keep only the type.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{instance.code}.{extension}"


class FeedbackSubmission(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        REJECTED = "rejected", _("Rejected")

    code = models.CharField(
        _("tracking code"), max_length=20, unique=True, default=new_tracking_code, editable=False
    )
    department = models.ForeignKey(
        "departments.Department",
        verbose_name=_("department"),
        on_delete=models.CASCADE,
        related_name="feedback_submissions",
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="vi"
    )
    topic = models.CharField(_("topic"), max_length=20, choices=FeedbackTopic.choices)

    # Personal data: shown to staff only, deleted by `purge_feedback`.
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    message = models.TextField(_("message"))
    attachment = models.FileField(
        _("attachment"),
        upload_to=attachment_upload_to,
        storage=PrivateAttachmentStorage(),
        blank=True,
    )
    consent_to_publish = models.BooleanField(
        _("consents to publishing the question anonymously"), default=False
    )

    # Handling by the department.
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Seen by staff only.")
    )
    public_question = models.TextField(
        _("question as published"),
        blank=True,
        max_length=5000,
        help_text=_(
            "The question in the words shown on the site, without names, contact "
            "details or anything else that identifies the sender."
        ),
    )
    answer = RichTextField(_("answer"), blank=True, features=ANSWER_FEATURES)
    field = models.ForeignKey(
        "core.Topic",
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The field (lĩnh vực) the published question is listed under."),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    qa_page = models.ForeignKey(
        "feedback.QuestionAnswerPage",
        verbose_name=_("published Q&A page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    created_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("question or feedback")
        verbose_name_plural = _("questions and feedback")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.code} · {self.get_topic_display()}"

    def personal_values(self):
        """The sender's identifying values, to check public text against."""
        return [v for v in (self.name, self.email, self.phone, self.organisation) if v]


class QuestionAnswerIndexPage(ContentPage):
    parent_page_types = ["core.SiteHomePage"]
    subpage_types = ["feedback.QuestionAnswerPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("summary")]

    class Meta:
        verbose_name = _("questions and answers index")


class QuestionAnswerPage(ContentPage):
    """A published question and its answer. Holds no personal data by design:
    there is no field for a name or contact, and publishing from a submission
    refuses question text that contains the sender's name, email or phone."""

    question = models.TextField(_("question"), max_length=5000)
    answer = RichTextField(_("answer"), features=ANSWER_FEATURES)
    # "topic" is the field (lĩnh vực) snippet, like procedures' and documents';
    # "category" is what the sender chose on the form.
    topic = models.ForeignKey(
        "core.Topic",
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.CharField(
        _("category"), max_length=20, choices=FeedbackTopic.choices, default=FeedbackTopic.OTHER
    )
    asked_date = models.DateField(_("date asked"))
    answered_date = models.DateField(_("date answered"))

    parent_page_types = ["feedback.QuestionAnswerIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("question"),
        FieldPanel("answer"),
        MultiFieldPanel(
            [
                FieldPanel("topic"),
                FieldPanel("category"),
                FieldPanel("asked_date"),
                FieldPanel("answered_date"),
            ],
            heading=_("Question"),
        ),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("question"),
        index.SearchField("answer"),
        index.FilterField("category"),
    ]

    class Meta:
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")
