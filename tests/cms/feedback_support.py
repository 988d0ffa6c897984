"""Helpers shared by the tests/cms/test_feedback_*.py modules."""

import json

from django.contrib.auth import get_user_model

SITE_ORIGIN = "https://sokhdt.example.gov.vn"
PORTAL_ORIGIN = "http://127.0.0.1:8080"
EVIL_ORIGIN = "https://evil.example.com"

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

SENDER = {
    "name": "Nguyễn Thị Hồng Nhung",
    "email": "hongnhung.sender@example.vn",
    "phone": "0912 345 678",
    "organisation": "Công ty TNHH Ánh Dương",
    "message": "Xin hỏi thủ tục cấp giấy chứng nhận đăng ký đầu tư mất bao lâu?",
}


def configure(settings, tmp_path):
    """sites.json with two site origins, private attachments under tmp_path."""
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "sites.json").write_text(
        json.dumps(
            [
                {"slug": "so-khdt", "base_url": SITE_ORIGIN},
                {"slug": "portal", "base_url": PORTAL_ORIGIN + "/portal"},
            ]
        ),
        encoding="utf-8",
    )
    settings.DIST_DIR = dist
    settings.FEEDBACK_ATTACHMENT_ROOT = tmp_path / "attachments"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.FEEDBACK_RATE_LIMIT = "100/600"


def form_data(department="so-khdt", **overrides):
    data = {**SENDER, "topic": "investment", "department": department, "lang": "vi"}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def make_user(username, *groups, superuser=False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@so.example.vn",
        password="pw-for-tests-only",
        is_superuser=superuser,
        is_staff=superuser,
    )
    user.groups.add(*groups)
    return user


def make_submission(department, **overrides):
    from cms.feedback.models import FeedbackSubmission

    values = {**SENDER, "department": department, "topic": "investment"}
    values.update(overrides)
    return FeedbackSubmission.objects.create(**values)
