"""Purpose: the operator's statistics dashboard (/admin/stats/) as one server-rendered HTML page in
English or Russian: the range chooser (today, 7 days, 30 days, custom dates), the totals against the
previous period, visitors, sessions and views per day, Sudoku by level (games, win and abandon rates, median solve
time and time before giving up), the Bricks score histogram, hints, consent answers, screens, pages, referrers,
languages and themes; its stylesheet (light and dark); and the same figures as plain text for the
terminal (`python3 -m server stats`). The figures come from report.py only.
"""
from html import escape

from .charts import bar_chart

TEXT = {
    "en": {
        "title": "Astradia statistics", "today": "Today", "d7": "7 days", "d30": "30 days", "from": "From",
        "to": "To", "show": "Show", "visitors": "Visitors", "views": "Views", "events": "Events",
        "sessions": "Sessions", "undos": "Undos", "day": "Day", "daily": "Day by day",
        "previous": "previous period", "per_day": "Visitors and views per day", "level": "Level",
        "sudoku": "Sudoku by level", "started": "Started", "won": "Won", "lost": "Lost",
        "abandoned": "Abandoned", "win_rate": "Win rate", "abandon_rate": "Gave up", "median_solve": "Median solve",
        "median_gave_up": "Gave up after", "hints": "Hints", "bricks": "Bricks 1010", "games_over": "Games over",
        "median_score": "Median score", "median_length": "Median length", "scores": "Bricks scores",
        "games": "games", "screens": "App screens", "pages": "Site pages", "referrers": "Referrers",
        "languages": "Languages", "themes": "Themes", "settings": "Settings changed", "none": "Nothing yet",
        "csv": "Download CSV", "sudoku_chart": "Sudoku games started and won per level", "count": "Count",
        "note": "Counted only for visitors who allow statistics. No IP addresses, user agents or ids are stored.",
        "other_lang": "Русский", "range": "Range", "value": "Value", "consent": "Consent answers",
    },
    "ru": {
        "title": "Статистика Astradia", "today": "Сегодня", "d7": "7 дней", "d30": "30 дней", "from": "С",
        "to": "По", "show": "Показать", "visitors": "Посетители", "views": "Просмотры", "events": "События",
        "sessions": "Сеансы", "undos": "Отмены ходов", "day": "День", "daily": "По дням",
        "previous": "прошлый период", "per_day": "Посетители и просмотры по дням", "level": "Уровень",
        "sudoku": "Судоку по уровням", "started": "Начато", "won": "Решено", "lost": "Проиграно",
        "abandoned": "Брошено", "win_rate": "Доля побед", "abandon_rate": "Бросили", "median_solve": "Медиана решения",
        "median_gave_up": "Бросили через", "hints": "Подсказки", "bricks": "Bricks 1010", "games_over": "Игр окончено",
        "median_score": "Медиана очков", "median_length": "Медиана длительности", "scores": "Очки Bricks",
        "games": "игр", "screens": "Экраны приложения", "pages": "Страницы сайта", "referrers": "Источники",
        "languages": "Языки", "themes": "Темы", "settings": "Изменения настроек", "none": "Пока ничего",
        "csv": "Скачать CSV", "sudoku_chart": "Игры судоку: начато и решено по уровням", "count": "Число",
        "note": "Считаются только посетители, разрешившие статистику. IP-адреса, user agent и идентификаторы не хранятся.",
        "other_lang": "English", "range": "Период", "value": "Значение", "consent": "Ответы о согласии",
    },
}

CSS = b"""/* Purpose: the statistics dashboard's look (server/stats/dashboard.py), light and dark. */
:root { color-scheme: light dark; --fg: #1f2937; --muted: #4b5563; --bg: #f8fafc; --card: #fff;
  --line: #d1d5db; --bar: #2563eb; --accent: #b45309; --link: #1d4ed8; }
@media (prefers-color-scheme: dark) { :root { --fg: #e5e7eb; --muted: #9ca3af; --bg: #0f172a;
  --card: #1e293b; --line: #334155; --bar: #60a5fa; --accent: #fbbf24; --link: #93c5fd; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 70rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; } h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
a { color: var(--link); } p.note { color: var(--muted); font-size: .9rem; }
nav { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin-bottom: 1rem; }
nav a[aria-current] { font-weight: 700; color: var(--fg); }
form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
input, button { font: inherit; padding: .35rem .5rem; min-height: 44px; }
.grid2 { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); }
.totals { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); margin-bottom: 1rem; }
section, .totals > div { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
section { margin-bottom: 1rem; min-width: 0; }
.scroll { overflow-x: auto; }
.big { font-size: 1.8rem; font-weight: 700; display: block; } .delta { color: var(--muted); font-size: .85rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: right; padding: .3rem .5rem; border-bottom: 1px solid var(--line); white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
svg.chart { width: 100%; max-width: 40rem; height: auto; display: block; }
svg .bar { fill: var(--bar); } svg .bar:hover { opacity: .8; }
svg .line { fill: none; stroke: var(--accent); stroke-width: 3; } svg .dot { fill: var(--accent); }
svg .grid { stroke: var(--line); stroke-width: 1; } svg .axis { stroke: var(--muted); stroke-width: 1.5; }
svg .tick { fill: var(--muted); font-size: 17px; }
.legend { display: flex; gap: 1rem; font-size: .85rem; color: var(--muted); margin: .25rem 0 0; }
.key-bar, .key-line { display: inline-block; width: .9rem; height: .9rem; vertical-align: -2px; margin-right: .3rem; }
.key-bar { background: var(--bar); } .key-line { background: var(--accent); border-radius: 50%; }
"""


