"""A department (or the provincial portal) and everything provisioned for it.

One row ties together the Wagtail Site, the collection for its media, its two
groups and its workflow, so permission checks and the build can go from a user
or a page to "which department" without guessing from names.
"""

from urllib.parse import urlsplit

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Site, Workflow


class Kind(models.TextChoices):
    DEPARTMENT = "department", _("department")
    COMMUNE = "commune", _("commune or ward")
    AGENCY = "agency", _("agency")


class SearchScope(models.TextChoices):
    DEFAULT = "", _("default (sites/_default.toml)")
    SITE = "site", _("this site only")
    ALL = "all", _("every site of the province")


# The theme a site of each kind gets when no site file names one.
THEME_FOR_KIND = {Kind.COMMUNE: "commune"}


def validate_base_url(value):
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or value.endswith("/"):
        raise ValidationError(
            _("Enter an http(s) address without a trailing slash, e.g. https://soct.tayninh.gov.vn")
        )


def split_hostnames(value):
    return [host for host in value.replace(",", " ").split() if host]


def validate_hostnames(value):
    for host in split_hostnames(value):
        if "/" in host or ":" in host:
            raise ValidationError(_("%(host)s is not a host name."), params={"host": host})


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
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    # Address, phone and e-mail live on the site's home page (SiteHomePage): they are
    # published, translated with it, and Decree 42 wants them on the site.
    # The site's identity for the static build (build/siteconfig.py reads these
    # through cms/departments/buildconfig.py); sites/<slug>.toml may override them.
    base_url = models.CharField(
        _("base URL"),
        max_length=200,
        blank=True,
        validators=[validate_base_url],
        help_text=_("Public address of the site, e.g. https://soct.tayninh.gov.vn (no slash)."),
    )
    hostnames = models.CharField(
        _("host names"),
        max_length=500,
        blank=True,
        validators=[validate_hostnames],
        help_text=_("Every host name the site answers on, separated by spaces or commas."),
    )
    publish_target = models.CharField(
        _("publish target"),
        max_length=500,
        blank=True,
        help_text=_('Empty: the default. "local" (dist/ is live) or s3://bucket/prefix.'),
    )
    search_scope = models.CharField(
        _("search scope"), max_length=10, choices=SearchScope.choices, blank=True, default=""
    )

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["-is_portal", "slug"]

    def __str__(self):
        return self.name_vi

    def clean(self):
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A unit cannot be its own parent.")})

    def name(self, lang):
        return self.name_en if lang == "en" else self.name_vi

    @property
    def root_pages(self):
        """The site's home page in every locale (vi root and its translations)."""
        return self.site.root_page.get_translations(inclusive=True)
