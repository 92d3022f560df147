"""Purpose: serve.py's POST /api/consent over real sockets: valid receipts are stored in
SQLite with a receipt id (and never an IP address or user agent); malformed, oversized,
wrong-typed and wrong-media bodies get 4xx with a one-line JSON error while the server
keeps serving; the record validator follows the shared cases in
tests/legal/fixtures/record-cases.json; --consent-db and --header on the command line;
the example studio's form endpoint.

Run: python3 -m unittest discover -s tests/serve -v
"""
import copy
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, REPO)
import serve  # noqa: E402

CASES = json.load(open(os.path.join(REPO, "tests", "legal", "fixtures", "record-cases.json"), encoding="utf-8"))
BASE = CASES["base"]


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


def post(port, body, ctype="application/json", raw=False):
    """POSTs body (an object, or bytes when raw) and returns (status, parsed JSON or None, raw bytes)."""
    data = body if raw else json.dumps(body).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/consent", data=data, method="POST",
                                 headers={"Content-Type": ctype} if ctype else {})
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            payload = r.read()
            status, headers = r.status, r.headers
    except urllib.error.HTTPError as e:
        payload, status, headers = e.read(), e.code, e.headers
    parsed = json.loads(payload) if headers.get("Content-Type") == "application/json" else None
    return status, parsed, payload


def raw_exchange(port, data, timeout=5):
    """Sends raw bytes and returns everything the server answers until it closes or times out."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        out = b""
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                out += chunk
        except socket.timeout:
            pass
        return out


class ServerCase(unittest.TestCase):
    """A serve.py Server on a free port over a one-page root, its receipts in a folder that does
    not exist yet (the store creates it)."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        root = os.path.join(cls.tmp.name, "site")
        os.makedirs(root)
        with open(os.path.join(root, "index.html"), "wb") as f:
            f.write(b"<!doctype html><title>t</title>")
        cls.db = os.path.join(cls.tmp.name, "deep", "consent.sqlite3")
        cls.server = serve.Server(("127.0.0.1", 0), root, consent_db=cls.db)
        cls.port = cls.server.server_address[1]
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        cls.tmp.cleanup()


