"""A department (or the provincial portal) and everything provisioned for it.

One row ties together the Wagtail Site, the collection for its media, its two
groups and its workflow, so permission checks and the build can go from a user
or a page to "which department" without guessing from names.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Site, Workflow


class DepartmentQuerySet(models.QuerySet):
    def for_user(self, user):
        """Departments whose editors or moderators include this user."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            models.Q(editors_group__user=user) | models.Q(moderators_group__user=user)
        ).distinct()


class Department(models.Model):
    slug = models.SlugField(
        _("slug"),
        max_length=50,
        unique=True,
        help_text=_("Used in folder names and URLs of the static build, e.g. so-khdt."),
    )
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255)
    is_portal = models.BooleanField(
        _("provincial portal"),
        default=False,
        help_text=_("The portal aggregates content from every department."),
    )
    site = models.OneToOneField(
        Site, verbose_name=_("site"), on_delete=models.PROTECT, related_name="department"
    )
    collection = models.OneToOneField(
        Collection,
        verbose_name=_("collection"),
        on_delete=models.PROTECT,
        related_name="department",
    )
    editors_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="edited_department"
    )
    moderators_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="moderated_department"
    )
    workflow = models.ForeignKey(Workflow, null=True, blank=True, on_delete=models.SET_NULL)

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["-is_portal", "slug"]

    def __str__(self):
        return self.name_vi

    def name(self, lang):
        return self.name_en if lang == "en" else self.name_vi

    @property
    def root_pages(self):
        """The site's home page in every locale (vi root and its translations)."""
        return self.site.root_page.get_translations(inclusive=True)
