"""Credentials never reach the logs: the console handler redacts them."""

import logging
import subprocess
import sys
from pathlib import Path

from cms.core.log_filters import RedactSecretsFilter, redact

ROOT = Path(__file__).resolve().parents[2]


def test_redact_masks_url_passwords_and_known_secrets():
    text = (
        "cannot connect to postgres://cong:Zx9-pass_word@postgres:5432/cong "
        "nor http://elastic:s3cr3t-ES@elasticsearch:9200; key=abcdefgh12345678"
    )
    redacted = redact(text, ["abcdefgh12345678"])
    assert "Zx9-pass_word" not in redacted and "s3cr3t-ES" not in redacted
    assert "abcdefgh12345678" not in redacted
    assert "postgres://cong:***@postgres:5432/cong" in redacted
    assert "http://elastic:***@elasticsearch:9200" in redacted
    # URLs without credentials and ordinary text are left alone.
    assert (
        redact("see https://longan.gov.vn:443/vi/ now") == "see https://longan.gov.vn:443/vi/ now"
    )


def test_the_filter_redacts_arguments_and_tracebacks(settings):
    settings.SECRET_KEY = "a-very-secret-key-value-for-this-test"
    record_filter = RedactSecretsFilter()
    try:
        raise ConnectionError("http://elastic:hunter2-long@es:9200 refused")
    except ConnectionError:
        record = logging.LogRecord(
            "search",
            logging.ERROR,
            __file__,
            1,
            "failed with %s",
            (settings.SECRET_KEY,),
            exc_info=sys.exc_info(),
        )
    assert record_filter.filter(record) is True
    assert settings.SECRET_KEY not in record.getMessage()
    assert "hunter2-long" not in record.exc_text
    assert "http://elastic:***@es:9200" in record.exc_text


def test_the_configured_console_handler_redacts():
    # A fresh process with the project's LOGGING, as a server would run it.
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('cms').warning('db at %s', 'postgres://cong:TopSecret99@db/cong')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "cms.settings", "DEBUG": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "postgres://cong:***@db/cong" in result.stderr
    assert "TopSecret99" not in result.stderr
