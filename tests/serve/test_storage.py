"""Purpose: the storage layer on both engines: migrations from an empty database and from today's
consent.sqlite3 layout (migrated in place, and imported into another database, nothing dropped, the
consent period carried where there is one), migration numbers with gaps,
a database newer than the code refused, the retention purge, and no data lost: 8 clients x 500
concurrent POSTs (every acknowledged receipt stored exactly once), a SIGKILL in the middle of such a
load (no acknowledged receipt lost), and two app processes sharing one PostgreSQL (scale-out).

Run: /usr/bin/python3 -m unittest discover -s tests/serve -v
"""
import copy
import datetime
import http.client
import json
import os
import signal
import sqlite3
import tempfile
import threading
import time
import unittest

from support import (BASE_SETTINGS_ENV, ENGINES, Process, get, new_database, new_pg_database, post_json,
                     wait_until)

from server.storage import SchemaError, migrations, open_storage, read_legacy_receipts

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BASE = json.load(open(os.path.join(REPO, "tests", "legal", "fixtures", "record-cases.json"), encoding="utf-8"))["base"]
VERSIONS = [v for v, _, _ in migrations("sqlite")]  # every migration this code has (the same per engine)

# serve.py's table before this change, verbatim: the layout of every build/consent.sqlite3 out there.
LEGACY_SCHEMA = """CREATE TABLE IF NOT EXISTS receipts (
        n INTEGER PRIMARY KEY AUTOINCREMENT,
        record_id TEXT NOT NULL, seq INTEGER NOT NULL, received TEXT NOT NULL,
        site TEXT NOT NULL, event TEXT NOT NULL, method TEXT NOT NULL,
        choices TEXT NOT NULL, documents TEXT NOT NULL, language TEXT NOT NULL,
        time TEXT NOT NULL, expires TEXT NOT NULL, age_confirmed INTEGER NOT NULL, gpc INTEGER NOT NULL,
        UNIQUE (record_id, seq))"""


def record(rid=None, **changes):
    r = copy.deepcopy(BASE)
    r["id"] = rid or "c-" + os.urandom(16).hex()
    r.update(changes)
    return r


def legacy_database(path, n=5):
    """A consent.sqlite3 as the old serve.py left it: n receipts (two for the first record)."""
    db = sqlite3.connect(path)
    db.execute(LEGACY_SCHEMA)
    ids = ["c-" + f"{i:032x}" for i in range(n - 1)]
    rows = [(ids[0], 1, "given"), (ids[0], 2, "changed")] + [(rid, 1, "given") for rid in ids[1:]]
    for rid, seq, event in rows:
        db.execute("INSERT INTO receipts (record_id, seq, received, site, event, method, choices, documents, "
                   "language, time, expires, age_confirmed, gpc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (rid, seq, "2026-11-20T10:00:00.000Z", "astradia", event, "banner",
                    '{"ads":false,"necessary":true,"statistics":false}',
                    json.dumps(BASE["documents"], separators=(",", ":"), sort_keys=True), "en",
                    BASE["time"], BASE["expires"], 1, 0))
    db.commit()
    db.close()
    return ids


def site_root(folder):
    root = os.path.join(folder, "site")
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "index.html"), "wb") as f:
        f.write(b"<!doctype html><title>t</title>")
    return root


class MigrationTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def test_from_an_empty_database_on_each_engine(self):
        for engine in ENGINES:
            with self.subTest(engine=engine):
                s = open_storage(new_database(engine, self.tmp.name))
                try:
                    self.assertEqual(s.schema_version(), 0)
                    self.assertEqual([v for v, _, _ in migrations(engine)], VERSIONS)
                    self.assertEqual(s.migrate(), VERSIONS)
                    self.assertEqual(s.schema_version(), VERSIONS[-1])
                    self.assertEqual(s.migrate(), [], "applied once")
                    self.assertEqual(s.add_receipt(record("c-" + "1" * 32), "given"), "c-" + "1" * 32 + ":1")
                    self.assertEqual(s.count_receipts(), 1)
                finally:
                    s.close()

    def test_todays_consent_sqlite3_is_migrated_in_place(self):
        path = os.path.join(self.tmp.name, "consent.sqlite3")
        ids = legacy_database(path)
        before = sqlite3.connect(path).execute("SELECT * FROM receipts ORDER BY n").fetchall()
        p = Process(["--root", site_root(self.tmp.name), "--consent-db", path])
        try:
            self.assertIn("applied migration(s) " + ", ".join(map(str, VERSIONS)), p.output())
            status, parsed, _, _ = post_json(p.port, "/api/consent", {"record": record(ids[0]), "event": "withdrawn"})
            self.assertEqual((status, parsed["receipt"]), (201, ids[0] + ":3"), "numbering goes on")
        finally:
            p.stop()
        db = sqlite3.connect(path)
        after = db.execute("SELECT * FROM receipts ORDER BY n").fetchall()
        width = len(before[0])  # the columns added since (the period) come last, NULL for old receipts
        self.assertEqual([row[:width] for row in after[:len(before)]], before, "every old receipt kept as it was")
        self.assertEqual({row[width:] for row in after[:len(before)]}, {(None,)})
        self.assertEqual(len(after), len(before) + 1)
        self.assertEqual(db.execute("SELECT period FROM receipts ORDER BY n DESC LIMIT 1").fetchone(), ('"until_withdrawn"',))
        self.assertEqual([r[0] for r in db.execute("SELECT version FROM schema_migrations ORDER BY version")], VERSIONS)
        db.close()

    def test_todays_consent_sqlite3_is_imported_into_either_engine(self):
        path = os.path.join(self.tmp.name, "consent.sqlite3")
        ids = legacy_database(path, n=6)
        legacy = list(read_legacy_receipts(path))
        for engine in ENGINES:
            with self.subTest(engine=engine):
                url = new_database(engine, self.tmp.name)
                for attempt in (1, 2):  # a second import adds nothing
                    r = Process.run(["--database", url, "--import-receipts", path])
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertIn(f"imported {6 if attempt == 1 else 0} receipt(s) of 6", r.stderr)
                s = open_storage(url)
                try:
                    self.assertEqual(s.count_receipts(), 6)
                    got = s.receipts(ids[0])
                    self.assertEqual([(r["seq"], r["event"], r["received"], r["period"]) for r in got],
                                     [(1, "given", "2026-11-20T10:00:00.000Z", None),
                                      (2, "changed", "2026-11-20T10:00:00.000Z", None)])
                    self.assertEqual(s.add_receipt(record(ids[0]), "given"), ids[0] + ":3")
                    self.assertEqual(len(legacy), 6)
                finally:
                    s.close()

    def test_receipts_with_a_period_are_imported_with_it(self):
        source = os.path.join(self.tmp.name, "current.sqlite3")
        s = open_storage(source)
        try:
            s.migrate()
            kept = record(period=183, expires="2027-05-23T10:15:30.123Z")
            s.add_receipt(kept, "given")
            s.add_receipt(record(period="until_withdrawn"), "given")
            older = {k: v for k, v in record().items() if k != "period"}  # a record from before the period
            s.add_receipt(older, "given")
        finally:
            s.close()
        for engine in ENGINES:
            with self.subTest(engine=engine):
                url = new_database(engine, self.tmp.name)
                r = Process.run(["--database", url, "--import-receipts", source])
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn("imported 3 receipt(s) of 3", r.stderr)
                s = open_storage(url)
                try:
                    self.assertEqual(s.receipts(kept["id"])[0]["period"], 183)
                    self.assertEqual(s.receipts(older["id"])[0]["period"], None)
                finally:
                    s.close()

    def test_a_newer_database_is_refused(self):
        for engine in ENGINES:
            with self.subTest(engine=engine):
                url = new_database(engine, self.tmp.name)
                s = open_storage(url)
                s.migrate()
                with s._transaction() as tx:
                    tx.execute("INSERT INTO schema_migrations (version, name, applied) VALUES (99, 'future', 'x')")
                with self.assertRaises(SchemaError):
                    s.migrate()
                s.close()
                p = Process.run(["--database", url, "--root", site_root(self.tmp.name)])
                self.assertEqual(p.returncode, 1)
                self.assertIn("newer than this server knows", p.stderr)


