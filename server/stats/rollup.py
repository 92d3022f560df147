"""Purpose: the statistics' daily rollups, the one place that turns raw events into countable rows.
Every figure of the report is a sum over rows (day, metric, a, b, n): "visitors" (distinct visitor keys
of the day), "views", "events", "sessions" (runs of one visitor key's events with at most SESSION_GAP
between one and the next), "event" (name, level) with "event_visitors", Sudoku's per-level "hints" and
"undos", "solve" and "gave_up" (level, seconds), Bricks' "score", "length" and "bricks_hints", "screen",
"page", "ref", "lang" and "theme" (distinct visitors), "set_theme" and "set_lang". day_rows() computes them
from raw events; roll_up() stores a day's in stats_daily (migration 7) once the day can get no more
events, and the purge rolls up every day before deleting its events, so the dashboard's old ranges come
from the rollups, which are kept for years and hold no visitor key. A visitor key is one day's (its
salt is), so summing the days' visitors over a range is exact; a session that crosses midnight counts
on both days.
"""
import datetime

from ..storage import stats as store, utc_now_iso

SESSION_GAP_MS = 30 * 60 * 1000
VIEWS = ("page_view", "app_screen")
SUDOKU_ENDS = ("sudoku_won", "sudoku_lost", "sudoku_abandoned")
# Metrics whose keys are whole numbers (stored as text): (metric, which key)
PER_DAY = ("visitors", "views", "events", "sessions")

_UNROLLED = " AND day NOT IN (SELECT day FROM stats_rolled)"

# metric -> (SELECT of (day, a, b, n), extra parameters); `w` is the range condition
_QUERIES = (
    ("visitors", "SELECT day, '', '', COUNT(DISTINCT visitor) FROM stats_events WHERE {w} GROUP BY day", ()),
    ("views", "SELECT day, '', '', COUNT(*) FROM stats_events WHERE {w} AND name IN (?, ?) GROUP BY day", VIEWS),
    ("events", "SELECT day, '', '', COUNT(*) FROM stats_events WHERE {w} GROUP BY day", ()),
    ("event", "SELECT day, name, level, COUNT(*) FROM stats_events WHERE {w} GROUP BY day, name, level", ()),
    ("event_visitors", "SELECT day, name, level, COUNT(DISTINCT visitor) FROM stats_events WHERE {w} "
                       "GROUP BY day, name, level", ()),
    ("hints", "SELECT day, level, '', SUM(hints) FROM stats_events WHERE {w} AND name IN (?, ?, ?) "
              "GROUP BY day, level", SUDOKU_ENDS),
    ("undos", "SELECT day, level, '', SUM(undos) FROM stats_events WHERE {w} AND name IN (?, ?, ?) "
              "AND undos IS NOT NULL GROUP BY day, level", SUDOKU_ENDS),
    ("solve", "SELECT day, level, duration, COUNT(*) FROM stats_events WHERE {w} AND name = ? "
              "GROUP BY day, level, duration", ("sudoku_won",)),
    ("gave_up", "SELECT day, level, duration, COUNT(*) FROM stats_events WHERE {w} AND name = ? "
                "GROUP BY day, level, duration", ("sudoku_abandoned",)),
    ("score", "SELECT day, score, '', COUNT(*) FROM stats_events WHERE {w} AND name = ? GROUP BY day, score",
     ("bricks_over",)),
    ("length", "SELECT day, duration, '', COUNT(*) FROM stats_events WHERE {w} AND name = ? "
               "AND duration IS NOT NULL GROUP BY day, duration", ("bricks_over",)),
    ("bricks_hints", "SELECT day, '', '', SUM(hints) FROM stats_events WHERE {w} AND name = ? "
                     "AND hints IS NOT NULL GROUP BY day", ("bricks_over",)),
    ("screen", "SELECT day, screen, '', COUNT(*) FROM stats_events WHERE {w} AND name = ? GROUP BY day, screen",
     ("app_screen",)),
    ("page", "SELECT day, path, '', COUNT(*) FROM stats_events WHERE {w} AND name = ? GROUP BY day, path",
     ("page_view",)),
    ("ref", "SELECT day, ref, '', COUNT(*) FROM stats_events WHERE {w} AND name = ? GROUP BY day, ref",
     ("page_view",)),
    ("lang", "SELECT day, lang, '', COUNT(DISTINCT visitor) FROM stats_events WHERE {w} AND name = ? "
             "GROUP BY day, lang", ("app_screen",)),
    ("theme", "SELECT day, theme, '', COUNT(DISTINCT visitor) FROM stats_events WHERE {w} AND name = ? "
              "GROUP BY day, theme", ("app_screen",)),
    ("set_theme", "SELECT day, theme, '', COUNT(*) FROM stats_events WHERE {w} AND name = ? GROUP BY day, theme",
     ("settings_changed",)),
    ("set_lang", "SELECT day, lang, '', COUNT(*) FROM stats_events WHERE {w} AND name = ? GROUP BY day, lang",
     ("settings_changed",)),
)


