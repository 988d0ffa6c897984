import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_remove_wagtail_welcome_page"),
        ("feedback", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(
            model_name="questionanswerpage", old_name="topic", new_name="category"
        ),
        migrations.AlterField(
            model_name="questionanswerpage",
            name="category",
            field=models.CharField(
                choices=[
                    ("procedure", "Administrative procedures"),
                    ("investment", "Investment"),
                    ("planning", "Planning"),
                    ("other", "Other"),
                ],
                default="other",
                max_length=20,
                verbose_name="category",
            ),
        ),
        migrations.AddField(
            model_name="questionanswerpage",
            name="topic",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="core.topic",
                verbose_name="field",
            ),
        ),
        migrations.AddField(
            model_name="feedbacksubmission",
            name="field",
            field=models.ForeignKey(
                blank=True,
                help_text="The field (lĩnh vực) the published question is listed under.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="core.topic",
                verbose_name="field",
            ),
        ),
    ]
