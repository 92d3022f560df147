"""Purpose: POST /api/consent and POST /api/partner-demo/form over real sockets, on SQLite and on
PostgreSQL (every test class runs once per engine): valid receipts are stored with a receipt id (and
never an IP address or user agent); malformed, oversized, wrong-typed and wrong-media bodies get 4xx
with a one-line JSON error while the server keeps serving; the record validator follows the shared
cases in tests/legal/fixtures/record-cases.json; the consent period is stored with each receipt; writes only from the site's own origin or a partner's;
the example studio's forms are stored with their acceptance; --consent-db and --header on the command line.

Run: /usr/bin/python3 -m unittest discover -s tests/serve -v
"""
import copy
import json
import os
import sqlite3
import tempfile
import unittest
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import support
from support import ENGINES, REPO, Process, get, new_database, post_json, raw_exchange

from server.api.consent import check_consent_record

CASES = json.load(open(os.path.join(REPO, "tests", "legal", "fixtures", "record-cases.json"), encoding="utf-8"))
BASE = CASES["base"]
PARTNER = "https://northwind.example"


def edit(record, case):
    """Applies a shared case's edits (see record-cases.json) to a copy of the base record."""
    if "raw" in case:
        return copy.deepcopy(case["raw"])
    r = copy.deepcopy(record)

    def walk(path):
        parts = path.split(".")
        node = r
        for p in parts[:-1]:
            node = node[int(p)] if isinstance(node, list) else node[p]
        return node, (int(parts[-1]) if isinstance(node, list) else parts[-1])

    for path, value in case.get("set", {}).items():
        node, key = walk(path)
        node[key] = value
    for path in case.get("delete", []):
        node, key = walk(path)
        del node[key]
    return r


def with_documents(n):
    r = copy.deepcopy(BASE)
    r["documents"] = [{"id": f"doc-{i}", "version": "1.0", "hash": f"{i:064x}"} for i in range(n)]
    return r


def fresh(**changes):
    r = copy.deepcopy(BASE)
    r["id"] = "c-" + os.urandom(16).hex()
    r.update(changes)
    return r


class EngineCase(support.EngineCase):
    """A server on a free port over a one-page root and a new database of `engine`, with a partner."""
    overrides = {"partners__origins": [PARTNER]}

    def post(self, body, ctype="application/json", raw=False, headers=None):
        status, parsed, payload, _ = post_json(self.port, "/api/consent", body, ctype, raw, headers)
        return status, parsed, payload

    def assert_serving(self):
        status, _, body = get(self.port, "/api/health")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)["database"], "ok")

    def assert_json_error(self, status, parsed, payload, code):
        self.assertEqual(status, code, payload)
        self.assertEqual(parsed["ok"], False)
        self.assertIsInstance(parsed["error"], str)
        self.assertTrue(payload.endswith(b"\n") and payload.count(b"\n") == 1, "a one-line JSON error")
        self.assert_serving()


