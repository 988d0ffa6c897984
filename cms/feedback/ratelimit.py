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


def trusted_proxies():
    """Addresses of our own reverse proxies (FEEDBACK_TRUSTED_PROXIES, a list).

    In production the CMS sits behind the province's TLS proxy, so REMOTE_ADDR
    is that proxy for every citizen: without this, one sender's five messages
    would block the whole province.
    """
    value = getattr(settings, "FEEDBACK_TRUSTED_PROXIES", ()) or ()
    if isinstance(value, str):
        value = value.split(",")
    return {address.strip() for address in value if address.strip()}


def client_ip(request):
    """REMOTE_ADDR, or, when that is a trusted proxy, the address it forwarded.

    X-Forwarded-For is written by the client unless a proxy of ours rewrites
    it, so only entries appended by trusted proxies count: walk it from the
    right (the entry the nearest proxy added) and stop at the first address
    that is not one of our proxies. Trusting the left-most entry would let
    anyone dodge the limit by sending their own header.
    """
    address = request.META.get("REMOTE_ADDR", "unknown")
    proxies = trusted_proxies()
    if address not in proxies:
        return address
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([a for a in forwarded if a]):
        if hop not in proxies:
            return hop
    return address


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
