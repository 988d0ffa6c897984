"""manage.py generate_bench_content --articles N: synthetic bilingual news for the benchmark.

N articles in one department site (default slug "bench"): N/2 Vietnamese
articles of about 700 words and their N/2 English translations, spread over a
few categories, some featured and shown on the portal.

Wagtail's add_child() costs about 0.1 s per page (tree path, revision, signals),
which is half an hour for 20k articles; the rows are therefore written in bulk
the way Wagtail would write them for published pages (tree path, url_path,
content type, live), without revisions: the build reads only the live rows.
Use it on a benchmark database (DATABASE_URL), not on one editors work in.
"""

import datetime
import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from wagtail.models import Locale, Page

from cms.departments.models import Department
from cms.departments.provisioning import provision_department
from cms.news.models import NewsArticlePage, NewsCategory, NewsIndexPage

WORDS_PER_ARTICLE = 700
PARAGRAPHS = 7
CATEGORIES = [
    ("dau-tu", "Đầu tư", "Investment"),
    ("kinh-te", "Kinh tế", "Economy"),
    ("xa-hoi", "Xã hội", "Society"),
    ("giao-thong", "Giao thông", "Transport"),
    ("moi-truong", "Môi trường", "Environment"),
]
VI_WORDS = str.split(
    "của và các có được trong cho là với năm tỉnh này đã theo đầu tư kế hoạch quy hoạch "
    "phát triển ủy ban nhân dân sở dự án khu công nghiệp đô thị thủ tục hành chính văn bản "
    "quyết định thông báo hội nghị kinh tế xã hội huyện thành phố doanh nghiệp người dân "
    "hạ tầng giao thông cảng biển nông nghiệp du lịch môi trường chuyển đổi số giáo dục "
    "y tế lao động việc làm xuất khẩu nhập khẩu thương mại dịch vụ ngân sách thuế đất đai "
    "xây dựng tài nguyên nước năng lượng điện gió mặt trời thủy sản rừng biển đảo"
)
EN_WORDS = str.split(
    "the of and to in for on with province investment project plan planning development "
    "industrial park zone department people committee decision document procedure "
    "administrative economic social district city enterprise business incentive "
    "infrastructure land rent tax trade export tourism agriculture transport energy water "
    "environment education health digital transformation report meeting port coastal "
    "forest fishery wind solar budget labour employment service construction resource"
)


def article_text(rng, words, count):
    """PARAGRAPHS paragraphs of about `count` words in all (deterministic for a seed)."""
    per = count // PARAGRAPHS
    paragraphs = []
    for _ in range(PARAGRAPHS):
        sentence = " ".join(rng.choices(words, k=per))
        paragraphs.append(sentence[0].upper() + sentence[1:] + ".")
    return paragraphs


def _page_values(article):
    return {
        f.attname: getattr(article, f.attname)
        for f in Page._meta.concrete_fields
        if f.attname != "id"
    }


def _categories(vi, en):
    """The vi categories and their en translations, {slug: (vi, en)}."""
    found = {}
    for slug, name_vi, name_en in CATEGORIES:
        vi_cat = NewsCategory.objects.filter(slug=slug, locale=vi).first()
        if vi_cat is None:
            vi_cat = NewsCategory.objects.create(slug=slug, name=name_vi, locale=vi)
        en_cat = NewsCategory.objects.filter(translation_key=vi_cat.translation_key, locale=en)
        en_cat = en_cat.first() or NewsCategory.objects.create(
            slug=slug, name=name_en, locale=en, translation_key=vi_cat.translation_key
        )
        found[slug] = (vi_cat, en_cat)
    return found


