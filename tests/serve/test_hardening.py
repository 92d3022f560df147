"""Purpose: the server under hostile and operational conditions, over real sockets on loopback:
slow clients (50 connections sending one header byte a second do not delay a normal request past
1 s; with a file-descriptor limit of 128, 200 of them do not either), the request deadline (a body
shorter than its Content-Length gets 408 quickly), per-client rate limits (429 + Retry-After, per
client behind a trusted proxy), graceful SIGTERM (requests in flight finish), the health check
when the database goes away, and gunicorn as the multi-process option. Every loop is bounded and
stops by itself.

Run: /usr/bin/python3 -m unittest discover -s tests/serve -v
"""
import json
import os
import re
import resource
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest

from support import (BASE_SETTINGS_ENV, PY, REPO, InProcess, Process, free_port, get, healthy,
                     new_pg_database, post_json, raw_exchange, settings, wait_until)

BASE = json.load(open(os.path.join(REPO, "tests", "legal", "fixtures", "record-cases.json"), encoding="utf-8"))["base"]
INDEX = b"<!doctype html><title>t</title>" + b"<p>x</p>" * 100


def site_root(folder):
    root = os.path.join(folder, "site")
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "index.html"), "wb") as f:
        f.write(INDEX)
    return root


def receipt_body():
    return {"record": dict(BASE, id="c-" + os.urandom(16).hex()), "event": "given"}


class SlowClients:
    """`n` connections that each send a request one byte per `interval` seconds, for at most
    `seconds`; then every socket is closed. Counts the 408s they were answered."""

    def __init__(self, port, n, interval=1.0, seconds=5.0):
        self.port, self.n, self.interval, self.seconds = port, n, interval, seconds
        self.answers = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        request = b"GET / HTTP/1.1\r\nHost: slow\r\nX-Padding: " + b"p" * 200 + b"\r\n\r\n"
        socks = []
        for _ in range(self.n):
            try:
                s = socket.create_connection(("127.0.0.1", self.port), timeout=2)
                s.setblocking(False)
                socks.append([s, 0])
            except OSError:
                pass
        end = time.monotonic() + self.seconds
        while socks and (time.monotonic() < end or self.collecting(end)):
            for entry in list(socks):
                s, sent = entry
                try:
                    data = s.recv(4096)
                    if data:
                        with self.lock:
                            self.answers.append(int(data.split()[1]))
                    s.close()
                    socks.remove(entry)
                    continue
                except BlockingIOError:
                    pass
                except OSError:
                    s.close()
                    socks.remove(entry)
                    continue
                if time.monotonic() < end:
                    try:
                        s.send(request[sent:sent + 1])
                        entry[1] = sent + 1
                    except OSError:
                        pass
            time.sleep(self.interval if time.monotonic() < end else 0.1)
        for s, _ in socks:
            s.close()

    def collecting(self, end):
        """After the sending time: a few more seconds to read the answers still on their way."""
        return time.monotonic() < end + 4.0

    def __enter__(self):
        self.thread.start()
        time.sleep(0.5)  # let them connect
        return self

    def __exit__(self, *exc):
        self.thread.join(self.seconds + 15)


def timed_get(port, path="/"):
    started = time.monotonic()
    status, _, body = get(port, path)
    return status, body, time.monotonic() - started


