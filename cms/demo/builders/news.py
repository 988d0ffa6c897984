"""News articles from story templates; every other article is translated to English."""

from datetime import timedelta

from django.utils import timezone

from cms.news.models import NewsArticlePage, NewsIndexPage

from ..content.news import STORIES
from ..content.news_more import MORE_STORIES
from ..content.sites import DEMO_SITES
from ..media import ensure_document, ensure_image
from ..translations import Strings, english_locale, page_slug, translate_page
from . import add_page, child_with_slug, rich_paragraph

SITES = {site.slug: site for site in DEMO_SITES}


def _fill(template, slots, lang):
    index = 0 if lang == "vi" else 1
    values = {
        name: (value[index] if isinstance(value, tuple) else value) for name, value in slots.items()
    }
    return template[index].format(**values)


def _pair(template, slots):
    return _fill(template, slots, "vi"), _fill(template, slots, "en")


def _articles():
    """(number, age, story, variant, site slug, slots) for every article, in a stable order.

    `age` orders the publication dates (0 is the newest); a story's variants
    follow each other in time (the 9-month report before the 11-month one).
    """
    number = 0
    for story in [*STORIES, *MORE_STORIES]:
        count = len(story.variants)
        for variant, (site_slug, slots) in enumerate(story.variants):
            age = number + count - 1 - 2 * variant
            yield number, age, story, variant, site_slug, slots
            number += 1


def _body(story, variant, slots, site, department, strings, report):
    paragraphs = [_pair(text, slots) for text in story.paragraphs]
    strings.add_pairs(paragraphs)
    body = [rich_paragraph([vi for vi, _en in paragraphs[:2]])]
    if variant == 0:
        image, created = ensure_image(
            f"Ảnh minh họa: {story.key}", department.collection, palette_key=site.slug, caption=""
        )
        report.created("images", int(created))
        alt = ("Ảnh minh họa, không có chữ", "Illustration without text")
        caption = (f"Ảnh: {site.name[0]}", f"Photo: {site.name[1]}")
        strings.add_pairs([alt, caption])
        body.append(
            ("image", {"image": image, "alt_text": alt[0], "caption": caption[0], "credit": ""})
        )
    if story.heading:
        strings.add(*story.heading)
        body.append(("heading", {"text": story.heading[0], "level": "h2"}))
    body.append(rich_paragraph([vi for vi, _en in paragraphs[2:]]))
    leader = site.leaders[0]
    attribution = (f"{leader.name}, {leader.role[0]}", f"{leader.name}, {leader.role[1]}")
    strings.add_pairs([story.quote, attribution])
    body.append(("quote", {"text": story.quote[0], "attribution": attribution[0]}))
    if story.report_document:
        title = _pair(
            ("Báo cáo tiến độ giải ngân {period}", "Disbursement report, {period}"), slots
        )
        document, created = ensure_document(title[0], department.collection, lines=[title[1]])
        report.created("documents", int(created))
        strings.add(*title)
        body.append(("document", {"document": document, "title": title[0]}))
    return body


def _localise_taxonomy(article_en, categories, tags_en):
    """wagtail-localize does not sync many-to-many fields: point English to English."""
    en = english_locale()
    article_en.categories.set([category.get_translation(en) for category in categories])
    article_en.tags.set(tags_en, clear=True)
    article_en.save_revision().publish()


def build_news(departments, snippets, report):
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    previous = {}
    for number, age, story, variant, site_slug, slots in _articles():
        site = SITES[site_slug]
        department = departments[site_slug]
        index = NewsIndexPage.objects.child_of(department.site.root_page).first()
        title = _pair(story.title, slots)
        slug = page_slug(title[0])
        existing = child_with_slug(index, slug)
        if existing is not None:
            previous[story.key] = existing
            continue
        strings = Strings().add_pairs([title, _pair(story.sapo, slots)])
        hero, created = ensure_image(
            f"Ảnh: {title[0]}", department.collection, palette_key=site_slug, caption=title[0]
        )
        report.created("images", int(created))
        hero_alt = (f"Hình minh họa: {title[0]}", f"Illustration: {title[1]}")
        hero_caption = (f"Ảnh minh họa: {site.name[0]}", f"Illustration: {site.name[1]}")
        source = site.name
        strings.add_pairs([hero_alt, hero_caption, source])
        categories = [snippets["category"][key] for key in story.categories]
        article = NewsArticlePage(
            title=title[0],
            slug=slug,
            summary=_pair(story.sapo, slots)[0],
            published_date=now - timedelta(days=age * 2 + 1, hours=age % 9),
            hero_image=hero,
            hero_alt=hero_alt[0],
            hero_caption=hero_caption[0],
            author=site.authors[number % len(site.authors)],
            source=source[0],
            body=_body(story, variant, slots, site, department, strings, report),
            featured=variant == 0,
            show_on_portal=not site.is_portal and number % 2 == 0,
            related_articles=([("article", previous[story.key])] if story.key in previous else []),
        )
        article.categories = categories
        article.tags.set([vi for vi, _en in story.tags])
        add_page(index, article)
        report.created("news articles")
        previous[story.key] = article
        if number % 2 == 0:
            article_en = translate_page(article, strings, en_title=title[1])
            _localise_taxonomy(article_en, categories, [en for _vi, en in story.tags])
            report.created("English news translations")
    return previous
