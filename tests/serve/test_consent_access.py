"""Purpose: access to and erasure of a visitor's consent receipts (issue 20, part 3) over real sockets,
on SQLite and on PostgreSQL (every test class runs once per engine): the first proof seen binds a
record id and receipts with another proof (or none) are refused; GET /api/consent/<id> with the
record's secret in X-Consent-Secret answers the id's receipts; a wrong, missing or malformed secret
and an unknown id get the same 404; DELETE erases the receipts that record no consent, keeps those
of a consent given under a new random id, drops the proof and says what is kept, why and until when;
only the proof is stored, never the secret; the purge drops a proof with its last receipt; hostile
headers and a flood (429).

Run: /usr/bin/python3 -m unittest discover -s tests/serve -p 'test_consent_access.py' -v
"""
import copy
import datetime
import hashlib
import json
import os
import tempfile
import unittest

import support
from support import InProcess, get, post_json, raw_request, settings
from test_consent import BASE

SECRET = "X-Consent-Secret"


def new_secret():
    secret = os.urandom(32).hex()
    return secret, hashlib.sha256(secret.encode()).hexdigest()


def record(statistics=False, ads=False, expires="2027-06-01T10:00:00.000Z", rid=None):
    r = copy.deepcopy(BASE)
    r["id"] = rid or "c-" + os.urandom(16).hex()
    r["choices"] = {"necessary": True, "statistics": statistics, "ads": ads}
    r["expires"] = expires
    return r


class EngineCase(support.EngineCase):
    def receipt(self, rec, event="given", proof=None, headers=None):
        body = {"record": rec, "event": event}
        if proof is not None:
            body["proof"] = proof
        status, parsed, _, _ = post_json(self.port, "/api/consent", body, headers=headers)
        return status, parsed

    def access(self, rid, secret=None, method="GET", extra=None):
        headers = dict(extra or {})
        if secret is not None:
            headers[SECRET] = secret
        status, hdrs, body = get(self.port, "/api/consent/" + rid, headers=headers, method=method)
        return status, hdrs, body


