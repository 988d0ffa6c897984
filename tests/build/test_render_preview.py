"""Wagtail preview and the live view render the page with the static build's theme."""

from django.utils import timezone


def _news(make_department, **fields):
    from cms.news.models import NewsArticlePage, NewsIndexPage

    department = make_department("so-preview", "Sở Xem trước", "Preview Department")
    news_index = NewsIndexPage.objects.child_of(department.site.root_page).get()
    page = NewsArticlePage(
        title="Bản nháp hội nghị", slug="ban-nhap", published_date=timezone.now(), **fields
    )
    news_index.add_child(instance=page)
    return page


def test_preview_uses_the_static_theme_in_the_page_language(
    make_department, rf, settings, tmp_path
):
    settings.VAR_DIR = tmp_path
    page = _news(make_department, summary="Tóm tắt bản nháp")
    page.save_revision()  # a draft: never published
    response = page.serve_preview(rf.get("/"), page.default_preview_mode)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi"' in html
    assert "<h1>Bản nháp hội nghị</h1>" in html
    assert "Chuyển đến nội dung chính" in html  # the theme's Vietnamese strings
    assert 'class="portal-bar"' not in html or "so-preview" in html
    assert "/__preview__/theme/department/css/site.css" in html
    assert "/__preview__/theme/department/css/department.css" in html
    assert 'href="http://127.0.0.1:8080/so-preview/vi/"' in html  # links lead to the static site


def test_preview_theme_assets_are_served(client, db):
    response = client.get("/__preview__/theme/department/css/department.css")
    assert response.status_code == 200
    assert b"--brand" in b"".join(response.streaming_content)
    # the parent theme's files are reachable through the child theme
    assert client.get("/__preview__/theme/department/js/site.js").status_code == 200
    assert client.get("/__preview__/theme/department/../../manage.py").status_code == 404
    assert client.get("/__preview__/theme/nope/css/site.css").status_code == 404


def test_live_view_renders_the_translation_in_its_language(make_department, rf, settings, tmp_path):
    from cms.core.translation import translate

    settings.VAR_DIR = tmp_path
    page = _news(make_department)
    page.save_revision().publish()
    english = translate(page, "en", {"Bản nháp hội nghị": "Conference draft"})
    response = english.serve(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html
    assert "<h1>Conference draft</h1>" in html
    assert "Skip to main content" in html
    # the language switch leads to the Vietnamese original on the static site
    assert 'href="http://127.0.0.1:8080/so-preview/vi/tin-tuc/ban-nhap/" hreflang="vi"' in html
