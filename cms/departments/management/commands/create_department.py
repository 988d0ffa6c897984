from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_slug

from cms.departments.provisioning import provision_department


class Command(BaseCommand):
    help = (
        "Create (or update) a department: its Site with Vietnamese and English page trees, "
        "a media collection, editor and moderator groups and a moderation workflow."
    )

    def add_arguments(self, parser):
        parser.add_argument("--slug", required=True, help="Short ASCII name, e.g. so-khdt")
        parser.add_argument("--name-vi", required=True, help="Vietnamese name")
        parser.add_argument("--name-en", required=True, help="English name")
        parser.add_argument("--hostname", required=True, help="Host name of the site")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument(
            "--portal", action="store_true", help="This is the provincial portal itself"
        )

    def handle(self, *args, **options):
        try:
            validate_slug(options["slug"])
        except ValidationError as error:
            raise CommandError(f"Invalid --slug {options['slug']!r}: {error.messages[0]}") from None
        for key in ("name_vi", "name_en", "hostname"):
            if not options[key].strip():
                raise CommandError(f"--{key.replace('_', '-')} must not be empty")
        department = provision_department(
            slug=options["slug"],
            name_vi=options["name_vi"].strip(),
            name_en=options["name_en"].strip(),
            hostname=options["hostname"].strip(),
            port=options["port"],
            is_portal=options["portal"],
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Department {department.slug} ready: site {department.site.hostname}, "
                f"groups «{department.editors_group.name}» and «{department.moderators_group.name}»"
            )
        )
