"""Purpose: ./run bench server: the site's server under wrk (Debian) on loopback, 4 threads and 32
connections, interleaved in rounds so every ratio comes from the same run:
  - a content-hashed static asset (the app's script, gzip accepted) and the game page (/), served by
    the previous server (serve.py on http.server, taken from git history at BASELINE), by the app
    itself (waitress) and by nginx with the shipped configuration (the ceiling for static files);
  - POST /api/consent with a new record per request, on the previous server, on the app with
    SQLite and on the app with PostgreSQL (a throwaway cluster started here);
  - all of it again while 200 slow connections (one header byte a second, reconnecting when cut)
    are open to the server being measured.
Prints requests/s and p99 latency (medians of the rounds) and the goals of issue 11. Rate limits are
off for the measurement (one client posts thousands of receipts); the access log is on, to a file.

Run: /usr/bin/python3 bench/server/run.py [--rounds 3] [--duration 5] [--slow 200]
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SITE = os.path.join(REPO, "build", "wasm-release", "site")
BASELINE = "95f0a98"  # main before issue 11: serve.py on http.server, 718 lines
sys.path.insert(0, os.path.join(REPO, "deploy"))
import render_nginx  # noqa: E402

PY = "/usr/bin/python3"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(argv, log, env=None):
    """A server process whose stderr goes to `log`; returns (process, port) once it listens."""
    e = {k: v for k, v in os.environ.items() if not k.startswith("ASTRADIA_")}
    e.update(env or {})
    f = open(log, "w")
    proc = subprocess.Popen(argv, cwd=REPO, env=e, stdout=subprocess.DEVNULL, stderr=f)
    end = time.monotonic() + 30
    while time.monotonic() < end:
        with open(log) as r:
            m = re.search(r"on http://127\.0\.0\.1:(\d+)/", r.read())
        if m:
            return proc, int(m.group(1))
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"bench: {argv[1]} did not start:\n" + open(log).read())


class SlowClients:
    """`n` connections to `port` that send one header byte a second; a connection that is cut is
    opened again, so `n` stay open while the measurement runs."""

    def __init__(self, port, n):
        self.port, self.n = port, n
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.cut = 0

    def connect(self):
        try:
            s = socket.create_connection(("127.0.0.1", self.port), timeout=2)
            s.setblocking(False)
            return [s, 0]
        except OSError:
            return None

    def run(self):
        request = b"GET / HTTP/1.1\r\nHost: slow\r\nX-Slow: " + b"s" * 4000 + b"\r\n\r\n"
        socks = [c for c in (self.connect() for _ in range(self.n)) if c]
        while not self.stop.is_set():
            for entry in list(socks):
                s, sent = entry
                try:
                    s.recv(4096)  # an answer (408) or the end of the connection: it was cut
                    gone = True
                except BlockingIOError:
                    gone = False
                except OSError:
                    gone = True
                if gone:
                    s.close()
                    socks.remove(entry)
                    self.cut += 1
                    again = self.connect()
                    if again:
                        socks.append(again)
                    continue
                try:
                    s.send(request[sent % len(request):sent % len(request) + 1])
                    entry[1] = sent + 1
                except OSError:
                    pass
            self.stop.wait(1.0)
        for s, _ in socks:
            s.close()

    def __enter__(self):
        self.thread.start()
        time.sleep(1.5)
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(10)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
TICK = os.sysconf("SC_CLK_TCK")


def tree_cpu(roots):
    """CPU seconds (user + system) used so far by the processes `roots` and all their descendants:
    a figure that a loaded machine does not inflate the way it inflates wall time."""
    children, cpu = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        cpu[pid] = (int(fields[11]) + int(fields[12])) / TICK
    total, todo = 0.0, list(roots)
    while todo:
        pid = todo.pop()
        total += cpu.get(pid, 0.0)
        todo.extend(children.get(pid, []))
    return total


def wrk(url, duration, cpu_roots, script=None, gzip=False):
    """(requests per second, p99 in ms, non-2xx/3xx answers, socket errors, server CPU ms per
    request: the processes cpu_roots and their children) of one wrk run."""
    argv = ["wrk", "-t4", "-c32", f"-d{duration}s", "--latency"]
    if gzip:
        argv += ["-H", "Accept-Encoding: gzip"]
    if script:
        argv += ["-s", script]
    before = tree_cpu(cpu_roots)
    out = subprocess.run(argv + [url], capture_output=True, text=True, timeout=duration + 60).stdout
    used = tree_cpu(cpu_roots) - before
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = re.search(r"(\d+) requests in", out)
    cpu_ms = used * 1000 / int(total.group(1)) if total and int(total.group(1)) else float("nan")
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    p99 = float(m.group(1)) * UNITS[m.group(2)] if m else float("nan")
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return (rps, p99, int(bad.group(1)) if bad else 0, sum(map(int, errors.groups())) if errors else 0,
            cpu_ms)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--duration", type=int, default=5)
    ap.add_argument("--slow", type=int, default=200)
    args = ap.parse_args()
    for sig in (signal.SIGTERM, signal.SIGINT):  # stop cleanly: servers, nginx and the cluster go too
        signal.signal(sig, lambda *_: sys.exit(130))
    if not os.path.isfile(os.path.join(SITE, "assets.json")):
        raise SystemExit("bench: build the site first (./run bench server builds it)")
    asset = "/" + json.load(open(os.path.join(SITE, "assets.json")))["astradia.js"]
    tmp = tempfile.mkdtemp(prefix="astradia-bench-")
    os.chmod(tmp, 0o755)
    procs, pg_dir = [], None
    try:
        old = os.path.join(tmp, "serve_httpserver.py")
        shown = subprocess.run(["git", "show", f"{BASELINE}:serve.py"], cwd=REPO, capture_output=True)
        if shown.returncode != 0:
            raise SystemExit(f"bench: the baseline serve.py ({BASELINE}) is not in this clone's history")
        with open(old, "wb") as f:
            f.write(shown.stdout)
        out = subprocess.run([os.path.join(REPO, "scripts", "pgcluster.sh"), "start"], check=True,
                             capture_output=True, text=True).stdout.split()
        pg_dir, pg_url = out[0], out[1]
        empty = os.path.join(tmp, "empty.toml")
        open(empty, "w").close()
        env = {"ASTRADIA_RATE_LIMIT_ENABLED": "false"}
        servers, roots = {}, {}
        with open(os.path.join(pg_dir, "data", "postmaster.pid")) as f:
            postmaster = int(f.readline())
        p, servers["previous (http.server)"] = start([PY, old, "--no-build", "--root", SITE, "--port", "0",
                                                      "--consent-db", os.path.join(tmp, "old.sqlite3")],
                                                     os.path.join(tmp, "old.log"))
        procs.append(p)
        roots["previous (http.server)"] = [p.pid]
        p, servers["app, SQLite"] = start([PY, "serve.py", "--config", empty, "--root", SITE, "--port", "0",
                                           "--database", os.path.join(tmp, "new.sqlite3")],
                                          os.path.join(tmp, "sqlite.log"), env)
        procs.append(p)
        roots["app, SQLite"] = [p.pid]
        p, servers["app, PostgreSQL"] = start([PY, "serve.py", "--config", empty, "--root", SITE, "--port", "0",
                                               "--database", pg_url], os.path.join(tmp, "pg.log"), env)
        procs.append(p)
        roots["app, PostgreSQL"] = [p.pid, postmaster]  # the app and the database's processes
        nginx_port = free_port()
        run_dir = os.path.join(tmp, "nginx")
        conf = render_nginx.write_standalone(
            run_dir, render_nginx.render(f"127.0.0.1:{nginx_port}", SITE, [f"127.0.0.1:{servers['app, SQLite']}"]),
            workers=2)
        procs.append(subprocess.Popen(["nginx", "-c", conf, "-p", run_dir], stderr=subprocess.DEVNULL))
        servers["nginx (shipped config)"] = nginx_port
        roots["nginx (shipped config)"] = [procs[-1].pid]
        time.sleep(1)

        consent = os.path.join(HERE, "consent.lua")
        plan = [("static asset", n, asset, None, True) for n in ("previous (http.server)", "app, SQLite", "nginx (shipped config)")]
        plan += [("game page", n, "/", None, True) for n in ("previous (http.server)", "app, SQLite", "nginx (shipped config)")]
        plan += [("POST /api/consent", n, "/api/consent", consent, False)
                 for n in ("previous (http.server)", "app, SQLite", "app, PostgreSQL")]
        results = {}
        print(f"[bench] server: wrk -t4 -c32 -d{args.duration}s on 127.0.0.1, {args.rounds} interleaved rounds; "
              f"asset {asset}; baseline serve.py from {BASELINE}", flush=True)
        for r in range(args.rounds):
            for slow in (0, args.slow):
                for what, name, path, script, gz in plan:
                    port = servers[name]
                    if slow:
                        with SlowClients(port, slow) as sc:
                            res = wrk(f"http://127.0.0.1:{port}{path}", args.duration, roots[name], script, gz)
                        cut = sc.cut
                    else:
                        res, cut = wrk(f"http://127.0.0.1:{port}{path}", args.duration, roots[name], script, gz), 0
                    results.setdefault((slow, what, name), []).append(res + (cut,))
                    print(f"  round {r + 1} {'slow ' + str(slow) if slow else 'quiet':9} {what:18} {name:24} "
                          f"{res[0]:9.1f} req/s  p99 {res[1]:8.1f} ms  cpu {res[4]:.3f} ms/req  bad {res[2]}  "
                          f"errors {res[3]}", flush=True)
        print("\n[bench] server: medians of the rounds")
        print(f"  {'slow conns':10} {'what':18} {'server':24} {'req/s':>9} {'p99 ms':>8} {'vs previous':>11} "
              f"{'CPU ms/req':>10}")
        for (slow, what, name), runs in results.items():
            rps = statistics.median(x[0] for x in runs)
            p99 = statistics.median(x[1] for x in runs)
            base = results.get((slow, what, "previous (http.server)"))
            ratio = statistics.median(a[0] / b[0] for a, b in zip(runs, base)) if base and name != "previous (http.server)" else None
            errors = sum(x[2] + x[3] for x in runs)
            cpu = statistics.median(x[4] for x in runs)
            print(f"  {slow:<10} {what:18} {name:24} {rps:9.1f} {p99:8.1f} "
                  f"{(f'{ratio:.2f}x' if ratio else ''):>11} {cpu:10.3f}"
                  f"{f'  ({errors} bad answers or socket errors)' if errors else ''}")
        print(f"  CPU ms/req: user + system time of the server's processes (PostgreSQL's included for the app on "
              f"PostgreSQL) per request answered; 1000 / it is what one free core would serve. Load average at the "
              f"end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print("  goals (issue 11): static served by the app >= 3x the previous server; POST /api/consent >= 2,000/s "
              "with p99 < 50 ms on SQLite and on PostgreSQL; also with 200 slow connections open")
        print("  reproduce: ./run bench server")
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(20)
            except subprocess.TimeoutExpired:
                p.kill()
        if pg_dir:
            subprocess.run([os.path.join(REPO, "scripts", "pgcluster.sh"), "stop", pg_dir], check=False)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
