import time

from django.core.management.base import BaseCommand

from cms.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo: the Long An portal and three department subsites with news, legal "
        "documents, planning, investment projects, procedures, images, files and users for "
        "every role. Running it again creates only what is missing."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        report, credentials = load_demo()
        elapsed = time.monotonic() - started
        if report:
            self.stdout.write(self.style.SUCCESS("Created:"))
            for kind, number in sorted(report.items()):
                if number:
                    self.stdout.write(f"  {number:4d} {kind}")
        else:
            self.stdout.write(self.style.SUCCESS("Demo already loaded: nothing to create."))
        self.stdout.write(f"Done in {elapsed:.1f} s. Static sites: manage.py build_sites")
        self.stdout.write("")
        self.stdout.write(
            self.style.WARNING("Demo credentials (for trying Cổng only, never in production):")
        )
        width = max(len(username) for username, _password, _role in credentials)
        for username, password, role in credentials:
            self.stdout.write(f"  {username:<{width}}  {password:<18}  {role}")
        self.stdout.write("Admin: http://127.0.0.1:8000/admin/")
