from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DepartmentsConfig(AppConfig):
    name = "cms.departments"
    label = "departments"
    verbose_name = _("Departments")

    def ready(self):
        from wagtail.models import ReferenceIndex

        from cms.core.models import SiteSettings

        # Wagtail indexes references from pages, images and documents only.
        # Site settings use images too (banner): indexing them lets the API
        # treat a banner as public media and shows the use in "Usage".
        ReferenceIndex.register_model(SiteSettings)

        from build import siteconfig

        from .buildconfig import site_settings

        # Base URL, host names, publish target and search scope of every site
        # come from the CMS; build/siteconfig.py asks through this function.
        siteconfig.register_cms_source(site_settings)
