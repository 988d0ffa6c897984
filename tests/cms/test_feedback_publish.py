"""Answering with "publish" creates a live Q&A page with no personal data."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils.form_data import rich_text

from cms.core.models import Topic
from cms.feedback.models import FeedbackSubmission, QuestionAnswerIndexPage, QuestionAnswerPage

from .feedback_support import SENDER, configure, make_submission, make_user

PUBLIC_QUESTION = "Thủ tục cấp giấy chứng nhận đăng ký đầu tư mất bao lâu?"
ANSWER_HTML = "<p>Mười lăm ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.</p>"


@pytest.fixture(autouse=True)
def feedback_env(settings, tmp_path):
    configure(settings, tmp_path)


@pytest.fixture
def setup(make_department):
    a = make_department("so-a", "Sở A", "Department A")
    b = make_department("so-b", "Sở B", "Department B")
    return {
        "a": a,
        "b": b,
        "mod_a": make_user("mod_a", a.moderators_group),
        "editor_a": make_user("editor_a", a.editors_group),
        "sub": make_submission(a, consent_to_publish=True, public_question=SENDER["message"]),
        "field": Topic.objects.create(name="Đầu tư", slug="dau-tu", locale=Locale.get_default()),
    }


def publish(client, submission, **overrides):
    data = {
        "status": "answered",
        "assignee": "",
        "internal_notes": f"Gọi lại cho {SENDER['name']} theo số {SENDER['phone']}",
        "public_question": PUBLIC_QUESTION,
        "answer": rich_text(ANSWER_HTML),
        "publish": "on",
        "field": str(submission.field_id or Topic.objects.get(slug="dau-tu").pk),
    }
    data.update(overrides)
    return client.post(reverse("feedback_submission:edit", args=[submission.pk]), data)


def everything_public_about(page):
    """Every field of the page and of its latest revision, as one string."""
    fields = model_to_dict(page, exclude=["wagtail_admin_comments"])
    revision = page.latest_revision.content if page.latest_revision else {}
    return json.dumps([fields, revision], cls=DjangoJSONEncoder, ensure_ascii=False)


def test_provisioning_creates_the_qa_index_in_both_languages(setup):
    indexes = {
        page.locale.language_code: page
        for root in setup["a"].root_pages
        for page in QuestionAnswerIndexPage.objects.child_of(root)
    }
    assert {lang: (p.title, p.slug) for lang, p in indexes.items()} == {
        "vi": ("Hỏi đáp", "hoi-dap"),
        "en": ("Questions and answers", "questions"),
    }


def test_publish_creates_a_live_page_without_personal_data(client, setup):
    submission = setup["sub"]
    client.force_login(setup["mod_a"])
    response = publish(client, submission)

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == FeedbackSubmission.Status.ANSWERED
    assert submission.answered_at is not None
    page = QuestionAnswerPage.objects.get()
    assert submission.qa_page_id == page.pk
    assert page.live and not page.has_unpublished_changes
    assert page.locale.language_code == "vi"
    vi_home = setup["a"].site.root_page
    assert page.get_parent().get_parent().pk == vi_home.pk
    assert page.get_parent().specific_class is QuestionAnswerIndexPage
    assert page.question == PUBLIC_QUESTION
    assert "Mười lăm ngày làm việc" in page.answer
    assert page.category == "investment"
    assert page.topic == setup["field"]
    assert page.asked_date == timezone.localdate(submission.created_at)
    assert page.answered_date == timezone.localdate(submission.answered_at)

    public = everything_public_about(page)
    for key in ("name", "email", "phone", "organisation", "message"):
        assert SENDER[key] not in public, key
    assert "0912345678" not in public.replace(" ", "")
    assert submission.code not in public


def test_publishing_again_updates_the_same_page(client, setup):
    client.force_login(setup["mod_a"])
    publish(client, setup["sub"])
    publish(client, setup["sub"], answer=rich_text("<p>Mười ngày làm việc.</p>"))

    page = QuestionAnswerPage.objects.get()
    assert "Mười ngày làm việc." in page.answer
    assert page.live


def test_question_with_the_senders_contact_is_refused(client, setup):
    client.force_login(setup["mod_a"])
    response = publish(
        client, setup["sub"], public_question=f"{PUBLIC_QUESTION} Liên hệ {SENDER['email']}"
    )

    assert response.status_code == 200
    assert not QuestionAnswerPage.objects.exists()
    setup["sub"].refresh_from_db()
    assert setup["sub"].status == "new"


def test_answer_with_the_senders_phone_is_refused(client, setup):
    client.force_login(setup["mod_a"])
    response = publish(client, setup["sub"], answer=rich_text("<p>Gọi 0912.345.678 nhé.</p>"))

    assert response.status_code == 200
    assert not QuestionAnswerPage.objects.exists()


def test_editor_without_publish_permission_cannot_publish(client, setup):
    client.force_login(setup["editor_a"])
    response = publish(client, setup["sub"])

    assert response.status_code == 200
    assert not QuestionAnswerPage.objects.exists()


def test_rejected_question_cannot_be_published(client, setup):
    client.force_login(setup["mod_a"])
    publish(client, setup["sub"], status="rejected")

    assert not QuestionAnswerPage.objects.exists()


def test_status_lookup_after_publishing(client, setup):
    client.force_login(setup["mod_a"])
    publish(client, setup["sub"])
    client.logout()

    payload = client.get(f"/api/feedback/{setup['sub'].code}").json()
    assert payload["status"] == "answered"
    assert payload["published"] is True
    assert payload["question"] == PUBLIC_QUESTION
    assert "Mười lăm ngày làm việc" in payload["answer_html"]
    text = json.dumps(payload, ensure_ascii=False)
    for key in ("name", "email", "phone", "organisation"):
        assert SENDER[key] not in text


def test_question_without_the_senders_consent_is_not_published(client, setup):
    submission = make_submission(setup["a"], consent_to_publish=False)
    client.force_login(setup["mod_a"])
    response = publish(client, submission)

    assert response.status_code == 200
    assert "did not agree to publish" in response.content.decode() or (
        "không đồng ý" in response.content.decode()
    )
    assert not QuestionAnswerPage.objects.exists()
    submission.refresh_from_db()
    assert submission.qa_page_id is None and submission.status == "new"
    # Answering without publishing stays possible.
    response = publish(client, submission, publish="")
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "answered" and not QuestionAnswerPage.objects.exists()