class ConsentApiTest(ServerCase):

    def rows(self, record_id):
        if not os.path.exists(self.db):
            return []
        with sqlite3.connect(self.db) as db:
            db.row_factory = sqlite3.Row
            return [dict(r) for r in db.execute("SELECT * FROM receipts WHERE record_id = ? ORDER BY seq", (record_id,))]

    def assert_serving(self):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/health", timeout=5) as r:
            self.assertEqual(json.loads(r.read()), {"ok": True})

    def assert_json_error(self, status, parsed, payload, code):
        self.assertEqual(status, code, payload)
        self.assertEqual(parsed["ok"], False)
        self.assertIsInstance(parsed["error"], str)
        self.assertTrue(payload.endswith(b"\n") and payload.count(b"\n") == 1, "a one-line JSON error")
        self.assert_serving()

    def fresh(self, **changes):
        r = copy.deepcopy(BASE)
        r["id"] = "c-" + os.urandom(16).hex()
        r.update(changes)
        return r

    # --- accepted -----------------------------------------------------------------------------
    def test_receipt_stored_without_ip_or_user_agent(self):
        record = self.fresh()
        status, parsed, _ = post(self.port, {"record": record, "event": "given"})
        self.assertEqual(status, 201)
        self.assertEqual(parsed, {"ok": True, "receipt": record["id"] + ":1"})
        status, parsed, _ = post(self.port, {"record": dict(record, method="preferences"), "event": "changed"},
                                 ctype="text/plain;charset=UTF-8")
        self.assertEqual((status, parsed["receipt"]), (201, record["id"] + ":2"))
        rows = self.rows(record["id"])
        self.assertEqual([r["seq"] for r in rows], [1, 2])
        first = rows[0]
        self.assertEqual((first["site"], first["event"], first["method"], first["language"]),
                         ("astradia", "given", "banner", "en"))
        self.assertEqual(json.loads(first["choices"]), record["choices"])
        self.assertEqual(json.loads(first["documents"]), record["documents"])
        self.assertEqual((first["time"], first["expires"]), (record["time"], record["expires"]))
        self.assertEqual((first["age_confirmed"], first["gpc"]), (1, 0))
        self.assertRegex(first["received"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
        with sqlite3.connect(self.db) as db:
            columns = [c[1] for c in db.execute("PRAGMA table_info(receipts)")]
            everything = json.dumps(db.execute("SELECT * FROM receipts").fetchall())
        for forbidden in ("ip", "address", "agent", "user_agent", "host"):
            self.assertNotIn(forbidden, columns)
        self.assertNotIn("127.0.0.1", everything, "the client's address never reaches the database")
        self.assertNotIn("Python-urllib", everything, "the user agent never reaches the database")

    def test_parallel_receipts_for_one_record_get_distinct_numbers(self):
        record = self.fresh()
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(lambda i: post(self.port, {"record": record, "event": "changed"}), range(24)))
        self.assertTrue(all(s == 201 for s, _, _ in results))
        receipts = sorted(int(p["receipt"].split(":")[1]) for _, p, _ in results)
        self.assertEqual(receipts, list(range(1, 25)))

    def test_shared_validation_cases(self):
        for case in CASES["cases"]:
            with self.subTest(case["name"]):
                record = edit(BASE, case)
                self.assertEqual(serve.check_consent_record(record) is None, case["valid"],
                                 serve.check_consent_record(record))
        for case in CASES["generated"]:
            with self.subTest(case["name"]):
                self.assertEqual(serve.check_consent_record(with_documents(case["documents"])) is None, case["valid"])

    def test_python_only_type_traps(self):
        # JSON 1.0 and true are not the integer 1; True is not a bool-typed 1 either way round.
        for v in (1.0, True):
            self.assertIsNotNone(serve.check_consent_record(dict(BASE, v=v)))
        self.assertIsNotNone(serve.check_consent_record(dict(BASE, age_confirmed=1)))
        self.assertIsNotNone(serve.check_consent_record(dict(BASE, choices={"necessary": 1, "statistics": False, "ads": False})))

    # --- refused ------------------------------------------------------------------------------
    def test_invalid_records_are_400_with_the_reason(self):
        for case in CASES["cases"]:
            if case["valid"]:
                continue
            with self.subTest(case["name"]):
                status, parsed, payload = post(self.port, {"record": edit(BASE, case), "event": "given"})
                self.assertEqual(status, 400, payload)
                self.assertIn("record", parsed["error"])
        self.assert_serving()

    def test_body_shape_and_event(self):
        record = self.fresh()
        for body in ([record], {"record": record}, {"record": record, "event": "given", "ip": "1.2.3.4"},
                     {"record": record, "event": "accepted"}, {"record": record, "event": 1}, "given", None):
            with self.subTest(body=str(body)[:60]):
                self.assert_json_error(*post(self.port, body), 400)
        self.assertEqual(self.rows(record["id"]), [])

    def test_malformed_json(self):
        for data in (b"{", b"", b'{"record": }', b"\xff\xfe{}", b'{"event": "given", "event": "given", "record": {}}',
                     b'{"record": NaN, "event": "given"}', b"[" * 2000 + b"]" * 2000):
            with self.subTest(data=data[:30]):
                self.assert_json_error(*post(self.port, data, raw=True), 400)

    def test_wrong_media_type_is_415(self):
        body = json.dumps({"record": self.fresh(), "event": "given"}).encode()
        for ctype in ("application/x-www-form-urlencoded", "text/plain;charset=latin-1", "multipart/form-data", None):
            with self.subTest(ctype=ctype):
                self.assert_json_error(*post(self.port, body, ctype=ctype, raw=True), 415)

    def test_oversized_body_is_413_and_the_connection_closes(self):
        big = {"record": self.fresh(), "event": "given", "pad": "x" * 5000}
        self.assert_json_error(*post(self.port, big), 413)
        data = json.dumps(big).encode()
        out = raw_exchange(self.port, b"POST /api/consent HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                           b"Content-Length: " + str(len(data)).encode() + b"\r\n\r\n" + data)
        self.assertTrue(out.startswith(b"HTTP/1.1 413"), out[:80])
        self.assertIn(b"Connection: close", out)
        self.assertEqual(out.count(b"HTTP/1.1 "), 1, "the unread body must not be parsed as another request")
        self.assert_serving()

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
                self.assertEqual(json.loads(body)["ok"], False)
        self.assert_serving()

    def test_other_methods_are_405(self):
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}/api/consent", method="GET")
        with self.assertRaises(urllib.error.HTTPError) as ctx:
            urllib.request.urlopen(req, timeout=5)
        self.assertEqual(ctx.exception.code, 405)
        self.assertEqual(ctx.exception.headers["Allow"], "POST")


class PartnerFormTest(ServerCase):
    def submit(self, fields):
        data = urllib.parse.urlencode(fields).encode()
        out = raw_exchange(self.port, b"POST /api/partner-demo/form HTTP/1.1\r\nHost: t\r\n"
                           b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                           + str(len(data)).encode() + b"\r\nConnection: close\r\n\r\n" + data)
        return int(out.split()[1]), out

    def test_needs_the_acceptance_fields(self):
        good = {"email": "a@example.test", "acceptance.document": "user-agreement", "acceptance.version": "1.0",
                "acceptance.hash": "ab" * 32, "acceptance.time": "2026-11-21T10:15:30.123Z", "acceptance.language": "ru"}
        status, out = self.submit(good)
        self.assertEqual(status, 303)
        self.assertIn(b"Location: /partner-demo/thanks.html", out)
        for broken in ({k: v for k, v in good.items() if k != "acceptance.hash"}, dict(good, **{"acceptance.version": "x"}),
                       dict(good, **{"acceptance.time": "yesterday"}), {"email": "a@example.test"}):
            with self.subTest(broken=sorted(broken)):
                self.assertEqual(self.submit(broken)[0], 400)


class CommandLineTest(unittest.TestCase):
    def test_consent_db_and_extra_header_options(self):
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "index.html"), "wb") as f:
                f.write(b"<!doctype html><title>t</title>")
            db = os.path.join(tmp, "receipts.sqlite3")
            proc = subprocess.Popen([sys.executable, os.path.join(REPO, "serve.py"), "--no-build", "--root", tmp,
                                     "--port", "0", "--consent-db", db,
                                     "--header", "Content-Security-Policy: require-trusted-types-for 'script'"],
                                    stderr=subprocess.PIPE, text=True)
            try:
                line = proc.stderr.readline()
                port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    policies = r.headers.get_all("Content-Security-Policy")
                self.assertEqual(len(policies), 2)
                self.assertIn("require-trusted-types-for 'script'", policies)
                record = dict(BASE, id="c-" + "ab" * 16)
                self.assertEqual(post(port, {"record": record, "event": "given"})[0], 201)
                with sqlite3.connect(db) as conn:
                    self.assertEqual(conn.execute("SELECT COUNT(*) FROM receipts").fetchone()[0], 1)
            finally:
                proc.terminate()
                proc.wait(10)
                proc.stderr.close()

    def test_a_malformed_header_option_is_refused(self):
        result = subprocess.run([sys.executable, os.path.join(REPO, "serve.py"), "--no-build", "--root", REPO,
                                 "--port", "0", "--header", "no colon here"], capture_output=True, text=True, timeout=20)
        self.assertEqual(result.returncode, 2)
        self.assertIn("--header", result.stderr)


if __name__ == "__main__":
    unittest.main()
