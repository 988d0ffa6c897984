"""Wagtail admin for submissions, scoped to the user's own departments.

Every view that takes an object id answers 404 for a submission of another
department, so ids from elsewhere reveal nothing; the listing shows only the
user's departments (superusers: all).
"""

from django.http import FileResponse, Http404
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from .admin_forms import SenderPanel, SubmissionAdminForm
from .models import FeedbackSubmission
from .publishing import publish_answer

VISIBLE_ACTIONS = ["view", "change", "delete"]


def visible_submissions(user):
    policy = policy_registry.get_by_type(FeedbackSubmission)
    return policy.instances_user_has_any_permission_for(user, VISIBLE_ACTIONS)


class DepartmentScopedObjectMixin:
    def dispatch(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not visible_submissions(request.user).filter(pk=pk).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class SubmissionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return visible_submissions(self.request.user).select_related("department", "assignee")


class SubmissionEditView(DepartmentScopedObjectMixin, generic.EditView):
    def save_instance(self):
        instance = super().save_instance()
        if instance.status == FeedbackSubmission.Status.ANSWERED and not instance.answered_at:
            instance.answered_at = timezone.now()
            instance.save(update_fields=["answered_at"])
        if self.form.cleaned_data.get("publish"):
            publish_answer(instance, self.request.user)
        return instance


class SubmissionDeleteView(DepartmentScopedObjectMixin, generic.DeleteView):
    pass


class SubmissionHistoryView(DepartmentScopedObjectMixin, history.HistoryView):
    pass


class SubmissionUsageView(DepartmentScopedObjectMixin, usage.UsageView):
    pass


class AttachmentView(DepartmentScopedObjectMixin, View):
    """Download a submission's attachment (it has no public URL)."""

    def get(self, request, pk):
        submission = visible_submissions(request.user).get(pk=pk)
        if not submission.attachment:
            raise Http404
        try:
            handle = submission.attachment.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        return FileResponse(
            handle,
            as_attachment=True,
            filename=submission.attachment.name.rsplit("/", 1)[-1],
        )


class FeedbackSubmissionViewSet(ModelViewSet):
    model = FeedbackSubmission
    name = "feedback_submission"
    icon = "mail"
    menu_label = _("Questions and feedback")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = SubmissionIndexView
    edit_view_class = SubmissionEditView
    delete_view_class = SubmissionDeleteView
    history_view_class = SubmissionHistoryView
    usage_view_class = SubmissionUsageView
    list_display = ["code", "topic", "status", "department", "assignee", "created_at"]
    list_filter = ["status", "topic"]
    search_fields = ["code"]
    edit_handler = ObjectList(
        [
            SenderPanel(heading=_("From the sender")),
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("assignee"), FieldPanel("internal_notes")],
                heading=_("Handling"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("public_question"),
                    FieldPanel("answer"),
                    FieldPanel("field"),
                    FieldPanel("publish"),
                ],
                heading=_("Answer"),
            ),
        ],
        base_form_class=SubmissionAdminForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "attachment/<int:pk>/",
                AttachmentView.as_view(),
                name="attachment",
            ),
        ]
