"""Settings › Sites: each site's identity for the build, edited by province administrators.

Base URL, host names, publish target and search scope (and the unit's kind and
parent) are what build/siteconfig.py reads from the CMS. Only superusers and
the portal administrators group hold `change_department`; a department's own
editors and moderators do not, so no department can repoint its site (or
another's) at a different address or bucket. Sites are created and deleted by
provisioning (create_department, provision_sites), never here.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from .models import Department


class SiteIdentityPolicy(ModelPermissionPolicy):
    """The model permissions, minus add/delete/copy: provisioning owns those."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete", "copy"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def validate_cms_publish_target(value):
    """From the admin only "local" or an S3 URL: a folder path typed into a web form
    would let the publisher write anywhere the worker may write."""
    if value and value != "local" and not value.startswith("s3://"):
        raise ValidationError(
            _('Use "local" or an s3://bucket/prefix address; folders are set in sites/<slug>.toml.')
        )
    if value.startswith("s3://") and not value[len("s3://") :].split("/")[0]:
        raise ValidationError(_("The s3:// address needs a bucket name."))


class SiteIdentityForm(forms.ModelForm):
    class Meta:
        model = Department
        fields = ["kind", "parent", "base_url", "hostnames", "publish_target", "search_scope"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Department.objects.order_by("-is_portal", "name_vi")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["publish_target"].validators.append(validate_cms_publish_target)


class SiteIdentityIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("site")


def explore_url(department):
    return reverse("wagtailadmin_explore", args=[department.site.root_page_id])


class SiteIdentityViewSet(ModelViewSet):
    """Also the province's site switcher: find a site by name, open its pages."""

    index_view_class = SiteIdentityIndexView
    model = Department
    icon = "site"
    name = "site-identity"
    menu_label = _("Sites of the province")
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = [
        "name_vi",
        TitleColumn("pages", label=_("Pages"), accessor="slug", get_url=explore_url),
        Column("kind", label=_("kind"), accessor="get_kind_display", sort_key="kind"),
        "base_url",
        "search_scope",
    ]
    list_filter = ["kind"]
    search_fields = ["name_vi", "name_en", "slug"]
    search_backend_name = None
    ordering = ["-is_portal", "name_vi"]
    list_per_page = 50
    form_fields = SiteIdentityForm.Meta.fields

    def get_form_class(self, for_update=False):
        return SiteIdentityForm


site_identity_viewset = SiteIdentityViewSet()
