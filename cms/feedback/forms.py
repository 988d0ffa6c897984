"""Validation of a submission from the public form (JSON or plain POST)."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms.departments.models import Department

from .attachments import validate_attachment
from .models import FeedbackSubmission, FeedbackTopic

# Name of the field humans never see (hidden by CSS in the theme). Not
# "website" or "url": browsers' autofill must not fill it in for a person.
HONEYPOT_FIELD = "confirm_fax"
PHONE_RE = re.compile(r"^\+?[0-9 .()-]{8,20}$")
MESSAGE_MIN_LENGTH = 20
MESSAGE_MAX_LENGTH = 5000


class FeedbackForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=100)
    email = forms.EmailField(label=_("Email"), required=False, max_length=254)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=20)
    organisation = forms.CharField(label=_("Organisation"), required=False, max_length=200)
    topic = forms.ChoiceField(label=_("Topic"), choices=FeedbackTopic.choices)
    department = forms.CharField(label=_("Department"), max_length=50)
    message = forms.CharField(
        label=_("Message"),
        min_length=MESSAGE_MIN_LENGTH,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea,
    )
    attachment = forms.FileField(label=_("Attachment"), required=False)
    consent_to_publish = forms.BooleanField(
        label=_("I agree that my question may be published without my name or contact details"),
        required=False,
    )
    lang = forms.ChoiceField(choices=settings.LANGUAGES, required=False)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Enter your name."), code="required")
        return name

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_RE.match(phone):
            raise forms.ValidationError(
                _("Enter a phone number of 8 to 20 digits, e.g. 0276 3822 123."),
                code="invalid",
            )
        return phone

    def clean_department(self):
        slug = self.cleaned_data["department"].strip()
        department = Department.objects.filter(slug=slug).first()
        if department is None:
            raise forms.ValidationError(_("Choose a department from the list."), code="invalid")
        return department

    def clean_message(self):
        return self.cleaned_data["message"].strip()

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            validate_attachment(upload, settings.FEEDBACK_MAX_ATTACHMENT_BYTES)
        return upload

    def clean(self):
        cleaned = super().clean()
        has_contact = cleaned.get("email") or cleaned.get("phone")
        contact_invalid = self.has_error("email") or self.has_error("phone")
        if not has_contact and not contact_invalid:
            self.add_error(
                "email",
                forms.ValidationError(
                    _("Give an email address or a phone number so we can reply."),
                    code="contact_required",
                ),
            )
        return cleaned

    def save(self):
        data = self.cleaned_data
        submission = FeedbackSubmission(
            department=data["department"],
            language=data.get("lang") or "vi",
            topic=data["topic"],
            name=data["name"],
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            organisation=data.get("organisation", "").strip(),
            message=data["message"],
            consent_to_publish=bool(data.get("consent_to_publish")),
            public_question=data["message"] if data.get("consent_to_publish") else "",
        )
        while FeedbackSubmission.objects.filter(code=submission.code).exists():
            submission.code = FeedbackSubmission._meta.get_field("code").default()
        if data.get("attachment"):
            # upload_to names the file after the tracking code, set above.
            submission.attachment = data["attachment"]
        submission.save()
        return submission
