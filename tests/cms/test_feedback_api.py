"""The public endpoint: validation, spam defences, CORS, redirects, status lookup."""

import json
import logging
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.feedback.models import TRACKING_CODE_ALPHABET, FeedbackSubmission

from .feedback_support import (
    EVIL_ORIGIN,
    PDF_BYTES,
    PNG_BYTES,
    PORTAL_ORIGIN,
    SENDER,
    SITE_ORIGIN,
    configure,
    form_data,
    make_submission,
    make_user,
)

URL = "/api/feedback/"


@pytest.fixture(autouse=True)
def feedback_env(settings, tmp_path):
    configure(settings, tmp_path)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def department(make_department):
    return make_department("so-khdt", "Sở Kế hoạch và Đầu tư", "Department of Planning")


def post_json(client, data, origin=SITE_ORIGIN, **extra):
    return client.post(URL, data, HTTP_ORIGIN=origin, HTTP_ACCEPT="application/json", **extra)


def test_json_submission_is_stored_and_moderators_notified(
    client, department, django_capture_on_commit_callbacks
):
    moderator = make_user("mod", department.moderators_group)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_json(client, form_data(consent_to_publish="on"))

    assert response.status_code == 201
    payload = response.json()
    assert set(payload) == {"code", "status"}
    assert payload["status"] == "new"
    assert len(payload["code"]) == 10 and set(payload["code"]) <= set(TRACKING_CODE_ALPHABET)
    assert response["Access-Control-Allow-Origin"] == SITE_ORIGIN
    submission = FeedbackSubmission.objects.get(code=payload["code"])
    assert (submission.department, submission.email) == (department, SENDER["email"])
    assert submission.consent_to_publish and submission.public_question == SENDER["message"]

    assert [message.to for message in mail.outbox] == [[moderator.email]]
    body = mail.outbox[0].subject + mail.outbox[0].body
    assert payload["code"] in body
    for value in SENDER.values():
        assert value not in body


def test_plain_post_redirects_to_next_with_the_code(client, department):
    response = client.post(
        URL, form_data(next="/so-khdt/vi/hoi-dap/cam-on/?x=1"), HTTP_ORIGIN=SITE_ORIGIN
    )

    assert response.status_code == 303
    location = urlsplit(response["Location"])
    assert location.path == "/so-khdt/vi/hoi-dap/cam-on/"
    query = parse_qs(location.query)
    assert query["x"] == ["1"]
    assert FeedbackSubmission.objects.filter(code=query["code"][0]).exists()


def test_plain_post_accepts_next_on_a_listed_site_origin(client, department):
    response = client.post(
        URL, form_data(next=PORTAL_ORIGIN + "/portal/vi/cam-on/"), HTTP_ORIGIN=PORTAL_ORIGIN
    )

    assert response.status_code == 303
    assert response["Location"].startswith(PORTAL_ORIGIN + "/portal/vi/cam-on/?code=")


@pytest.mark.parametrize(
    "next_url",
    [EVIL_ORIGIN + "/thanks", "//evil.example.com/thanks", "javascript:alert(1)", "cam-on"],
)
def test_next_outside_the_sites_is_not_followed(client, department, next_url):
    response = client.post(URL, form_data(next=next_url), HTTP_ORIGIN=SITE_ORIGIN)

    assert response.status_code == 201
    assert "Location" not in response
    submission = FeedbackSubmission.objects.get()
    assert submission.code in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": None}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"email": "not-an-email"}, "email"),
        ({"phone": "12ab"}, "phone"),
        ({"email": "", "phone": ""}, "email"),
        ({"organisation": "x" * 201}, "organisation"),
        ({"topic": "weather"}, "topic"),
        ({"topic": None}, "topic"),
        ({"department": "so-khong-co"}, "department"),
        ({"department": None}, "department"),
        ({"message": "Ngắn quá"}, "message"),
        ({"message": "x" * 5001}, "message"),
        ({"message": None}, "message"),
    ],
)
def test_each_invalid_field_is_reported_and_nothing_is_stored(client, department, overrides, field):
    response = post_json(client, form_data(**overrides))

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not FeedbackSubmission.objects.exists()


def test_phone_alone_is_enough(client, department):
    response = post_json(client, form_data(email=""))

    assert response.status_code == 201
    assert FeedbackSubmission.objects.get().phone == SENDER["phone"]


def test_plain_post_with_errors_gets_a_readable_page(client, department):
    response = client.post(URL, form_data(message="Ngắn"), HTTP_ORIGIN=SITE_ORIGIN)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "<li>" in response.content.decode()


def test_honeypot_rejects_and_stores_nothing(client, department):
    response = post_json(client, form_data(confirm_fax="http://spam.example"))

    assert response.status_code == 400
    assert not FeedbackSubmission.objects.exists()


def test_rate_limit_per_ip(client, department, settings):
    settings.FEEDBACK_RATE_LIMIT = "3/600"
    codes = [post_json(client, form_data()).status_code for _ in range(3)]
    blocked = post_json(client, form_data())
    other_ip = post_json(client, form_data(), REMOTE_ADDR="10.9.8.7")

    assert codes == [201, 201, 201]
    assert blocked.status_code == 429
    assert 0 < int(blocked["Retry-After"]) <= 600
    assert other_ip.status_code == 201
    assert FeedbackSubmission.objects.count() == 4


