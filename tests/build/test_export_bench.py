"""How long export takes for a big site, and that its query count does not grow with it.

The timing run is opt-in (it inserts 20k pages): EXPORT_BENCH=20000 .venv/bin/pytest
tests/build/test_export_bench.py -s -p no:logging. The query-count test always runs.
"""

import datetime
import os
import time
import uuid
from io import BytesIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from build.export import export_site
from cms.core.models import StandardPage
from cms.news.models import NewsArticlePage, NewsCategory, NewsIndexPage

BASE_URLS = {"portal": "http://127.0.0.1:8080/portal", "so-ct": "http://127.0.0.1:8080/so-ct"}
BODY_PARAGRAPH = (
    "<p>Ủy ban nhân dân tỉnh tổ chức hội nghị xúc tiến đầu tư với sự tham dự của nhiều doanh "
    'nghiệp trong và ngoài nước; xem <a linktype="page" id="{link}">trang giới thiệu</a> để '
    "biết thêm chi tiết về các dự án kêu gọi đầu tư trên địa bàn.</p>"
)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "cms-media")
    settings.VAR_DIR = tmp_path / "var"


def _images(collection, count):
    images = []
    for number in range(count):
        buffer = BytesIO()
        PILImage.new("RGB", (1280, 720), (number * 5 % 255, 90, 120)).save(buffer, "JPEG")
        images.append(
            get_image_model().objects.create(
                title=f"Ảnh {number}",
                file=ImageFile(buffer, name=f"anh-{number}.jpg"),
                collection=collection,
            )
        )
    return images


def _insert_articles(index, count, *, locale, link_id, images, category, keys=None):
    """Insert `count` live articles under `index` in bulk (Wagtail's add_child is ~0.1 s each).

    Rows are written the way Wagtail would (tree path, url_path, content type), but
    without revisions: export only reads the live rows.
    """
    content_type_id = ContentType.objects.get_for_model(NewsArticlePage).id
    now = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    start = index.numchild
    keys = keys or [uuid.uuid4() for _ in range(count)]
    articles = []
    for number in range(count):
        slug = f"bai-viet-{number}"
        article = NewsArticlePage(
            title=f"Bài viết số {number} về đầu tư",
            draft_title=f"Bài viết số {number} về đầu tư",
            slug=slug,
            summary="Tóm tắt bài viết về hoạt động xúc tiến đầu tư.",
            content_type_id=content_type_id,
            locale=locale,
            translation_key=keys[number],
            live=True,
            depth=index.depth + 1,
            path=Page._get_path(index.path, index.depth + 1, start + number + 1),
            url_path=f"{index.url_path}{slug}/",
            first_published_at=now,
            last_published_at=now,
            published_date=now - datetime.timedelta(minutes=number),
            hero_image=images[number % len(images)],
            hero_alt="Quang cảnh",
            author="Phóng viên",
            body=[
                {"type": "heading", "value": {"text": "Nội dung chính", "level": "h2"}},
                *[{"type": "paragraph", "value": BODY_PARAGRAPH.format(link=link_id)}] * 6,
            ],
        )
        articles.append(article)
    created = Page.objects.bulk_create([Page(**_page_values(a)) for a in articles])
    columns = list(NewsArticlePage._meta.local_concrete_fields)
    rows = []
    for page, article in zip(created, articles, strict=True):
        article.pk = article.page_ptr_id = page.pk
        rows.append([f.get_db_prep_save(getattr(article, f.attname), connection) for f in columns])
    table = NewsArticlePage._meta.db_table
    names = ", ".join(connection.ops.quote_name(f.column) for f in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608
    Page.objects.filter(pk=index.pk).update(numchild=start + count)
    through = NewsArticlePage.categories.through
    through.objects.bulk_create(
        [through(newsarticlepage_id=page.pk, newscategory_id=category.pk) for page in created]
    )
    return [page.pk for page in created], keys


def _page_values(article):
    return {
        field.attname: getattr(article, field.attname)
        for field in Page._meta.concrete_fields
        if field.attname != "id"
    }


def _site(make_department, count, *, with_english=True):
    make_department("portal", is_portal=True)
    department = make_department("so-ct")
    home = department.site.root_page
    english = Locale.objects.get(language_code="en")
    about = StandardPage.objects.child_of(home).get()
    images = _images(department.collection, 20)
    category = NewsCategory.objects.create(name="Đầu tư", slug="dau-tu")
    vi_index = NewsIndexPage.objects.child_of(home).get()
    ids, keys = _insert_articles(
        vi_index,
        count,
        locale=vi_index.locale,
        link_id=about.id,
        images=images,
        category=category,
    )
    if with_english:
        en_index = vi_index.get_translation(english)
        en_ids, _keys = _insert_articles(
            en_index,
            count,
            locale=english,
            link_id=about.id,
            images=images,
            category=category,
            keys=keys,
        )
        ids += en_ids
    return ids


def _count_queries(out_dir):
    with CaptureQueriesContext(connection) as queries:
        records = export_site("so-ct", out_dir, base_urls=BASE_URLS)
    return len(queries.captured_queries), records


def test_query_count_does_not_grow_with_the_number_of_pages(make_department, tmp_path):
    _site(make_department, 5)
    export_site("so-ct", tmp_path / "warm", base_urls=BASE_URLS)  # renditions made once
    small_count, small = _count_queries(tmp_path / "a")

    index = NewsIndexPage.objects.get(locale__language_code="vi", url_path="/so-ct/tin-tuc/")
    vi_articles = NewsArticlePage.objects.child_of(index)
    more_images = _images(index.get_site().department.collection, 3)
    _insert_articles(
        NewsIndexPage.objects.get(pk=index.pk),
        40,
        locale=index.locale,
        link_id=vi_articles.first().id,
        images=more_images,
        category=NewsCategory.objects.get(),
    )
    export_site("so-ct", tmp_path / "warm", base_urls=BASE_URLS)
    large_count, large = _count_queries(tmp_path / "b")

    assert len(large) == len(small) + 40
    assert large_count == small_count
    article = next(r for r in large if r["url"] == "/vi/tin-tuc/bai-viet-39/")
    assert article["categories"][0]["key"] == "dau-tu"
    assert article["image"]["src"].startswith("http://127.0.0.1:8080/so-ct/media/images/")


@pytest.mark.skipif(not os.environ.get("EXPORT_BENCH"), reason="set EXPORT_BENCH=<articles>")
def test_export_speed(make_department, tmp_path):
    count = int(os.environ["EXPORT_BENCH"]) // 2  # half Vietnamese, half English
    started = time.perf_counter()
    _site(make_department, count)
    print(f"\ninserted {2 * count} articles in {time.perf_counter() - started:.1f} s")

    for run in ("first", "second"):
        started, cpu_started = time.perf_counter(), time.process_time()
        records = export_site("so-ct", tmp_path / "out", base_urls=BASE_URLS)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        # CPU time too: on a shared machine the wall time depends on the neighbours.
        print(f"{run} export: {len(records)} records in {elapsed:.1f} s ({cpu:.1f} s CPU)")
    assert len(records) >= 2 * count
