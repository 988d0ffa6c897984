"""Who may see and handle which submissions: each department only its own.

Model permissions (view/change/delete, granted to a department's groups at
provisioning) say *what* a user may do; this policy narrows *which*
submissions to those of the departments the user belongs to. Superusers see
all. Nobody creates submissions in the admin: they come from the public form.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from cms.departments.models import Department


def department_ids_for(user):
    return list(Department.objects.for_user(user).values_list("pk", flat=True))


class DepartmentScopedPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return user.is_superuser or instance.department_id in department_ids_for(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        if not self.user_has_any_permission(user, actions):
            return queryset.none()
        if user.is_superuser:
            return queryset
        return queryset.filter(department__in=department_ids_for(user))
