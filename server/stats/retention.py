"""Purpose: the statistics' retention, run by the server's purge thread (server/cli.py): every final day
(before yesterday, UTC: no event can still arrive for it) is rolled up into the daily totals
(rollup.py), and so is every day about to lose its events; then raw events older than
stats.retention_days days (default 30) are deleted, and every daily salt but today's and yesterday's, so
a visitor key can never again be computed for an older day. The daily totals are kept (for years).
"""
import datetime
import time

from ..storage import stats as store
from . import rollup
from .visitors import day_of


def purge(storage, retention_days, now=None):
    """Returns (events deleted, salts deleted)."""
    now = time.time() if now is None else now
    today = datetime.date.fromisoformat(day_of(now))
    events_before = (today - datetime.timedelta(days=retention_days - 1)).isoformat()
    salts_before = (today - datetime.timedelta(days=1)).isoformat()
    rollup.roll_up_before(storage, max(rollup.final_day(today), events_before))
    return store.purge(storage, events_before, salts_before)
