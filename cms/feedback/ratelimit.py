"""A fixed-window, per-IP request limit kept in Django's cache.

With the default per-process memory cache each worker counts on its own;
production should point CACHES at a shared cache (database or Redis).
"""

import time

from django.conf import settings
from django.core.cache import cache


def parse_rate(rate):
    """'5/600' -> (5, 600)."""
    count, _, seconds = str(rate).partition("/")
    return int(count), int(seconds or 60)


def client_ip(request):
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted
    # proxy rewrites it, and trusting it would let anyone dodge the limit.
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(request, scope="feedback", multiplier=1):
    """Count one request; return 0 if allowed, else seconds until the window ends."""
    limit, window = parse_rate(settings.FEEDBACK_RATE_LIMIT)
    limit *= multiplier
    now = int(time.time())
    window_start = now - now % window
    key = f"ratelimit:{scope}:{client_ip(request)}:{window_start}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        count = 1
    if count > limit:
        return max(1, window_start + window - now)
    return 0
