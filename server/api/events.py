"""Purpose: POST /api/events, the statistics batches the game page sends (shell/web/bridge.js, only
while the visitor grants the statistics purpose). The body (application/json or text/plain;charset=UTF-8,
what sendBeacon sends; at most events.MAX_BODY bytes, parsed strictly) is checked by server/stats/events.py:
any unknown event or field, wrong value, event from the future or older than a day refuses the whole
batch (400, nothing stored). Bots, prefetches and requests with Global Privacy Control (Sec-GPC: 1) are
answered 204 and not stored. A stored event gets the server's time less its age, and the day's visitor key
(server/stats/visitors.py); never the address or user agent. The batch is one write. The per-client rate
limit is the app's, on every POST (429).
"""
import datetime

from ..http import HTTPError, Response
from ..stats import events as schema
from ..stats.visitors import Visitors
from ..storage import StorageError, stats as store, utc_now_iso

PATH = "/api/events"


def post_events(app, request):
    body = request.read_json(schema.MAX_BODY)
    user_agent = request.header("User-Agent")
    if schema.is_bot(user_agent) or schema.is_prefetch(request) or request.header("Sec-GPC") == "1":
        return Response(204, [("Cache-Control", "no-store")])
    try:
        parsed = schema.parse_batch(body)
    except schema.BatchError as exc:
        raise HTTPError(400, str(exc), close=False) from None
    visitors = app.visitors
    now = visitors.clock()
    visitor = visitors.key(request.client, user_agent, now)
    rows = []
    for age, name, values in parsed:
        when = datetime.datetime.fromtimestamp(now - age / 1000, datetime.timezone.utc)
        rows.append((when.strftime("%Y-%m-%d"), utc_now_iso(when), visitor, name)
                    + tuple(values.get(c) for c in schema.COLUMNS))
    try:
        store.add_events(app.storage, rows)
    except StorageError:
        raise HTTPError(503, "statistics are not being stored right now", headers=[("Retry-After", "60")],
                        close=False) from None
    return Response(204, [("Cache-Control", "no-store")])


def register(app):
    app.visitors = Visitors(app.storage)
    app.add_route(PATH, {"POST": post_events}, json_errors=True)
