"""The admin form a department uses to handle a submission."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel

from .models import FeedbackSubmission
from .publishing import can_publish, validate_publishable


class SubmissionAdminForm(WagtailAdminModelForm):
    publish = forms.BooleanField(
        label=_("Publish on the department's site"),
        required=False,
        help_text=_(
            "Creates (or updates) a Q&A page with the question as published and the "
            "answer, and marks the question answered. No name or contact is published."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        department = self.instance.department if self.instance.department_id else None
        if "assignee" in self.fields:
            users = get_user_model().objects.filter(is_active=True)
            if department is not None:
                users = users.filter(
                    Q(groups=department.editors_group) | Q(groups=department.moderators_group)
                ).distinct()
            self.fields["assignee"].queryset = users.order_by("username")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("publish"):
            if cleaned.get("status") == FeedbackSubmission.Status.REJECTED:
                self.add_error("status", _("A rejected question cannot be published."))
                return cleaned
            self.instance.public_question = cleaned.get("public_question", "")
            self.instance.answer = cleaned.get("answer", "")
            try:
                validate_publishable(self.instance)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.add_error(field, message)
            if self.for_user is not None and not can_publish(self.for_user, self.instance):
                self.add_error(
                    "publish", _("You are not allowed to publish on this department's site.")
                )
        return cleaned


class SenderPanel(Panel):
    """What the sender wrote, read-only: it is evidence and is never edited."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "feedback/admin/sender_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["submission"] = self.instance
            return context