class SlowClientTest(unittest.TestCase):
    def test_50_slow_connections_do_not_delay_a_normal_request(self):
        with tempfile.TemporaryDirectory() as tmp:
            cfg = settings(site_root(tmp), os.path.join(tmp, "db.sqlite3"), log__access=False,
                           server__request_deadline=3.0)
            server = InProcess(cfg)
            try:
                with SlowClients(server.port, 50, interval=1.0, seconds=5.0) as slow:
                    worst = 0.0
                    for _ in range(8):
                        status, body, took = timed_get(server.port)
                        self.assertEqual((status, body), (200, INDEX))
                        worst = max(worst, took)
                        status, _, _, _ = post_json(server.port, "/api/consent", receipt_body())
                        self.assertEqual(status, 201)
                        time.sleep(0.4)
                self.assertLess(worst, 1.0)
                # the deadline cut them (one may still be waiting for its answer when the loop ends)
                self.assertGreaterEqual(slow.answers.count(408), 45, slow.answers)
                self.assertEqual(set(slow.answers), {408}, "no slow request was ever served")
            finally:
                server.stop()

    def test_200_slow_connections_with_128_file_descriptors(self):
        def small_fd_limit():
            resource.setrlimit(resource.RLIMIT_NOFILE, (128, 128))

        with tempfile.TemporaryDirectory() as tmp:
            p = Process(["--root", site_root(tmp), "--database", os.path.join(tmp, "db.sqlite3")],
                        env=BASE_SETTINGS_ENV, preexec_fn=small_fd_limit)
            try:
                cap = int(re.search(r"at most (\d+) connections", p.output()).group(1))
                self.assertLessEqual(cap, 128 - 32, "the cap stays below the descriptor limit")
                with SlowClients(p.port, 200, interval=1.0, seconds=4.0) as slow:
                    for _ in range(6):
                        status, body, took = timed_get(p.port)
                        self.assertEqual((status, body), (200, INDEX))
                        self.assertLess(took, 1.0)
                        time.sleep(0.3)
                self.assertGreater(slow.answers.count(408), 0, "the slowest were cut to make room")
                self.assertEqual(timed_get(p.port)[0], 200)
            finally:
                p.stop()


class DeadlineTest(unittest.TestCase):
    def test_a_body_shorter_than_its_length_gets_408_quickly(self):
        with tempfile.TemporaryDirectory() as tmp:
            cfg = settings(site_root(tmp), os.path.join(tmp, "db.sqlite3"), log__access=False,
                           server__request_deadline=1.0)
            server = InProcess(cfg)
            try:
                started = time.monotonic()
                out = raw_exchange(server.port, b"POST /api/consent HTTP/1.1\r\nHost: t\r\n"
                                   b"Content-Type: application/json\r\nContent-Length: 50\r\n\r\n{\"record\":",
                                   timeout=10, half_close=False)
                took = time.monotonic() - started
                self.assertTrue(out.startswith(b"HTTP/1.1 408"), out[:80])
                self.assertIn(b"Connection: close", out)
                self.assertIn(b"Content-Security-Policy", out)
                self.assertLess(took, 3.0)
                # headers that never end: the same
                out = raw_exchange(server.port, b"GET / HTTP/1.1\r\nHost: t\r\nX-A: b", timeout=10, half_close=False)
                self.assertTrue(out.startswith(b"HTTP/1.1 408"), out[:80])
                self.assertEqual(timed_get(server.port)[0], 200)
            finally:
                server.stop()


class RateLimitTest(unittest.TestCase):
    def test_post_endpoints_answer_429_with_retry_after(self):
        with tempfile.TemporaryDirectory() as tmp:
            cfg = settings(site_root(tmp), os.path.join(tmp, "db.sqlite3"), log__access=False,
                           rate_limit__burst=5, rate_limit__per_second=0.5, server__trusted_proxies=["127.0.0.1"])
            server = InProcess(cfg)
            try:
                codes = [post_json(server.port, "/api/consent", receipt_body())[0] for _ in range(5)]
                self.assertEqual(codes, [201] * 5)
                status, parsed, _, headers = post_json(server.port, "/api/consent", receipt_body())
                self.assertEqual((status, parsed["ok"]), (429, False))
                self.assertIn(int(headers["retry-after"]), (1, 2))
                # the forms share the client's bucket; GET is never limited
                form = post_json(server.port, "/api/partner-demo/form", b"a=b", ctype="application/x-www-form-urlencoded",
                                 raw=True)
                self.assertEqual(form[0], 429)
                self.assertEqual(get(server.port, "/")[0], 200)
                # behind the trusted proxy each visitor has a bucket of their own
                other = post_json(server.port, "/api/consent", receipt_body(), headers={"X-Real-IP": "203.0.113.7"})
                self.assertEqual(other[0], 201)
                time.sleep(2.1)  # one token back
                self.assertEqual(post_json(server.port, "/api/consent", receipt_body())[0], 201)
                self.assertEqual(post_json(server.port, "/api/consent", receipt_body())[0], 429)
            finally:
                server.stop()

    def test_an_untrusted_peer_cannot_pick_its_bucket(self):
        with tempfile.TemporaryDirectory() as tmp:
            cfg = settings(site_root(tmp), os.path.join(tmp, "db.sqlite3"), log__access=False, rate_limit__burst=2)
            server = InProcess(cfg)
            try:
                codes = [post_json(server.port, "/api/consent", receipt_body(),
                                   headers={"X-Real-IP": f"198.51.100.{i}"})[0] for i in range(4)]
                self.assertEqual(codes, [201, 201, 429, 429])
            finally:
                server.stop()