# Distributions (the medians' and the histogram's counts per value): a value is kept to two significant
# digits (exact below 100: 1234 s counts as 1200), so a day has at most a few hundred rows of each
# however many games it had, and a 90-day range stays a quick sum. The medians are then at most 10 %
# low, exact for the values below 100.
BUCKETED = {"solve": "b", "gave_up": "b", "score": "a", "length": "a"}


def bucket(value):
    """`value` (a whole number >= 0) to two significant digits, rounded down; exact below 100."""
    if value < 100:
        return value
    step = 10 ** (len(str(value)) - 2)
    return value // step * step


def _key(value):
    return "" if value is None else str(value)


_MS = ("CAST(substr(t, 12, 2) AS INTEGER) * 3600000 + CAST(substr(t, 15, 2) AS INTEGER) * 60000 + "
       "CAST(substr(t, 18, 2) AS INTEGER) * 1000 + CAST(substr(t, 21, 3) AS INTEGER)")  # ms since midnight of t


def _sessions_sql(where):
    """(day, '', '', sessions) of the raw events in `where`: a visitor key's events in time order start a
    new session when more than SESSION_GAP_MS passed since the one before (a window query, the same text
    on both engines)."""
    return (f"SELECT day, '', '', COUNT(*) FROM (SELECT day, ms, LAG(ms) OVER (PARTITION BY day, visitor ORDER BY t)"
            f" AS prev FROM (SELECT day, visitor, t, {_MS} AS ms FROM stats_events WHERE {where}) e) s"
            f" WHERE prev IS NULL OR ms - prev > {SESSION_GAP_MS} GROUP BY day")


def day_rows(storage, days, metrics=None):
    """[(day, metric, a, b, n)] of the raw events of `days` (a list of YYYY-MM-DD), with n > 0; only
    `metrics` when given. The days are named one by one, so each query reads them by the index."""
    if not days:
        return []
    where = "day IN (" + ", ".join("?" * len(days)) + ")"
    out = []
    for metric, sql, extra in _QUERIES:
        if metrics is not None and metric not in metrics:
            continue
        rows = store.read(storage, sql.format(w=where), (*days, *extra))
        if metric in BUCKETED:
            merged = {}
            for day, a, b, n in rows:
                if BUCKETED[metric] == "a" and a is not None:
                    a = bucket(int(a))
                elif b is not None:
                    b = bucket(int(b))
                merged[(day, a, b)] = merged.get((day, a, b), 0) + int(n or 0)
            rows = [(*k, n) for k, n in merged.items()]
        for day, a, b, n in rows:
            if n:
                out.append((day, metric, _key(a), _key(b), int(n)))
    if metrics is None or "sessions" in metrics:
        for day, a, b, n in store.read(storage, _sessions_sql(where), tuple(days)):
            out.append((day, "sessions", a, b, int(n)))
    return out


