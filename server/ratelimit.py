"""Purpose: per-client token buckets for the POST endpoints, in memory only (a client's address is
a dictionary key for a while and never written anywhere). Each client starts with `burst` tokens and
regains `per_second`; a request takes one. When it has none the answer is 429 with Retry-After.
At most `max_clients` buckets are kept: full (idle) ones are forgotten first, so memory stays bounded
under a flood of addresses.
"""
import math
import threading
import time


class TokenBuckets:
    def __init__(self, per_second, burst, max_clients=100000, clock=time.monotonic):
        self.rate = float(per_second)
        self.burst = float(burst)
        self.max_clients = max_clients
        self.clock = clock
        self._buckets = {}  # key -> [tokens, last time]
        self._lock = threading.Lock()  # a dictionary update: microseconds, never I/O

    def take(self, key):
        """0.0 when the request may go ahead (a token taken), else the seconds until the next token."""
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) >= self.max_clients:
                    self._forget(now)
                bucket = self._buckets[key] = [self.burst, now]
            tokens = min(self.burst, bucket[0] + (now - bucket[1]) * self.rate)
            bucket[1] = now
            if tokens >= 1.0:
                bucket[0] = tokens - 1.0
                return 0.0
            bucket[0] = tokens
            return (1.0 - tokens) / self.rate

    def _forget(self, now):
        """Drops buckets that have refilled (they hold no information), then the oldest half if
        that was not enough."""
        full = [k for k, (t, last) in self._buckets.items() if t + (now - last) * self.rate >= self.burst]
        for k in full:
            del self._buckets[k]
        if len(self._buckets) >= self.max_clients:
            oldest = sorted(self._buckets, key=lambda k: self._buckets[k][1])[: len(self._buckets) // 2]
            for k in oldest:
                del self._buckets[k]

    def __len__(self):
        return len(self._buckets)


def retry_after(seconds):
    """The Retry-After header value (whole seconds, at least 1)."""
    return str(max(1, math.ceil(seconds)))
