"""Who may manage which best bets: the editors and moderators of their department.

Membership of a department's groups is the permission (no model permission
to grant at provisioning); superusers see all. A best bet of another
department is invisible, so its id reveals nothing.
"""

from wagtail.permission_policies import BasePermissionPolicy

from cms.departments.models import Department


def user_departments(user):
    if not user.is_authenticated or not user.is_active:
        return Department.objects.none()
    if user.is_superuser:
        return Department.objects.all()
    return Department.objects.for_user(user)


class DepartmentMemberPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return user_departments(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return user_departments(user).filter(pk=instance.department_id).exists()

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()

    def instances_user_has_any_permission_for(self, user, actions):
        return self.model._default_manager.filter(department__in=user_departments(user))
