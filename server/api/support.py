"""Purpose: the support desk's routes. The player's side: GET /support/ (the form, EN/RU), POST
/support/ (checked by server/support/tickets.py, stored, acknowledged by mail to the outbox, then a
303 to the ticket's status page), GET /support/ticket?id=&key= (the status page; a wrong id or key is
the same 404), POST /support/ticket/reply (the player's answer) and POST /support/ticket/delete
(erases the ticket, its conversation and its mail).
The operator's side, behind the operator token: GET /admin/support/ (the inbox), GET
/admin/support/ticket?id= and POST /admin/support/reply (a reply mailed to the player, or an
internal note; the state; the clock paused while waiting for the player). The inbox filters by
kind, state and desk (the operator's own, or the partner studio's claims).

The status link's key never reaches the access log (the logged target has it replaced). A request
that fails a check is answered with the form again, its text kept, and the reason; the honeypot
field, when filled, gets the ordinary answer and stores nothing.
"""
import datetime
import json
import os
import sys
import urllib.parse

from .. import admin
from .. import config as configmod
from ..http import HTTPError, Response
from ..ratelimit import TokenBuckets, retry_after
from ..storage import StorageError
from ..support import pages
from ..support.calendar import CalendarError
from ..support.deadlines import Rule
from ..support.mail import MailError, Outbox
from ..support.tickets import (KINDS, MAX_MESSAGE, STATES, TICKET_ID, Desk, DeskError, Refusal, clean_text,
                               parse_utc, secret_matches, utc_iso)

MAX_FORM_BODY = 16 * 1024
MAX_FIELDS = 24
FORM_TYPE = "application/x-www-form-urlencoded"


# --- the operator's door ------------------------------------------------------------------------
# --- helpers ------------------------------------------------------------------------------------
def _query(request):
    _, _, query = request.target.partition("?")
    try:
        pairs = urllib.parse.parse_qsl(query.split("#", 1)[0], keep_blank_values=True, max_num_fields=MAX_FIELDS,
                                       errors="strict")
    except (ValueError, UnicodeDecodeError):
        raise HTTPError(400, "Malformed query") from None
    return dict(pairs)


def _language(request, given=None):
    if given in ("en", "ru"):
        return given
    accept = (request.header("Accept-Language") or "").split(",")[0].strip().lower()
    return "ru" if accept.startswith("ru") else "en"


def _form(request):
    """The urlencoded body as {name: value}; each name once. Raises HTTPError 400/411/413/415."""
    media = (request.header("Content-Type") or "").split(";")[0].strip().lower()
    if media != FORM_TYPE:
        raise HTTPError(415, f"send {FORM_TYPE}")
    data = request.read_body(MAX_FORM_BODY)
    try:
        pairs = urllib.parse.parse_qsl(data.decode("ascii"), keep_blank_values=True, max_num_fields=MAX_FIELDS,
                                       errors="strict")
    except (ValueError, UnicodeDecodeError):
        raise HTTPError(400, "The form is not valid urlencoded UTF-8") from None
    fields = {}
    for k, v in pairs:
        if k in fields:
            raise HTTPError(400, f"The form repeats the field {k[:40]!r}")
        fields[k] = v
    return fields


def _html(status, body, headers=()):
    return Response(status, [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"),
                             *headers], body)


def _hide_key(request):
    """The access log gets the target without the status link's key."""
    path, sep, query = request.target.partition("?")
    if sep:
        pairs = urllib.parse.parse_qsl(query, keep_blank_values=True)
        request.target = path + "?" + "&".join(f"{k}={'(hidden)' if k == 'key' else urllib.parse.quote(v)}"
                                               for k, v in pairs)


class SupportDesk:
    """What the routes share: the desk's rules, the outbox, the ticket rate limit, the page assets."""

    def __init__(self, app):
        s = app.config.support
        try:
            self.desk = Desk(s)
        except (DeskError, CalendarError) as exc:
            raise configmod.ConfigError(f"support: {exc}") from None
        self.outbox = Outbox(s.outbox, self.desk.support_email, self.desk.operator_name.get("en", ""))
        self.limits = TokenBuckets(s.tickets_per_hour / 3600.0, s.tickets_burst, app.config.rate_limit.max_clients)
        assets = {}
        try:
            with open(os.path.join(app.config.server.root, "assets.json"), encoding="utf-8") as f:
                assets = json.load(f)
        except (OSError, ValueError):
            pass
        self.css = "/" + assets.get("support/support.css", "support/support.css")
        self.script = "/" + assets.get("support/support.js", "support/support.js")

    def status_link(self, app, request, ticket_id, secret):
        return f"{app.own_origin(request)}/support/ticket?id={ticket_id}&key={secret}"


