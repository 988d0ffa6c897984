"""Legal documents (văn bản): decisions, plans, resolutions, official letters, notices."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core.blocks import AttachmentsBlock
from cms.core.models import ContentPage


class LegalDocumentIndexPage(ContentPage):
    parent_page_types = ["core.SiteHomePage"]
    subpage_types = ["documents.LegalDocumentPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("summary")]

    class Meta:
        verbose_name = _("legal documents index")


class LegalDocumentPage(ContentPage):
    class DocumentType(models.TextChoices):
        DECISION = "decision", _("Decision")
        RESOLUTION = "resolution", _("Resolution")
        PLAN = "plan", _("Plan")
        OFFICIAL_LETTER = "official_letter", _("Official letter")
        NOTICE = "notice", _("Notice")
        DIRECTIVE = "directive", _("Directive")
        REPORT = "report", _("Report")
        CIRCULAR = "circular", _("Circular")

    class Status(models.TextChoices):
        IN_EFFECT = "in_effect", _("In effect")
        NOT_YET_IN_EFFECT = "pending", _("Not yet in effect")
        PARTLY_EXPIRED = "partly_expired", _("Partly expired")
        EXPIRED = "expired", _("Expired")

    number = models.CharField(
        _("number and symbol"), max_length=100, db_index=True, help_text=_("E.g. 2513/KH-UBND")
    )
    document_type = models.CharField(
        _("document type"), max_length=30, choices=DocumentType.choices
    )
    issuing_body = models.CharField(_("issuing body"), max_length=255)
    signer = models.CharField(_("signer"), max_length=200, blank=True)
    signed_date = models.DateField(_("date issued"))
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True)
    topic = models.ForeignKey(
        "core.Topic",
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_EFFECT
    )
    attachments = StreamField(AttachmentsBlock(), blank=True, verbose_name=_("attached files"))

    parent_page_types = ["documents.LegalDocumentIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary", heading=_("Abstract")),
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldPanel("document_type"),
                FieldPanel("issuing_body"),
                FieldPanel("signer"),
                FieldPanel("topic"),
                FieldPanel("status"),
            ],
            heading=_("Document"),
        ),
        MultiFieldPanel(
            [FieldPanel("signed_date"), FieldPanel("effective_date"), FieldPanel("expiry_date")],
            heading=_("Dates"),
        ),
        FieldPanel("attachments"),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("number"),
        index.SearchField("issuing_body"),
        index.FilterField("document_type"),
        index.FilterField("signed_date"),
    ]

    class Meta:
        verbose_name = _("legal document")

    def clean(self):
        super().clean()
        if self.effective_date and self.signed_date and self.effective_date < self.signed_date:
            raise ValidationError(
                {"effective_date": _("The effective date cannot be before the date issued.")}
            )
        if self.expiry_date and self.effective_date and self.expiry_date < self.effective_date:
            raise ValidationError(
                {"expiry_date": _("The expiry date cannot be before the effective date.")}
            )
