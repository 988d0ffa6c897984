"""Create or update NewsArticlePages from import items, one transaction per item."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.rich_text import RichText

from cms.news.models import NewsArticlePage, NewsIndexPage

from .images import ImageFetcher
from .items import ArticleData, SkipItem, ascii_slug, comparable_body, parse_item
from .sources import ImportLineError


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    previews: list[tuple[str, list[str]]] = field(default_factory=list)

    def line(self):
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.skipped} skipped, {self.failed} failed"
        )


class NewsImporter:
    """Import news into one site's news section in one locale."""

    def __init__(
        self, department, locale, *, publish=False, base_dir=None, dry_run=False, text_base=None
    ):
        self.department = department
        self.dry_run = dry_run
        self.text_base = text_base or f"https://import.invalid/{department.slug}/"
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

    def run(self, items):
        """Import (where, data | ImportLineError) items; return an ImportSummary."""
        summary = ImportSummary()
        for where, data in items:
            try:
                if isinstance(data, ImportLineError):
                    raise data
                if self.dry_run:
                    article = self.parse(data)
                    summary.dropped += [(where, line) for line in article.dropped]
                    outcome = self.preview(where, article, summary)
                    setattr(summary, outcome, getattr(summary, outcome) + 1)
                    continue
                with transaction.atomic():
                    outcome, notes, dropped = self.import_item(data)
                summary.notes += [(where, note) for note in notes]
                summary.dropped += [(where, line) for line in dropped]
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

    def parse(self, data):
        return parse_item(data, self.locale.language_code, text_source_base=self.text_base)

    def _existing(self, source_url):
        pages = NewsArticlePage.objects.descendant_of(self.root)
        return pages.filter(source_url=source_url).first()

    def preview(self, where, article, summary):
        """--dry-run: the fields found, and whether the article exists already."""
        exists = self._existing(article.source_url) is not None
        images = [part for kind, part in article.body if kind == "image"]
        lines = [
            f"title: {article.title}",
            f"date: {article.published.isoformat()}",
            f"author: {article.author or '-'}",
            f"source: {article.source or '-'}",
            f"original URL: {article.source_url}",
            f"summary: {article.summary or '-'}",
            f"image: {article.image_url or '-'}"
            + (f" (caption: {article.image_caption})" if article.image_caption else ""),
            f"body: {sum(kind == 'paragraph' for kind, _ in article.body)} text block(s), "
            f"{len(images)} image(s)",
        ]
        summary.previews.append((where, lines))
        return "updated" if exists else "created"

    def _body_images(self, article):
        """Fetch body images; a picture that cannot be imported is a note."""
        body, notes = [], []
        for kind, part in article.body:
            if kind == "paragraph":
                body.append(("paragraph", RichText(part)))
                continue
            image, image_notes = self.images.fetch(part.src, alt=part.text or article.title)
            notes += image_notes
            if image is None:
                if part.caption:
                    notes.append(f"caption of the image not imported: {part.caption}")
                continue
            value = {
                "image": image,
                "alt_text": (part.text or part.caption or article.title)[:250],
                "caption": part.caption[:500],
                "credit": part.credit[:200],
            }
            body.append(("image", value))
        return body, notes

    def import_item(self, data):
        """Return ("created" | "updated" | "unchanged", [notes], [dropped])."""
        article = self.parse(data)
        image, notes = self.images.fetch(article.image_url, alt=article.title)
        body, body_notes = self._body_images(article)
        notes += body_notes
        article.body = body
        page = self._existing(article.source_url)
        dropped = article.dropped
        if page is None:
            page = NewsArticlePage(source_url=article.source_url, live=False)
            self._apply(page, article, image)
            page.slug = self._free_slug(ascii_slug(article.title))
            self.index.add_child(instance=page)
            self._save(page)
            return "created", notes, dropped
        page = page.specific
        draft = page.get_latest_revision_as_object()
        if self._same(draft, article, image):
            if not self.publish or (page.live and not page.has_unpublished_changes):
                return "unchanged", notes, dropped
            page.get_latest_revision().publish()  # same text, now asked to publish it
            return "updated", notes, dropped
        self._apply(draft, article, image)
        self._save(draft)
        return "updated", notes, dropped

    def _apply(self, page, article: ArticleData, image):
        page.title = article.title
        page.summary = article.summary
        page.published_date = article.published
        page.author = article.author
        page.source = article.source
        page.body = article.body
        if image is not None:
            page.hero_image = image
            page.hero_alt = page.hero_alt or article.title[:250]
            page.hero_caption = article.image_caption or page.hero_caption
        page.tags.set(article.tags)

    def _same(self, page, article, image):
        return (
            page.title == article.title
            and page.summary == article.summary
            and page.published_date == article.published
            and page.author == article.author
            and page.source == article.source
            and sorted(tag.name for tag in page.tags.all()) == sorted(article.tags)
            and _body_key(page.body) == _body_key(article.body)
            and (image is None or page.hero_image_id == image.id)
            and (image is None or page.hero_caption == (article.image_caption or page.hero_caption))
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


def _body_key(body):
    """A body's content without Draftail's and StreamField's random ids."""
    key = []
    for block in body:
        kind, value = (block.block_type, block.value) if hasattr(block, "block_type") else block
        if kind == "paragraph":
            key.append((kind, comparable_body(getattr(value, "source", value))))
        elif kind == "image":
            key.append(
                (kind, value["image"].pk, value["alt_text"], value["caption"], value["credit"])
            )
        else:
            key.append((kind, str(value)))
    return key