def insert_articles(index, specs, *, locale):
    """Write live NewsArticlePage rows under `index` in bulk; returns their ids in order."""
    content_type_id = ContentType.objects.get_for_model(NewsArticlePage).id
    start = index.numchild
    articles = []
    for number, spec in enumerate(specs):
        article = NewsArticlePage(
            title=spec["title"],
            draft_title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            content_type_id=content_type_id,
            locale=locale,
            translation_key=spec["key"],
            live=True,
            depth=index.depth + 1,
            path=Page._get_path(index.path, index.depth + 1, start + number + 1),
            url_path=f"{index.url_path}{spec['slug']}/",
            first_published_at=spec["date"],
            last_published_at=spec["date"],
            published_date=spec["date"],
            author=spec["author"],
            featured=spec["featured"],
            show_on_portal=spec["show_on_portal"],
            body=[
                {"type": "heading", "value": {"text": spec["heading"], "level": "h2"}},
                *[{"type": "paragraph", "value": f"<p>{p}</p>"} for p in spec["paragraphs"]],
            ],
        )
        articles.append(article)
    created = Page.objects.bulk_create([Page(**_page_values(a)) for a in articles], 1000)
    columns = list(NewsArticlePage._meta.local_concrete_fields)
    rows = []
    for page, article in zip(created, articles, strict=True):
        article.pk = article.page_ptr_id = page.pk
        rows.append([f.get_db_prep_save(getattr(article, f.attname), connection) for f in columns])
    table = connection.ops.quote_name(NewsArticlePage._meta.db_table)
    names = ", ".join(connection.ops.quote_name(f.column) for f in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608
    Page.objects.filter(pk=index.pk).update(numchild=start + len(specs))
    through = NewsArticlePage.categories.through
    through.objects.bulk_create(
        [
            through(newsarticlepage_id=page.pk, newscategory_id=spec["category"].pk)
            for page, spec in zip(created, specs, strict=True)
        ],
        1000,
    )
    return [page.pk for page in created]


def article_specs(count, seed):
    """Pairs of (vi spec, en spec) for `count` Vietnamese articles and their translations.

    `seed` is a string naming the site too: translation keys are unique per database.
    """
    rng = random.Random(seed)
    newest = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    pairs = []
    for number in range(count):
        key = uuid.UUID(int=rng.getrandbits(128))
        date = newest - datetime.timedelta(hours=number * 3)
        common = {
            "key": key,
            "date": date,
            "featured": number % 50 == 0,
            "show_on_portal": number % 10 == 0,
            "category_slug": CATEGORIES[number % len(CATEGORIES)][0],
        }
        vi_title = " ".join(rng.choices(VI_WORDS, k=10)).capitalize()
        en_title = " ".join(rng.choices(EN_WORDS, k=10)).capitalize()
        vi_words = article_text(rng, VI_WORDS, WORDS_PER_ARTICLE)
        en_words = article_text(rng, EN_WORDS, WORDS_PER_ARTICLE)
        pairs.append(
            (
                {
                    **common,
                    "title": f"{vi_title} {number}",
                    "slug": f"bai-viet-{number}",
                    "summary": vi_words[0][:200],
                    "heading": "Nội dung chính",
                    "author": "Phóng viên",
                    "paragraphs": vi_words,
                },
                {
                    **common,
                    "title": f"{en_title} {number}",
                    "slug": f"article-{number}",
                    "summary": en_words[0][:200],
                    "heading": "Main points",
                    "author": "Reporter",
                    "paragraphs": en_words,
                },
            )
        )
    return pairs


def fill_news(department, articles, seed):
    """`articles` news articles (half vi, half en) in the site's news section, in bulk."""
    with transaction.atomic():
        vi = Locale.objects.get(language_code="vi")
        en = Locale.objects.get(language_code="en")
        categories = _categories(vi, en)
        vi_index = NewsIndexPage.objects.child_of(department.site.root_page).get()
        en_index = vi_index.get_translation(en)
        pairs = article_specs(articles // 2, seed)
        for lang_number, (index, locale) in enumerate(((vi_index, vi), (en_index, en))):
            specs = []
            for pair in pairs:
                spec = pair[lang_number]
                spec["category"] = categories[spec["category_slug"]][lang_number]
                specs.append(spec)
            insert_articles(NewsIndexPage.objects.get(pk=index.pk), specs, locale=locale)


class Command(BaseCommand):
    help = (
        "Create N synthetic news articles (about 700 words each; half Vietnamese, half their "
        "English translations) in one department site, written in bulk. For benchmark "
        "databases only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="Total, both languages.")
        parser.add_argument("--site", default="bench", help="Department slug (default: bench).")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing when the site already exists with this many articles.",
        )

    def handle(self, *args, articles, site, seed, if_missing=False, **options):
        if articles < 2 or articles % 2:
            raise CommandError("--articles must be an even number ≥ 2 (half vi, half en).")
        started = time.perf_counter()
        department = Department.objects.filter(slug=site).first()
        if department is not None:
            roots = department.site.root_page.get_translations(inclusive=True)
            existing = sum(NewsArticlePage.objects.descendant_of(r).count() for r in roots)
            if if_missing and existing == articles:
                self.stdout.write(f"Site {site!r} already has {articles} articles.")
                return
            if existing:  # a site left empty by an interrupted run is filled in
                raise CommandError(
                    f"Site {site!r} already exists ({existing} articles); "
                    "use another --site or a fresh database."
                )
        # Provisioning commits first: its deferred work (redirects for the translated
        # sections' slugs) then runs before the bulk rows exist, not over 10k of them.
        department = provision_department(
            slug=site,
            name_vi=f"Sở thử nghiệm hiệu năng {site}",
            name_en=f"Benchmark department {site}",
            hostname=f"{site}.bench.test",
        )
        fill_news(department, articles, f"{site}:{seed}")
        self.stdout.write(
            f"Created {articles} articles ({articles // 2} vi + {articles // 2} en) in site "
            f"{site!r} in {time.perf_counter() - started:.1f} s"
        )
