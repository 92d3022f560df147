"""Purpose: the statistics' retention, run by the server's purge thread (server/cli.py): raw events
older than stats.retention_days days (default 30) are deleted, and every daily salt but today's and
yesterday's (UTC), so a visitor key can never again be computed for an older day.
"""
import datetime
import time

from ..storage import stats as store
from .visitors import day_of


def purge(storage, retention_days, now=None):
    """Returns (events deleted, salts deleted)."""
    now = time.time() if now is None else now
    today = datetime.date.fromisoformat(day_of(now))
    events_before = (today - datetime.timedelta(days=retention_days - 1)).isoformat()
    salts_before = (today - datetime.timedelta(days=1)).isoformat()
    return store.purge(storage, events_before, salts_before)
