"""Purpose: the operator's statistics pages behind the admin door (server/admin.py: 404 without the
operator token): GET /admin/stats/ (the dashboard, server/stats/dashboard.py; ?range=1|7|30 or
?from=YYYY-MM-DD&to=YYYY-MM-DD, at most 366 days; ?lang=en|ru; ?export=csv the daily counts as a
versioned CSV) and its stylesheet /admin/stats/dashboard.css."""
import csv
import io
import urllib.parse

from .. import admin
from ..http import HTTPError, Response
from ..stats import dashboard, report, rollup
from ..stats.visitors import day_of
from ..storage import StorageError

PAGE = "/admin/stats/"
CSS = "/admin/stats/dashboard.css"
MAX_DAYS = 366
CSV_FORMAT = "astradia-stats-csv 1"
CSV_HEAD = ("day", "event", "level", "events", "visitors")


def _params(request):
    _, _, query = request.target.partition("?")
    out = {}
    for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True):
        if key in out:
            raise HTTPError(400, f"{key} is given twice", close=False)
        out[key] = value
    return out


def choose_range(params, today):
    """(first, last, choice) from the query; raises HTTPError 400 for a bad one."""
    if "from" in params or "to" in params:
        try:
            first, last = report.parse_day(params.get("from", "")), report.parse_day(params.get("to", ""))
        except ValueError:
            raise HTTPError(400, "from and to must be dates (YYYY-MM-DD)", close=False) from None
        if last < first or (last - first).days >= MAX_DAYS:
            raise HTTPError(400, f"to must be on or after from, and the range at most {MAX_DAYS} days", close=False)
        return first, last, "custom"
    choice = params.get("range", "7")
    if choice not in ("1", "7", "30"):
        raise HTTPError(400, "range must be 1, 7 or 30", close=False)
    first, last = report.day_range(today, int(choice))
    return first, last, choice


def export_csv(storage, first, last):
    """The daily counts per event and level (the rollups, and the raw events of days not rolled up yet) as
    CSV text; the first line names the format."""
    rows = rollup.event_days(storage, first.isoformat(), last.isoformat())
    out = io.StringIO()
    out.write(CSV_FORMAT + "\r\n")
    writer = csv.writer(out)
    writer.writerow(CSV_HEAD)
    for day, name, level, n, visitors in rows:
        writer.writerow((day, name, level, n, visitors))
    return out.getvalue()


def read_csv(text):
    """The rows of an export as dicts; raises ValueError for another format."""
    first, _, rest = text.partition("\r\n")
    if first != CSV_FORMAT:
        raise ValueError(f"not {CSV_FORMAT!r}")
    reader = csv.DictReader(io.StringIO(rest))
    if tuple(reader.fieldnames or ()) != CSV_HEAD:
        raise ValueError("unexpected columns")
    return [dict(r, events=int(r["events"]), visitors=int(r["visitors"])) for r in reader]


def get_dashboard(app, request):
    redirect = admin.guard(app, request)
    if redirect:
        return redirect
    params = _params(request)
    lang = params.get("lang", "en")
    if lang not in dashboard.TEXT:
        raise HTTPError(400, "lang must be en or ru", close=False)
    today = report.parse_day(day_of(app.visitors.clock()))
    first, last, choice = choose_range(params, today)
    headers = [("Cache-Control", "no-store"), ("X-Robots-Tag", "noindex")]
    try:
        if params.get("export") == "csv":
            body = export_csv(app.storage, first, last).encode()
            name = f"astradia-stats-{first.isoformat()}-{last.isoformat()}.csv"
            return Response(200, [("Content-Type", "text/csv; charset=utf-8"),
                                  ("Content-Disposition", f'attachment; filename="{name}"'), *headers], body)
        figures = report.figures(app.storage, first, last)
    except StorageError:
        raise HTTPError(503, "the statistics database is not answering; try again", close=False) from None

    def query(**change):
        keep = {"lang": lang}
        if choice == "custom":
            keep.update({"from": first.isoformat(), "to": last.isoformat()})
        else:
            keep["range"] = choice
        if "range" in change:
            keep.pop("from", None), keep.pop("to", None)
        keep.update(change)
        return "?" + urllib.parse.urlencode(keep)

    body = dashboard.render(figures, lang, query, choice).encode()
    return Response(200, [("Content-Type", "text/html; charset=utf-8"), *headers], body)


def get_css(app, request):
    redirect = admin.guard(app, request)
    if redirect:
        return redirect
    return Response(200, [("Content-Type", "text/css; charset=utf-8"), ("Cache-Control", "no-store")], dashboard.CSS)


def register(app):
    app.add_route(PAGE, {"GET": get_dashboard, "HEAD": get_dashboard})
    app.add_route(CSS, {"GET": get_css, "HEAD": get_css})
