"""Logging filter that keeps credentials out of the logs.

Connection URLs carry passwords (DATABASE_URL, ELASTICSEARCH_URL), and an
exception message or a debug line may quote one; logs are shipped to places
with weaker access control than `.env`. Every record through the console
handler is redacted: the password part of `scheme://user:password@host`, and
the literal values of the secret settings.
"""

import logging
import re

URL_PASSWORD = re.compile(r"(?P<head>\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@\s/]+(?P<tail>@)", re.I)
MASK = "***"
# Shorter values are too likely to occur by chance to be masked everywhere.
MIN_SECRET_LENGTH = 8


def redact(text, secrets=()):
    text = URL_PASSWORD.sub(rf"\g<head>{MASK}\g<tail>", text)
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text


class RedactSecretsFilter(logging.Filter):
    """Rewrites each record's message (arguments merged) and traceback text."""

    def __init__(self, name="", secret_settings=("SECRET_KEY", "EMAIL_HOST_PASSWORD")):
        super().__init__(name)
        self.secret_settings = secret_settings

    def _secrets(self):
        from django.conf import settings

        if not settings.configured:
            return []
        values = (str(getattr(settings, name, "") or "") for name in self.secret_settings)
        return [value for value in values if len(value) >= MIN_SECRET_LENGTH]

    def filter(self, record):
        secrets = self._secrets()
        message = record.getMessage()
        redacted = redact(message, secrets)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, secrets)
        return True
