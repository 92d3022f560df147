"""Purpose: the figures of a range of days, the one source of the dashboard (dashboard.py), the text
report (`python3 -m server stats`) and the tests: visitors and views per day, the same totals for the
previous period of the same length, Sudoku games per level (started, won, lost, abandoned, win rate,
median solve time, median time before giving up), Bricks games (score histogram, median score and
length), hints, consent outcomes (from the consent receipts), the app's screens, the site's pages and referrers, languages, themes and settings
changes, sessions per day. The figures are sums of the daily rows of rollup.py (the rollups of old days,
the raw events of recent ones); medians are exact, read from counts per value.
"""
import datetime
import json

from ..storage import stats as store
from . import rollup
from .events import LEVELS

SUDOKU_ENDS = rollup.SUDOKU_ENDS


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


def _totals(daily):
    out = {k: 0 for k in ("visitors", "views", "events", "sessions")}
    for (_, metric), n in daily.items():
        out[metric] += n
    return out


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
    """The figures of the days first..last (dates, inclusive) as a plain dict, summed from the daily
    rows (server/stats/rollup.py: the rollups of old days, the raw events of recent ones)."""
    a, b = first.isoformat(), last.isoformat()
    span = (last - first).days + 1
    prev_first, prev_last = first - datetime.timedelta(days=span), first - datetime.timedelta(days=1)
    sums, daily = rollup.figures(storage, a, b)

    def pairs(metric):
        return [(k, n) for (m, k, _), n in sums.items() if m == metric]

    days = []
    for i in range(span):
        d = (first + datetime.timedelta(days=i)).isoformat()
        days.append({"day": d, "visitors": daily.get((d, "visitors"), 0), "views": daily.get((d, "views"), 0),
                     "sessions": daily.get((d, "sessions"), 0)})

    sudoku = {level: {"started": 0, "won": 0, "lost": 0, "abandoned": 0, "hints": 0, "undos": 0, "solve": {},
                      "gave_up": {}} for level in LEVELS}
    for (metric, k1, k2), n in sums.items():
        if metric == "event" and k2 in sudoku and k1 in ("sudoku_started", *SUDOKU_ENDS):
            sudoku[k2][k1.split("_", 1)[1]] += n
        elif metric in ("hints", "undos") and k1 in sudoku:
            sudoku[k1][metric] += n
        elif metric in ("solve", "gave_up") and k1 in sudoku and k2:
            counts = sudoku[k1][metric]
            counts[int(k2)] = counts.get(int(k2), 0) + n
    for level, row in sudoku.items():
        ended = row["won"] + row["lost"] + row["abandoned"]
        row["win_rate"] = row["won"] / ended if ended else None
        row["abandon_rate"] = row["abandoned"] / ended if ended else None
        row["median_solve"] = median(row.pop("solve"))
        row["median_gave_up"] = median(row.pop("gave_up"))

    scores = {int(k): n for k, n in pairs("score") if k}
    lengths = {int(k): n for k, n in pairs("length") if k}
    bricks = {"started": sums.get(("event", "bricks_started", ""), 0), "over": sums.get(("event", "bricks_over", ""), 0),
              "hints": sums.get(("bricks_hints", "", ""), 0), "median_score": median(scores),
              "median_length": median(lengths), "histogram": histogram(scores)}

    def grouped(metric):
        return sorted(((k, n) for k, n in pairs(metric) if k), key=lambda kv: (-kv[1], kv[0]))

    return {
        "first": a, "last": b, "days": days, "consent": consent_outcomes(storage, first, last),
        "totals": _totals(daily),
        "previous": dict(_totals(rollup.per_day(storage, prev_first.isoformat(), prev_last.isoformat())),
                         first=prev_first.isoformat(), last=prev_last.isoformat()),
        "sudoku": sudoku, "bricks": bricks,
        "screens": grouped("screen"),
        "pages": grouped("page")[:10],
        "referrers": grouped("ref")[:10],
        "languages": grouped("lang"),
        "themes": grouped("theme"),
        "settings": {"theme": grouped("set_theme"), "lang": grouped("set_lang")},
    }
