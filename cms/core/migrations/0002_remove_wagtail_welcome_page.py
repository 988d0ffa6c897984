"""Remove the "Welcome to Wagtail" page and its localhost Site.

Wagtail's first migration creates them; Cổng's sites are created by
`create_department` / `load_demo`, and the default site would otherwise take
the hostname a department wants.
"""

from django.db import migrations


def remove_welcome_page(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if page_type is None:
        return
    for page in Page.objects.filter(depth=2, content_type=page_type, slug="home", numchild=0):
        Site.objects.filter(root_page=page).delete()
        page.delete()
        root = Page.objects.get(depth=1)
        root.numchild = Page.objects.filter(depth=2, path__startswith=root.path).count()
        root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(remove_welcome_page, migrations.RunPython.noop)]
