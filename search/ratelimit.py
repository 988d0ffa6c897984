"""Per-client token-bucket rate limiting for the search API (in memory, thread-safe)."""

import math
import threading
import time


class RateLimiter:
    """`rate` requests per second on average, bursts up to `burst`.

    allow(client) → 0 when the request may go ahead, else the whole seconds
    to wait (for a Retry-After header). Buckets of idle clients are dropped so
    memory stays bounded however many clients come and go.
    """

    def __init__(self, rate, burst, clock=time.monotonic, max_clients=100_000):
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self.rate, self.burst, self.clock = float(rate), float(burst), clock
        self.max_clients = max_clients
        self._buckets = {}  # client → (tokens, last time)
        self._lock = threading.Lock()

    def allow(self, client):
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[client] = (tokens - 1, now)
                if len(self._buckets) > self.max_clients:
                    self._prune(now)
                return 0
            self._buckets[client] = (tokens, now)
            return max(1, math.ceil((1 - tokens) / self.rate))

    def _prune(self, now):
        """Forget clients whose bucket has refilled completely (they are as good as new)."""
        full_after = self.burst / self.rate
        stale = [c for c, (_t, last) in self._buckets.items() if now - last >= full_after]
        for client in stale:
            del self._buckets[client]
