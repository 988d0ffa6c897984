"""The dashboard counts the pages the user works on.

Wagtail counts every page under the user's "explorable root", which for a
department editor (permissions on its vi and en home pages) is the tree root:
every site's pages ("209 Pages" for an editor whose tree holds 54).
"""

from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry


class OwnPagesSummaryItem(PagesSummaryItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = self.request.user
        if user.is_superuser:
            return context
        # Explorable = the user's subtrees plus the ancestors needed to reach
        # them; the tree root (depth 1) is not a page anyone works on.
        pages = policy_registry.get_by_type(Page).explorable_instances(user).filter(depth__gt=1)
        context["total_pages"] = pages.count()
        home = pages.filter(locale=Locale.get_default()).order_by("depth", "path").first()
        if home is not None:
            context["root_page"] = home
            site = home.get_site()
            if site is not None:
                context["site_name"] = site.site_name or site.hostname
        return context
