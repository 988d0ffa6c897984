"""Investment projects calling for investors."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms.core.blocks import RICH_TEXT_FEATURES, AttachmentsBlock, ImageWithCaptionBlock
from cms.core.models import ContentPage


@register_snippet
class Sector(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["name"]

    def __str__(self):
        return self.name


class InvestmentIndexPage(ContentPage):
    parent_page_types = ["core.SiteHomePage"]
    subpage_types = ["investment.InvestmentProjectPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("summary")]

    class Meta:
        verbose_name = _("investment projects index")


class InvestmentProjectPage(ContentPage):
    class Currency(models.TextChoices):
        VND = "VND", "VND"
        USD = "USD", "USD"

    class InvestmentForm(models.TextChoices):
        PPP = "ppp", _("Public-private partnership (PPP)")
        FDI = "fdi", _("Foreign direct investment (FDI)")
        DOMESTIC = "domestic", _("Domestic investment")
        JOINT_VENTURE = "joint_venture", _("Joint venture")
        BIDDING = "bidding", _("Investor selection by bidding")

    class Status(models.TextChoices):
        CALLING = "calling", _("Calling for investment")
        NEGOTIATING = "negotiating", _("Negotiating")
        LICENSED = "licensed", _("Licensed")
        OPERATING = "operating", _("In operation")

    project_code = models.CharField(_("project code"), max_length=50, blank=True)
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    location = models.ForeignKey(
        "core.AdministrativeUnit",
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=500, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    land_area_ha = models.DecimalField(
        _("land area (ha)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    total_investment = models.DecimalField(
        _("total investment"),
        max_digits=20,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_(
            "The full amount in the chosen currency, e.g. 1500000000000 for 1,500 billion."
        ),
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.VND
    )
    investment_form = models.CharField(
        _("investment form"), max_length=20, choices=InvestmentForm.choices
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CALLING
    )
    objectives = RichTextField(_("objectives and scale"), blank=True, features=RICH_TEXT_FEATURES)
    incentives = RichTextField(_("investment incentives"), blank=True, features=RICH_TEXT_FEATURES)
    infrastructure = RichTextField(_("infrastructure"), blank=True, features=RICH_TEXT_FEATURES)
    contact_agency = models.CharField(_("contact agency"), max_length=255, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    deadline = models.DateField(_("deadline for proposals"), null=True, blank=True)
    attachments = StreamField(AttachmentsBlock(), blank=True, verbose_name=_("attachments"))
    images = StreamField([("image", ImageWithCaptionBlock())], blank=True, verbose_name=_("images"))
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Show on the site's home page.")
    )

    parent_page_types = ["investment.InvestmentIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("project_code"),
                FieldPanel("sector"),
                FieldPanel("investment_form"),
                FieldPanel("status"),
                FieldPanel("featured"),
            ],
            heading=_("Project"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("location"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("land_area_ha"),
            ],
            heading=_("Location"),
        ),
        FieldRowPanel([FieldPanel("total_investment"), FieldPanel("currency")]),
        FieldPanel("objectives"),
        FieldPanel("incentives"),
        FieldPanel("infrastructure"),
        MultiFieldPanel(
            [
                FieldPanel("contact_agency"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
                FieldPanel("deadline"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("attachments"),
        FieldPanel("images"),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("objectives"),
        index.SearchField("incentives"),
        index.SearchField("project_code"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("investment project")

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Enter both latitude and longitude, or neither."))
