from django.core.management.base import BaseCommand

from cms.searchpromotions.export import export_best_bets


class Command(BaseCommand):
    help = "Write the best bets for the search API (dist/best-bets.json)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="file to write (default: next to dist/sites.json)")

    def handle(self, *args, output=None, **options):
        path, count = export_best_bets(output)
        self.stdout.write(f"{count} best bet entries written to {path}")
