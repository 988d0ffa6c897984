"""ASCII slugs (cms/core/slugs.py): folded Vietnamese, English slugs from English titles."""

import pytest
from wagtail_localize.models import StringSegment, TranslationSource

from cms.core.forms import ContentPageForm
from cms.core.slugs import VIETNAMESE_SLUG_FORMATTERS, ascii_slug, is_inherited_slug
from cms.core.translation import translate
from cms.news.models import NewsArticlePage, NewsIndexPage

TITLE = "Đường điện đến xã Đức Hòa"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (TITLE, "duong-dien-den-xa-duc-hoa"),
        ("Quyết toán vốn đầu tư năm 2025", "quyet-toan-von-dau-tu-nam-2025"),
        ("  Ủy ban nhân dân — Thông báo!  ", "uy-ban-nhan-dan-thong-bao"),
        ("Power line reaches Duc Hoa commune", "power-line-reaches-duc-hoa-commune"),
        ("!!!", ""),
    ],
)
def test_ascii_slug_folds_vietnamese_and_d_with_stroke(text, slug):
    assert ascii_slug(text) == slug


def test_the_widget_formatters_cover_every_vietnamese_letter():
    import re

    vietnamese = "ăâđêôơưàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ"
    text = vietnamese + vietnamese.upper()
    for pattern, base in VIETNAMESE_SLUG_FORMATTERS:
        text = re.sub(pattern, base, text)
    assert text.isascii(), text
    assert text.startswith("aadeoou")


def test_inherited_slug():
    assert is_inherited_slug("duong-dien", "duong-dien")
    assert is_inherited_slug("duong-dien-2", "duong-dien")
    assert not is_inherited_slug("power-line", "duong-dien")


@pytest.fixture
def news_index(make_department):
    department = make_department("so-slug")
    return NewsIndexPage.objects.child_of(department.site.root_page).get()


def test_a_page_without_a_slug_gets_the_folded_title(news_index):
    page = NewsArticlePage(title=TITLE)
    news_index.add_child(instance=page)
    assert page.slug == "duong-dien-den-xa-duc-hoa"
    second = NewsArticlePage(title=TITLE)
    news_index.add_child(instance=second)
    assert second.slug == "duong-dien-den-xa-duc-hoa-2"


def test_the_admin_form_folds_a_unicode_slug_and_uses_the_vietnamese_widget(news_index):
    form_class = NewsArticlePage.get_edit_handler().get_form_class()
    assert issubclass(form_class, ContentPageForm)
    form = form_class(instance=NewsArticlePage(), parent_page=news_index, for_user=None)
    field = form.fields["slug"]
    assert field.clean("đường-điện-đến-xã-đức-hòa") == "duong-dien-den-xa-duc-hoa"
    assert "data-w-slug-formatters-value" in field.widget.attrs
    assert field.widget.attrs["data-w-slug-allow-unicode-value"] is False


def test_english_translation_slug_comes_from_its_translated_title(news_index):
    page = NewsArticlePage(title=TITLE, summary="Tóm tắt")
    news_index.add_child(instance=page)
    page.save_revision().publish()

    # Nothing translated yet: the English page keeps the source slug (no đ dropped).
    english = translate(page, "en")
    assert english.slug == "duong-dien-den-xa-duc-hoa"

    english = translate(page, "en", {TITLE: "Power line reaches Duc Hoa commune"})
    assert english.title == "Power line reaches Duc Hoa commune"
    assert english.slug == "power-line-reaches-duc-hoa-commune"
    assert english.url_path.endswith("/power-line-reaches-duc-hoa-commune/")
    assert english.live

    # The slug is no segment to translate (it made publishing warn "missing translations").
    source = TranslationSource.objects.get_for_instance(page)
    contexts = set(
        StringSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )
    assert "title" in contexts and "slug" not in contexts

    # A slug the editor chose for the English page stays when the title changes again.
    english.slug = "duc-hoa-power"
    english.save_revision().publish()
    english = translate(page, "en", {TITLE: "Duc Hoa commune gets power"})
    assert english.slug == "duc-hoa-power"