class MigrationNumbersTest(unittest.TestCase):
    """Migration numbers may leave gaps (branches take theirs before they are merged): a missing
    number applied later is applied then, and a number this code does not have is still refused."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def folder(self, engine, names):
        root = tempfile.mkdtemp(dir=self.tmp.name)
        os.makedirs(os.path.join(root, engine))
        for name in names:
            table = name[5:-4]
            with open(os.path.join(root, engine, name), "w", encoding="utf-8") as f:
                f.write(f"CREATE TABLE {table} (x INTEGER);\n")
        return root

    def test_gaps_are_applied_when_they_arrive_and_unknown_versions_refused(self):
        from unittest import mock
        import server.storage as storage
        for engine in ENGINES:
            with self.subTest(engine=engine):
                url = new_database(engine, self.tmp.name)
                with mock.patch.object(storage, "MIGRATIONS", self.folder(engine, ["0001_a.sql", "0006_f.sql"])):
                    s = open_storage(url)
                    try:
                        self.assertEqual(s.migrate(), [1, 6])
                        self.assertEqual(s.schema_version(), 6)
                    finally:
                        s.close()
                with mock.patch.object(storage, "MIGRATIONS", self.folder(engine, ["0001_a.sql", "0003_c.sql",
                                                                                   "0006_f.sql"])):
                    s = open_storage(url)
                    try:
                        self.assertEqual(s.migrate(), [3], "the gap's migration, once it exists")
                        self.assertEqual(s.migrate(), [])
                        with s._transaction(write=False) as tx:
                            self.assertEqual([r[0] for r in tx.execute("SELECT COUNT(*) FROM c")], [0])
                    finally:
                        s.close()
                with mock.patch.object(storage, "MIGRATIONS", self.folder(engine, ["0001_a.sql", "0003_c.sql"])):
                    s = open_storage(url)
                    try:
                        with self.assertRaisesRegex(SchemaError, "schema version 6, newer than this server knows"):
                            s.migrate()
                    finally:
                        s.close()
                for names in (["0002_b.sql"], ["0001_a.sql", "0001_b.sql"]):
                    with mock.patch.object(storage, "MIGRATIONS", self.folder(engine, names)):
                        with self.assertRaises(SchemaError):
                            storage.migrations(engine)


class RetentionTest(unittest.TestCase):
    def test_purge_deletes_only_what_is_past_retention(self):
        with tempfile.TemporaryDirectory() as tmp:
            for engine in ENGINES:
                with self.subTest(engine=engine):
                    s = open_storage(new_database(engine, tmp))
                    s.migrate()
                    try:
                        now = datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc)
                        old = record(time="2025-01-01T00:00:00.000Z", expires="2026-01-01T00:00:00.000Z")
                        recent = record(time="2026-06-01T00:00:00.000Z", expires="2027-06-01T00:00:00.000Z")
                        s.add_receipt(old, "given")
                        s.add_receipt(recent, "given")
                        acceptance = {"document": "user-agreement", "version": "1.0", "hash": "ab" * 32,
                                      "time": "2029-01-01T00:00:00.000Z", "language": "en"}
                        s.add_form("newsletter", acceptance, {"email": "a@example.test"},
                                   received="2028-06-01T00:00:00.000Z")
                        s.add_form("newsletter", acceptance, {"email": "b@example.test"},
                                   received="2029-12-01T00:00:00.000Z")
                        # three years after the term ended: the old record's went on 2029-01-01
                        self.assertEqual(s.purge(1096, 365, now=now), (1, 1))
                        self.assertEqual(s.receipts(old["id"]), [])
                        self.assertEqual(len(s.receipts(recent["id"])), 1)
                        self.assertEqual([f["fields"]["email"] for f in s.forms()], ["b@example.test"])
                        self.assertEqual(s.purge(1096, 365, now=now), (0, 0))
                    finally:
                        s.close()

    def test_the_server_purges_periodically(self):
        with tempfile.TemporaryDirectory() as tmp:
            url = new_database("sqlite", tmp)
            s = open_storage(url)
            s.migrate()
            expired = record(time="2020-01-01T00:00:00.000Z", expires="2021-01-01T00:00:00.000Z")
            p = Process(["--database", url, "--root", site_root(tmp)],
                        env={"ASTRADIA_CONSENT_PURGE_INTERVAL": "0.2", "ASTRADIA_CONSENT_RETENTION_DAYS": "30"})
            try:
                time.sleep(0.5)
                s.add_receipt(expired, "given")  # arrives after the first purge: the next one takes it
                self.assertTrue(wait_until(lambda: s.count_receipts() == 0, timeout=10), p.output())
                self.assertIn("purge: 1 receipt(s)", p.output())
            finally:
                p.stop()
                s.close()


def post_many(port, clients, per_client, acked, errors, stop=None):
    """`clients` threads, each on one keep-alive connection, posting `per_client` receipts (a few
    records each, so numbers are contended); acked gets (receipt id, event) for every 201 read
    whole; errors gets what went wrong."""
    def client(c):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        rids = ["c-" + os.urandom(16).hex() for _ in range(5)]
        for i in range(per_client):
            if stop is not None and stop.is_set():
                return
            body = json.dumps({"record": record(rids[i % 5]), "event": "changed" if i >= 5 else "given"})
            try:
                conn.request("POST", "/api/consent", body=body, headers={"Content-Type": "application/json"})
                resp = conn.getresponse()
                data = resp.read()
                if resp.status == 201:
                    acked.append(json.loads(data)["receipt"])
                else:
                    errors.append((resp.status, data[:100]))
            except (OSError, http.client.HTTPException) as exc:
                errors.append(repr(exc))
                conn.close()
                if stop is not None:
                    return
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        conn.close()

    threads = [threading.Thread(target=client, args=(c,)) for c in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)


def stored_receipt_ids(url):
    s = open_storage(url)
    try:
        with s._transaction(write=False) as tx:
            return [f"{rid}:{seq}" for rid, seq in tx.execute("SELECT record_id, seq FROM receipts")]
    finally:
        s.close()


class NoDataLostTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = site_root(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_8_clients_x_500_concurrent_posts(self):
        for engine in ENGINES:
            with self.subTest(engine=engine):
                url = new_database(engine, self.tmp.name)
                p = Process(["--database", url, "--root", self.root], env=BASE_SETTINGS_ENV)
                acked, errors = [], []
                try:
                    post_many(p.port, 8, 500, acked, errors)
                finally:
                    p.stop()
                self.assertEqual(errors, [])
                self.assertEqual(len(acked), 4000)
                stored = stored_receipt_ids(url)
                self.assertEqual(len(stored), len(set(stored)), "no receipt stored twice")
                self.assertEqual(sorted(stored), sorted(acked), "every acknowledged receipt, exactly once")

    def test_sigkill_mid_load_loses_no_acknowledged_receipt(self):
        for engine in ENGINES:
            with self.subTest(engine=engine):
                url = new_database(engine, self.tmp.name)
                p = Process(["--database", url, "--root", self.root], env=BASE_SETTINGS_ENV)
                acked, errors, stop = [], [], threading.Event()
                def kill_mid_load():  # once the load is well under way, however busy the machine is
                    deadline = time.monotonic() + 60
                    while len(acked) < 200 and time.monotonic() < deadline and not errors:
                        time.sleep(0.01)
                    p.proc.send_signal(signal.SIGKILL)
                    stop.set()

                killer = threading.Thread(target=kill_mid_load)
                killer.start()
                post_many(p.port, 8, 100000, acked, errors, stop)
                killer.join()
                p.stop()
                self.assertEqual(p.proc.returncode, -signal.SIGKILL)
                self.assertGreater(len(acked), 50, "the load was running when the server was killed")
                stored = set(stored_receipt_ids(url))
                self.assertEqual([a for a in acked if a not in stored], [], "acknowledged but lost")


class ScaleOutTest(unittest.TestCase):
    def test_two_app_processes_share_one_postgresql(self):
        with tempfile.TemporaryDirectory() as tmp:
            url = new_pg_database()
            root = site_root(tmp)
            # both start at once: the migration runs once, under its lock
            a, b = [Process(["--database", url, "--root", root], env=BASE_SETTINGS_ENV, wait=False)
                    for _ in range(2)]
            try:
                a.wait_ready()
                b.wait_ready()
                self.assertEqual(sum("applied migration(s)" in p.output() for p in (a, b)), 1)
                shared = "c-" + os.urandom(16).hex()
                acked = []
                lock = threading.Lock()

                def post(port, rid):
                    status, parsed, _, _ = post_json(port, "/api/consent", {"record": record(rid), "event": "changed"})
                    self.assertEqual(status, 201)
                    with lock:
                        acked.append(parsed["receipt"])

                threads = [threading.Thread(target=post, args=((a.port, b.port)[i % 2], shared)) for i in range(40)]
                threads += [threading.Thread(target=post, args=((a.port, b.port)[i % 2], None)) for i in range(20)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join(60)
                self.assertEqual(len(acked), 60)
                mine = sorted(int(r.split(":")[1]) for r in acked if r.startswith(shared))
                self.assertEqual(mine, list(range(1, 41)), "one numbering across both processes")
                for p in (a, b):
                    status, _, body = get(p.port, "/api/health")
                    self.assertEqual((status, json.loads(body)["engine"]), (200, "postgresql"))
                self.assertEqual(sorted(stored_receipt_ids(url)), sorted(acked))
            finally:
                a.stop()
                b.stop()


if __name__ == "__main__":
    unittest.main()