class ConsentApi:
    # --- accepted -----------------------------------------------------------------------------
    def test_receipt_stored_without_ip_or_user_agent(self):
        record = fresh()
        status, parsed, _ = self.post({"record": record, "event": "given"})
        self.assertEqual(status, 201)
        self.assertEqual(parsed, {"ok": True, "receipt": record["id"] + ":1"})
        status, parsed, _ = self.post({"record": dict(record, method="preferences"), "event": "changed"},
                                      ctype="text/plain;charset=UTF-8")
        self.assertEqual((status, parsed["receipt"]), (201, record["id"] + ":2"))
        rows = self.storage.receipts(record["id"])
        self.assertEqual([r["seq"] for r in rows], [1, 2])
        first = rows[0]
        self.assertEqual((first["site"], first["event"], first["method"], first["language"]),
                         ("astradia", "given", "banner", "en"))
        self.assertEqual(first["choices"], record["choices"])
        self.assertEqual(first["documents"], record["documents"])
        self.assertEqual((first["time"], first["expires"]), (record["time"], record["expires"]))
        self.assertEqual((first["age_confirmed"], first["gpc"]), (True, False))
        self.assertRegex(first["received"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
        with self.storage._transaction(write=False) as tx:
            if self.engine == "sqlite":
                columns = [c[1] for c in tx.execute("PRAGMA table_info(receipts)")]
            else:
                columns = [c[0] for c in tx.execute("SELECT column_name FROM information_schema.columns "
                                                    "WHERE table_name = 'receipts'")]
            everything = json.dumps(tx.execute("SELECT * FROM receipts"))
        self.assertIn("record_id", columns)
        for forbidden in ("ip", "address", "agent", "user_agent", "host"):
            self.assertNotIn(forbidden, columns)
        self.assertNotIn("127.0.0.1", everything, "the client's address never reaches the database")
        self.assertNotIn("Python-urllib", everything, "the user agent never reaches the database")

    def test_the_consent_period_is_stored_with_the_receipt(self):
        for period, column in (("until_withdrawn", '"until_withdrawn"'), (183, "183"), (None, None)):
            with self.subTest(period=period):
                record = fresh(period=period, expires="2027-05-23T10:15:30.123Z")
                if period is None:
                    del record["period"]  # a record made before the period existed
                status, _, payload = self.post({"record": record, "event": "given"})
                self.assertEqual(status, 201, payload)
                self.assertEqual([r["period"] for r in self.storage.receipts(record["id"])], [period])
                with self.storage._transaction(write=False) as tx:
                    rows = tx.execute("SELECT period FROM receipts WHERE record_id = ?", (record["id"],))
                self.assertEqual([r[0] for r in rows], [column], "canonical JSON text, NULL without a period")
        # a period that ends before the record expires is refused and nothing is stored
        record = fresh(period=91)
        status, parsed, payload = self.post({"record": record, "event": "given"})
        self.assertEqual(status, 400, payload)
        self.assertIn("record.period", parsed["error"])
        self.assertEqual(self.storage.receipts(record["id"]), [])

    def test_parallel_receipts_for_one_record_get_distinct_numbers(self):
        record = fresh()
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(lambda i: self.post({"record": record, "event": "changed"}), range(24)))
        self.assertTrue(all(s == 201 for s, _, _ in results))
        receipts = sorted(int(p["receipt"].split(":")[1]) for _, p, _ in results)
        self.assertEqual(receipts, list(range(1, 25)))

    # --- where writes may come from --------------------------------------------------------
    def test_writes_only_from_this_site_or_a_partner(self):
        own = f"http://127.0.0.1:{self.port}"
        # A form posted from a page under Referrer-Policy: no-referrer carries Origin: null.
        allowed = [{"Origin": own}, {"Origin": PARTNER}, {"Sec-Fetch-Site": "same-origin"},
                   {"Origin": own, "Sec-Fetch-Site": "same-origin"}, {},
                   {"Origin": "null", "Sec-Fetch-Site": "same-origin"}]
        for headers in allowed:
            with self.subTest(headers=headers):
                status, _, payload = self.post({"record": fresh(), "event": "given"}, headers=headers)
                self.assertEqual(status, 201, payload)
        refused = [{"Origin": "https://evil.example"}, {"Origin": "null", "Sec-Fetch-Site": "cross-site"},
                   {"Origin": own + ".evil.example"},
                   {"Origin": "https://northwind.example.evil"}, {"Sec-Fetch-Site": "cross-site"},
                   {"Sec-Fetch-Site": "same-site"}]
        for headers in refused:
            with self.subTest(headers=headers):
                record = fresh()
                self.assert_json_error(*self.post({"record": record, "event": "given"}, headers=headers), 403)
                self.assertEqual(self.storage.receipts(record["id"]), [])

    # --- refused ------------------------------------------------------------------------------
    def test_invalid_records_are_400_with_the_reason(self):
        for case in CASES["cases"]:
            if case["valid"]:
                continue
            with self.subTest(case["name"]):
                status, parsed, payload = self.post({"record": edit(BASE, case), "event": "given"})
                self.assertEqual(status, 400, payload)
                self.assertIn("record", parsed["error"])
        self.assert_serving()

    def test_body_shape_and_event(self):
        record = fresh()
        for body in ([record], {"record": record}, {"record": record, "event": "given", "ip": "1.2.3.4"},
                     {"record": record, "event": "accepted"}, {"record": record, "event": 1}, "given", None):
            with self.subTest(body=str(body)[:60]):
                self.assert_json_error(*self.post(body), 400)
        self.assertEqual(self.storage.receipts(record["id"]), [])

    def test_malformed_json(self):
        for data in (b"{", b"", b'{"record": }', b"\xff\xfe{}", b'{"event": "given", "event": "given", "record": {}}',
                     b'{"record": NaN, "event": "given"}', b"[" * 2000 + b"]" * 2000):
            with self.subTest(data=data[:30]):
                self.assert_json_error(*self.post(data, raw=True), 400)

    def test_wrong_media_type_is_415(self):
        body = json.dumps({"record": fresh(), "event": "given"}).encode()
        for ctype in ("application/x-www-form-urlencoded", "text/plain;charset=latin-1", "multipart/form-data", None):
            with self.subTest(ctype=ctype):
                self.assert_json_error(*self.post(body, ctype=ctype, raw=True), 415)

    def test_oversized_body_is_413_and_the_connection_closes(self):
        big = {"record": fresh(), "event": "given", "pad": "x" * 5000}
        self.assert_json_error(*self.post(big), 413)
        data = json.dumps(big).encode()
        out = raw_exchange(self.port, b"POST /api/consent HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                           b"Content-Length: " + str(len(data)).encode() + b"\r\n\r\n" + data)
        self.assertTrue(out.startswith(b"HTTP/1.1 413"), out[:80])
        self.assertIn(b"Connection: close", out)
        self.assertEqual(out.count(b"HTTP/1.1 "), 1, "the unread body must not be parsed as another request")
        self.assert_serving()

    def test_a_body_that_looks_like_a_request_is_never_one(self):
        # The body is read whole (and refused); the request hidden in it is never answered.
        smuggled = b"GET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n"
        pad = b"x" * (5000 - len(smuggled))
        out = raw_exchange(self.port, b"POST /api/consent HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                           b"Content-Length: 5000\r\n\r\n" + pad + smuggled)
        self.assertEqual(out.count(b"HTTP/1.1 "), 1, out)
        out = raw_exchange(self.port, b"POST /api/consent HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                           b"Content-Length: 2\r\n\r\n{}" + smuggled)
        self.assertTrue(out.startswith(b"HTTP/1.1 400"), out[:80])
        self.assertNotIn(b"HTTP/1.1 404", out, "the bytes after a refused body are not served as a request")

    def test_length_problems(self):
        head = b"POST /api/consent HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        cases = {
            b"\r\n{}": b"411",
            b"Content-Length: abc\r\n\r\n{}": b"400",
            b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n": b"400",
            b"Content-Length: 50\r\n\r\n{\"record\":": b"400",
        }
        for tail, code in cases.items():
            with self.subTest(tail=tail[:30]):
                out = raw_exchange(self.port, head + tail)
                self.assertTrue(out.startswith(b"HTTP/1.1 " + code), out[:80])
                body = out.partition(b"\r\n\r\n")[2]
                if code == b"411":
                    self.assertEqual(json.loads(body)["ok"], False)
        self.assert_serving()

    def test_other_methods_are_405(self):
        status, headers, _ = get(self.port, "/api/consent")
        self.assertEqual(status, 405)
        self.assertEqual(headers["allow"], "POST")


class PartnerForms:
    GOOD = {"form": "inquiry", "email": "a@example.test", "message": "A booking app.",
            "acceptance.document": "user-agreement", "acceptance.version": "1.0", "acceptance.hash": "ab" * 32,
            "acceptance.time": "2026-11-21T10:15:30.123Z", "acceptance.language": "ru"}

    def submit(self, fields):
        data = urllib.parse.urlencode(fields).encode()
        out = raw_exchange(self.port, b"POST /api/partner-demo/form HTTP/1.1\r\nHost: t\r\n"
                           b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                           + str(len(data)).encode() + b"\r\nConnection: close\r\n\r\n" + data)
        return int(out.split()[1]), out

    def test_needs_the_acceptance_fields_and_is_stored_with_them(self):
        before = len(self.storage.forms())
        status, out = self.submit(self.GOOD)
        self.assertEqual(status, 303)
        self.assertIn(b"Location: /partner-demo/thanks.html", out)
        stored = self.storage.forms()[-1]
        self.assertEqual((stored["form"], stored["document"], stored["version"], stored["language"]),
                         ("inquiry", "user-agreement", "1.0", "ru"))
        self.assertEqual(stored["accepted"], "2026-11-21T10:15:30.123Z")
        self.assertEqual(stored["fields"], {"email": "a@example.test", "message": "A booking app."})
        good = self.GOOD
        for broken in ({k: v for k, v in good.items() if k != "acceptance.hash"}, dict(good, **{"acceptance.version": "x"}),
                       dict(good, **{"acceptance.time": "yesterday"}), {"email": "a@example.test"}):
            with self.subTest(broken=sorted(broken)):
                self.assertEqual(self.submit(broken)[0], 400)
        self.assertEqual(len(self.storage.forms()), before + 1, "refused forms are not stored")


class SqliteConsentTest(ConsentApi, EngineCase):
    engine = "sqlite"


class PostgresConsentTest(ConsentApi, EngineCase):
    engine = "postgresql"


class SqlitePartnerFormTest(PartnerForms, EngineCase):
    engine = "sqlite"


class PostgresPartnerFormTest(PartnerForms, EngineCase):
    engine = "postgresql"


class ValidatorTest(unittest.TestCase):
    def test_shared_validation_cases(self):
        for case in CASES["cases"]:
            with self.subTest(case["name"]):
                record = edit(BASE, case)
                self.assertEqual(check_consent_record(record) is None, case["valid"], check_consent_record(record))
        for case in CASES["generated"]:
            with self.subTest(case["name"]):
                self.assertEqual(check_consent_record(with_documents(case["documents"])) is None, case["valid"])

    def test_python_only_type_traps(self):
        # JSON 1.0 and true are not the integer 1; True is not a bool-typed 1 either way round.
        for v in (1.0, True):
            self.assertIsNotNone(check_consent_record(dict(BASE, v=v)))
        self.assertIsNotNone(check_consent_record(dict(BASE, age_confirmed=1)))
        self.assertIsNotNone(check_consent_record(dict(BASE, choices={"necessary": 1, "statistics": False, "ads": False})))


class CommandLineTest(unittest.TestCase):
    def test_consent_db_and_extra_header_options(self):
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "index.html"), "wb") as f:
                f.write(b"<!doctype html><title>t</title>")
            db = os.path.join(tmp, "receipts.sqlite3")
            p = Process(["--root", tmp, "--consent-db", db,
                         "--header", "Content-Security-Policy: require-trusted-types-for 'script'"])
            try:
                import urllib.request
                with urllib.request.urlopen(f"http://127.0.0.1:{p.port}/", timeout=5) as r:
                    policies = r.headers.get_all("Content-Security-Policy")
                self.assertEqual(len(policies), 2)
                self.assertIn("require-trusted-types-for 'script'", policies)
                record = dict(BASE, id="c-" + "ab" * 16)
                self.assertEqual(post_json(p.port, "/api/consent", {"record": record, "event": "given"})[0], 201)
                with sqlite3.connect(db) as conn:
                    self.assertEqual(conn.execute("SELECT COUNT(*) FROM receipts").fetchone()[0], 1)
            finally:
                p.stop()

    def test_database_from_the_environment(self):
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "index.html"), "wb") as f:
                f.write(b"<!doctype html><title>t</title>")
            for engine in ENGINES:
                with self.subTest(engine=engine):
                    url = new_database(engine, tmp)
                    p = Process(["--root", tmp], env={"ASTRADIA_DATABASE_URL": url})
                    try:
                        record = fresh()
                        self.assertEqual(post_json(p.port, "/api/consent", {"record": record, "event": "given"})[0], 201)
                        self.assertIn(engine, p.output())
                    finally:
                        p.stop()
                    from server.storage import open_storage
                    s = open_storage(url)
                    try:
                        self.assertEqual(len(s.receipts(record["id"])), 1)
                    finally:
                        s.close()


if __name__ == "__main__":
    unittest.main()
