"""The headless API (/api/v2/): read-only, published content only, by site and locale."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.core.models import SiteSettings
from cms.core.translation import translate
from cms.news.models import NewsArticlePage, NewsIndexPage


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def image(collection, title):
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(filename="api.png"), collection=collection
    )


def document(collection, title):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 api", name="api.pdf"), collection=collection
    )


def add_article(department, slug, *, publish=True, **fields):
    parent = NewsIndexPage.objects.child_of(department.site.root_page).get()
    page = NewsArticlePage(title=f"Bài {slug}", slug=slug, live=False, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def content(make_department, media_root):
    a = make_department("so-api-a")
    b = make_department("so-api-b")
    hero = image(a.collection, "Ảnh đã đăng")
    attachment = document(a.collection, "Tệp đính kèm đã đăng")
    live = add_article(
        a,
        "da-dang",
        hero_image=hero,
        hero_alt="Ảnh minh hoạ",
        body=[("document", {"document": attachment, "title": "Tải về"})],
    )
    live_en = translate(live, "en", {"Bài da-dang": "Published article"})
    draft_only = add_article(
        a,
        "ban-nhap",
        publish=False,
        hero_image=image(a.collection, "Ảnh của bản nháp"),
        hero_alt="Ảnh nháp",
        body=[("document", {"document": document(a.collection, "Tệp nháp"), "title": "Nháp"})],
    )
    # A live page with unpublished edits: the API keeps serving the live version.
    live.title = "Tiêu đề nháp chưa duyệt"
    live.save_revision()
    image(a.collection, "Ảnh chưa dùng")
    banner = image(b.collection, "Biểu ngữ của B")
    settings_b = SiteSettings.for_site(b.site)
    settings_b.banner_image = banner
    settings_b.save()
    b_article = add_article(b, "tin-cua-b")
    return {
        "a": a,
        "b": b,
        "live": live,
        "live_en": live_en,
        "draft_only": draft_only,
        "b_article": b_article,
        "hero": hero,
        "attachment": attachment,
        "banner": banner,
    }


def items(client, endpoint, **params):
    response = client.get(f"/api/v2/{endpoint}/", params)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_only_published_pages_are_served(client, content):
    pages = items(client, "pages", site="so-api-a.test", type="news.NewsArticlePage")
    ids = {page["id"] for page in pages}
    assert content["live"].pk in ids
    assert content["draft_only"].pk not in ids
    titles = {page["title"] for page in pages}
    assert "Bài da-dang" in titles
    assert "Tiêu đề nháp chưa duyệt" not in titles
    detail = client.get(f"/api/v2/pages/{content['draft_only'].pk}/", {"site": "so-api-a.test"})
    assert detail.status_code == 404


def test_site_filter_separates_departments(client, content):
    a_ids = {page["id"] for page in items(client, "pages", site="so-api-a.test", limit=100)}
    b_ids = {page["id"] for page in items(client, "pages", site="so-api-b.test", limit=100)}
    assert content["live"].pk in a_ids and content["live"].pk not in b_ids
    assert content["b_article"].pk in b_ids and content["b_article"].pk not in a_ids
    assert not a_ids & b_ids
    assert content["a"].site.root_page_id in a_ids
    unknown = client.get("/api/v2/pages/", {"site": "nowhere.test"})
    assert unknown.status_code in (400, 404) or unknown.json()["items"] == []


def test_locale_filter_returns_the_english_tree(client, content):
    english = items(client, "pages", site="so-api-a.test", locale="en", limit=100)
    assert {page["meta"]["locale"] for page in english} == {"en"}
    assert content["live_en"].pk in {page["id"] for page in english}
    assert "Published article" in {page["title"] for page in english}
    english_home = content["a"].site.root_page.get_translation(content["live_en"].locale)
    assert english_home.pk in {page["id"] for page in english}
    vietnamese = items(client, "pages", site="so-api-a.test", locale="vi", limit=100)
    assert content["live_en"].pk not in {page["id"] for page in vietnamese}


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_api_is_read_only(client, content, endpoint):
    listing = f"/api/v2/{endpoint}/"
    assert client.post(listing, {"title": "x"}).status_code == 405
    target = {
        "pages": content["live"].pk,
        "images": content["hero"].pk,
        "documents": content["attachment"].pk,
    }[endpoint]
    detail = f"/api/v2/{endpoint}/{target}/"
    assert client.get(detail, {"site": "so-api-a.test"}).status_code == 200
    for method in (client.put, client.patch, client.delete):
        assert method(detail, data="{}", content_type="application/json").status_code == 405
    content["live"].refresh_from_db()
    assert content["live"].live


def test_images_are_only_those_published_content_uses(client, content):
    titles = {item["title"] for item in items(client, "images", limit=100)}
    assert "Ảnh đã đăng" in titles  # hero of a live page
    assert "Biểu ngữ của B" in titles  # banner in B's site settings
    assert "Ảnh của bản nháp" not in titles  # only a draft uses it
    assert "Ảnh chưa dùng" not in titles  # nothing uses it
    a_titles = {item["title"] for item in items(client, "images", site="so-api-a.test")}
    assert a_titles == {"Ảnh đã đăng"}
    b_titles = {item["title"] for item in items(client, "images", site="so-api-b.test")}
    assert b_titles == {"Biểu ngữ của B"}
    hidden = get_image_model().objects.get(title="Ảnh chưa dùng")
    assert client.get(f"/api/v2/images/{hidden.pk}/").status_code == 404


def test_documents_are_only_those_published_content_uses(client, content):
    titles = {item["title"] for item in items(client, "documents", limit=100)}
    assert titles == {"Tệp đính kèm đã đăng"}
    assert items(client, "documents", site="so-api-b.test") == []
    hidden = get_document_model().objects.get(title="Tệp nháp")
    assert client.get(f"/api/v2/documents/{hidden.pk}/").status_code == 404
