"""Planning documents: socio-economic, sector, land-use and construction plans."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core.blocks import RICH_TEXT_FEATURES, AttachmentsBlock, ImageWithCaptionBlock
from cms.core.models import ContentPage


class PlanningIndexPage(ContentPage):
    parent_page_types = ["core.SiteHomePage"]
    subpage_types = ["planning.PlanningDocumentPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("summary")]

    class Meta:
        verbose_name = _("planning index")


class PlanningDocumentPage(ContentPage):
    class PlanType(models.TextChoices):
        SOCIO_ECONOMIC = "socio_economic", _("Provincial (socio-economic) master plan")
        SECTOR = "sector", _("Sector plan")
        LAND_USE = "land_use", _("Land-use plan")
        CONSTRUCTION = "construction", _("Construction (zoning) plan")

    class Status(models.TextChoices):
        CONSULTATION = "consultation", _("Draft for consultation")
        APPROVED = "approved", _("Approved")
        ADJUSTED = "adjusted", _("Adjusted")
        EXPIRED = "expired", _("Expired")

    plan_type = models.CharField(_("plan type"), max_length=20, choices=PlanType.choices)
    decision_number = models.CharField(_("approving decision number"), max_length=100, blank=True)
    decision_date = models.DateField(_("approving decision date"), null=True, blank=True)
    issuing_authority = models.CharField(_("issuing authority"), max_length=255, blank=True)
    period_start = models.PositiveSmallIntegerField(_("period start year"))
    period_end = models.PositiveSmallIntegerField(_("period end year"))
    vision_year = models.PositiveSmallIntegerField(_("vision year"), null=True, blank=True)
    area = models.ForeignKey(
        "core.AdministrativeUnit",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    body = RichTextField(_("details"), blank=True, features=RICH_TEXT_FEATURES)
    attachments = StreamField(AttachmentsBlock(), blank=True, verbose_name=_("attachments"))
    maps = StreamField([("map", ImageWithCaptionBlock())], blank=True, verbose_name=_("map images"))
    consultation_deadline = models.DateField(_("consultation deadline"), null=True, blank=True)
    consultation_email = models.EmailField(_("consultation email"), blank=True)
    links = StreamField([("link", blocks.URLBlock())], blank=True, verbose_name=_("related links"))

    parent_page_types = ["planning.PlanningIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("plan_type"),
                FieldPanel("status"),
                FieldPanel("area"),
                FieldPanel("issuing_authority"),
                FieldPanel("decision_number"),
                FieldPanel("decision_date"),
            ],
            heading=_("Plan"),
        ),
        MultiFieldPanel(
            [FieldPanel("period_start"), FieldPanel("period_end"), FieldPanel("vision_year")],
            heading=_("Period"),
        ),
        FieldPanel("body"),
        FieldPanel("attachments"),
        FieldPanel("maps"),
        MultiFieldPanel(
            [FieldPanel("consultation_deadline"), FieldPanel("consultation_email")],
            heading=_("Consultation"),
        ),
        FieldPanel("links"),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("body"),
        index.SearchField("decision_number"),
        index.FilterField("plan_type"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("planning document")

    @property
    def period_label(self):
        return f"{self.period_start}–{self.period_end}"

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})
        if self.vision_year and self.period_end and self.vision_year < self.period_end:
            raise ValidationError(
                {"vision_year": _("The vision year cannot be before the end of the period.")}
            )