def _num(v):
    return "–" if v is None else f"{v:,}".replace(",", " ")


def _pct(v):
    return "–" if v is None else f"{100 * v:.0f} %"


def _dur(seconds):
    if seconds is None:
        return "–"
    m, s = divmod(int(seconds), 60)
    return f"{m // 60}:{m % 60:02d}:{s:02d}" if m >= 60 else f"{m}:{s:02d}"


def _delta(now, before):
    if not before:
        return "–"
    return f"{(now - before) / before * 100:+.0f} %"


def _table(t, head, rows):
    if not rows:
        return f"<p>{t['none']}</p>"
    out = ["<table><thead><tr>", *(f'<th scope="col">{escape(h)}</th>' for h in head), "</tr></thead><tbody>"]
    for row in rows:
        cells = [f'<th scope="row">{escape(str(row[0]))}</th>'] + [f"<td>{escape(str(c))}</td>" for c in row[1:]]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def render(f, lang, query, choice):
    """The page for figures `f` (report.figures) in `lang`; `query` builds links keeping the range
    ("?range=7&lang=ru"); `choice` is the chosen range ("1", "7", "30" or "custom")."""
    t = TEXT[lang]
    other = "ru" if lang == "en" else "en"
    nav = []
    for key, name in (("1", t["today"]), ("7", t["d7"]), ("30", t["d30"])):
        current = ' aria-current="page"' if choice == key else ""
        nav.append(f'<a href="{escape(query(range=key))}"{current}>{name}</a>')
    totals = []
    for key in ("visitors", "sessions", "views", "events"):
        now, before = f["totals"][key], f["previous"][key]
        totals.append(f'<div><span>{t[key]}</span><span class="big">{_num(now)}</span>'
                      f'<span class="delta">{_delta(now, before)} ({t["previous"]}: {_num(before)})</span></div>')
    days = f["days"]
    labels = [d["day"][5:] for d in days]
    per_day = bar_chart(t["per_day"], labels, [d["views"] for d in days], [d["visitors"] for d in days],
                        t["views"].lower(), t["visitors"].lower())
    legend = (f'<p class="legend"><span><span class="key-bar"></span>{t["views"]}</span>'
              f'<span><span class="key-line"></span>{t["visitors"]}</span></p>')
    day_rows = [(d["day"], _num(d["visitors"]), _num(d["sessions"]), _num(d["views"])) for d in reversed(days)]
    levels = list(f["sudoku"])
    sudoku_rows = [(lv, _num(r["started"]), _num(r["won"]), _num(r["lost"]), _num(r["abandoned"]), _pct(r["win_rate"]),
                    _pct(r["abandon_rate"]), _dur(r["median_solve"]), _dur(r["median_gave_up"]), _num(r["hints"]), _num(r["undos"]))
                   for lv, r in f["sudoku"].items() if r["started"] or r["won"] or r["lost"] or r["abandoned"]]
    sudoku_chart = bar_chart(t["sudoku_chart"], levels, [f["sudoku"][lv]["started"] for lv in levels],
                             [f["sudoku"][lv]["won"] for lv in levels], t["started"].lower(), t["won"].lower())
    b = f["bricks"]
    hist = b["histogram"]
    bricks_chart = (bar_chart(t["scores"], [f"{lo}–{hi}" if hi > lo else str(lo) for lo, hi, _ in hist],
                              [n for _, _, n in hist], bar_name=t["games"]) if hist else f"<p>{t['none']}</p>")
    bricks_rows = [(t["started"], _num(b["started"])), (t["games_over"], _num(b["over"])),
                   (t["median_score"], _num(b["median_score"])), (t["median_length"], _dur(b["median_length"])),
                   (t["hints"], _num(b["hints"]))]

    def simple(title, pairs, head=None):
        return f'<section><h2>{title}</h2>{_table(t, [head or title, t["count"]], [(k, _num(n)) for k, n in pairs])}</section>'

    settings = [(f"theme: {k}", n) for k, n in f["settings"]["theme"]] + [(f"lang: {k}", n) for k, n in f["settings"]["lang"]]
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{t["title"]}</title>
<link rel="stylesheet" href="dashboard.css">
</head>
<body>
<main>
<h1>{t["title"]}</h1>
<p>{f["first"]} – {f["last"]}</p>
<nav aria-label="{t["range"]}">{"".join(nav)}
<form method="get" action="./"><input type="hidden" name="lang" value="{lang}">
<label>{t["from"]} <input type="date" name="from" value="{f["first"]}" required></label>
<label>{t["to"]} <input type="date" name="to" value="{f["last"]}" required></label>
<button type="submit">{t["show"]}</button></form>
<a href="{escape(query(lang=other))}" lang="{other}">{t["other_lang"]}</a>
<a href="{escape(query(export="csv"))}">{t["csv"]}</a></nav>
<p class="note">{t["note"]}</p>
<div class="totals">{"".join(totals)}</div>
<section><h2>{t["per_day"]}</h2>{per_day}{legend}
<details><summary>{t["daily"]}</summary><div class="scroll" tabindex="0" role="region" aria-label="{t["daily"]}">{_table(t,
 [t["day"], t["visitors"], t["sessions"], t["views"]], day_rows)}</div></details></section>
