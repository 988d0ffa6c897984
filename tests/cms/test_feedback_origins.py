"""Cross-origin posts from the production sites, with Django's CSRF checks on.

The test client normally skips CSRF; here it enforces it, as a browser's
request meets it in production: no CSRF cookie or token (the static sites
cannot have one), only the Origin the browser sets. sites.json has the shape
and production base URLs a `build_sites --production` writes.
"""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from cms.feedback.models import FeedbackSubmission

from .feedback_support import SENDER, form_data, make_user

URL = "/api/feedback/"
SO_CT = "https://soct.longan.gov.vn"
PORTAL = "https://longan.gov.vn"


@pytest.fixture(autouse=True)
def production_sites(settings, tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    entries = [
        {"slug": "portal", "base_url": PORTAL, "languages": ["vi", "en"], "is_portal": True},
        {"slug": "so-ct", "base_url": SO_CT, "languages": ["vi", "en"], "is_portal": False},
    ]
    (dist / "sites.json").write_text(json.dumps(entries), encoding="utf-8")
    settings.DIST_DIR = dist
    settings.FEEDBACK_ATTACHMENT_ROOT = tmp_path / "attachments"
    settings.FEEDBACK_RATE_LIMIT = "100/600"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def browser_client():
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def so_ct(make_department):
    return make_department("so-ct", "Sở Công Thương", "Department of Industry and Trade")


@pytest.mark.parametrize(
    ("lang", "thanks"), [("vi", "/vi/gop-y/cam-on/"), ("en", "/en/feedback/thank-you/")]
)
def test_plain_form_post_passes_csrf_and_returns_to_the_sites_language_page(
    browser_client, so_ct, lang, thanks
):
    response = browser_client.post(
        URL,
        form_data("so-ct", lang=lang, next=SO_CT + thanks),
        HTTP_ORIGIN=SO_CT,
        HTTP_ACCEPT="text/html,application/xhtml+xml",
    )

    assert response.status_code == 303
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}" == SO_CT
    assert location.path == thanks
    code = parse_qs(location.query)["code"][0]
    assert FeedbackSubmission.objects.get(code=code).language == lang


def test_fetch_from_a_site_origin_gets_cors_headers(browser_client, so_ct):
    response = browser_client.post(
        URL, form_data("so-ct"), HTTP_ORIGIN=PORTAL, HTTP_ACCEPT="application/json"
    )

    assert response.status_code == 201
    assert response["Access-Control-Allow-Origin"] == PORTAL
    assert "Origin" in response["Vary"]
    # No cookies cross origins: the script sends none and none may be allowed.
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.parametrize(
    "origin",
    [
        "https://evil.example.com",
        "http://soct.longan.gov.vn",  # the site's host over another scheme
        "https://soct.longan.gov.vn.evil.example",
        "https://soct.longan.gov.vn:8443",
        "https://cms.longan.gov.vn",  # the CMS itself is not a site
        "null",  # sandboxed frames, file:// pages
    ],
)
def test_other_origins_are_refused_without_cors(browser_client, so_ct, origin):
    json_post = browser_client.post(
        URL, form_data("so-ct"), HTTP_ORIGIN=origin, HTTP_ACCEPT="application/json"
    )
    form_post = browser_client.post(
        URL, form_data("so-ct", next=SO_CT + "/vi/gop-y/cam-on/"), HTTP_ORIGIN=origin
    )
    preflight = browser_client.options(
        URL, HTTP_ORIGIN=origin, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )

    assert json_post.status_code == form_post.status_code == 403
    assert "Location" not in form_post
    for response in (json_post, form_post, preflight):
        assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Methods" not in preflight
    assert not FeedbackSubmission.objects.exists()


def test_a_foreign_referer_does_not_stand_in_for_an_origin(browser_client, so_ct):
    response = browser_client.post(
        URL,
        form_data("so-ct"),
        HTTP_REFERER="https://evil.example.com/?u=" + SO_CT,
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code == 403
    assert not FeedbackSubmission.objects.exists()


def test_the_redirect_never_leaves_the_sites(browser_client, so_ct):
    response = browser_client.post(
        URL,
        form_data("so-ct", next="https://evil.example.com/vi/gop-y/cam-on/"),
        HTTP_ORIGIN=SO_CT,
    )

    assert response.status_code == 201
    assert "Location" not in response
    code = FeedbackSubmission.objects.get().code
    assert code in response.content.decode()


@pytest.mark.parametrize(
    ("lang", "accept_language", "expected", "unexpected"),
    [
        ("en", "vi", "Give an email address or a phone number", "Vui lòng"),
        ("vi", "en", "số điện thoại", "Give an email address"),
    ],
)
def test_messages_follow_the_forms_language_not_the_browsers(
    browser_client, so_ct, lang, accept_language, expected, unexpected
):
    data = form_data("so-ct", lang=lang, email="", phone="")
    as_json = browser_client.post(
        URL,
        data,
        HTTP_ORIGIN=SO_CT,
        HTTP_ACCEPT="application/json",
        HTTP_ACCEPT_LANGUAGE=accept_language,
    )
    as_page = browser_client.post(
        URL, data, HTTP_ORIGIN=SO_CT, HTTP_ACCEPT_LANGUAGE=accept_language
    )

    assert as_json.status_code == as_page.status_code == 400
    message = " ".join(as_json.json()["errors"]["email"])
    assert expected in message and unexpected not in message
    page = as_page.content.decode()
    assert expected in page and f'<html lang="{lang}"' in page


def test_only_the_chosen_departments_moderators_are_notified(
    browser_client, so_ct, make_department, django_capture_on_commit_callbacks
):
    other = make_department("so-tc", "Sở Tài chính", "Department of Finance")
    own_moderator = make_user("mod-ct", so_ct.moderators_group)
    make_user("editor-ct", so_ct.editors_group)
    make_user("mod-tc", other.moderators_group)

    with django_capture_on_commit_callbacks(execute=True):
        response = browser_client.post(
            URL, form_data("so-ct"), HTTP_ORIGIN=SO_CT, HTTP_ACCEPT="application/json"
        )

    assert response.status_code == 201
    assert [message.to for message in mail.outbox] == [[own_moderator.email]]
    assert response.json()["code"] in mail.outbox[0].body
    assert SENDER["message"] not in mail.outbox[0].body
