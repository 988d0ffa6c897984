from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from cms.departments.models import Department
from cms.news.importing.importer import NewsImporter
from cms.news.importing.sources import ImportLineError, read_items, read_text_article


def _read(path):
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise CommandError(f"{path} is not UTF-8 text ({error.reason})") from None


def _text_items(paths):
    for path in paths:
        try:
            yield path.name, read_text_article(_read(path), path.name)
        except CommandError as error:  # one unreadable file does not stop the others
            yield path.name, ImportLineError(str(error))


class Command(BaseCommand):
    help = (
        "Import news into a site's news section from a JSON Lines file (one article per line), "
        "an RSS/Atom feed, or plain text (a .txt file or a folder of them, one article per "
        "file: title on the first line that is not page clutter, one paragraph per line). "
        "Old portals' clutter (language switches, share widgets, related news, date, byline, "
        "source and caption lines, repeated blocks) is cleaned and reported (--verbose). "
        "Re-importing updates articles with the same source_url (or file name); articles "
        "stay drafts unless --publish. Images: only file:// URLs and paths relative to FILE "
        "are read; http(s) image URLs are skipped with a note."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", metavar="FILE", help="JSON Lines, RSS, Atom, a .txt file or a folder of .txt"
        )
        parser.add_argument("--site", required=True, help="Department slug, e.g. so-tc")
        parser.add_argument("--locale", required=True, help="Language of the articles: vi or en")
        parser.add_argument("--publish", action="store_true", help="Publish imported articles")
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would be imported; change nothing"
        )
        parser.add_argument(
            "--verbose", action="store_true", help="List every dropped line, per file"
        )

    def _items(self, path):
        if path.is_dir():
            files = sorted(path.glob("*.txt"))
            if not files:
                raise CommandError(f"{path} has no .txt files")
            return _text_items(files), path
        raw = _read(path)
        if path.suffix.lower() == ".txt":
            return _text_items([path]), path.parent
        return read_items(raw), path.parent

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
        items, base_dir = self._items(path)
        try:
            importer = NewsImporter(
                department,
                locale,
                publish=options["publish"],
                base_dir=base_dir,
                dry_run=options["dry_run"],
            )
        except ValueError as error:
            raise CommandError(str(error)) from None

        summary = importer.run(items)
        self._report(path, summary, verbose=options["verbose"])
        verb = "would be" if options["dry_run"] else ""
        line = f"{path.name} → {department.slug} ({locale.language_code}): {summary.line()}"
        if verb:
            line += " (dry run: nothing was changed)"
        if summary.failed:
            self.stdout.write(self.style.WARNING(line))
            raise CommandError(f"{summary.failed} item(s) failed; see above", returncode=2)
        self.stdout.write(self.style.SUCCESS(line))

    def _report(self, path, summary, *, verbose):
        for where, lines in summary.previews:
            self.stdout.write(f"{path.name}, {where}:")
            for line in lines:
                self.stdout.write(f"  {line}")
        for where, note in summary.notes:
            self.stdout.write(f"{path.name}, {where}: {note}")
        dropped = {}
        for where, line in summary.dropped:
            dropped.setdefault(where, []).append(line)
        for where, lines in dropped.items():
            if verbose:
                for line in lines:
                    self.stdout.write(f"{path.name}, {where}: dropped {line}")
            else:
                self.stdout.write(
                    f"{path.name}, {where}: {len(lines)} line(s) of page clutter dropped "
                    "(--verbose lists them)"
                )
        for where, reason in summary.errors:
            self.stderr.write(f"{path.name}, {where}: {reason}")
