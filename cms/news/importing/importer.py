"""Create or update NewsArticlePages from import items, one transaction per item."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.rich_text import RichText

from cms.news.models import NewsArticlePage, NewsIndexPage

from .images import ImageFetcher
from .items import ArticleData, SkipItem, ascii_slug, comparable_body, parse_item
from .sources import ImportLineError, read_items


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def line(self):
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.skipped} skipped, {self.failed} failed"
        )


class NewsImporter:
    """Import news into one site's news section in one locale."""

    def __init__(self, department, locale, *, publish=False, base_dir=None):
        self.department = department
        self.locale = locale
        self.publish = publish
        root = department.site.root_page
        self.root = root if root.locale_id == locale.id else root.get_translation_or_none(locale)
        if self.root is None:
            raise ValueError(f"{department.slug} has no {locale.language_code} home page")
        self.index = NewsIndexPage.objects.child_of(self.root).first()
        if self.index is None:
            raise ValueError(f"{department.slug} has no news section in {locale.language_code}")
        self.images = ImageFetcher(department.collection, base_dir)

    def run(self, raw_text):
        summary = ImportSummary()
        for where, data in read_items(raw_text):
            try:
                if isinstance(data, ImportLineError):
                    raise data
                with transaction.atomic():
                    outcome, notes = self.import_item(data)
                summary.notes += [(where, note) for note in notes]
                setattr(summary, outcome, getattr(summary, outcome) + 1)
            except SkipItem as skip:
                summary.skipped += 1
                summary.notes.append((where, f"skipped: {skip}"))
            except ImportLineError as error:
                summary.failed += 1
                summary.errors.append((where, str(error)))
            except ValidationError as error:
                summary.failed += 1
                summary.errors.append((where, "; ".join(error.messages)))
        return summary

    def import_item(self, data):
        """Return ("created" | "updated" | "unchanged", [notes])."""
        article = parse_item(data, self.locale.language_code)
        image, notes = self.images.fetch(article.image_url, alt=article.title)
        page = (
            NewsArticlePage.objects.descendant_of(self.root)
            .filter(source_url=article.source_url)
            .first()
        )
        if page is None:
            page = NewsArticlePage(source_url=article.source_url, live=False)
            self._apply(page, article, image)
            page.slug = self._free_slug(ascii_slug(article.title))
            self.index.add_child(instance=page)
            self._save(page)
            return "created", notes
        page = page.specific
        draft = page.get_latest_revision_as_object()
        if self._same(draft, article, image):
            if not self.publish or (page.live and not page.has_unpublished_changes):
                return "unchanged", notes
            page.get_latest_revision().publish()  # same text, now asked to publish it
            return "updated", notes
        self._apply(draft, article, image)
        self._save(draft)
        return "updated", notes

    def _apply(self, page, article: ArticleData, image):
        page.title = article.title
        page.summary = article.summary
        page.published_date = article.published
        page.author = article.author
        page.body = [("paragraph", RichText(article.body))] if article.body else []
        if image is not None:
            page.hero_image = image
            page.hero_alt = page.hero_alt or article.title[:250]
        page.tags.set(article.tags)

    def _same(self, page, article, image):
        body = page.body[0].value.source if len(page.body) == 1 else ""
        return (
            page.title == article.title
            and page.summary == article.summary
            and page.published_date == article.published
            and page.author == article.author
            and sorted(tag.name for tag in page.tags.all()) == sorted(article.tags)
            and comparable_body(body) == comparable_body(article.body)
            and (image is None or page.hero_image_id == image.id)
        )

    def _save(self, page):
        page.full_clean()
        revision = page.save_revision(clean=False)
        if self.publish:
            revision.publish()

    def _free_slug(self, base):
        taken = set(self.index.get_children().values_list("slug", flat=True))
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug
