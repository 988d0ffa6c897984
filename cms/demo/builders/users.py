"""Demo users for every role, with passwords printed by load_demo (demo only!)."""

from django.contrib.auth import get_user_model

# Printed by load_demo on purpose: these accounts exist only in a demo database.
ADMIN = ("admin", "admin-demo-2026")
ROLE_PASSWORD = "longan-demo-2026"  # noqa: S105


def build_users(departments, report):
    """Return [(username, password or None if it already existed, role)]."""
    User = get_user_model()
    credentials = []
    admin = User.objects.filter(username=ADMIN[0]).first()
    if admin is None:
        User.objects.create_superuser(ADMIN[0], "admin@longan.localhost", ADMIN[1])
        report.created("users")
    credentials.append((ADMIN[0], ADMIN[1], "superuser: every site"))
    for slug, department in departments.items():
        for role, group in (
            ("editor", department.editors_group),
            ("moderator", department.moderators_group),
        ):
            username = f"{slug}-{role}"
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(
                    username,
                    f"{username}@longan.localhost",
                    ROLE_PASSWORD,
                    first_name=role.capitalize(),
                    last_name=slug,
                )
                report.created("users")
            user.groups.add(group)
            credentials.append((username, ROLE_PASSWORD, f"{role} of {department.name_en}"))
    return credentials
