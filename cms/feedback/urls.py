from django.urls import path

from . import views

urlpatterns = [
    path("api/feedback/", views.submit, name="feedback_submit"),
    path("api/feedback/<str:code>", views.status, name="feedback_status"),
    path("api/feedback/<str:code>/", views.status),
]
