from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.departments.bulk import COLUMNS, CsvFormatError, apply, plan, read_rows
from cms.departments.provisioning import provision_department


class Command(BaseCommand):
    help = (
        "Create or update many subsites from a CSV file (columns: "
        + ",".join(COLUMNS)
        + "), each through the same code as create_department. A bad row is reported "
        "with its line number and the other rows still go in; running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--csv", required=True, help="UTF-8 CSV file; '#' lines are comments")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and print the plan only"
        )

    def handle(self, *args, **options):
        path = Path(options["csv"])
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: cannot read it as UTF-8: {error}") from None
        try:
            rows = plan(read_rows(text))
        except CsvFormatError as error:
            raise CommandError(f"{path}: {error}") from None
        if not options["dry_run"]:
            apply(rows, provision_department)
        dry = options["dry_run"]
        counts = {"create": 0, "update": 0, "unchanged": 0}
        failed = [row for row in rows if row.errors]
        for row in rows:
            if row.errors:
                continue
            counts[row.action] += 1
            if row.action != "unchanged":
                self.stdout.write(
                    f"{path}:{row.line}: {'would ' if dry else ''}{row.action} {row.slug}"
                )
        for row in failed:
            slug = row.values["slug"] or "?"
            self.stderr.write(f"{path}:{row.line}: {slug}: " + "; ".join(row.errors))
        created, updated = ("to create", "to update") if dry else ("created", "updated")
        summary = (
            f"{len(rows)} rows: {counts['create']} {created}, {counts['update']} {updated}, "
            f"{counts['unchanged']} unchanged, {len(failed)} with errors"
        )
        if failed:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
