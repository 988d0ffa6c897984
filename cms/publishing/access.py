"""Who sees which site's builds, and who may rebuild by hand."""

from cms.departments.models import Department
from cms.departments.provisioning import PORTAL_ADMINISTRATORS_GROUP


def is_publishing_administrator(user):
    """Superusers and the portal administrators group: every site, and the rebuild button."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=PORTAL_ADMINISTRATORS_GROUP).exists()


def visible_departments(user):
    """Departments whose builds the user may see: their own, or all for administrators."""
    if is_publishing_administrator(user):
        return Department.objects.all()
    return Department.objects.for_user(user)
