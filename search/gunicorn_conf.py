"""gunicorn settings for the search API (`--config python:search.gunicorn_conf`).

Each worker process holds its own reader of the index (memory-mapped, so the
pages are shared between workers by the kernel). Sync workers: a search is
CPU-bound and short, and a reverse proxy in front buffers slow clients.
Override with SEARCH_WORKERS / SEARCH_BIND / SEARCH_TIMEOUT.
"""

import multiprocessing
import os

bind = os.environ.get("SEARCH_BIND", "127.0.0.1:8090")
workers = int(os.environ.get("SEARCH_WORKERS") or 2 * multiprocessing.cpu_count())
worker_class = "sync"
timeout = int(os.environ.get("SEARCH_TIMEOUT") or 30)
keepalive = 5
accesslog = None  # no addresses or queries in logs
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
