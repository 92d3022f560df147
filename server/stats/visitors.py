"""Purpose: the anonymous visitor key. A visitor of a day is HMAC-SHA256(that day's salt, site, address,
user agent), cut to 128 bits, computed in memory when a batch arrives: the address and the user agent
are never stored, and the key alone cannot give them back. Salts are 16 random bytes per UTC day, kept
in the database (so every app process gives one visitor the same key) for the current and the previous
day only: once the purge deletes a salt, nobody (the operator included) can tell whether yesterday's
visitor is today's. `clock` is injectable (the tests move a day on).
"""
import datetime
import hashlib
import hmac
import secrets
import threading
import time

from ..storage import stats as store


def day_of(seconds):
    """The UTC day (YYYY-MM-DD) of a POSIX time."""
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%d")


class Visitors:
    def __init__(self, storage, site="astradia", clock=time.time):
        self.storage = storage
        self.site = site
        self.clock = clock
        self._salts = {}  # day -> bytes; today's and yesterday's at most
        self._lock = threading.Lock()

    def _salt(self, day):
        with self._lock:
            known = self._salts.get(day)
        if known is not None:
            return known
        value = bytes.fromhex(store.salt(self.storage, day, secrets.token_hex(16)))
        with self._lock:
            self._salts = {d: s for d, s in self._salts.items() if d > day_of(self.clock() - 2 * 86400)}
            self._salts[day] = value
        return value

    def key(self, address, user_agent, now=None):
        """The visitor key (32 hex digits) for this address and user agent on the day of `now`."""
        now = self.clock() if now is None else now
        message = "\n".join((self.site, address or "", user_agent or "")).encode("utf-8", "surrogateescape")
        return hmac.new(self._salt(day_of(now)), message, hashlib.sha256).hexdigest()[:32]
