"""Admin views that Wagtail and wagtail-localize leave open across departments.

Each class here is the stock view plus the one object check it lacks; the URL
patterns in `admin_urls.py` put them in front of the originals (same paths,
same names), so templates and JavaScript keep working unchanged.

- Explorer "pages/<id>/": Wagtail lets a user open any page under their
  explorable root, and a department holding a vi and an en tree has the tree
  root as that root, so another department's home would open (title, status,
  side panels) though its children stay hidden.
- Page chooser "browse into a page" and "chosen multiple": the stock views
  load any page id from the URL (Wagtail issue 9714: the chooser shows pages
  the user has no permission on). The listing itself is filtered by the
  `construct_page_chooser_queryset` hook in wagtail_hooks.py.
- wagtail-localize "translate this page/snippet" and "sync translations" only
  check the global `submit_translation` permission, so any editor could create
  or overwrite translations in another department's tree.
- wagtail-localize's translations report lists every translation of every site.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from wagtail.admin.views import chooser
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page
from wagtail_localize.views import report, submit_translations, update_translations

from .access import can_change_instance, can_explore_page, explorable_pages


def _explorer_view(view_name):
    stock_view = page_viewset_registry.as_view(view_name, parent_page_id_kwarg="parent_page_id")

    def view(request, parent_page_id):
        if not can_explore_page(request.user, parent_page_id):
            # What Wagtail does for pages outside the explorable root.
            return redirect("wagtailadmin_explore_root")
        return stock_view(request, parent_page_id=parent_page_id)

    return view


explore_page = _explorer_view("index")
explore_page_results = _explorer_view("index_results")


class DepartmentPageBrowseView(chooser.BrowseView):
    def get(self, request, parent_page_id=None):
        if parent_page_id is not None and not can_explore_page(request.user, parent_page_id):
            raise Http404
        return super().get(request, parent_page_id)


class DepartmentChosenMultipleView(chooser.ChosenMultipleView):
    def get(self, request):
        wanted = {pk for pk in request.GET.getlist("id") if pk.isdigit()}
        allowed = explorable_pages(request.user).filter(pk__in=wanted).count()
        if allowed != len(wanted):
            raise Http404
        return super().get(request)


class DepartmentSubmitPageTranslationView(submit_translations.SubmitPageTranslationView):
    def get_object(self):
        page = super().get_object()
        if not can_change_instance(self.request.user, page):
            raise PermissionDenied
        return page


class DepartmentSubmitSnippetTranslationView(submit_translations.SubmitSnippetTranslationView):
    def get_object(self):
        snippet = super().get_object()
        # Translating a snippet creates a new snippet in the target locale.
        if not can_change_instance(self.request.user, snippet, creating=True):
            raise PermissionDenied
        return snippet


class DepartmentUpdateTranslationsView(update_translations.UpdateTranslationsView):
    def get_object(self):
        source = super().get_object()
        try:
            instance = source.get_source_instance()
        except source.specific_content_type.model_class().DoesNotExist as error:
            raise Http404 from error
        if not can_change_instance(self.request.user, instance):
            raise PermissionDenied
        return source


class DepartmentTranslationsReportView(report.TranslationsReportView):
    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_superuser:
            return queryset
        # Translation sources point at pages by translation key; keep those of
        # pages the user can explore, and every (shared) non-page source.
        page_keys = explorable_pages(user).values("translation_key")
        return queryset.filter(
            Q(source__object_id__in=page_keys)
            | ~Q(source__object__content_type=ContentType.objects.get_for_model(Page))
        )
