"""A "your page is live" message waiting for a user's next admin page load.

Workflow approval publishes inside the moderator's request, but the submitter
is somewhere else (or signed out): the notice is kept here until one of their
requests shows it (middleware.py), in their admin language at that time.
"""

from django.conf import settings
from django.db import models
from wagtail.models import Page


class LiveNotice(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"live notice for page {self.page_id}"
