"""Site home pages, standard pages, shared snippets and per-site settings."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms.editorial.forms import LocaleScopedPageForm

from .blocks import RICH_TEXT_FEATURES, BodyBlock, LeaderBlock, LinkBlock, MenuItemBlock


class ContentPage(Page):
    """Fields every public page shares: a summary shown in listings and metadata."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=1000,
        help_text=_("Shown in listings, search results and link previews."),
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    base_form_class = LocaleScopedPageForm

    class Meta:
        abstract = True

    # Preview and the live view show the page rendered by the static build's
    # theme (one record, rendered on demand), never a separate Django design.
    # (through the app registry: the build's export imports these models)
    def serve_preview(self, request, mode_name):
        return apps.get_app_config("publishing").preview_response(self, request)

    def serve(self, request, *args, **kwargs):
        return apps.get_app_config("publishing").preview_response(self, request)

    # The public address of a page is on its static site (the site's base URL in
    # the current build mode), not on the CMS host: the admin's "view live" links
    # and status links use this. Routing and preview stay on the CMS.
    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request=request)
        if parts is None or parts[2] is None:
            return parts
        from cms.editorial.live import static_url

        url = static_url(self)
        return (parts[0], "", url) if url else parts

    def _get_dummy_header_url(self, original_request=None):
        if original_request is not None:
            return original_request.build_absolute_uri("/")
        parts = super().get_url_parts()
        return parts[1] + parts[2] if parts and parts[2] is not None else None


@register_snippet
class AdministrativeUnit(TranslatableMixin, models.Model):
    """A province, commune, ward or special zone (and former districts for old documents).

    Since 1 July 2025 local government has two tiers; districts survive only as
    the "former district" level on older records.
    """

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        COMMUNE = "commune", _("Commune")
        WARD = "ward", _("Ward")
        SPECIAL_ZONE = "special_zone", _("Special zone")
        FORMER_DISTRICT = "former_district", _("Former district")

    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    code = models.CharField(
        _("code"), max_length=20, blank=True, help_text=_("Official administrative unit code.")
    )

    panels = [FieldPanel("name"), FieldPanel("level"), FieldPanel("code")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Topic(TranslatableMixin, models.Model):
    """A field (lĩnh vực) that legal documents, procedures and questions belong to."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("field")
        verbose_name_plural = _("fields")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SiteHomePage(ContentPage):
    """Root of a public site: the agency's identity and contact details.

    Decree 42/2022 requires these details in English too, so every text field
    here is translated with wagtail-localize.
    """

    agency_name = models.CharField(_("agency name"), max_length=255)
    short_description = models.TextField(_("short description"), blank=True, max_length=1000)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=500, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    hotline = models.CharField(_("hotline"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    working_hours = models.CharField(_("working hours"), max_length=255, blank=True)
    leaders = StreamField([("leader", LeaderBlock())], blank=True, verbose_name=_("leaders"))
    functions = RichTextField(_("functions and duties"), blank=True, features=RICH_TEXT_FEATURES)
    organisation_chart = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("organisation chart"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    introduction = StreamField(BodyBlock(), blank=True, verbose_name=_("introduction"))

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("agency_name"),
                FieldPanel("short_description"),
                FieldPanel("logo"),
            ],
            heading=_("Agency"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("hotline"),
                FieldPanel("email"),
                FieldPanel("working_hours"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("leaders"),
        FieldPanel("functions"),
        FieldPanel("organisation_chart"),
        FieldPanel("introduction"),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("agency_name"),
        index.SearchField("short_description"),
    ]

    class Meta:
        verbose_name = _("site home page")


class StandardPage(ContentPage):
    """About, contact, organisation and any other free-form page."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*ContentPage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """What a department's moderators control about their own site's chrome."""

    navigation = StreamField(
        [("item", MenuItemBlock())], blank=True, verbose_name=_("navigation menu")
    )
    footer_links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("footer links"))
    banner_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("banner image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    banner_text = models.CharField(_("banner text"), max_length=255, blank=True)
    banner_text_en = models.CharField(_("banner text (English)"), max_length=255, blank=True)
    contact_block = RichTextField(
        _("contact block"), blank=True, features=["bold", "italic", "link"]
    )
    contact_block_en = RichTextField(
        _("contact block (English)"), blank=True, features=["bold", "italic", "link"]
    )

    panels = [
        FieldPanel("navigation"),
        FieldPanel("footer_links"),
        MultiFieldPanel(
            [FieldPanel("banner_image"), FieldPanel("banner_text"), FieldPanel("banner_text_en")],
            heading=_("Banner"),
        ),
        FieldPanel("contact_block"),
        FieldPanel("contact_block_en"),
        InlinePanel("social_links", label=_("Social links")),
    ]

    class Meta:
        verbose_name = _("site settings")


class SocialLink(Orderable):
    class Network(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        YOUTUBE = "youtube", "YouTube"
        ZALO = "zalo", "Zalo"
        TIKTOK = "tiktok", "TikTok"
        X = "x", "X"
        LINKEDIN = "linkedin", "LinkedIn"

    settings = ParentalKey(SiteSettings, related_name="social_links", on_delete=models.CASCADE)
    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    url = models.URLField(_("URL"))

    panels = [FieldPanel("network"), FieldPanel("url")]
