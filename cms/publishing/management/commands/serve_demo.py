"""Serve everything `make demo` shows: the CMS, the static sites, the search API, the scheduler.

Four child processes on loopback; Ctrl-C (or any child exiting) stops all of them.
The scheduler (cms/scheduler) runs publish_scheduled every minute, so a page
scheduled in the admin goes live (and expires) on the static sites by itself.
"""

import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = (
        "Run the CMS (8000), the static sites (8080), the search API (8090) "
        "and the scheduler together."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--cms-port", type=int, default=8000)
        parser.add_argument("--sites-port", type=int, default=8080)
        parser.add_argument("--search-port", type=int, default=8090)

    def handle(self, *args, host, cms_port, sites_port, search_port, **options):
        python = sys.executable
        commands = {
            "cms": [python, "manage.py", "runserver", "--noreload", f"{host}:{cms_port}"],
            "sites": [python, "manage.py", "serve_sites", "--port", str(sites_port)],
            "search": [python, "-m", "search.api", "--host", host, "--port", str(search_port)],
            "scheduler": [python, "manage.py", "run_scheduler"],
        }
        # Ctrl-C, or SIGTERM from a supervisor; set explicitly because a shell
        # that starts us in the background leaves SIGINT ignored.
        signal.signal(signal.SIGINT, _raise_keyboard_interrupt)
        signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
        children = {name: subprocess.Popen(cmd) for name, cmd in commands.items()}
        self.stdout.write(
            self.style.SUCCESS(
                f"\nCMS admin      http://{host}:{cms_port}/admin/\n"
                f"Static sites   http://{host}:{sites_port}/\n"
                f"Search API     http://{host}:{search_port}/api/search?q=dau+tu\n"
                "Scheduler      publish_scheduled every minute (manage.py run_scheduler --list)\n"
                "Ctrl-C stops all four.\n"
            )
        )
        try:
            while all(child.poll() is None for child in children.values()):
                time.sleep(0.5)
            stopped = [name for name, child in children.items() if child.poll() is not None]
            self.stderr.write(f"{', '.join(stopped)} stopped; stopping the others.")
        except KeyboardInterrupt:
            pass
        finally:
            for child in children.values():
                if child.poll() is None:
                    child.terminate()
            for child in children.values():
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()