# --- the player's side ----------------------------------------------------------------------------
def get_form(app, request):
    q = _query(request)
    sd = app.support
    return _html(200, pages.form_page(sd.desk, _language(request, q.get("lang")), sd.css, sd.script))


def post_form(app, request):
    sd = app.support
    fields = _form(request)
    lang = _language(request, fields.get("language"))
    if fields.get("website"):  # the honeypot: a bot's request is answered as usual and dropped
        return _html(200, pages.deleted_page(lang, sd.css))
    try:
        parts = sd.desk.check(fields)
    except Refusal as refusal:
        return _html(400, pages.form_page(sd.desk, lang, sd.css, sd.script, fields, refusal))
    wait = sd.limits.take(request.client)
    if wait > 0:
        raise HTTPError(429, "Too many requests sent; try again later", headers=[("Retry-After", retry_after(wait))],
                        close=False)
    ticket, secret = sd.desk.new_ticket(parts)
    try:
        app.storage.add_ticket(ticket, parts["message"])
    except StorageError as exc:  # the form again with the player's text, so nothing typed is lost
        print(f"[serve] support store error: {exc}", file=sys.stderr, flush=True)
        return _html(503, pages.form_page(sd.desk, lang, sd.css, sd.script, fields, Refusal("storage", "unavailable")),
                     [("Retry-After", "30")])
    link = sd.status_link(app, request, ticket["id"], secret)
    subject, body = pages.acknowledgement(sd.desk, ticket, link)
    try:
        sd.outbox.write(sd.outbox.compose(ticket["email"], subject, body, ticket["id"]), ticket["id"])
    except MailError as exc:  # the ticket is stored and its page shows the link: the mail can wait
        print(f"[serve] support mail error: {exc}", file=sys.stderr, flush=True)
    return Response(303, [("Location", f"/support/ticket?id={ticket['id']}&key={secret}&sent=1"),
                          ("Cache-Control", "no-store")])


def _ticket_for(app, ticket_id, secret):
    if not isinstance(ticket_id, str) or not TICKET_ID.fullmatch(ticket_id):
        raise HTTPError(404, "Not found", close=False)
    try:
        ticket = app.storage.ticket(ticket_id)
    except StorageError as exc:
        print(f"[serve] support read error: {exc}", file=sys.stderr, flush=True)
        raise HTTPError(503, "Support is unavailable; please try again", close=False) from None
    if not secret_matches(ticket, secret):
        raise HTTPError(404, "Not found", close=False)
    return ticket


def get_status(app, request):
    q = _query(request)
    _hide_key(request)
    ticket = _ticket_for(app, q.get("id"), q.get("key"))
    lang = q.get("lang") if q.get("lang") in ("en", "ru") else ticket["language"]
    return _html(200, pages.status_page(app.support.desk, ticket, q["key"], lang, app.support.css,
                                        just_sent=q.get("sent") == "1"),
                 [("X-Robots-Tag", "noindex")])


def post_delete(app, request):
    fields = _form(request)
    ticket = _ticket_for(app, fields.get("id"), fields.get("key"))
    try:
        app.storage.delete_ticket(ticket["id"])
    except StorageError as exc:
        print(f"[serve] support delete error: {exc}", file=sys.stderr, flush=True)
        raise HTTPError(503, "The request could not be deleted; please try again", close=False) from None
    app.support.outbox.erase(ticket["id"])
    return _html(200, pages.deleted_page(_language(request, fields.get("language")), app.support.css))


def post_player_reply(app, request):
    """The player's answer from the status page: a message; a ticket waiting for the player is open
    again (its clock resumes, the due time moves by the pause)."""
    fields = _form(request)
    ticket = _ticket_for(app, fields.get("id"), fields.get("key"))
    body = clean_text(fields.get("body", "")).strip()
    if not body or len(body) > MAX_MESSAGE or ticket["state"] == "closed":
        raise HTTPError(400, f"An answer needs a text of 1 to {MAX_MESSAGE} characters, on a ticket not closed")
    wait = app.support.limits.take(request.client)
    if wait > 0:
        raise HTTPError(429, "Too many requests sent; try again later", headers=[("Retry-After", retry_after(wait))],
                        close=False)
    _answer(app, ticket, "player", body, "new" if ticket["state"] in ("waiting", "answered") else ticket["state"])
    return Response(303, [("Location", f"/support/ticket?id={ticket['id']}&key={fields['key']}"),
                          ("Cache-Control", "no-store")])


