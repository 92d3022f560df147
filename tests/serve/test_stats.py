"""Purpose: first-party statistics on SQLite and PostgreSQL (server/stats, POST /api/events,
/admin/stats/): a batch is stored with its fields, the server's day and a day-salted visitor key, and no
address, user agent or id from the client anywhere in the database (every column of every table is
scanned); malformed, oversized, future, too old, unknown-event and unknown-field batches are refused
whole and store nothing; bots, prefetches and Global Privacy Control store nothing; a flood gets 429;
the salt rotates daily (time injected) and the purge deletes old events and salts; the dashboard is a
404 without the operator token and shows the seeded figures with it; the CSV export round-trips;
`python3 -m server stats` prints the same figures.

Run: /usr/bin/python3 -m unittest discover -s tests/serve -p test_stats.py -v
"""
import datetime
import json
import os
import subprocess
import tempfile
import unittest

from support import PY, REPO, EngineCase, InProcess, empty_config, get, new_database, post_json, settings

from server.api import admin_stats
from server.stats import report, retention
from server.storage import stats as store

TOKEN = "op-4b1d9e0c7a2f4e8b9d3c"
UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Zq9Marker"
T0 = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.timezone.utc).timestamp()


def won(level="hard", duration=300, hints=1, age=1000):
    return {"name": "sudoku_won", "age": age, "level": level, "daily": False, "duration": duration,
            "hints": hints, "mistakes": 0, "undos": 2}


def screen(name="start", age=0):
    return {"name": "app_screen", "age": age, "screen": name, "theme": "dark", "lang": "ru"}


class StatsCase(EngineCase):
    overrides = {"admin__token": TOKEN}

    def setUp(self):
        self.storage._write(lambda tx: (tx.execute_count("DELETE FROM stats_events"),
                                        tx.execute_count("DELETE FROM stats_daily"),
                                        tx.execute_count("DELETE FROM stats_rolled"),
                                        tx.execute_count("DELETE FROM receipts")))
        self.now = T0
        self.server.app.visitors.clock = lambda: self.now
        self.server.app.visitors._salts.clear()   # the clock goes back to T0: a test's purge may have deleted them

    def send(self, events, ua=UA, headers=None, ctype="text/plain;charset=UTF-8", raw=None):
        h = {"User-Agent": ua, **(headers or {})}
        body = raw if raw is not None else {"v": 1, "events": events}
        status, parsed, payload, _ = post_json(self.port, "/api/events", body, ctype, raw is not None, h)
        return status, parsed, payload

    def rows(self):
        return store.all_rows(self.storage)

    def everything_stored(self):
        """Every value of every column of every table, as text."""
        out = []
        tables = ["stats_events", "stats_salts", "stats_daily", "stats_rolled", "receipts", "partner_forms",
                  "schema_migrations"]
        for table in tables:
            out += [str(v) for row in store.read(self.storage, f"SELECT * FROM {table}") for v in row]
        return out


