"""Purpose: the figures of a range of days, the one source of the dashboard (dashboard.py), the text
report (`python3 -m server stats`) and the tests: visitors and views per day, the same totals for the
previous period of the same length, Sudoku games per level (started, won, lost, abandoned, win rate,
median solve time, median time before giving up), Bricks games (score histogram, median score and
length), hints, consent outcomes (from the consent receipts), the app's screens, the site's pages and referrers, languages, themes and settings
changes. Each figure is one grouped query over stats_events (server/storage/stats.py); medians are
exact, read from counts per value.
"""
import datetime
import json

from ..storage import stats as store
from .events import LEVELS

VIEWS = ("page_view", "app_screen")
SUDOKU_ENDS = ("sudoku_won", "sudoku_lost", "sudoku_abandoned")


def parse_day(text):
    return datetime.date.fromisoformat(text)


def day_range(last, days):
    """(first, last) days as date objects, `days` long, ending with `last`."""
    return last - datetime.timedelta(days=days - 1), last


def median(counts):
    """The median of {value: count} (the lower middle value for an even total); None when empty."""
    total = sum(counts.values())
    if total <= 0:
        return None
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if 2 * seen >= total:
            return value
    return None  # pragma: no cover


def histogram(counts, bins=10):
    """[(low, high, count)] covering 0..max with at most `bins` bins of a round width (1, 2, 5, 10, 20...)."""
    if not counts:
        return []
    top = max(counts)
    width, steps = 1, (2, 2.5, 2)  # 1, 2, 5, 10, 20, 50...
    i = 0
    while width * bins <= top:
        width = int(width * steps[i % 3])
        i += 1
    out = [[k * width, (k + 1) * width - 1, 0] for k in range(top // width + 1)]
    for value, n in counts.items():
        out[value // width][2] += n
    return [tuple(b) for b in out]


def _totals(storage, first, last):
    rows = store.read(storage, "SELECT COUNT(DISTINCT visitor), SUM(CASE WHEN name IN (?, ?) THEN 1 ELSE 0 END), "
                      "COUNT(*) FROM stats_events WHERE day BETWEEN ? AND ?", (*VIEWS, first, last))
    visitors, views, events = rows[0]
    return {"visitors": int(visitors or 0), "views": int(views or 0), "events": int(events or 0)}


def consent_outcomes(storage, first, last, site="astradia"):
    """[(outcome, count)] of the consent banner's answers on the site in the range, from the consent
    receipts the server keeps anyway (never their record ids): "accept" (statistics and ads), "reject"
    (neither) or "custom"; a first answer and each change count, a withdrawal is a "reject"."""
    end = (last + datetime.timedelta(days=1)).isoformat()
    counts = {"accept": 0, "reject": 0, "custom": 0}
    for choices, n in store.read(storage, "SELECT choices, COUNT(*) FROM receipts WHERE site = ? AND received >= ? "
                                 "AND received < ? GROUP BY choices", (site, first.isoformat(), end)):
        c = json.loads(choices)
        key = "accept" if c.get("statistics") and c.get("ads") else \
            "reject" if not c.get("statistics") and not c.get("ads") else "custom"
        counts[key] += int(n)
    return list(counts.items())


def figures(storage, first, last):
    """The figures of the days first..last (dates, inclusive) as a plain dict."""
    a, b = first.isoformat(), last.isoformat()
    span = (last - first).days + 1
    prev_first, prev_last = first - datetime.timedelta(days=span), first - datetime.timedelta(days=1)
    where = " FROM stats_events WHERE day BETWEEN ? AND ?"

    per_day = {r[0]: (int(r[1]), int(r[2] or 0)) for r in store.read(
        storage, "SELECT day, COUNT(DISTINCT visitor), SUM(CASE WHEN name IN (?, ?) THEN 1 ELSE 0 END)" + where
        + " GROUP BY day", (*VIEWS, a, b))}
    days = []
    for i in range(span):
        d = (first + datetime.timedelta(days=i)).isoformat()
        visitors, views = per_day.get(d, (0, 0))
        days.append({"day": d, "visitors": visitors, "views": views})

    sudoku = {level: {"started": 0, "won": 0, "lost": 0, "abandoned": 0, "hints": 0, "solve": {}, "gave_up": {}}
              for level in LEVELS}
    for name, level, n in store.read(storage, "SELECT name, level, COUNT(*)" + where
                                     + " AND name IN (?, ?, ?, ?) GROUP BY name, level",
                                     (a, b, "sudoku_started", *SUDOKU_ENDS)):
        if level in sudoku:
            sudoku[level][name.split("_", 1)[1]] += int(n)
    for name, level, duration, hints, n in store.read(
            storage, "SELECT name, level, duration, hints, COUNT(*)" + where
            + " AND name IN (?, ?, ?) GROUP BY name, level, duration, hints", (a, b, *SUDOKU_ENDS)):
        if level not in sudoku:
            continue
        row = sudoku[level]
        row["hints"] += int(hints or 0) * int(n)
        key = "solve" if name == "sudoku_won" else "gave_up" if name == "sudoku_abandoned" else None
        if key:
            row[key][int(duration)] = row[key].get(int(duration), 0) + int(n)
    for level, row in sudoku.items():
        ended = row["won"] + row["lost"] + row["abandoned"]
        row["win_rate"] = row["won"] / ended if ended else None
        row["abandon_rate"] = row["abandoned"] / ended if ended else None
        row["median_solve"] = median(row.pop("solve"))
        row["median_gave_up"] = median(row.pop("gave_up"))

    scores, lengths, bricks_hints, over = {}, {}, 0, 0
    for score, duration, hints, n in store.read(storage, "SELECT score, duration, hints, COUNT(*)" + where
                                                + " AND name = ? GROUP BY score, duration, hints",
                                                (a, b, "bricks_over")):
        n = int(n)
        over += n
        scores[int(score)] = scores.get(int(score), 0) + n
        bricks_hints += int(hints or 0) * n
        if duration is not None:
            lengths[int(duration)] = lengths.get(int(duration), 0) + n
    started = store.read(storage, "SELECT COUNT(*)" + where + " AND name = ?", (a, b, "bricks_started"))[0][0]
    bricks = {"started": int(started), "over": over, "hints": bricks_hints, "median_score": median(scores),
              "median_length": median(lengths), "histogram": histogram(scores)}

    def grouped(column, name, distinct=False):
        what = "COUNT(DISTINCT visitor)" if distinct else "COUNT(*)"
        rows = store.read(storage, f"SELECT {column}, {what}" + where + f" AND name = ? GROUP BY {column}",
                          (a, b, name))
        return sorted(((k, int(n)) for k, n in rows if k is not None), key=lambda kv: (-kv[1], kv[0]))

    return {
        "first": a, "last": b, "days": days, "consent": consent_outcomes(storage, first, last),
        "totals": _totals(storage, a, b),
        "previous": dict(_totals(storage, prev_first.isoformat(), prev_last.isoformat()),
                         first=prev_first.isoformat(), last=prev_last.isoformat()),
        "sudoku": sudoku, "bricks": bricks,
        "screens": grouped("screen", "app_screen"),
        "pages": grouped("path", "page_view")[:10],
        "referrers": [kv for kv in grouped("ref", "page_view") if kv[0]][:10],
        "languages": grouped("lang", "app_screen", distinct=True),
        "themes": grouped("theme", "app_screen", distinct=True),
        "settings": {"theme": grouped("theme", "settings_changed"), "lang": grouped("lang", "settings_changed")},
    }
