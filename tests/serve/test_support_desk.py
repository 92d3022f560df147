"""Purpose: the support desk over HTTP on both engines: a request becomes a ticket with its legal
deadline and the support consent's version and hash, the acknowledgement is an RFC 5322 file in the
outbox, the status link works and a wrong key is 404, the key stays out of the access log, the inbox
needs the operator token, a reply reaches the outbox and the status page and pauses the clock while
waiting for the player, deletion erases everything of a ticket; and hostile input: no consent,
oversized, malformed, repeated fields, bad e-mail, the honeypot, a flood (429), HTML injection shown as
text, an outbox that cannot be written (the ticket is kept), a database that went away (503), and
concurrent submissions (none lost). A claim to the partner studio: refused without its pre-trial
claim's details (the text kept), then due 30 calendar days after receipt, on the status page, in the
mail and in the inbox, which filters by desk.

Run: /usr/bin/python3 -m unittest discover -s tests/serve -p 'test_support_desk.py' -v
"""
import datetime
import email
import email.policy
import json
import os
import re
import tempfile
import unittest
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from support import ENGINES, REPO, InProcess, get, new_database, new_pg_database, settings

from server.support.tickets import parse_utc

TOKEN = "operator-token-0123456789"
with open(os.path.join(REPO, "legal", "sites", "astradia", "published.json"), encoding="utf-8") as _f:
    PUBLISHED = json.load(_f)
INJECTION = '<img src=x onerror="alert(1)"><script>alert(2)</script>&amp; "quoted"'


def consent(lang="en", version="1.0"):
    return {"acceptance.document": "support-consent", "acceptance.version": version,
            "acceptance.hash": PUBLISHED["support-consent"][version][lang],
            "acceptance.time": "2026-12-07T10:00:00.000Z", "acceptance.language": lang}


def request_fields(**changes):
    fields = {"kind": "claim", "message": "The purchase of hints failed twice.", "email": "player@example.org",
              "language": "en", **consent()}
    fields.update(changes)
    return {k: v for k, v in fields.items() if v is not None}


def send(port, path, body, ctype="application/x-www-form-urlencoded", headers=None):
    """POSTs a form (a dict, or raw bytes); returns (status, headers, body). Redirects are not followed."""
    data = body if isinstance(body, bytes) else urllib.parse.urlencode(body).encode()
    h = {"Content-Type": ctype, **(headers or {})} if ctype else dict(headers or {})
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method="POST", headers=h)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(req, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        try:
            return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()
        finally:
            e.close()


def read_mail(path):
    with open(path, "rb") as f:
        return email.message_from_binary_file(f, policy=email.policy.default)


def operator(port, path):
    return get(port, path, headers={"Authorization": "Bearer " + TOKEN})


class Desk:
    """An in-process server with its own database, outbox and settings."""

    def __init__(self, engine, tmp, **overrides):
        root = os.path.join(tmp, "site")
        os.makedirs(root, exist_ok=True)
        with open(os.path.join(root, "index.html"), "wb") as f:
            f.write(b"<!doctype html><title>t</title>")
        self.outbox = overrides.pop("outbox", os.path.join(tmp, "outbox"))
        values = {"support.outbox": self.outbox, "admin.token": TOKEN, "rate_limit.enabled": False,
                  "log.access": False}
        values.update(overrides)
        self.server = InProcess(settings(root, new_database(engine, tmp), **values))
        self.port, self.storage = self.server.port, self.server.storage

    def submit(self, **changes):
        return send(self.port, "/support/", request_fields(**changes))

    def mails(self):
        if not os.path.isdir(self.outbox):
            return []
        return sorted(n for n in os.listdir(self.outbox) if n.endswith(".eml"))

    def stop(self):
        self.server.stop()


def link_of(headers):
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(headers["location"]).query)
    return q["id"][0], q["key"][0]


class SupportDeskTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def each_engine(self, fn, **overrides):
        for engine in ENGINES:
            with self.subTest(engine=engine):
                desk = Desk(engine, os.path.join(self.tmp.name, engine), **overrides)
                try:
                    fn(desk)
                finally:
                    desk.stop()

    def test_a_claim_becomes_a_ticket_with_its_deadline_consent_and_mail(self):
        def run(desk):
            status, headers, body = get(desk.port, "/support/?lang=ru")
            self.assertEqual(status, 200)
            page = body.decode()
            self.assertIn('lang="ru"', page)
            self.assertIn('data-accept="support-consent"', page)
            status, headers, _ = desk.submit(message=INJECTION)
            self.assertEqual(status, 303)
            ticket_id, key = link_of(headers)
            t = desk.storage.ticket(ticket_id)
            self.assertEqual((t["kind"], t["state"], t["email"]), ("claim", "new", "player@example.org"))
            self.assertEqual((t["consent_document"], t["consent_version"], t["consent_hash"]),
                             ("support-consent", "1.0", PUBLISHED["support-consent"]["1.0"]["en"]))
            self.assertEqual(t["due_rule"], "business_days:10")
            self.assertNotEqual(t["secret_sha256"], key)
            self.assertEqual(t["messages"][0]["body"], INJECTION)
            received = parse_utc(t["received"])
            self.assertGreater(parse_utc(t["due"]) - received, datetime.timedelta(days=13))
            # the status page: the due date, the message as text
            status, headers, body = get(desk.port, f"/support/ticket?id={ticket_id}&key={key}&sent=1")
            self.assertEqual(status, 200)
            page = body.decode()
            self.assertIn("Answer due", page)
            self.assertIn("by the end of", page)
            self.assertNotIn("<script>alert", page)
            self.assertNotIn("<img src=x", page)
            self.assertIn("&lt;script&gt;alert(2)&lt;/script&gt;", page)
            self.assertEqual(headers["cache-control"], "no-store")
            # the acknowledgement in the outbox, readable, with the status link
            [name] = desk.mails()
            msg = read_mail(os.path.join(desk.outbox, name))
            self.assertEqual(msg["To"], "player@example.org")
            self.assertIn(ticket_id, msg["Subject"])
            self.assertIn(f"/support/ticket?id={ticket_id}&key={key}", msg.get_content())
            with open(os.path.join(desk.outbox, "send.log"), encoding="utf-8") as f:
                sent = f.read()
            log = [json.loads(line) for line in sent.splitlines()]
            self.assertEqual([(e["ticket"], e["file"], e["event"]) for e in log], [(ticket_id, name, "written")])
            self.assertNotIn("player@example.org", sent)
            # a wrong key, a wrong id, a malformed id: the same 404
            self.assertEqual(get(desk.port, f"/support/ticket?id={ticket_id}&key={'A' * 32}")[0], 404)
            self.assertEqual(get(desk.port, f"/support/ticket?id=t-000000000000&key={key}")[0], 404)
            self.assertEqual(get(desk.port, f"/support/ticket?id=../x&key={key}")[0], 404)
            self.assertEqual(get(desk.port, f"/support/ticket?id={ticket_id}")[0], 404)

        self.each_engine(run)

    def test_a_claim_to_the_partner_studio_first_needs_its_pre_trial_claim(self):
        sent_on = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=3)).date() \
            - datetime.timedelta(days=5)
        pretrial = {"desk": "partner-demo", "pretrial_name": "Ivan <b>Petrov</b>", "pretrial_date": sent_on.isoformat(),
                    "pretrial_method": "email", "pretrial_reference": "Claim: hints",
                    "pretrial_subject": "Paid hints <script>alert(3)</script> never given",
                    "pretrial_demands": "Refund of 299 roubles", "pretrial_evidence": ""}

        def run(desk):
            page = get(desk.port, "/support/")[2].decode()
            self.assertIn('name="desk" value="partner-demo"', page)
            self.assertIn("Northwind Pixel Studio LLC, the partner studio: answered within 30 calendar days", page)
            self.assertIn("legal@northwind-pixel.example", page)
            self.assertIn('id="s-pretrial"', page)
            self.assertLess(page.index('id="s-pretrial"'), page.index('id="s-message"'))  # asked first
            self.assertIn("Досудебная претензия", get(desk.port, "/support/?lang=ru")[2].decode())
            # without the pre-trial claim's details: refused, with the reason, the text kept, nothing stored
            for missing, text in (("pretrial_date", "Give the date you sent the pre-trial claim."),
                                  ("pretrial_method", "Choose how you sent the pre-trial claim"),
                                  ("pretrial_subject", "Say what the pre-trial claim is about.")):
                fields = request_fields(message="Keep me", **dict(pretrial, **{missing: None}))
                status, _, body = send(desk.port, "/support/", fields)
                self.assertEqual(status, 400, missing)
                page = body.decode()
                self.assertIn(text, page)
                self.assertIn("Keep me", page)
                self.assertIn('value="partner-demo" checked', page)
                self.assertIn("Ivan &lt;b&gt;Petrov&lt;/b&gt;", page)
            status, _, body = send(desk.port, "/support/", request_fields(**dict(pretrial, pretrial_date="2099-01-01")))
            self.assertIn("The pre-trial claim&#x27;s date is in the future", body.decode())
            self.assertEqual(desk.storage.count_support_rows()["support_tickets"], 0)
            self.assertEqual(desk.mails(), [])
            # with them: a ticket for the partner's desk, due 30 calendar days after receipt
            status, headers, _ = desk.submit(**pretrial)
            self.assertEqual(status, 303)
            ticket_id, key = link_of(headers)
            t = desk.storage.ticket(ticket_id)
            self.assertEqual((t["desk"], t["kind"], t["due_rule"]), ("partner-demo", "claim", "calendar_days:30"))
            self.assertEqual(t["pretrial"]["subject"], "Paid hints <script>alert(3)</script> never given")
            self.assertEqual((t["pretrial"]["date"], t["pretrial"]["method"]), (sent_on.isoformat(), "email"))
            received_day = (parse_utc(t["received"]) + datetime.timedelta(hours=3)).date()  # Moscow, no summer time
            self.assertGreaterEqual(datetime.date.fromisoformat(t["due_last_day"]),
                                    received_day + datetime.timedelta(days=30))
            self.assertLessEqual(datetime.date.fromisoformat(t["due_last_day"]),
                                 received_day + datetime.timedelta(days=30 + 12))  # art. 193 at most to a holiday's end
            page = get(desk.port, f"/support/ticket?id={ticket_id}&key={key}&sent=1")[2].decode()
            self.assertIn("Northwind Pixel Studio LLC (partner studio)", page)
            self.assertIn("Paid hints &lt;script&gt;alert(3)&lt;/script&gt; never given", page)
            self.assertIn("By e-mail", page)
            self.assertIn("by the end of", page)
            [name] = desk.mails()
            mail = read_mail(os.path.join(desk.outbox, name)).get_content()
            self.assertIn("to Northwind Pixel Studio LLC (partner studio)", mail)
            self.assertIn("We will answer by the end of", mail)
            # an operator claim beside it; the inbox shows each desk and filters by it
            _, headers, _ = desk.submit()
            own_id, _ = link_of(headers)
            self.assertEqual(desk.storage.ticket(own_id)["desk"], "astradia")
            inbox = operator(desk.port, "/admin/support/")[2].decode()
            self.assertIn(ticket_id, inbox)
            self.assertIn(own_id, inbox)
            self.assertIn("Northwind Pixel Studio LLC (partner studio)", inbox)
            only = operator(desk.port, "/admin/support/?desk=partner-demo")[2].decode()
            self.assertIn(ticket_id, only)
            self.assertNotIn(own_id, only)
            self.assertIn('<option value="partner-demo" selected>', only)
            self.assertNotIn(ticket_id, operator(desk.port, "/admin/support/?desk=astradia")[2].decode())
            view = operator(desk.port, f"/admin/support/ticket?id={ticket_id}")[2].decode()
            self.assertIn("Refund of 299 roubles", view)
            # deleting erases the pre-trial claim with the ticket
            send(desk.port, "/support/ticket/delete", {"id": ticket_id, "key": key})
            self.assertIsNone(desk.storage.ticket(ticket_id))

        self.each_engine(run)

    def test_the_key_never_reaches_the_access_log(self):
        lines = []
        desk = Desk("sqlite", self.tmp.name)
        try:
            desk.server.app.log = lambda environ, target, *rest: lines.append(target)
            _, headers, _ = desk.submit()
            ticket_id, key = link_of(headers)
            self.assertEqual(get(desk.port, f"/support/ticket?id={ticket_id}&key={key}")[0], 200)
            wrong = ("A" if key[0] != "A" else "B") + key[1:]  # "x" + key[1:] was the key itself 1 time in 64
            self.assertEqual(get(desk.port, f"/support/ticket?id={ticket_id}&key={wrong}")[0], 404)
            self.assertTrue(any(ticket_id in line for line in lines), lines)
            self.assertFalse(any(key[1:] in line for line in lines), lines)
        finally:
            desk.stop()

    def test_without_the_consent_nothing_is_stored_and_the_text_is_kept(self):
        def run(desk):
            for bad in ({"acceptance.document": None}, {"acceptance.hash": "0" * 64}, {"acceptance.version": "9.9"},
                        {"acceptance.document": "terms"}, {"acceptance.time": "yesterday"}):
                fields = request_fields(message="Keep this text <b>please</b>")
                fields.update({k: v for k, v in bad.items() if v is not None})
                for k, v in bad.items():
                    if v is None:
                        fields.pop(k)
                status, _, body = send(desk.port, "/support/", fields)
                self.assertEqual(status, 400, bad)
                page = body.decode()
                self.assertIn('role="alert"', page)
                self.assertIn("consent", page)
                self.assertIn("Keep this text &lt;b&gt;please&lt;/b&gt;", page)
            self.assertEqual(desk.storage.count_support_rows()["support_tickets"], 0)
            self.assertEqual(desk.mails(), [])

        self.each_engine(run)

    def test_hostile_requests(self):
        def run(desk):
            cases = [
                (request_fields(email="not an address"), 400, "not an e-mail address"),
                (request_fields(email="a@b"), 400, "not an e-mail address"),
                (request_fields(email="x@example.org\r\nBcc: victim@example.org"), 400, "not an e-mail address"),
                (request_fields(kind="refund"), 400, "Choose what"),
                (request_fields(message="   "), 400, "Write your message"),
                (request_fields(message="x" * 5001), 400, "longer than 5000"),
                (request_fields(language="de"), 400, "language"),
            ]
            for fields, code, text in cases:
                status, _, body = send(desk.port, "/support/", fields)
                self.assertEqual(status, code, fields)
                self.assertIn(text, body.decode())
            self.assertEqual(send(desk.port, "/support/", b"x=" + b"a" * 17000)[0], 413)
            self.assertEqual(send(desk.port, "/support/", b"message=%ff%fe")[0], 400)
            self.assertEqual(send(desk.port, "/support/", "message=é".encode())[0], 400)
            self.assertEqual(send(desk.port, "/support/", b"kind=claim&kind=bug")[0], 400)
            self.assertEqual(send(desk.port, "/support/", b"&".join(b"f%d=1" % i for i in range(40)))[0], 400)
            self.assertEqual(send(desk.port, "/support/", json.dumps(request_fields()).encode(), "application/json")[0], 415)
            self.assertEqual(send(desk.port, "/support/", b"--b\r\n", "multipart/form-data; boundary=b")[0], 415)
            self.assertEqual(send(desk.port, "/support/ticket/delete", {"id": "t-000000000000", "key": "A" * 32})[0], 404)
            # the honeypot: an ordinary-looking answer, nothing stored, no mail
            status, _, _ = send(desk.port, "/support/", request_fields(website="http://spam.example"))
            self.assertEqual(status, 200)
            self.assertEqual(desk.storage.count_support_rows()["support_tickets"], 0)
            self.assertEqual(desk.mails(), [])

        self.each_engine(run)

    def test_a_flood_is_refused_with_429(self):
        def run(desk):
            answers = [desk.submit()[0] for _ in range(6)]
            self.assertEqual(answers, [303, 303, 303, 429, 429, 429])
            self.assertEqual(desk.storage.count_support_rows()["support_tickets"], 3)

        self.each_engine(run, **{"support.tickets_burst": 3, "support.tickets_per_hour": 1.0})

    def test_inbox_needs_the_token_and_a_reply_reaches_outbox_and_status_page(self):
        def run(desk):
            _, headers, _ = desk.submit(kind="question", message=INJECTION)
            ticket_id, key = link_of(headers)
            desk.submit(kind="bug", email="other@example.org")
            for path in ("/admin/support/", f"/admin/support/ticket?id={ticket_id}"):
                self.assertEqual(get(desk.port, path)[0], 404)
                self.assertEqual(get(desk.port, path, headers={"Authorization": "Bearer wrong-token-0123456"})[0], 404)
            self.assertEqual(send(desk.port, "/admin/support/reply", {"id": ticket_id, "body": "x", "as": "reply",
                                                                     "state": "answered"})[0], 404)
            status, _, body = operator(desk.port, "/admin/support/")
            self.assertEqual(status, 200)
            page = body.decode()
            self.assertEqual(len(re.findall(r'<tr class="(?:open|soon|overdue)">', page)), 2)
            self.assertIn("due within 2 days", page)
            filtered = operator(desk.port, "/admin/support/?kind=bug")[2].decode()
            self.assertIn("other@example.org", filtered)
            self.assertNotIn(ticket_id, filtered)
            status, _, body = operator(desk.port, f"/admin/support/ticket?id={ticket_id}")
            self.assertEqual(status, 200)
            self.assertNotIn("<script>alert", body.decode())
            self.assertIn("&lt;img src=x", body.decode())
            # a note stays inside; a reply that waits for the player pauses the clock and is mailed
            auth = {"Authorization": "Bearer " + TOKEN}
            status, headers, _ = send(desk.port, "/admin/support/reply",
                                      {"id": ticket_id, "body": "Checked the logs", "as": "note", "state": "new"},
                                      headers=auth)
            self.assertEqual(status, 303)
            before = desk.storage.ticket(ticket_id)["due"]
            status, _, _ = send(desk.port, "/admin/support/reply",
                                {"id": ticket_id, "body": "Which browser <b>do</b> you use?", "as": "reply",
                                 "state": "waiting"}, headers=auth)
            self.assertEqual(status, 303)
            t = desk.storage.ticket(ticket_id)
            self.assertEqual(t["state"], "waiting")
            self.assertEqual(len(t["pauses"]), 1)
            self.assertIsNone(t["pauses"][0][1])
            self.assertGreaterEqual(t["due"], before)
            mails = [m for m in desk.mails() if ticket_id in m]
            self.assertEqual(len(mails), 2)  # the acknowledgement and the reply, not the note
            replies = [read_mail(os.path.join(desk.outbox, m)) for m in mails]
            self.assertTrue(any("Which browser <b>do</b> you use?" in r.get_content() for r in replies))
            page = get(desk.port, f"/support/ticket?id={ticket_id}&key={key}")[2].decode()
            self.assertIn("Which browser &lt;b&gt;do&lt;/b&gt; you use?", page)
            self.assertNotIn("Checked the logs", page)
            self.assertIn("Waiting for you", page)
            # the player answers on the status page: the ticket is open again, the clock runs again
            self.assertEqual(send(desk.port, "/support/ticket/reply", {"id": ticket_id, "key": "C" * 32,
                                                                      "body": "Chromium"})[0], 404)
            status, headers, _ = send(desk.port, "/support/ticket/reply", {"id": ticket_id, "key": key,
                                                                         "body": "Chromium <i>131</i>"})
            self.assertEqual(status, 303)
            t = desk.storage.ticket(ticket_id)
            self.assertEqual((t["state"], t["messages"][-1]["author"]), ("new", "player"))
            self.assertIsNotNone(t["pauses"][0][1])
            self.assertIn("Chromium &lt;i&gt;131&lt;/i&gt;", get(desk.port, f"/support/ticket?id={ticket_id}&key={key}")[2].decode())
            self.assertEqual(send(desk.port, "/support/ticket/reply", {"id": ticket_id, "key": key, "body": " "})[0], 400)
            status, _, _ = send(desk.port, "/admin/support/reply",
                                {"id": ticket_id, "body": "Fixed.", "as": "reply", "state": "closed"}, headers=auth)
            self.assertEqual(desk.storage.ticket(ticket_id)["state"], "closed")
            self.assertEqual(send(desk.port, "/support/ticket/reply", {"id": ticket_id, "key": key, "body": "more"})[0],
                             400)
            self.assertEqual(send(desk.port, "/admin/support/reply", {"id": ticket_id, "body": "", "as": "reply",
                                                                     "state": "answered"}, headers=auth)[0], 400)

        self.each_engine(run)

    def test_delete_erases_everything_of_a_ticket(self):
        def run(desk):
            _, headers, _ = desk.submit()
            ticket_id, key = link_of(headers)
            _, other, _ = desk.submit(email="keep@example.org")
            send(desk.port, "/admin/support/reply", {"id": ticket_id, "body": "Answer", "as": "reply",
                                                     "state": "waiting"}, headers={"Authorization": "Bearer " + TOKEN})
            self.assertEqual(desk.storage.count_support_rows(),
                             {"support_tickets": 2, "support_messages": 3, "support_pauses": 1})
            self.assertEqual(send(desk.port, "/support/ticket/delete", {"id": ticket_id, "key": "B" * 32})[0], 404)
            status, _, body = send(desk.port, "/support/ticket/delete", {"id": ticket_id, "key": key, "language": "en"})
            self.assertEqual(status, 200)
            self.assertIn("deleted", body.decode())
            self.assertEqual(desk.storage.count_support_rows(),
                             {"support_tickets": 1, "support_messages": 1, "support_pauses": 0})
            self.assertEqual([m for m in desk.mails() if ticket_id in m], [])
            self.assertEqual(len(desk.mails()), 1)
            self.assertEqual(get(desk.port, f"/support/ticket?id={ticket_id}&key={key}")[0], 404)
            self.assertEqual(get(desk.port, "/support/ticket?id=%s&key=%s" % link_of(other))[0], 200)

        self.each_engine(run)

    def test_retention_erases_closed_tickets_and_keeps_claims_for_their_period(self):
        from server.cli import purge_support

        def run(desk):
            auth = {"Authorization": "Bearer " + TOKEN}
            ids = {}
            for kind in ("question", "claim", "bug"):
                ids[kind] = link_of(desk.submit(kind=kind)[1])[0]
            for kind in ("question", "claim"):
                send(desk.port, "/admin/support/reply", {"id": ids[kind], "body": "Done", "as": "reply",
                                                         "state": "closed"}, headers=auth)
            cfg = desk.server.app.config.support
            now = datetime.datetime.now(datetime.timezone.utc)
            self.assertEqual(purge_support(desk.storage, cfg, now + datetime.timedelta(days=cfg.retention_days - 1)), [])
            self.assertEqual(purge_support(desk.storage, cfg, now + datetime.timedelta(days=cfg.retention_days + 1)),
                             [ids["question"]])
            self.assertIsNotNone(desk.storage.ticket(ids["claim"]))
            later = now + datetime.timedelta(days=cfg.claim_retention_days + 1)
            self.assertEqual(purge_support(desk.storage, cfg, later), [ids["claim"]])
            self.assertEqual(purge_support(desk.storage, cfg, later), [])
            self.assertIsNotNone(desk.storage.ticket(ids["bug"]))  # open: kept
            self.assertEqual(desk.storage.count_support_rows(),
                             {"support_tickets": 1, "support_messages": 1, "support_pauses": 0})
            self.assertEqual([m for m in desk.mails() if ids["bug"] not in m], [])

        self.each_engine(run)

    def test_an_outbox_that_cannot_be_written_keeps_the_ticket(self):
        def run(desk):
            status, headers, _ = desk.submit()
            self.assertEqual(status, 303)
            ticket_id, key = link_of(headers)
            self.assertIsNotNone(desk.storage.ticket(ticket_id))
            self.assertEqual(get(desk.port, f"/support/ticket?id={ticket_id}&key={key}")[0], 200)

        blocker = os.path.join(self.tmp.name, "a-file")
        open(blocker, "w").close()
        self.each_engine(run, outbox=os.path.join(blocker, "outbox"))

    def test_a_database_that_went_away_is_503_and_the_text_is_not_taken(self):
        import psycopg
        url = new_pg_database()
        root = os.path.join(self.tmp.name, "site")
        os.makedirs(root)
        open(os.path.join(root, "index.html"), "w").close()
        server = InProcess(settings(root, url, **{"support.outbox": os.path.join(self.tmp.name, "o"),
                                                  "rate_limit.enabled": False, "log.access": False}))
        name = url.split("/")[3].split("?")[0]
        try:
            with psycopg.connect(url.replace(f"/{name}?", "/postgres?"), autocommit=True) as admin:
                admin.execute(f"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false")
                admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
                status, _, body = send(server.port, "/support/", request_fields(message="Keep <this> text"))
                self.assertEqual(status, 503)
                self.assertIn(b"could not be stored", body)
                self.assertIn(b"Keep &lt;this&gt; text</textarea>", body)
                admin.execute(f"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true")
            self.assertEqual(send(server.port, "/support/", request_fields())[0], 303)
        finally:
            server.stop()

    def test_concurrent_submissions_lose_nothing(self):
        def run(desk):
            with ThreadPoolExecutor(8) as pool:
                answers = list(pool.map(lambda i: desk.submit(email=f"p{i}@example.org"), range(80)))
            self.assertEqual([a[0] for a in answers], [303] * 80)
            ids = {link_of(a[1])[0] for a in answers}
            self.assertEqual(len(ids), 80)
            self.assertEqual(desk.storage.count_support_rows()["support_tickets"], 80)
            self.assertEqual({t["id"] for t in desk.storage.tickets()}, ids)
            self.assertEqual(len(desk.mails()), 80)

        self.each_engine(run, **{"support.tickets_burst": 1000})


if __name__ == "__main__":
    unittest.main()
