"""Production settings, loaded in a fresh process exactly as a server would:
DEBUG off demands a key and hosts, and `check --deploy` finds nothing."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings",
    "DEBUG": "0",
    "ALLOWED_HOSTS": "cms.longan.gov.vn",
    "CSRF_TRUSTED_ORIGINS": "https://cms.longan.gov.vn",
    "WAGTAILADMIN_BASE_URL": "https://cms.longan.gov.vn",
}

PROBE = """
import django, json
django.setup()
from django.conf import settings as s
print(json.dumps({name: getattr(s, name) for name in (
    "DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_PROXY_SSL_HEADER", "CSRF_TRUSTED_ORIGINS",
    "ALLOWED_HOSTS", "X_FRAME_OPTIONS", "SECURE_REFERRER_POLICY",
)}))
"""


def run(env_overrides, *args):
    env = {**os.environ, **PRODUCTION_ENV, **env_overrides}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )


def a_secret_key():
    return secrets.token_urlsafe(50)


def test_debug_off_without_a_secret_key_refuses_to_start():
    # An empty value beats the development .env, as a missing key in production would.
    result = run({"SECRET_KEY": ""}, "-c", PROBE)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_debug_off_without_allowed_hosts_refuses_to_start():
    result = run({"SECRET_KEY": a_secret_key(), "ALLOWED_HOSTS": ""}, "-c", PROBE)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_settings_are_secure():
    result = run({"SECRET_KEY": a_secret_key()}, "-c", PROBE)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"]
    assert values["SECURE_SSL_REDIRECT"]
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://cms.longan.gov.vn"]
    assert values["ALLOWED_HOSTS"] == ["cms.longan.gov.vn"]
    assert values["X_FRAME_OPTIONS"] in {"DENY", "SAMEORIGIN"}
    assert values["SECURE_REFERRER_POLICY"]


def test_check_deploy_finds_no_warning():
    result = run(
        {"SECRET_KEY": a_secret_key()}, "manage.py", "check", "--deploy", "--fail-level", "WARNING"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_does_catch_a_weak_setup():
    # The same check fails when HSTS is off: proof that it looks at our settings.
    result = run(
        {"SECRET_KEY": a_secret_key(), "SECURE_HSTS_SECONDS": "0"},
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr
