"""A built feedback page in chromium, posting to the live CMS endpoint.

The site is rendered by the real theme with [feedback] endpoint pointed at
Django's live server and served by serve_sites' server (its CSP header, too),
so CORS, the CSP (meta and header), the redirect and the script all take part.
"""

import dataclasses
import json
import socket
import threading

import pytest
from django.core.cache import cache

from build.render import render_site
from build.siteconfig import load_site_config
from cms.feedback.models import FeedbackSubmission
from cms.publishing.management.commands.serve_sites import make_server
from tests.cms.feedback_support import SENDER, configure

from .sample_records import site_records

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NAMES = {"vi": "Sở Kế hoạch và Đầu tư", "en": "Department of Planning and Investment"}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def site(tmp_path, live_server, settings):
    """Base URL of so-khdt, built with the feedback endpoint on the live CMS."""
    configure(settings, tmp_path)
    cache.clear()
    port = _free_port()
    root = f"http://127.0.0.1:{port}"
    base_url = f"{root}/so-khdt"
    (settings.DIST_DIR / "sites.json").write_text(
        json.dumps([{"slug": "so-khdt", "base_url": base_url}]), encoding="utf-8"
    )
    api = f"{live_server.url}/api/feedback/"
    config = dataclasses.replace(load_site_config("so-khdt", names=NAMES), feedback_endpoint=api)
    dist = tmp_path / "site-dist"
    render_site(
        slug="so-khdt",
        records=site_records("so-khdt", news_count=1, base_url=root),
        config=config,
        base_url=base_url,
        out_dir=dist / "so-khdt",
    )
    server = make_server("127.0.0.1", port, dist, "http://127.0.0.1:8090/api/search",
                         feedback_urls=[api])  # fmt: skip
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base_url
    server.shutdown()
    server.server_close()


@pytest.fixture
def browser(transactional_browser):
    return transactional_browser


def fill_form(page, *, email=SENDER["email"]):
    page.fill("#fb-name", SENDER["name"])
    page.fill("#fb-email", email)
    page.select_option("#fb-topic", "investment")
    page.fill("#fb-message", SENDER["message"])
    page.check("#fb-consent")


def test_with_javascript_the_code_is_shown_inline_and_can_be_tracked(
    make_department, site, browser
):
    make_department("so-khdt")
    page = browser.new_page()
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    page.goto(f"{site}/vi/gop-y/")
    fill_form(page)
    page.click(".feedback-form button[type=submit]")
    result = page.locator("[data-feedback-result] strong")
    result.wait_for(state="visible", timeout=15_000)
    submission = FeedbackSubmission.objects.get()
    assert result.text_content() == submission.code
    assert page.url == f"{site}/vi/gop-y/"
    assert submission.department.slug == "so-khdt" and submission.language == "vi"
    assert submission.topic == "investment" and submission.consent_to_publish

    page.click("[data-feedback-result] a")  # the tracking page, code in the address
    page.wait_for_url(f"{site}/vi/gop-y/tra-cuu/?code=*", timeout=15_000)
    status = page.locator(".feedback-lookup ~ [data-feedback-result] p").first
    status.wait_for(state="visible", timeout=15_000)
    assert status.text_content().startswith("Trạng thái:")
    assert page.input_value("#fb-code") == submission.code
    # the thank-you page shows the code from the address, as text only
    page.goto(f"{site}/vi/gop-y/cam-on/?code=%3Cimg%20src%3Dx%3E")
    code = page.locator("[data-feedback-code-value]")
    code.wait_for(state="visible", timeout=15_000)
    assert code.text_content() == "<img src=x>"
    assert page.locator("main img").count() == 0
    assert blocked == []
    page.close()


def test_errors_are_shown_next_to_their_field(make_department, site, browser):
    make_department("so-khdt")
    page = browser.new_page()
    page.goto(f"{site}/en/feedback/")
    fill_form(page, email="not-an-email")
    page.evaluate("document.querySelector('#fb-email').type = 'text'")  # let the server judge
    page.click(".feedback-form button[type=submit]")
    error = page.locator("#fb-email-error")
    error.wait_for(state="visible", timeout=15_000)
    assert error.text_content().strip()
    assert page.get_attribute("#fb-email", "aria-invalid") == "true"
    assert FeedbackSubmission.objects.count() == 0
    page.close()


def test_without_javascript_the_form_posts_and_lands_on_the_thank_you_page(
    make_department, site, browser
):
    make_department("so-khdt")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/en/feedback/")
    fill_form(page)
    page.click(".feedback-form button[type=submit]")
    page.wait_for_url(f"{site}/en/feedback/thank-you/?code=*", timeout=15_000)
    submission = FeedbackSubmission.objects.get()
    assert page.url.endswith(f"?code={submission.code}")
    assert submission.language == "en"
    # The static page cannot print the code without a script: it must say where it is.
    main = page.inner_text("main")
    assert "Thank you for your question" in main and "code=" in main
    context.close()