class ShutdownTest(unittest.TestCase):
    def test_sigterm_lets_requests_in_flight_finish(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "db.sqlite3")
            p = Process(["--root", site_root(tmp), "--database", db], env=BASE_SETTINGS_ENV)
            try:
                body = json.dumps(receipt_body()).encode()
                # a request whose body is still arriving when SIGTERM comes, finished after it
                with socket.create_connection(("127.0.0.1", p.port), timeout=10) as s:
                    s.sendall(b"POST /api/consent HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                              b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body[:10])
                    time.sleep(0.3)
                    p.proc.send_signal(signal.SIGTERM)
                    time.sleep(0.3)
                    s.sendall(body[10:])
                    answer = s.recv(65536)
                self.assertTrue(answer.startswith(b"HTTP/1.1 201"), answer[:100])
                self.assertEqual(p.proc.wait(15), 0)
                self.assertIn("finishing requests in flight", p.output())
                with self.assertRaises(OSError):
                    socket.create_connection(("127.0.0.1", p.port), timeout=2).close()
            finally:
                p.stop()


class HealthTest(unittest.TestCase):
    def test_health_reports_a_database_that_went_away(self):
        import psycopg
        with tempfile.TemporaryDirectory() as tmp:
            url = new_pg_database()
            p = Process(["--root", site_root(tmp), "--database", url], env=BASE_SETTINGS_ENV)
            try:
                status, _, body = get(p.port, "/api/health")
                self.assertEqual((status, json.loads(body)), (200, {"ok": True, "database": "ok", "engine": "postgresql"}))
                name = url.split("/")[3].split("?")[0]
                with psycopg.connect(url.replace(f"/{name}?", "/postgres?"), autocommit=True) as admin:
                    admin.execute(f"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false")
                    admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
                    status, _, body = get(p.port, "/api/health")
                    self.assertEqual((status, json.loads(body)["database"]), (503, "unreachable"))
                    status, parsed, _, _ = post_json(p.port, "/api/consent", receipt_body())
                    self.assertEqual((status, parsed["ok"]), (503, False))
                    admin.execute(f"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true")
                self.assertTrue(wait_until(lambda: get(p.port, "/api/health")[0] == 200, timeout=10))
                self.assertEqual(post_json(p.port, "/api/consent", receipt_body())[0], 201)
            finally:
                p.stop()


class GunicornTest(unittest.TestCase):
    def test_the_documented_multi_process_command(self):
        """deploy/gunicorn.conf.py with two workers over one PostgreSQL, settings from the environment."""
        with tempfile.TemporaryDirectory() as tmp:
            port = free_port()
            env = {k: v for k, v in os.environ.items() if not k.startswith("ASTRADIA_")}
            env.update(BASE_SETTINGS_ENV, ASTRADIA_DATABASE_URL=new_pg_database(), ASTRADIA_SERVER_ROOT=site_root(tmp),
                       ASTRADIA_SERVER_PORT=str(port))
            proc = subprocess.Popen([PY, "-m", "gunicorn", "--config", os.path.join(REPO, "deploy", "gunicorn.conf.py"),
                                     "server.wsgi:application"], cwd=REPO, env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            try:
                self.assertTrue(wait_until(lambda: healthy(port), timeout=30), "gunicorn did not start")
                self.assertEqual(get(port, "/")[:3:2], (200, INDEX))
                status, parsed, _, _ = post_json(port, "/api/consent", receipt_body())
                self.assertEqual(status, 201)
                self.assertEqual(get(port, "/../etc/passwd")[0], 404)
                self.assertEqual(get(port, "/api/health")[0], 200)
            finally:
                proc.terminate()
                proc.wait(20)
                proc.stderr.close()



if __name__ == "__main__":
    unittest.main()