def roll_up(storage, day, now=None):
    """Stores the rollup of `day` (text), replacing an earlier one; returns how many rows."""
    rows = day_rows(storage, [day])
    stamp = utc_now_iso(now)

    def write(tx):
        tx.execute_count("DELETE FROM stats_daily WHERE day = ?", (day,))
        for i in range(0, len(rows), 200):  # multi-row INSERTs: few round trips to PostgreSQL
            part = rows[i:i + 200]
            tx.execute_count("INSERT INTO stats_daily (day, metric, a, b, n) VALUES "
                             + ", ".join(["(?, ?, ?, ?, ?)"] * len(part)), [v for row in part for v in row])
        tx.execute_count("DELETE FROM stats_rolled WHERE day = ?", (day,))
        tx.execute_count("INSERT INTO stats_rolled (day, rolled) VALUES (?, ?)", (day, stamp))
        return len(rows)

    return storage._write(write)


def roll_up_before(storage, before):
    """Rolls up every day before `before` (text) that has raw events and no rollup yet; returns the days."""
    days = [r[0] for r in store.read(storage, "SELECT DISTINCT day FROM stats_events WHERE day < ?" + _UNROLLED
                                     + " ORDER BY day", (before,))]
    for day in days:
        roll_up(storage, day)
    return days


def final_day(today):
    """The first day that may still get events on `today` (a date): an event may be a day old when it
    arrives, so yesterday may; the days before it are final."""
    return (today - datetime.timedelta(days=1)).isoformat()


def unrolled(storage, first, last):
    """The days first..last (text) that are not rolled up, in order."""
    rolled = {r[0] for r in store.read(storage, "SELECT day FROM stats_rolled WHERE day BETWEEN ? AND ?",
                                       (first, last))}
    a, b = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
    days = (a + datetime.timedelta(days=i) for i in range((b - a).days + 1))
    return [d for d in (x.isoformat() for x in days) if d not in rolled]


def per_day(storage, first, last):
    """{(day, metric): n} of the per-day metrics (PER_DAY) of the days first..last (text)."""
    daily = {}
    for d, m, n in store.read(storage, "SELECT day, metric, n FROM stats_daily WHERE day BETWEEN ? AND ? "
                              "AND metric IN (?, ?, ?, ?)", (first, last, *PER_DAY)):
        daily[(d, m)] = int(n)
    for d, m, _, _, n in day_rows(storage, unrolled(storage, first, last), metrics=PER_DAY):
        daily[(d, m)] = daily.get((d, m), 0) + n
    return daily


def figures(storage, first, last):
    """The rows of the days first..last (text) summed: ({(metric, a, b): n}, {(day, metric): n} of the
    per-day metrics). Rolled-up days come from stats_daily (summed by the database), the others from the
    raw events."""
    sums, daily = {}, {}
    for m, a, b, n in store.read(storage, "SELECT metric, a, b, SUM(n) FROM stats_daily WHERE day BETWEEN ? AND ? "
                                 "GROUP BY metric, a, b", (first, last)):
        sums[(m, a, b)] = int(n)
    for d, m, n in store.read(storage, "SELECT day, metric, n FROM stats_daily WHERE day BETWEEN ? AND ? "
                              "AND metric IN (?, ?, ?, ?)", (first, last, *PER_DAY)):
        daily[(d, m)] = int(n)
    for d, m, a, b, n in day_rows(storage, unrolled(storage, first, last)):
        sums[(m, a, b)] = sums.get((m, a, b), 0) + n
        if m in PER_DAY:
            daily[(d, m)] = daily.get((d, m), 0) + n
    return sums, daily


def event_days(storage, first, last):
    """[(day, event, level, events, visitors)] of the days first..last (text) in order: the CSV export's
    rows, from the rollups and the raw events alike."""
    found = {}
    stored = store.read(storage, "SELECT day, metric, a, b, n FROM stats_daily WHERE day BETWEEN ? AND ? "
                        "AND metric IN (?, ?)", (first, last, "event", "event_visitors"))
    raw = day_rows(storage, unrolled(storage, first, last), metrics=("event", "event_visitors"))
    for day, metric, name, level, n in list(stored) + raw:
        row = found.setdefault((day, name, level), [0, 0])
        row[metric == "event_visitors"] += int(n)
    return [(*k, *v) for k, v in sorted(found.items())]
