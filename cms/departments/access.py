"""Who may see which pages in the admin: one answer shared by every guard.

Wagtail's page permission policy already knows the "explorable" pages of a user
(pages they have a permission on, their descendants, and the ancestors needed
to reach them). A department's groups hold permissions on its vi and en home
pages only, so its explorable pages are its own two trees plus the tree root.
Portal administrators (permissions on the tree root) and superusers explore
everything. Choosers, translation views and reports reuse this one query, so
"what an editor may choose" never drifts from "what an editor may open".
"""

from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.permissions import get_permission_name


def explorable_pages(user):
    """Pages this user may see in the explorer, choosers and admin search."""
    return policy_registry.get_by_type(Page).explorable_instances(user)


def can_explore_page(user, page_id):
    return explorable_pages(user).filter(pk=page_id).exists()


def can_change_instance(user, instance, *, creating=False):
    """May this user change `instance` (a page, or a snippet / other model)?

    Pages follow the page tree permissions; snippets are shared across the
    portal, so department editors (who only hold `view`) may choose them but
    not edit or translate them.
    """
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    action = "add" if creating else "change"
    return user.has_perm(get_permission_name(action, type(instance)))
