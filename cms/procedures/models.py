"""Administrative procedures (thủ tục hành chính) with downloadable forms."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core.blocks import RICH_TEXT_FEATURES, AttachmentsBlock
from cms.core.models import ContentPage


class ProcedureIndexPage(ContentPage):
    parent_page_types = ["core.SiteHomePage"]
    subpage_types = ["procedures.ProcedurePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("summary")]

    class Meta:
        verbose_name = _("procedures index")


class ProcedureStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=255)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")


class DossierItemBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Document"), max_length=500)
    copies = blocks.CharBlock(
        label=_("Copies"), max_length=100, required=False, help_text=_("E.g. 1 original")
    )

    class Meta:
        icon = "doc-full"
        label = _("Dossier component")


class ProcedurePage(ContentPage):
    class OnlineLevel(models.TextChoices):
        NONE = "none", _("Not available online")
        PARTIAL = "partial", _("Partial online public service")
        FULL = "full", _("Full online public service")
        LEVEL_2 = "level_2", _("Level 2 (legacy)")
        LEVEL_3 = "level_3", _("Level 3 (legacy)")
        LEVEL_4 = "level_4", _("Level 4 (legacy)")

    code = models.CharField(
        _("national procedure code"), max_length=50, db_index=True, help_text=_("E.g. 1.009645")
    )
    topic = models.ForeignKey(
        "core.Topic",
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    implementing_agency = models.CharField(_("implementing agency"), max_length=255)
    steps = StreamField([("step", ProcedureStepBlock())], blank=True, verbose_name=_("steps"))
    dossier = StreamField(
        [("item", DossierItemBlock())], blank=True, verbose_name=_("dossier components")
    )
    processing_time = models.CharField(_("processing time"), max_length=255, blank=True)
    fees = models.CharField(_("fees and charges"), max_length=500, blank=True)
    legal_basis = RichTextField(_("legal basis"), blank=True, features=RICH_TEXT_FEATURES)
    result = models.CharField(_("result"), max_length=500, blank=True)
    forms = StreamField(AttachmentsBlock(), blank=True, verbose_name=_("forms"))
    online_level = models.CharField(
        _("online service level"),
        max_length=10,
        choices=OnlineLevel.choices,
        default=OnlineLevel.NONE,
    )
    online_url = models.URLField(_("online submission link"), blank=True, max_length=500)

    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("code"),
                FieldPanel("topic"),
                FieldPanel("implementing_agency"),
                FieldPanel("online_level"),
                FieldPanel("online_url"),
            ],
            heading=_("Procedure"),
        ),
        FieldPanel("steps"),
        FieldPanel("dossier"),
        MultiFieldPanel(
            [FieldPanel("processing_time"), FieldPanel("fees"), FieldPanel("result")],
            heading=_("Time, fees and result"),
        ),
        FieldPanel("legal_basis"),
        FieldPanel("forms"),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("code"),
        index.SearchField("implementing_agency"),
        index.FilterField("online_level"),
    ]

    class Meta:
        verbose_name = _("administrative procedure")