class StatsApi:
    def test_a_batch_is_stored_with_its_fields_and_nothing_identifying(self):
        status, _, payload = self.send([screen("sudoku", age=5000), won(age=0)],
                                       headers={"X-Client-Id": "cid-8f7e6d"})
        self.assertEqual(status, 204, payload)
        rows = self.rows()
        self.assertEqual([r["name"] for r in rows], ["app_screen", "sudoku_won"])
        a, b = rows
        self.assertEqual((a["day"], a["screen"], a["theme"], a["lang"]), ("2026-03-10", "sudoku", "dark", "ru"))
        self.assertEqual((b["level"], b["daily"], b["duration"], b["hints"], b["mistakes"], b["undos"]),
                         ("hard", 0, 300, 1, 0, 2))
        self.assertEqual(a["t"], "2026-03-10T11:59:55.000Z", "the server's time less the event's age")
        self.assertEqual(a["visitor"], b["visitor"])
        self.assertRegex(a["visitor"], r"^[0-9a-f]{32}$")
        for value in self.everything_stored():
            for secret in ("127.0.0.1", "Zq9Marker", "Mozilla", "cid-8f7e6d"):
                self.assertNotIn(secret, value)

    def test_bad_batches_are_refused_whole(self):
        good = screen()
        cases = {
            "not json": (400, b"{nope", "text/plain;charset=UTF-8"),
            "unknown event": (400, {"v": 1, "events": [good, {"name": "clicked", "age": 0}]}, None),
            "unknown field": (400, {"v": 1, "events": [good, dict(won(), ip="1.2.3.4")]}, None),
            "missing field": (400, {"v": 1, "events": [{"name": "sudoku_started", "age": 0, "level": "easy"}]}, None),
            "bad level": (400, {"v": 1, "events": [dict(won(), level="godlike")]}, None),
            "future": (400, {"v": 1, "events": [good, screen(age=-1)]}, None),
            "older than a day": (400, {"v": 1, "events": [screen(age=86_400_001)]}, None),
            "bool for int": (400, {"v": 1, "events": [dict(won(), hints=True)]}, None),
            "wrong version": (400, {"v": 2, "events": [good]}, None),
            "extra top field": (400, {"v": 1, "events": [good], "id": "x"}, None),
            "empty": (400, {"v": 1, "events": []}, None),
            "too many": (400, {"v": 1, "events": [good] * 33}, None),
            "duplicate key": (400, b'{"v":1,"v":1,"events":[]}', "application/json"),
            "oversized": (413, b'{"v":1,"events":[' + b" " * 9000 + b"]}", "application/json"),
            "media type": (415, {"v": 1, "events": [good]}, "application/x-www-form-urlencoded"),
        }
        for name, (code, body, ctype) in cases.items():
            with self.subTest(name):
                raw = body if isinstance(body, bytes) else json.dumps(body).encode()
                status, parsed, payload = self.send(None, raw=raw, ctype=ctype or "application/json")
                self.assertEqual(status, code, payload)
                if code == 400:
                    self.assertFalse(parsed["ok"])
        self.assertEqual(self.rows(), [], "nothing of a refused batch is stored")

    def test_bots_prefetches_and_gpc_are_not_stored(self):
        for ua, headers in (("", {}), ("Googlebot/2.1 (+http://www.google.com/bot.html)", {}),
                            ("Mozilla/5.0 HeadlessChrome/120.0", {}), (UA, {"Sec-Purpose": "prefetch"}),
                            (UA, {"Sec-GPC": "1"})):
            with self.subTest(ua=ua, headers=headers):
                self.assertEqual(self.send([screen()], ua=ua, headers=headers)[0], 204)
        self.assertEqual(self.rows(), [])

    def test_the_salt_rotates_daily_and_the_purge_forgets(self):
        self.send([screen()])
        self.send([screen("bricks")])
        self.now = T0 + 86400
        self.send([screen()])
        self.send([screen()], ua=UA.replace("Zq9", "Zq8"))
        keys = [r["visitor"] for r in self.rows()]
        self.assertEqual(keys[0], keys[1], "the same visitor on one day")
        self.assertNotEqual(keys[1], keys[2], "the same visitor is someone new the next day")
        self.assertNotEqual(keys[2], keys[3], "another user agent is another visitor")
        days = [r[0] for r in store.read(self.storage, "SELECT day FROM stats_salts ORDER BY day")]
        self.assertIn("2026-03-10", days)
        self.assertIn("2026-03-11", days)
        # two days on, with 1 day of retention: the first day's events and salts are gone
        events, salts = retention.purge(self.storage, 1, now=T0 + 2 * 86400)
        self.assertEqual(events, 4)
        self.assertGreaterEqual(salts, 1)
        left = [r[0] for r in store.read(self.storage, "SELECT day FROM stats_salts")]
        self.assertTrue(all(d >= "2026-03-11" for d in left), left)
        self.send([screen()])
        retention.purge(self.storage, 30, now=T0 + 2 * 86400)
        self.assertEqual(len(self.rows()), 1, "events within the retention stay")

    def seed(self):
        self.send([{"name": "sudoku_started", "age": 0, "level": "hard", "daily": False}] * 4
                  + [won(duration=100), won(duration=200), won(duration=900)]
                  + [dict(won(duration=60), name="sudoku_abandoned")]
                  + [{"name": "bricks_started", "age": 0}]
                  + [{"name": "bricks_over", "age": 0, "score": s, "placements": 30, "lines": 4, "hints": 0,
                      "duration": 90} for s in (40, 75, 410)]
                  + [screen("start"), screen("sudoku"), {"name": "settings_changed", "age": 0, "theme": "high-contrast",
                                                         "lang": "system"}])
        self.send([screen("start")], ua=UA + " other")
        for n, (stats, ads) in enumerate(((True, True), (False, False), (False, False), (True, False))):
            record = {"id": f"c-{n:032x}", "site": "astradia", "method": "banner", "choices": {
                "necessary": True, "statistics": stats, "ads": ads}, "documents": [], "language": "en",
                "time": "2026-03-10T11:00:00.000Z", "expires": "2027-03-10T11:00:00.000Z", "age_confirmed": True,
                "gpc": False}
            self.storage.add_receipt(record, "given", received=f"2026-03-10T11:0{n}:00.000Z")

    def test_the_report_has_the_seeded_figures(self):
        self.seed()
        day = datetime.date(2026, 3, 10)
        f = report.figures(self.storage, day, day)
        self.assertEqual(f["totals"], {"visitors": 2, "views": 3, "events": 16, "sessions": 2})
        self.assertEqual(f["days"], [{"day": "2026-03-10", "visitors": 2, "views": 3, "sessions": 2}])
        self.assertEqual(f["settings"], {"theme": [("high-contrast", 1)], "lang": [("system", 1)]})
        hard = f["sudoku"]["hard"]
        self.assertEqual((hard["started"], hard["won"], hard["abandoned"]), (4, 3, 1))
        self.assertEqual(hard["median_solve"], 200)
        self.assertEqual(hard["win_rate"], 0.75)
        self.assertEqual(hard["median_gave_up"], 60)
        self.assertEqual((hard["hints"], hard["undos"]), (4, 8))
        self.assertEqual((f["bricks"]["hints"], f["bricks"]["median_length"]), (0, 90))
        self.assertEqual(f["bricks"]["median_score"], 75)
        self.assertEqual(sum(n for _, _, n in f["bricks"]["histogram"]), 3)
        self.assertEqual(f["screens"], [("start", 2), ("sudoku", 1)])
        self.assertEqual(f["languages"], [("ru", 2)])
        self.assertEqual(f["consent"], [("accept", 1), ("reject", 2), ("custom", 1)])

    def test_a_session_is_a_run_of_one_visitors_events_within_30_minutes(self):
        self.send([screen()])
        self.now = T0 + 29 * 60
        self.send([screen("sudoku")])                 # 29 minutes on: the same session
        self.now = T0 + 29 * 60 + 31 * 60
        self.send([screen("bricks")])                 # 31 minutes after the last one: a new session
        self.send([screen()], ua=UA + " other")      # another visitor: their own session
        self.now = T0 + 86400
        self.send([screen()])                         # the next day: a new visitor key, a new session
        day = datetime.date(2026, 3, 10)
        f = report.figures(self.storage, day, day + datetime.timedelta(days=1))
        self.assertEqual([(d["day"], d["visitors"], d["sessions"]) for d in f["days"]],
                         [("2026-03-10", 2, 3), ("2026-03-11", 1, 1)])
        self.assertEqual(f["totals"]["sessions"], 4)

    def test_old_days_come_from_the_daily_totals_after_the_purge(self):
        self.seed()
        self.now = T0 + 86400
        self.send([screen("bricks")])
        first, last = datetime.date(2026, 3, 10), datetime.date(2026, 3, 11)
        before = report.figures(self.storage, first, last)
        csv_before = admin_stats.export_csv(self.storage, first, last)
        # 40 days on with the default 30 days of retention: both days are rolled up, then their events deleted
        events, _ = retention.purge(self.storage, 30, now=T0 + 40 * 86400)
        self.assertEqual(events, 17)
        self.assertEqual(self.rows(), [])
        rolled = [r[0] for r in store.read(self.storage, "SELECT day FROM stats_rolled ORDER BY day")]
        self.assertEqual(rolled, ["2026-03-10", "2026-03-11"])
        after = report.figures(self.storage, first, last)
        self.assertEqual(after, before)
        self.assertEqual(after["totals"]["events"], 17)
        self.assertEqual(admin_stats.export_csv(self.storage, first, last), csv_before)
        # the totals hold no visitor key
        keys = {r[0] for r in store.read(self.storage, "SELECT DISTINCT visitor FROM stats_salts, stats_events")}
        stored = " ".join(str(v) for row in store.read(self.storage, "SELECT * FROM stats_daily") for v in row)
        self.assertFalse(keys)
        self.assertNotRegex(stored, r"[0-9a-f]{32}")
        # years on, the purge still keeps them
        retention.purge(self.storage, 30, now=T0 + 3 * 365 * 86400)
        self.assertEqual(report.figures(self.storage, first, last), before)

    def test_a_final_day_is_rolled_up_and_recent_days_are_read_raw(self):
        self.send([screen()])
        self.now = T0 + 2 * 86400
        self.send([screen("sudoku")])
        retention.purge(self.storage, 30, now=self.now)       # 03-10 is final two days on; 03-12 is not
        rolled = [r[0] for r in store.read(self.storage, "SELECT day FROM stats_rolled")]
        self.assertEqual(rolled, ["2026-03-10"])
        self.assertEqual(len(self.rows()), 2, "within the retention the raw events stay")
        f = report.figures(self.storage, datetime.date(2026, 3, 10), datetime.date(2026, 3, 12))
        self.assertEqual([d["views"] for d in f["days"]], [1, 0, 1], "each day counted once, rolled up or raw")
        self.assertEqual(f["screens"], [("start", 1), ("sudoku", 1)])

    def test_the_dashboard_needs_the_token_and_shows_the_figures(self):
        self.seed()
        for path in ("/admin/stats/", "/admin/stats/?range=30", "/admin/stats/dashboard.css"):
            status, _, body = get(self.port, path)
            self.assertEqual(status, 404, body)
            self.assertEqual(get(self.port, path, {"Authorization": "Bearer wrong"})[0], 404)
        auth = {"Authorization": f"Bearer {TOKEN}"}
        status, headers, body = get(self.port, "/admin/stats/?range=1", auth)
        self.assertEqual(status, 200, body)
        page = body.decode()
        self.assertIn("2026-03-10", page)
        self.assertRegex(page, r'<th scope="row">hard</th><td>4</td><td>3</td><td>0</td><td>1</td><td>75 %</td>')
        self.assertIn("<svg", page)
        self.assertIn("noindex", headers.get("x-robots-tag", ""))
        ru = get(self.port, "/admin/stats/?range=7&lang=ru", auth)[2].decode()
        self.assertIn("Судоку по уровням", ru)
        self.assertEqual(get(self.port, "/admin/stats/dashboard.css", auth)[0], 200)
        for bad in ("?range=2", "?from=2026-03-10", "?from=2026-03-10&to=2026-03-01", "?lang=de",
                    "?range=1&range=7", "?from=2025-01-01&to=2026-03-10"):
            self.assertEqual(get(self.port, "/admin/stats/" + bad, auth)[0], 400, bad)

    def test_the_csv_export_round_trips(self):
        self.seed()
        auth = {"Authorization": f"Bearer {TOKEN}"}
        status, headers, body = get(self.port, "/admin/stats/?from=2026-03-09&to=2026-03-10&export=csv", auth)
        self.assertEqual(status, 200, body)
        self.assertTrue(headers["content-type"].startswith("text/csv"))
        self.assertTrue(body.startswith(b"astradia-stats-csv 1\r\nday,event,level,events,visitors\r\n"))
        exported = admin_stats.read_csv(body.decode())
        expected = {}
        for r in self.rows():
            k = (r["day"], r["name"], r["level"] or "")
            expected.setdefault(k, [0, set()])
            expected[k][0] += 1
            expected[k][1].add(r["visitor"])
        self.assertEqual({(e["day"], e["event"], e["level"]): (e["events"], e["visitors"]) for e in exported},
                         {k: (n, len(v)) for k, (n, v) in expected.items()})
        with self.assertRaises(ValueError):
            admin_stats.read_csv("astradia-stats-csv 2\r\n" + body.decode().split("\r\n", 1)[1])

    def test_the_command_line_prints_the_figures(self):
        self.seed()
        out = subprocess.run([PY, "-m", "server", "stats", "--config", empty_config(), "--database", self.db,
                              "--from", "2026-03-10", "--to", "2026-03-10"], cwd=REPO, capture_output=True,
                             text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("visitors           2", out.stdout)
        self.assertRegex(out.stdout, r"hard\s+4\s+3\s+0\s+1\s+75 %\s+3:20")
        bad = subprocess.run([PY, "-m", "server", "stats", "--config", empty_config(), "--database", self.db,
                              "--days", "0"], cwd=REPO, capture_output=True, text=True, timeout=60)
        self.assertEqual(bad.returncode, 2)


class SqliteStatsTest(StatsApi, StatsCase):
    engine = "sqlite"


class PostgresStatsTest(StatsApi, StatsCase):
    engine = "postgresql"


class FloodTest(unittest.TestCase):
    def test_a_flood_gets_429_and_a_refused_batch_is_not_stored(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = os.path.join(tmp, "site")
            os.makedirs(root)
            open(os.path.join(root, "index.html"), "wb").close()
            cfg = settings(root, new_database("sqlite", tmp), rate_limit__per_second=0.01, rate_limit__burst=5,
                           log__access=False)
            server = InProcess(cfg)
            try:
                codes = [post_json(server.port, "/api/events", {"v": 1, "events": [screen()]},
                                   headers={"User-Agent": UA})[0] for _ in range(8)]
                self.assertEqual(codes, [204] * 5 + [429] * 3)
                self.assertEqual(len(store.all_rows(server.storage)), 5)
            finally:
                server.stop()


if __name__ == "__main__":
    unittest.main()
