"""The per-IP limit behind the province's reverse proxy.

Every request reaches gunicorn from the proxy, so the limit must count the
address the proxy forwarded, and only that one: a client's own
X-Forwarded-For header must not let it dodge the limit.
"""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from cms.feedback.models import FeedbackSubmission
from cms.feedback.ratelimit import client_ip

from .feedback_support import SITE_ORIGIN, configure, form_data

PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def feedback_env(settings, tmp_path):
    configure(settings, tmp_path)
    settings.FEEDBACK_RATE_LIMIT = "2/600"
    settings.FEEDBACK_TRUSTED_PROXIES = [PROXY]
    cache.clear()
    yield
    cache.clear()


def meta(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/api/feedback/", **extra)


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("203.0.113.7", None, "203.0.113.7"),
        # Not from our proxy: the header is the client's own, ignored.
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),
        (PROXY, "203.0.113.7", "203.0.113.7"),
        # The client wrote a header; the proxy appended the real address.
        (PROXY, "198.51.100.1, 203.0.113.7", "203.0.113.7"),
        (PROXY, f"203.0.113.7, {PROXY}", "203.0.113.7"),  # two hops of ours
        (PROXY, None, PROXY),
        (PROXY, "", PROXY),
    ],
)
def test_client_ip(remote, forwarded, expected):
    assert client_ip(meta(remote, forwarded)) == expected


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.FEEDBACK_TRUSTED_PROXIES = []
    assert client_ip(meta(PROXY, "203.0.113.7")) == PROXY


def test_each_citizen_behind_the_proxy_has_an_own_limit(client, make_department):
    make_department("so-khdt")

    def post(forwarded):
        return client.post(
            "/api/feedback/",
            form_data(),
            HTTP_ORIGIN=SITE_ORIGIN,
            HTTP_ACCEPT="application/json",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded,
        ).status_code

    first = [post("203.0.113.7") for _ in range(2)]
    blocked = post("203.0.113.7")
    spoofed = post("198.51.100.99, 203.0.113.7")  # own header does not help
    other = post("203.0.113.8")

    assert first == [201, 201]
    assert (blocked, spoofed, other) == (429, 429, 201)
    assert FeedbackSubmission.objects.count() == 3
