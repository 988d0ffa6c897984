"""purge_feedback deletes submissions past the retention period and their files."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from cms.feedback.models import FeedbackSubmission

from .feedback_support import PDF_BYTES, configure, make_submission


@pytest.fixture(autouse=True)
def feedback_env(settings, tmp_path):
    configure(settings, tmp_path)
    settings.FEEDBACK_RETENTION_DAYS = 30


@pytest.fixture
def old_and_new(make_department, settings):
    department = make_department("so-a")
    old = make_submission(department)
    new = make_submission(department)
    for submission in (old, new):
        submission.attachment.save(f"{submission.code}.pdf", ContentFile(PDF_BYTES))
    FeedbackSubmission.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=31)
    )
    FeedbackSubmission.objects.filter(pk=new.pk).update(
        created_at=timezone.now() - timedelta(days=29)
    )
    root = settings.FEEDBACK_ATTACHMENT_ROOT
    return old, new, root / old.attachment.name, root / new.attachment.name


def test_purge_deletes_old_submissions_and_their_files(old_and_new):
    old, new, old_file, new_file = old_and_new
    assert old_file.exists() and new_file.exists()
    out = StringIO()
    call_command("purge_feedback", stdout=out)

    assert list(FeedbackSubmission.objects.values_list("pk", flat=True)) == [new.pk]
    assert not old_file.exists()
    assert new_file.read_bytes() == PDF_BYTES
    assert "Deleted 1 submission(s) and 1 attachment(s)" in out.getvalue()


def test_dry_run_deletes_nothing(old_and_new):
    _old, _new, old_file, _new_file = old_and_new
    out = StringIO()
    call_command("purge_feedback", "--dry-run", stdout=out)

    assert FeedbackSubmission.objects.count() == 2
    assert old_file.exists()
    assert "1 submission(s)" in out.getvalue()


def test_days_option_overrides_the_setting(old_and_new):
    call_command("purge_feedback", "--days", "10", stdout=StringIO())
    assert not FeedbackSubmission.objects.exists()


def test_deleting_a_submission_anywhere_deletes_its_file(old_and_new):
    _old, new, _old_file, new_file = old_and_new
    new.delete()

    assert not new_file.exists()
