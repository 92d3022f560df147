"""Purpose: ./run bench stats: the first-party statistics (issue 12) measured on SQLite and on PostgreSQL
(a throwaway cluster started here):
  - ingestion: POST /api/events with batches of 20 events (events.lua) under wrk, 4 threads and 32
    connections, the two engines interleaved in rounds; events/s (requests/s x 20) and p99 latency,
    medians of the rounds. Rate limits are off (one machine posts for thousands of visitors).
  - the dashboard's figures (server/stats/report.py figures(), what /admin/stats/ and the CLI show)
    over N synthetic events spread over the 90 days ending today (default 10 million; --events
    changes it, and the output says the size run), after the purge's rollup of every final day, as
    the running server keeps it: today, 7, 30 and 90 days, each range timed --reps times interleaved;
    median and p95 in ms.
  - the page-side counter's bytes: the statistics part of shell/web/bridge.js (the $astradiaStats
    queue and page view, and the hooks that drive it), minified with terser and gzip -9.

Run: /usr/bin/python3 bench/stats/run.py [--events 10000000] [--reps 20] [--rounds 3] [--duration 5]
(--events 0: the ingestion and the bytes only)
"""
import argparse
import datetime
import gzip
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.join(REPO, "bench", "server"))
import run as server_bench  # noqa: E402  (bench/server/run.py: start() and wrk())

from server.stats import report, rollup  # noqa: E402
from server.stats.visitors import day_of  # noqa: E402
from server.storage import open_storage  # noqa: E402
from server.storage.stats import EVENT_COLUMNS  # noqa: E402

PY = "/usr/bin/python3"
LEVELS = ("easy", "medium", "hard", "expert", "extreme")
# name -> share of the events (an afternoon of the site, roughly: many screens, fewer game ends)
MIX = {"app_screen": 47, "page_view": 10, "sudoku_started": 12, "sudoku_won": 6, "sudoku_abandoned": 4,
       "sudoku_lost": 1, "bricks_started": 10, "bricks_over": 9, "settings_changed": 1}


