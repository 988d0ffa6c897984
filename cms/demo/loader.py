"""Load the whole demo: sites, snippets, content, users. Safe to run again."""

import logging
from contextlib import contextmanager

from django.db import transaction

from cms.publishing.signals import paused as builds_paused

from .builders import Report
from .builders.documents import build_legal_documents, build_planning
from .builders.investment import build_investment
from .builders.news import build_news
from .builders.procedures import build_procedures
from .builders.sites import build_sites
from .builders.snippets import build_snippets
from .builders.users import build_users


@contextmanager
def quiet_wagtail_logs():
    """Wagtail logs every page save at INFO; hundreds of lines would bury the summary."""
    loggers = [logging.getLogger(name) for name in ("wagtail", "wagtail.contrib.redirects")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def load_demo():
    """Create whatever part of the demo is missing; return (Report, credentials)."""
    report = Report()
    # One bulk load, not hundreds of editor publishes: no site build per page;
    # `make demo` runs build_sites once afterwards.
    with quiet_wagtail_logs(), builds_paused(), transaction.atomic():
        departments = build_sites(report)
        snippets = build_snippets(report)
        build_news(departments, snippets, report)
        build_legal_documents(departments, snippets, report)
        build_planning(departments, snippets, report)
        build_investment(departments, snippets, report)
        build_procedures(departments, snippets, report)
        credentials = build_users(departments, report)
    return report, credentials
