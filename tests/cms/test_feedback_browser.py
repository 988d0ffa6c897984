"""The example form on a static page, in chromium, against the live CMS endpoint.

The page and the CMS are on different origins (two ports), so this exercises
the real CORS and redirect behaviour: with JavaScript (fetch, inline
confirmation) and without (plain POST, 303 to the thank-you page).
"""

import functools
import json
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.cache import cache

from cms.feedback.models import FeedbackSubmission

from .feedback_support import SENDER, configure

# A live server needs committed data; serialized_rollback puts back what the
# migrations created (Wagtail's root page, locales) for the tests after these.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FEEDBACK_DIR = Path(__file__).resolve().parents[2] / "cms" / "feedback"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass


@pytest.fixture
def static_site(tmp_path, live_server, settings):
    """A static folder with the example form pointed at the live CMS; its origin."""
    configure(settings, tmp_path)
    cache.clear()
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    (settings.DIST_DIR / "sites.json").write_text(
        json.dumps([{"slug": "so-khdt", "base_url": f"{origin}/so-khdt"}]), encoding="utf-8"
    )
    root = tmp_path / "static"
    root.mkdir()
    html = (FEEDBACK_DIR / "templates/feedback/example_form.html").read_text("utf-8")
    api = f"{live_server.url}/api/feedback/"
    html = html.replace("http://127.0.0.1:8000/api/feedback/", api)
    html = html.replace('value="/so-khdt/vi/hoi-dap/cam-on/"', f'value="{origin}/cam-on.html"')
    (root / "form.html").write_text(html, encoding="utf-8")
    (root / "cam-on.html").write_text("<!DOCTYPE html><title>Cảm ơn</title><h1>Cảm ơn</h1>")
    (root / "feedback-form.js").write_bytes(
        (FEEDBACK_DIR / "static/feedback/feedback-form.js").read_bytes()
    )
    handler = functools.partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield origin
    server.shutdown()
    server.server_close()


@pytest.fixture
def browser(transactional_browser):
    return transactional_browser


def fill_form(page):
    page.fill("#fb-name", SENDER["name"])
    page.fill("#fb-email", SENDER["email"])
    page.select_option("#fb-topic", "investment")
    page.fill("#fb-message", SENDER["message"])
    page.check("#fb-consent")


def test_with_javascript_the_code_is_shown_inline(make_department, static_site, browser):
    make_department("so-khdt")
    page = browser.new_page()
    page.goto(f"{static_site}/form.html")
    fill_form(page)
    page.click("button[type=submit]")

    result = page.locator("[data-feedback-result]")
    result.wait_for(state="visible", timeout=15_000)
    submission = FeedbackSubmission.objects.get()
    assert submission.code in result.text_content()
    assert page.url == f"{static_site}/form.html"  # stayed on the page
    assert submission.consent_to_publish and submission.email == SENDER["email"]
    page.close()


def test_without_javascript_the_thank_you_page_gets_the_code(make_department, static_site, browser):
    make_department("so-khdt")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{static_site}/form.html")
    fill_form(page)
    page.click("button[type=submit]")
    page.wait_for_url(f"{static_site}/cam-on.html?code=*", timeout=15_000)

    submission = FeedbackSubmission.objects.get()
    assert page.url == f"{static_site}/cam-on.html?code={submission.code}"
    context.close()