class ConsentAccess:
    def test_the_first_proof_binds_and_another_is_refused(self):
        rec = record(statistics=True)
        secret, proof = new_secret()
        self.assertEqual(self.receipt(rec, proof=proof), (201, {"ok": True, "receipt": rec["id"] + ":1"}))
        self.assertEqual(self.receipt(rec, "changed", proof=proof)[0], 201)
        _, other = new_secret()
        for wrong in (other, None):
            with self.subTest(proof=wrong):
                status, parsed = self.receipt(rec, "changed", proof=wrong)
                self.assertEqual(status, 403)
                self.assertEqual(parsed["ok"], False)
                self.assertIn("bound to another browser", parsed["error"])
        self.assertEqual(len(self.storage.receipts(rec["id"])), 2, "refused receipts are not stored")
        self.assertEqual(self.storage.proof(rec["id"]), proof)
        with self.storage._transaction(write=False) as tx:
            everything = json.dumps([tx.execute("SELECT * FROM receipts"), tx.execute("SELECT * FROM consent_proofs")])
        self.assertNotIn(secret, everything, "the secret itself is never stored")

    def test_a_malformed_proof_is_400(self):
        rec = record()
        for proof in ("ab" * 31, "AB" * 32, "g" * 64, 7, "", ["a" * 64]):
            with self.subTest(proof=proof):
                status, parsed = self.receipt(rec, proof=proof)
                self.assertEqual(status, 400)
                self.assertIn("proof must be 64 lower-case hex digits", parsed["error"])
        self.assertEqual(self.storage.receipts(rec["id"]), [])

    def test_ids_from_before_the_proof_are_bound_by_their_next_receipt(self):
        rec = record(ads=True)
        self.assertEqual(self.receipt(rec)[0], 201)           # an old widget: no proof
        self.assertIsNone(self.storage.proof(rec["id"]))
        secret, proof = new_secret()
        self.assertEqual(self.receipt(rec, "changed", proof=proof)[0], 201)
        status, _, body = self.access(rec["id"], secret)
        self.assertEqual(status, 200)
        self.assertEqual([r["seq"] for r in json.loads(body)["receipts"]], [1, 2])

    def test_access_with_the_secret_answers_the_receipts(self):
        rec = record(statistics=True)
        secret, proof = new_secret()
        self.receipt(rec, proof=proof)
        self.receipt(dict(rec, method="preferences", choices={"necessary": True, "statistics": False, "ads": False}),
                     "changed", proof=proof)
        status, headers, body = self.access(rec["id"], secret)
        self.assertEqual(status, 200, body)
        self.assertEqual(headers["content-type"], "application/json")
        self.assertEqual(headers["cache-control"], "no-store")
        self.assertIn("attachment", headers["content-disposition"])
        answer = json.loads(body)
        self.assertEqual((answer["ok"], answer["record_id"]), (True, rec["id"]))
        self.assertEqual(answer["receipts"], self.storage.receipts(rec["id"]))
        self.assertEqual([(r["seq"], r["event"], r["choices"]["statistics"]) for r in answer["receipts"]],
                         [(1, "given", True), (2, "changed", False)])
        self.assertNotIn(secret, body.decode())

    def test_wrong_missing_malformed_secret_and_unknown_id_are_the_same_404(self):
        rec = record()
        secret, proof = new_secret()
        self.receipt(rec, proof=proof)
        unbound = record()
        self.receipt(unbound)                                  # receipts, but no proof: nobody can open it
        other, _ = new_secret()
        cases = {"wrong secret": (rec["id"], other), "no secret": (rec["id"], None),
                 "upper-case secret": (rec["id"], secret.upper()), "short secret": (rec["id"], secret[:-1]),
                 "non-hex secret": (rec["id"], "z" * 64), "the proof as secret": (rec["id"], proof),
                 "unknown id": (record()["id"], secret), "unbound id": (unbound["id"], secret),
                 "not an id": ("c-xyz", secret), "an id with a tail": (rec["id"] + "/x", secret)}
        answers = set()
        for name, (rid, sec) in cases.items():
            for method in ("GET", "DELETE"):
                with self.subTest(name, method=method):
                    status, headers, body = self.access(rid, sec, method)
                    self.assertEqual(status, 404)
                    answers.add((headers["content-type"], headers["content-length"], body))
        self.assertEqual(len(answers), 1, f"every 404 is the same: {answers}")
        self.assertEqual(json.loads(answers.pop()[2]), {"ok": False, "error": "no receipts for this record id and secret"})
        self.assertEqual(len(self.storage.receipts(rec["id"])), 1, "nothing was erased by a wrong secret")
        # the secret in the URL opens nothing
        self.assertEqual(get(self.port, f"/api/consent/{rec['id']}?secret={secret}")[0], 404)
        self.assertEqual(self.access(rec["id"], secret)[0], 200)

    def test_erasure_deletes_refusals_keeps_consent_unlinked_and_says_until_when(self):
        rid = record()["id"]
        secret, proof = new_secret()
        given = record(statistics=True, expires="2027-03-01T10:00:00.000Z", rid=rid)
        later = record(ads=True, expires="2027-09-01T10:00:00.000Z", rid=rid)
        refused = record(rid=rid)
        for rec, event in ((refused, "given"), (given, "changed"), (later, "changed"), (refused, "withdrawn")):
            self.assertEqual(self.receipt(rec, event, proof=proof)[0], 201)
        before = self.storage.count_receipts()
        status, _, body = self.access(rid, secret, "DELETE")
        self.assertEqual(status, 200, body)
        answer = json.loads(body)
        self.assertEqual((answer["ok"], answer["erased"], answer["kept"]), (True, 2, 2))
        until = (datetime.date(2027, 9, 1) + datetime.timedelta(days=self.server.app.config.consent.retention_days))
        self.assertEqual(answer["kept_until"], until.isoformat())
        self.assertIn("three years", answer["why"])
        self.assertIn(until.isoformat(), answer["message"])
        # what remains: the two consents, under another id, with nothing pointing back at the old one
        self.assertEqual(self.storage.receipts(rid), [])
        self.assertIsNone(self.storage.proof(rid))
        self.assertEqual(self.storage.count_receipts(), before - 2)
        with self.storage._transaction(write=False) as tx:
            rows = tx.execute("SELECT record_id, seq, expires FROM receipts WHERE expires IN (?, ?) ORDER BY seq",
                              (given["expires"], later["expires"]))
            self.assertEqual(tx.execute("SELECT COUNT(*) FROM consent_proofs WHERE proof = ?", (proof,))[0][0], 0)
        kept = [r for r in rows if r[0] != rid]
        self.assertEqual([(seq, exp) for _, seq, exp in kept], [(2, given["expires"]), (3, later["expires"])])
        self.assertEqual(len({r[0] for r in kept}), 1)
        self.assertRegex(kept[0][0], r"^c-[0-9a-f]{32}$")
        # the secret opens nothing any more, and a second erasure is the same 404
        self.assertEqual(self.access(rid, secret)[0], 404)
        self.assertEqual(self.access(rid, secret, "DELETE")[0], 404)

    def test_erasure_of_refusals_only_keeps_nothing(self):
        rec = record()
        secret, proof = new_secret()
        self.receipt(rec, proof=proof)
        status, _, body = self.access(rec["id"], secret, "DELETE")
        self.assertEqual(status, 200)
        answer = json.loads(body)
        self.assertEqual((answer["erased"], answer["kept"], answer["kept_until"], answer["why"]), (1, 0, None, None))
        self.assertIn("Nothing is kept", answer["message"])
        self.assertEqual(self.storage.receipts(rec["id"]), [])

    def test_erasure_only_from_this_site(self):
        rec = record()
        secret, proof = new_secret()
        self.receipt(rec, proof=proof)
        for headers in ({"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}):
            with self.subTest(headers=headers):
                self.assertEqual(self.access(rec["id"], secret, "DELETE", headers)[0], 403)
        self.assertEqual(len(self.storage.receipts(rec["id"])), 1)

    def test_hostile_headers(self):
        rec = record()
        secret, proof = new_secret()
        self.receipt(rec, proof=proof)
        # a secret header far too long (but under the server's header limit): the same 404
        status, _, body = self.access(rec["id"], secret + "0" * 16000)
        self.assertEqual((status, json.loads(body)["ok"]), (404, False))
        # past the server's header limit: refused before the app, and the server keeps serving
        huge = (f"GET /api/consent/{rec['id']} HTTP/1.1\r\nHost: t\r\n{SECRET}: " + "a" * 300000
                + "\r\nConnection: close\r\n\r\n").encode()
        status, _, _ = raw_request(self.port, huge)
        self.assertEqual(status, 431)
        # a secret with bytes that are not ASCII
        status, _, _ = raw_request(self.port, f"GET /api/consent/{rec['id']} HTTP/1.1\r\nHost: t\r\n".encode()
                                   + SECRET.encode() + b": \xff\xfe" + b"a" * 62 + b"\r\nConnection: close\r\n\r\n")
        self.assertEqual(status, 404)
        self.assertEqual(self.access(rec["id"], secret)[0], 200)

    def test_the_purge_drops_a_proof_with_its_last_receipt(self):
        old, kept = record(expires="2026-01-01T00:00:00.000Z"), record(expires="2999-01-01T00:00:00.000Z")
        secret, proof = new_secret()
        self.receipt(old, proof=proof)
        self.receipt(kept, proof=new_secret()[1])
        self.storage.purge(1096, 365, now=datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc))
        self.assertEqual((self.storage.receipts(old["id"]), self.storage.proof(old["id"])), ([], None))
        self.assertIsNotNone(self.storage.proof(kept["id"]), "a proof with receipts left stays")
        self.assertEqual(self.access(old["id"], secret)[0], 404)

    def test_the_access_log_does_not_learn_the_record_id(self):
        rec = record()
        secret, proof = new_secret()
        self.receipt(rec, proof=proof)
        seen, app = [], self.server.app
        app.log = lambda environ, target, *rest: seen.append(target)
        try:
            self.assertEqual(self.access(rec["id"], secret)[0], 200)
            self.assertEqual(self.access(rec["id"], "f" * 64)[0], 404)
        finally:
            app.log = False
        self.assertEqual(seen, ["/api/consent/(id)"] * 2)

    def test_other_methods_are_405(self):
        status, headers, _ = get(self.port, "/api/consent/" + record()["id"], method="PUT")
        self.assertEqual(status, 405)
        self.assertEqual(headers["allow"], "DELETE, GET")


class SqliteConsentAccessTest(ConsentAccess, EngineCase):
    engine = "sqlite"


class PostgresConsentAccessTest(ConsentAccess, EngineCase):
    engine = "postgresql"


class FloodTest(unittest.TestCase):
    def test_guessing_secrets_is_rate_limited(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = os.path.join(tmp, "site")
            os.makedirs(root)
            with open(os.path.join(root, "index.html"), "wb") as f:
                f.write(b"<!doctype html><title>t</title>")
            cfg = settings(root, os.path.join(tmp, "db.sqlite3"), log__access=False,
                           rate_limit__burst=5, rate_limit__per_second=0.5)
            server = InProcess(cfg)
            try:
                rid = record()["id"]
                codes = [get(server.port, "/api/consent/" + rid, {SECRET: new_secret()[0]})[0] for _ in range(8)]
                self.assertEqual(codes, [404] * 5 + [429] * 3)
                status, headers, body = get(server.port, "/api/consent/" + rid, {SECRET: "a" * 64}, method="DELETE")
                self.assertEqual(status, 429)
                self.assertIn("retry-after", headers)
                self.assertEqual(json.loads(body)["ok"], False)
                self.assertEqual(get(server.port, "/")[0], 200, "the static site is not limited")
            finally:
                server.stop()


if __name__ == "__main__":
    unittest.main()
