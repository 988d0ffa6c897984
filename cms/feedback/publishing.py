"""Answering with "publish": turn a submission into a live Q&A page.

The page gets only what the editor approved for the public — the question
as published, the answer, the topic and the dates — on the department's own
site (Vietnamese tree; an English version is an ordinary translation made
later in wagtail-localize). Publishing again updates the same page.
"""

import re
import unicodedata

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _

from cms.core.translation import translate
from cms.departments.provisioning import SECTIONS, TRANSLATION_LANGUAGE

from .models import FeedbackSubmission, QuestionAnswerIndexPage, QuestionAnswerPage

TITLE_MAX_CHARS = 120
SUMMARY_MAX_CHARS = 300


def ascii_slug(text, max_length=80):
    """'Hỏi về đất đai' -> 'hoi-ve-dat-dai' (đ has no decomposition: fold it by hand)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return slugify(text)[:max_length].strip("-") or "hoi-dap"


def _normalised(text):
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _digits(text):
    return re.sub(r"\D", "", text)


def personal_data_found(submission, *texts):
    """The sender's identifying values that appear in any of `texts`."""
    haystack = _normalised(" ".join(texts))
    haystack_digits = _digits(haystack)
    found = []
    for value in submission.personal_values():
        if value == submission.phone:
            digits = _digits(value)
            if len(digits) >= 6 and digits in haystack_digits:
                found.append(value)
        elif _normalised(value) in haystack:
            found.append(value)
    return found


def validate_publishable(submission):
    """Raise ValidationError (keyed by field) if the submission cannot be published."""
    errors = {}
    if not submission.consent_to_publish:
        # The form asks the sender; without a yes, even a reworded question stays
        # private (an FAQ written by the department is an ordinary page instead).
        errors["publish"] = _(
            "The sender did not agree to publish the question. Answer them without publishing."
        )
    if not submission.public_question.strip():
        errors["public_question"] = _("Write the question as it should appear on the site.")
    if not submission.answer.strip():
        errors["answer"] = _("Write the answer before publishing.")
    if submission.public_question and personal_data_found(submission, submission.public_question):
        errors["public_question"] = _(
            "The published question contains the sender's name, organisation, email or "
            "phone. Remove it first."
        )
    if submission.answer and personal_data_found(submission, submission.answer):
        errors["answer"] = _(
            "The answer contains the sender's name, organisation, email or phone. Remove it first."
        )
    if errors:
        raise ValidationError(errors)


def qa_index_for(department):
    """The department's Q&A index (vi), created like a provisioned section if missing."""
    home = department.site.root_page.specific
    index = QuestionAnswerIndexPage.objects.child_of(home).first()
    if index is not None:
        return index
    section = next(s for s in SECTIONS if s.model is QuestionAnswerIndexPage)
    index = QuestionAnswerIndexPage(title=section.title_vi, slug=section.slug_vi)
    home.add_child(instance=index)
    index.save_revision().publish()
    translate(
        index,
        TRANSLATION_LANGUAGE,
        {section.title_vi: section.title_en, section.slug_vi: section.slug_en},
    )
    return index


def _unique_slug(parent, base, exclude_pk=None):
    siblings = parent.get_children().exclude(pk=exclude_pk) if exclude_pk else parent.get_children()
    taken = set(siblings.values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def can_publish(user, submission):
    """May this user publish Q&A on the submission's department site?"""
    if submission.qa_page_id:
        return submission.qa_page.permissions_for_user(user).can_publish()
    return qa_index_for(submission.department).permissions_for_user(user).can_publish_subpage()


@transaction.atomic
def publish_answer(submission: FeedbackSubmission, user) -> QuestionAnswerPage:
    validate_publishable(submission)
    if not can_publish(user, submission):
        raise PermissionDenied(_("You cannot publish on this department's site."))

    question = submission.public_question.strip()
    now = timezone.now()
    answered_at = submission.answered_at or now
    title = Truncator(" ".join(question.split())).chars(TITLE_MAX_CHARS)
    values = {
        "title": title,
        "summary": Truncator(" ".join(question.split())).chars(SUMMARY_MAX_CHARS),
        "question": question,
        "answer": submission.answer,
        "topic_id": submission.field_id,
        "category": submission.topic,
        "asked_date": timezone.localdate(submission.created_at),
        "answered_date": timezone.localdate(answered_at),
    }

    page = submission.qa_page.specific if submission.qa_page_id else None
    if page is None:
        index = qa_index_for(submission.department)
        page = QuestionAnswerPage(slug=_unique_slug(index, ascii_slug(title)), **values)
        index.add_child(instance=page)
    else:
        for field, value in values.items():
            setattr(page, field, value)
    page.save_revision(user=user, log_action=True).publish(user=user)

    submission.qa_page = page
    submission.answered_at = answered_at
    submission.status = FeedbackSubmission.Status.ANSWERED
    submission.save(update_fields=["qa_page", "answered_at", "status", "updated_at"])
    return page
