"""News: articles under a per-site news index, with categories and tags."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms.core.blocks import BodyBlock
from cms.core.models import ContentPage


@register_snippet
class NewsCategory(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsIndexPage(ContentPage):
    parent_page_types = ["core.SiteHomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("summary")]

    class Meta:
        verbose_name = _("news index")


class NewsArticlePage(ContentPage):
    published_date = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_("Shown on the article and used to order news."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required when there is a hero image: describe it for screen readers."),
    )
    hero_caption = models.CharField(_("hero image caption"), max_length=500, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    categories = ParentalManyToManyField(
        NewsCategory, blank=True, related_name="articles", verbose_name=_("categories")
    )
    tags = ClusterTaggableManager(through=NewsArticleTag, blank=True, verbose_name=_("tags"))
    related_articles = StreamField(
        [("article", blocks.PageChooserBlock(page_type="news.NewsArticlePage"))],
        blank=True,
        verbose_name=_("related articles"),
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Show on the site's home page.")
    )
    show_on_portal = models.BooleanField(
        _("show on the portal"),
        default=False,
        help_text=_("Also list this department news on the provincial portal."),
    )
    source_url = models.URLField(
        _("original URL"),
        max_length=1000,
        blank=True,
        db_index=True,
        help_text=_("Where an imported article came from; the key for re-imports."),
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("published_date"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt"), FieldPanel("hero_caption")],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("source"), FieldPanel("source_url")],
            heading=_("Author and source"),
        ),
        FieldPanel("categories"),
        FieldPanel("tags"),
        FieldPanel("related_articles"),
        MultiFieldPanel(
            [FieldPanel("featured"), FieldPanel("show_on_portal")], heading=_("Promotion")
        ),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("body"),
        index.FilterField("published_date"),
    ]

    class Meta:
        verbose_name = _("news article")
        ordering = ["-published_date"]

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": _("Describe the hero image for screen readers.")})
