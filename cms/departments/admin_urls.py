"""URL patterns that shadow a few stock admin views with department-aware ones.

Included in cms/urls.py *before* Wagtail's admin URLs, at the same paths and
with the same names, so the guarded views answer and every `reverse()` keeps
pointing at the same address. See admin_views.py for what each one closes.
"""

from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import admin_views

urlpatterns = decorate_urlpatterns(
    [
        path("pages/<int:parent_page_id>/", admin_views.explore_page, name="wagtailadmin_explore"),
        path(
            "pages/<int:parent_page_id>/results/",
            admin_views.explore_page_results,
            name="wagtailadmin_explore_results",
        ),
        path(
            "choose-page/<int:parent_page_id>/",
            admin_views.DepartmentPageBrowseView.as_view(),
            name="wagtailadmin_choose_page_child",
        ),
        path(
            "choose-page/chosen-multiple/",
            admin_views.DepartmentChosenMultipleView.as_view(),
            name="wagtailadmin_choose_page_chosen_multiple",
        ),
        path(
            "localize/submit/page/<int:page_id>/",
            admin_views.DepartmentSubmitPageTranslationView.as_view(),
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            admin_views.DepartmentSubmitSnippetTranslationView.as_view(),
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            admin_views.DepartmentUpdateTranslationsView.as_view(),
        ),
        path(
            "localize/reports/translations/",
            admin_views.DepartmentTranslationsReportView.as_view(),
        ),
        path(
            "localize/reports/translations/results/",
            admin_views.DepartmentTranslationsReportView.as_view(results_only=True),
        ),
    ],
    require_admin_access,
)