def synthetic(n, today, seed=12):
    """n event rows (EVENT_COLUMNS order) over the 90 days ending `today`, about 8 events a visitor."""
    rnd = random.Random(seed)
    names = rnd.choices(list(MIX), weights=list(MIX.values()), k=n)
    days = [(today - datetime.timedelta(days=i)).isoformat() for i in range(90)]
    visitors_a_day = max(1, n // 90 // 8)
    for i, name in enumerate(names):
        d = rnd.randrange(90)
        day = days[d]
        ms = rnd.randrange(86_400_000)
        t = f"{day}T{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}Z"
        visitor = f"{d:04x}{rnd.randrange(visitors_a_day):028x}"  # one of the day's visitor keys
        row = dict.fromkeys(EVENT_COLUMNS[4:])
        level = LEVELS[min(4, int(rnd.expovariate(0.8)))]
        if name == "page_view":
            row.update(path=rnd.choice(("/", "/legal/astradia/en/privacy/", "/support/")),
                       ref=rnd.choice(("", "", "example.org", "search.example")), lang=rnd.choice(("en", "ru")),
                       screen=rnd.choice(("phone", "tablet", "desktop")))
        elif name == "app_screen":
            row.update(screen=rnd.choice(("start", "sudoku", "bricks", "settings")),
                       theme=rnd.choice(("light", "dark")), lang=rnd.choice(("en", "ru")))
        elif name == "settings_changed":
            row.update(theme=rnd.choice(("system", "light", "dark")), lang=rnd.choice(("system", "en", "ru")))
        elif name == "sudoku_started":
            row.update(level=level, daily=int(rnd.random() < 0.2))
        elif name.startswith("sudoku_"):
            row.update(level=level, daily=0, duration=int(rnd.lognormvariate(6, 0.6)), hints=rnd.randrange(4),
                       mistakes=rnd.randrange(4), undos=rnd.randrange(12))
        elif name == "bricks_over":
            row.update(score=int(rnd.lognormvariate(7, 0.8)), placements=rnd.randrange(10, 200),
                       lines=rnd.randrange(60), hints=rnd.randrange(5), duration=int(rnd.lognormvariate(5.5, 0.7)))
        yield (day, t, visitor, name) + tuple(row[c] for c in EVENT_COLUMNS[4:])


def load(url, n, today):
    """Fills a migrated database with n synthetic events, in bulk (the bench's own path: sqlite3
    executemany, PostgreSQL COPY), then rolls up every final day as the purge would."""
    storage = open_storage(url)
    storage.migrate()
    storage.close()
    rows = synthetic(n, today)
    chunk = 200_000
    if url.startswith("postgresql"):
        import psycopg
        with psycopg.connect(url) as conn:
            with conn.cursor().copy("COPY stats_events (" + ", ".join(EVENT_COLUMNS) + ") FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
    else:
        import sqlite3
        conn = sqlite3.connect(url.removeprefix("sqlite:///") if url.startswith("sqlite:") else url)
        sql = ("INSERT INTO stats_events (" + ", ".join(EVENT_COLUMNS) + ") VALUES ("
               + ", ".join("?" * len(EVENT_COLUMNS)) + ")")
        while True:
            batch = [r for _, r in zip(range(chunk), rows)]
            if not batch:
                break
            conn.executemany(sql, batch)
            conn.commit()
        conn.close()
    storage = open_storage(url)
    started = time.monotonic()
    days = rollup.roll_up_before(storage, rollup.final_day(today))
    return storage, len(days), time.monotonic() - started


def p95(values):
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def counter_bytes():
    """(raw, gzip -9) bytes of the page-side counter: bridge.js's statistics part, minified."""
    src = open(os.path.join(REPO, "shell", "web", "bridge.js"), encoding="utf-8").read()
    queue = re.search(r"\n  \$astradiaStats: \{.*?\n  \},\n", src, re.S).group(0)
    hooks = re.search(r"\n    document\.addEventListener\('astradia-legal:change'.*?pagehide.*?\n", src, re.S).group(0)
    call = re.search(r"\n  astradia_js_statistics_event: function \(json\) \{.*?\n  \},\n", src, re.S).group(0)
    code = "var astradiaStats = {" + queue.split("{", 1)[1].rstrip().rstrip(",") + ";\nfunction e(json) {" \
           + call.split("{", 1)[1].rstrip().rstrip(",") + "\nfunction h() {" + hooks + "}\n"
    out = subprocess.run(["node", "-e", "const t=require('terser');let s='';process.stdin.on('data',d=>s+=d);"
                          "process.stdin.on('end',async()=>{const r=await t.minify(s,{compress:true,mangle:true});"
                          "process.stdout.write(r.code)})"], input=code, capture_output=True, text=True,
                         cwd=REPO, check=True)
    return len(out.stdout.encode()), len(gzip.compress(out.stdout.encode(), 9))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--duration", type=int, default=5)
    args = ap.parse_args()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: sys.exit(130))
    tmp = tempfile.mkdtemp(prefix="astradia-bench-stats-")
    os.chmod(tmp, 0o755)
    procs, pg_dir = [], None
    try:
        out = subprocess.run([os.path.join(REPO, "scripts", "pgcluster.sh"), "start"], check=True,
                             capture_output=True, text=True).stdout.split()
        pg_dir, pg_url = out[0], out[1]
        root = os.path.join(tmp, "site")
        os.mkdir(root)
        with open(os.path.join(root, "index.html"), "w") as f:
            f.write("<!doctype html><title>bench</title>\n")
        empty = os.path.join(tmp, "empty.toml")
        open(empty, "w").close()
        env = {"ASTRADIA_RATE_LIMIT_ENABLED": "false"}
        with open(os.path.join(pg_dir, "data", "postmaster.pid")) as f:
            postmaster = int(f.readline())
        servers, roots = {}, {}
        for name, db in (("SQLite", os.path.join(tmp, "ingest.sqlite3")), ("PostgreSQL", pg_url)):
            p, servers[name] = server_bench.start([PY, "serve.py", "--config", empty, "--root", root, "--port", "0",
                                                   "--database", db], os.path.join(tmp, f"{name}.log"), env)
            procs.append(p)
            roots[name] = [p.pid] + ([postmaster] if name == "PostgreSQL" else [])
        script = os.path.join(HERE, "events.lua")
        print(f"[bench] stats: ingestion, wrk -t4 -c32 -d{args.duration}s, batches of 20 events, "
              f"{args.rounds} interleaved rounds", flush=True)
        ingest = {n: [] for n in servers}
        for _ in range(args.rounds):
            for name, port in servers.items():
                rps, p99, bad, errors, _ = server_bench.wrk(f"http://127.0.0.1:{port}/api/events", args.duration,
                                                            roots[name], script)
                if bad or errors:
                    raise SystemExit(f"bench: {name}: {bad} non-2xx answers, {errors} socket errors")
                ingest[name].append((rps * 20, p99))
        for name, runs in ingest.items():
            print(f"  POST /api/events, {name:<10}  {statistics.median(r[0] for r in runs):>9.0f} events/s   "
                  f"p99 {statistics.median(r[1] for r in runs):7.1f} ms")
        for p in procs:
            p.terminate()
            p.wait(timeout=30)
        procs = []

        today = datetime.date.fromisoformat(day_of(time.time()))
        if args.events <= 0:  # --events 0: ingestion and bytes only
            raw, packed = counter_bytes()
            print(f"[bench] stats: page-side counter (bridge.js statistics part, terser): {raw} B, gzip -9 {packed} B")
            return
        print(f"[bench] stats: dashboard figures over {args.events:,} synthetic events in 90 days "
              f"(ending {today}), {args.reps} interleaved repetitions per range", flush=True)
        dash = {}
        for name, url in (("SQLite", os.path.join(tmp, "dashboard.sqlite3")), ("PostgreSQL", pg_url)):
            if name == "PostgreSQL":  # the ingestion's events out of the way: only the synthetic ones
                s = open_storage(url)
                s._write(lambda tx: tx.execute_count("DELETE FROM stats_events"))
                s.close()
            started = time.monotonic()
            storage, rolled, rollup_s = load(url, args.events, today)
            print(f"  {name}: loaded in {time.monotonic() - started - rollup_s:.0f} s, {rolled} days rolled up "
                  f"in {rollup_s:.0f} s", flush=True)
            dash[name] = storage
        ranges = {"today": 1, "7 days": 7, "30 days": 30, "90 days": 90}
        times = {(e, r): [] for e in dash for r in ranges}
        for _ in range(args.reps):
            for r, days in ranges.items():
                first, last = report.day_range(today, days)
                for e, storage in dash.items():
                    t0 = time.perf_counter()
                    report.figures(storage, first, last)
                    times[(e, r)].append((time.perf_counter() - t0) * 1000)
        for (e, r), ms in times.items():
            print(f"  figures {r:<8} {e:<10}  median {statistics.median(ms):7.1f} ms   p95 {p95(ms):7.1f} ms")
        for storage in dash.values():
            storage.close()

        raw, packed = counter_bytes()
        print(f"[bench] stats: page-side counter (bridge.js statistics part, terser): {raw} B, gzip -9 {packed} B")
    finally:
        for p in procs:
            p.terminate()
        if pg_dir:
            subprocess.run([os.path.join(REPO, "scripts", "pgcluster.sh"), "stop", pg_dir], check=False)
        subprocess.run(["rm", "-rf", tmp], check=False)


if __name__ == "__main__":
    main()