<section><h2>{t["sudoku"]}</h2>{sudoku_chart}
<p class="legend"><span><span class="key-bar"></span>{t["started"]}</span><span><span class="key-line"></span>{t["won"]}</span></p>
<div class="scroll" tabindex="0" role="region" aria-label="{t["sudoku"]}">{_table(t, [t["level"], t["started"], t["won"],
 t["lost"], t["abandoned"], t["win_rate"], t["abandon_rate"], t["median_solve"], t["median_gave_up"], t["hints"],
 t["undos"]], sudoku_rows)}</div></section>
<div class="grid2">
<section><h2>{t["bricks"]}</h2>{bricks_chart}{_table(t, [t["bricks"], t["value"]], bricks_rows)}</section>
{simple(t["consent"], [(k, n) for k, n in f["consent"] if n])}
{simple(t["screens"], f["screens"])}
{simple(t["languages"], f["languages"])}
{simple(t["themes"], f["themes"])}
{simple(t["settings"], settings)}
{simple(t["pages"], f["pages"])}
{simple(t["referrers"], f["referrers"])}
</div>
</main>
</body>
</html>
"""


def text(f):
    """The figures as plain text (English), for a terminal or a cron mail."""
    tot, prev = f["totals"], f["previous"]
    lines = [f"Astradia statistics {f['first']} to {f['last']} (previous period {prev['first']} to {prev['last']})",
             ""]
    for key in ("visitors", "sessions", "views", "events"):
        lines.append(f"{key:<10}{tot[key]:>10}   previous {prev[key]:>10}   {_delta(tot[key], prev[key])}")
    lines += ["", "day         visitors  sessions     views"]
    lines += [f"{d['day']}  {d['visitors']:>8}  {d['sessions']:>8}  {d['views']:>8}" for d in f["days"]]
    lines += ["", "sudoku    started   won  lost  abandoned  win rate  median solve  gave up after  hints  undos"]
    for lv, r in f["sudoku"].items():
        lines.append(f"{lv:<9}{r['started']:>8}{r['won']:>6}{r['lost']:>6}{r['abandoned']:>11}{_pct(r['win_rate']):>10}"
                     f"{_dur(r['median_solve']):>14}{_dur(r['median_gave_up']):>15}{r['hints']:>7}{r['undos']:>7}")
    b = f["bricks"]
    lines += ["", f"bricks    started {b['started']}, over {b['over']}, median score {_num(b['median_score'])}, "
                  f"median length {_dur(b['median_length'])}, hints {b['hints']}"]
    for lo, hi, n in b["histogram"]:
        lines.append(f"  score {lo:>7}-{hi:<7} {n:>6}")
    for title, pairs in (("consent answers", f["consent"]), ("screens", f["screens"]), ("languages", f["languages"]), ("themes", f["themes"]),
                         ("pages", f["pages"]), ("referrers", f["referrers"])):
        lines += ["", title] + [f"  {k:<30} {n:>8}" for k, n in pairs]
    return "\n".join(lines) + "\n"
