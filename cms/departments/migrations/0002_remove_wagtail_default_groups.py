"""Remove Wagtail's default "Editors" and "Moderators" groups.

Wagtail's initial data gives them page permissions on the tree root, so anyone
added to them would edit every department's site. Cổng's groups are made per
department by provisioning (plus "Portal administrators"); the defaults are
deleted while nobody belongs to them, and left alone (with a clear name to look
for) if an installation already put users in them.
"""

from django.db import migrations


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group is not None and not group.user_set.exists():
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("departments", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
