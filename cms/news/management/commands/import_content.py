from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from cms.departments.models import Department
from cms.news.importing.importer import NewsImporter


class Command(BaseCommand):
    help = (
        "Import news from a JSON Lines file (one article per line) or an RSS/Atom feed into a "
        "site's news section. Re-importing updates articles with the same source_url; articles "
        "stay drafts unless --publish. Images: only file:// URLs and paths relative to FILE "
        "are read; http(s) image URLs are skipped with a note."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="JSON Lines, RSS or Atom file")
        parser.add_argument("--site", required=True, help="Department slug, e.g. so-tc")
        parser.add_argument("--locale", required=True, help="Language of the articles: vi or en")
        parser.add_argument("--publish", action="store_true", help="Publish imported articles")

    def handle(self, *args, **options):
        department = Department.objects.filter(slug=options["site"]).select_related("site").first()
        if department is None:
            known = ", ".join(Department.objects.values_list("slug", flat=True)) or "none yet"
            raise CommandError(f"Unknown --site {options['site']!r} (known: {known})")
        locale = Locale.objects.filter(language_code=options["locale"]).first()
        if locale is None:
            known = ", ".join(Locale.objects.values_list("language_code", flat=True))
            raise CommandError(f"Unknown --locale {options['locale']!r} (known: {known})")
        path = Path(options["file"])
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror or error}") from None
        except UnicodeDecodeError as error:
            raise CommandError(f"{path} is not UTF-8 text ({error.reason})") from None
        try:
            importer = NewsImporter(
                department, locale, publish=options["publish"], base_dir=path.parent
            )
        except ValueError as error:
            raise CommandError(str(error)) from None

        summary = importer.run(raw)
        for where, note in summary.notes:
            self.stdout.write(f"{path.name}, {where}: {note}")
        for where, reason in summary.errors:
            self.stderr.write(f"{path.name}, {where}: {reason}")
        line = f"{path.name} → {department.slug} ({locale.language_code}): {summary.line()}"
        if summary.failed:
            self.stdout.write(self.style.WARNING(line))
            raise CommandError(f"{summary.failed} item(s) failed; see above", returncode=2)
        self.stdout.write(self.style.SUCCESS(line))