def test_valid_pdf_attachment_is_kept_privately(client, department, settings):
    upload = SimpleUploadedFile("Hồ sơ của tôi.pdf", PDF_BYTES, content_type="application/pdf")
    response = post_json(client, form_data(attachment=upload))

    assert response.status_code == 201
    submission = FeedbackSubmission.objects.get()
    assert submission.attachment.name == f"{submission.code}.pdf"
    stored = settings.FEEDBACK_ATTACHMENT_ROOT / submission.attachment.name
    assert stored.read_bytes() == PDF_BYTES
    assert not (settings.MEDIA_ROOT).exists() or not any(settings.MEDIA_ROOT.rglob("*.pdf"))


def test_image_attachment_is_accepted(client, department):
    upload = SimpleUploadedFile("anh.png", PNG_BYTES, content_type="image/png")
    assert post_json(client, form_data(attachment=upload)).status_code == 201


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("giay-to.pdf", b"MZ\x90\x00 this is a Windows program"),  # right name, wrong bytes
        ("anh.png", PDF_BYTES),  # a PDF pretending to be an image
        ("script.html", b"<html><script>alert(1)</script></html>"),
        ("tai-lieu.pdf", b""),
    ],
)
def test_wrong_type_attachment_is_rejected(client, department, filename, content):
    upload = SimpleUploadedFile(filename, content, content_type="application/pdf")
    response = post_json(client, form_data(attachment=upload))

    assert response.status_code == 400
    assert "attachment" in response.json()["errors"]
    assert not FeedbackSubmission.objects.exists()


def test_oversized_attachment_is_rejected(client, department, settings):
    settings.FEEDBACK_MAX_ATTACHMENT_BYTES = 1000
    upload = SimpleUploadedFile("lon.pdf", PDF_BYTES + b"0" * 2000, content_type="application/pdf")
    response = post_json(client, form_data(attachment=upload))

    assert response.status_code == 400
    assert "attachment" in response.json()["errors"]
    assert not FeedbackSubmission.objects.exists()


def test_oversized_request_is_refused_before_reading_it(client, department, settings):
    settings.FEEDBACK_MAX_ATTACHMENT_BYTES = 1000
    huge = SimpleUploadedFile("lon.pdf", PDF_BYTES + b"0" * 100_000)
    response = post_json(client, form_data(attachment=huge))

    assert response.status_code == 413
    assert not FeedbackSubmission.objects.exists()


@pytest.mark.parametrize("origin", [EVIL_ORIGIN, "null", None])
def test_foreign_or_missing_origin_is_refused(client, department, origin):
    extra = {"HTTP_ORIGIN": origin} if origin else {}
    response = client.post(URL, form_data(), HTTP_ACCEPT="application/json", **extra)

    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response
    assert not FeedbackSubmission.objects.exists()


def test_referer_stands_in_for_a_missing_origin(client, department):
    response = client.post(
        URL, form_data(), HTTP_REFERER=SITE_ORIGIN + "/vi/hoi-dap/", HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 201


def test_without_sites_json_no_origin_is_trusted(client, department, settings):
    (settings.DIST_DIR / "sites.json").unlink()
    response = post_json(client, form_data())

    assert response.status_code == 403
    assert not FeedbackSubmission.objects.exists()


def test_preflight_allows_only_listed_origins(client):
    allowed = client.options(URL, HTTP_ORIGIN=SITE_ORIGIN)
    refused = client.options(URL, HTTP_ORIGIN=EVIL_ORIGIN)

    assert allowed.status_code == 204
    assert allowed["Access-Control-Allow-Origin"] == SITE_ORIGIN
    assert "POST" in allowed["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in refused


def test_logs_carry_only_code_and_department(client, department, caplog):
    with caplog.at_level(logging.DEBUG):
        response = post_json(client, form_data())
    code = response.json()["code"]

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert code in logged and "so-khdt" in logged
    for value in SENDER.values():
        assert value not in logged


def test_status_lookup_returns_status_only(client, department):
    submission = make_submission(department, public_question="Câu hỏi công khai")
    response = client.get(f"/api/feedback/{submission.code.lower()}", HTTP_ORIGIN=SITE_ORIGIN)

    assert response.status_code == 200
    payload = response.json()
    assert payload["code"] == submission.code
    assert payload["status"] == "new"
    assert payload["question"] == ""  # no consent: not even the public wording
    assert payload["answer_html"] == ""
    assert response["Access-Control-Allow-Origin"] == SITE_ORIGIN
    text = response.content.decode()
    for value in SENDER.values():
        assert value not in text and json.dumps(value)[1:-1] not in text


def test_status_lookup_shows_answer_and_consented_question(client, department):
    submission = make_submission(
        department,
        consent_to_publish=True,
        public_question="Thủ tục đăng ký đầu tư mất bao lâu?",
        answer="<p>Mười lăm ngày làm việc.</p>",
        status=FeedbackSubmission.Status.ANSWERED,
    )
    payload = client.get(f"/api/feedback/{submission.code}").json()

    assert payload["status"] == "answered"
    assert payload["question"] == "Thủ tục đăng ký đầu tư mất bao lâu?"
    assert "Mười lăm ngày làm việc." in payload["answer_html"]
    text = json.dumps(payload, ensure_ascii=False)
    for key in ("name", "email", "phone", "organisation", "message"):
        assert SENDER[key] not in text


def test_unknown_code_is_404_json(client, db):
    response = client.get("/api/feedback/AAAAAAAAAA")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "error" in response.json()
