"""The wagtail-localize flow editors follow, through its admin views.

vi page -> translate to en -> edit and publish the source -> the translation is
out of date -> "Sync translated pages" -> the English page has the source's new
structure and keeps the strings already translated.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.core.models import StandardPage
from cms.core.translation import is_translation_out_of_date, translate


@pytest.fixture
def department(make_department):
    return make_department("so-dich")


@pytest.fixture
def moderator(department, client):
    user = get_user_model().objects.create_user("dich-moderator", password="x-unused-9931")
    user.groups.add(department.moderators_group)
    client.force_login(user)
    return user


def body_texts(page):
    """(block type, text) for each block, in order: the page's structure."""
    texts = []
    for block in page.body:
        value = block.value
        texts.append(
            (
                block.block_type,
                value["text"] if block.block_type == "heading" else str(value.source),
            )
        )
    return texts


@pytest.fixture
def source_page(department):
    page = StandardPage(
        title="Giới thiệu chung",
        slug="gioi-thieu-chung",
        summary="Chức năng và nhiệm vụ của sở",
        body=[
            ("heading", {"text": "Lịch sử", "level": "h2"}),
            ("paragraph", "<p>Sở được thành lập năm 2008.</p>"),
        ],
    )
    department.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_translate_edit_source_out_of_date_then_sync(
    client, moderator, source_page, django_capture_on_commit_callbacks
):
    english = Locale.objects.get(language_code="en")

    # 1. "Translate this page" in the admin creates the English page.
    response = client.post(
        f"/admin/localize/submit/page/{source_page.pk}/", {"locales": [english.pk]}
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=source_page.translation_key, target_locale=english
    )

    # 2. The translator fills in the strings and publishes.
    en_page = translate(
        source_page,
        "en",
        {
            "Giới thiệu chung": "About us",
            "Chức năng và nhiệm vụ của sở": "The department's functions and duties",
            "Lịch sử": "History",
            "Sở được thành lập năm 2008.": "The department was founded in 2008.",
        },
        user=moderator,
    )
    assert en_page.live
    assert en_page.title == "About us"
    assert body_texts(en_page) == [
        ("heading", "History"),
        ("paragraph", "<p>The department was founded in 2008.</p>"),
    ]
    assert not is_translation_out_of_date(en_page)

    # A re-publish without edits changes nothing a translator cares about.
    source_page.save_revision().publish()
    assert not is_translation_out_of_date(en_page)

    # 3. The editor adds a section to the Vietnamese page and publishes it.
    source_page.refresh_from_db()
    source_page.body.append(("paragraph", "<p>Năm 2025 sở được tổ chức lại.</p>"))
    source_page.save_revision().publish()

    # wagtail-localize's frozen source no longer matches the live page.
    frozen = TranslationSource.objects.get(pk=translation.source_id)
    assert "2025" not in frozen.content_json
    assert is_translation_out_of_date(en_page)

    # 4. "Sync translated pages" (wagtail-localize's update view), publishing.
    # wagtail-localize publishes on commit; the test transaction never commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/localize/update/{translation.source_id}/", {"publish_translations": "on"}
        )
    assert response.status_code == 302
    frozen.refresh_from_db()
    assert "2025" in frozen.content_json

    en_page = StandardPage.objects.get(pk=en_page.pk)
    assert en_page.live
    # The new structure, earlier translations kept, the new paragraph falls
    # back to the source text until someone translates it.
    assert body_texts(en_page) == [
        ("heading", "History"),
        ("paragraph", "<p>The department was founded in 2008.</p>"),
        ("paragraph", "<p>Năm 2025 sở được tổ chức lại.</p>"),
    ]
    assert en_page.title == "About us"
    assert StringTranslation.objects.filter(locale=english, data="History").exists()
    assert not is_translation_out_of_date(en_page)

    # 5. Translating the new string brings the English page fully up to date.
    en_page = translate(
        source_page,
        "en",
        {"Năm 2025 sở được tổ chức lại.": "In 2025 the department was reorganised."},
    )
    assert [text for _kind, text in body_texts(en_page)][1:] == [
        "<p>The department was founded in 2008.</p>",
        "<p>In 2025 the department was reorganised.</p>",
    ]


def test_untranslated_page_is_not_reported_out_of_date(source_page):
    assert not is_translation_out_of_date(source_page)


def test_translate_a_shared_snippet(db):
    from cms.core.models import Topic
    from cms.departments.provisioning import ensure_locales

    vi = ensure_locales()
    topic = Topic.objects.create(name="Đất đai", slug="dat-dai", locale=vi)
    english = translate(topic, "en", {"Đất đai": "Land"})
    assert english.locale.language_code == "en"
    assert english.name == "Land"
    assert english.translation_key == topic.translation_key