def _answer(app, ticket, author, body, state):
    """Stores a message with the ticket's new state, pausing the clock on entering "waiting" and
    resuming it on leaving, with the due time recomputed. Returns the time (aware UTC)."""
    now = datetime.datetime.now(datetime.timezone.utc)
    at = utc_iso(now)
    pauses = [(parse_utc(a), parse_utc(b) if b else None) for a, b in ticket["pauses"]]
    pause = None
    if state == "waiting" and ticket["state"] != "waiting":
        pause = ("start", at)
        pauses.append((now, None))
    elif state != "waiting" and ticket["state"] == "waiting":
        pause = ("end", at)
        pauses = [(a, b if b is not None else now) for a, b in pauses]
    due = app.support.desk.clock.due(parse_utc(ticket["received"]), Rule.parse(ticket["due_rule"]), pauses, now=now)
    try:
        app.storage.record_answer(ticket["id"], at, author, body, state, pause,
                                  {"due": utc_iso(due.at), "due_last_day": due.last_day.isoformat(),
                                   "due_provisional": due.provisional})
    except StorageError as exc:
        print(f"[serve] support store error: {exc}", file=sys.stderr, flush=True)
        raise HTTPError(503, "The message could not be stored; try again", close=False) from None
    return now


# --- the operator's side --------------------------------------------------------------------------
def get_inbox(app, request):
    redirect = admin.guard(app, request)  # the one door for /admin/ pages (server/admin.py)
    if redirect is not None:
        return redirect
    q = _query(request)
    kind = q.get("kind") if q.get("kind") in KINDS else None
    state = q.get("state") if q.get("state") in STATES else None
    desk = q.get("desk") if q.get("desk") in app.support.desk.claim_desks else None
    try:
        tickets = app.storage.tickets(kind=kind, state=state, desk=desk)
    except StorageError as exc:
        print(f"[serve] support read error: {exc}", file=sys.stderr, flush=True)
        raise HTTPError(503, "The inbox is unavailable; try again", close=False) from None
    now = datetime.datetime.now(datetime.timezone.utc)
    return _html(200, pages.inbox_page(app.support.desk, tickets, now, kind, state, app.support.css, desk))


def _operator_ticket(app, ticket_id):
    if not isinstance(ticket_id, str) or not TICKET_ID.fullmatch(ticket_id):
        raise HTTPError(404, "Not found", close=False)
    try:
        ticket = app.storage.ticket(ticket_id)
    except StorageError:
        raise HTTPError(503, "The inbox is unavailable; try again", close=False) from None
    if ticket is None:
        raise HTTPError(404, "Not found", close=False)
    return ticket


def get_admin_ticket(app, request):
    redirect = admin.guard(app, request)  # the one door for /admin/ pages (server/admin.py)
    if redirect is not None:
        return redirect
    ticket = _operator_ticket(app, _query(request).get("id"))
    return _html(200, pages.admin_ticket_page(app.support.desk, ticket, app.support.css))


def post_reply(app, request):
    redirect = admin.guard(app, request)  # the one door for /admin/ pages (server/admin.py)
    if redirect is not None:
        return redirect
    fields = _form(request)
    ticket = _operator_ticket(app, fields.get("id"))
    sd = app.support
    body = clean_text(fields.get("body", "")).strip()
    as_ = fields.get("as")
    state = fields.get("state")
    if not body or len(body) > MAX_MESSAGE or as_ not in ("reply", "note") or state not in STATES:
        raise HTTPError(400, f"A reply needs a text of 1 to {MAX_MESSAGE} characters, as=reply|note and a state")
    now = _answer(app, ticket, "operator" if as_ == "reply" else "note", body, state)
    if as_ == "reply":
        t = pages.T[ticket["language"]]
        try:
            sd.outbox.write(sd.outbox.compose(ticket["email"], t["reply_subject"].format(id=ticket["id"]), body,
                                              ticket["id"], now), ticket["id"], now)
        except MailError as exc:
            print(f"[serve] support mail error: {exc}", file=sys.stderr, flush=True)
    return Response(303, [("Location", f"/admin/support/ticket?id={ticket['id']}"), ("Cache-Control", "no-store")])


def redirect_support(app, request):
    return Response(301, [("Location", "/support/")])


def register(app):
    app.support = SupportDesk(app)
    app.add_route("/support", {"GET": redirect_support, "HEAD": redirect_support})
    app.add_route("/support/", {"GET": get_form, "HEAD": get_form, "POST": post_form})
    app.add_route("/support/ticket", {"GET": get_status, "HEAD": get_status})
    app.add_route("/support/ticket/delete", {"POST": post_delete})
    app.add_route("/support/ticket/reply", {"POST": post_player_reply})
    app.add_route("/admin/support/", {"GET": get_inbox, "HEAD": get_inbox})
    app.add_route("/admin/support/ticket", {"GET": get_admin_ticket, "HEAD": get_admin_ticket})
    app.add_route("/admin/support/reply", {"POST": post_reply})
