"""Purpose: shared fixtures for the server's tests: settings without the developer's server.toml or
environment, a server in this process (waitress, real sockets) or as a serve.py process, a fresh
database per test class on each engine (a SQLite file, or a new database in the throwaway PostgreSQL
cluster: $ASTRADIA_TEST_PG when the test command started one, else one started here through
scripts/pgcluster.sh and stopped at exit), and raw HTTP helpers.

Run the tests with /usr/bin/python3 (Debian's waitress and psycopg are only visible to it).
"""
import atexit
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, REPO)

from server import config as configmod  # noqa: E402
from server.app import App  # noqa: E402
from server.runner import make_server, serve  # noqa: E402
from server.storage import open_storage  # noqa: E402

PY = "/usr/bin/python3"
SERVE = os.path.join(REPO, "serve.py")
ENGINES = ("sqlite", "postgresql")

_cluster = {}
_cluster_lock = threading.Lock()


def pg_url():
    """The cluster's base URL (database "postgres")."""
    url = os.environ.get("ASTRADIA_TEST_PG")
    if url:
        return url
    with _cluster_lock:
        if "url" not in _cluster:
            out = subprocess.run([os.path.join(REPO, "scripts", "pgcluster.sh"), "start"], check=True,
                                 capture_output=True, text=True).stdout.split()
            _cluster["dir"], _cluster["url"] = out[0], out[1]
            atexit.register(lambda: subprocess.run([os.path.join(REPO, "scripts", "pgcluster.sh"), "stop",
                                                    _cluster["dir"]], check=False))
        return _cluster["url"]


def new_pg_database():
    """The URL of a new, empty database in the test cluster."""
    import psycopg
    base = pg_url()
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return base.replace("/postgres?", f"/{name}?", 1)


def new_database(engine, folder):
    """A URL for an empty database of `engine` (a file in `folder` for SQLite)."""
    if engine == "sqlite":
        return os.path.join(folder, f"db-{uuid.uuid4().hex[:8]}", "astradia.sqlite3")
    return new_pg_database()


def settings(root, database, **overrides):
    """Settings from the defaults only (no server.toml, no environment) plus `overrides`
    ({"server.port": 0, ...} or keyword section__key=value)."""
    values = {"server.root": root, "database.url": database, "server.port": 0}
    for k, v in overrides.items():
        values[k.replace("__", ".")] = v
    return configmod.load(empty_config(), environ={}, overrides=values)


class EngineCase(unittest.TestCase):
    """A server in this process on a free port over a one-page root and a new database of `engine`
    (a subclass sets it; the base class is skipped), rate limits and the access log off, plus the
    subclass's `overrides` ({"section__key": value}): .server, .port, .storage, .db."""
    engine = None
    overrides = {}

    @classmethod
    def setUpClass(cls):
        if cls.engine is None:
            raise unittest.SkipTest("the base class")
        cls.tmp = tempfile.TemporaryDirectory()
        root = os.path.join(cls.tmp.name, "site")
        os.makedirs(root)
        with open(os.path.join(root, "index.html"), "wb") as f:
            f.write(b"<!doctype html><title>t</title>")
        cls.db = new_database(cls.engine, cls.tmp.name)
        cfg = settings(root, cls.db, rate_limit__enabled=False, log__access=False, **cls.overrides)
        cls.server = InProcess(cfg)
        cls.port = cls.server.port
        cls.storage = cls.server.storage

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()


class InProcess:
    """The app on waitress in a thread of this process: .port, .app, .storage, .stop()."""

    def __init__(self, cfg, before_start=None):
        self.storage = open_storage(cfg.database.url)
        self.storage.migrate()
        self.app = App(cfg, self.storage, log=False if not cfg.log.access else None)
        if before_start:
            before_start(self.app)
        self.server = make_server(self.app, cfg)
        self.port = self.server.effective_port
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=serve, args=(self.server, 2.0, self.stop_event), daemon=True)
        self.thread.start()

    def stop(self):
        self.stop_event.set()
        try:
            self.server.pull_trigger()  # wakes the loop at once rather than at its next timeout
        except OSError:  # the loop saw the event first and has closed the trigger already
            pass
        self.thread.join(10)
        self.storage.close()


# Settings for load tests: one client posts thousands of receipts, far past a visitor's bucket.
BASE_SETTINGS_ENV = {"ASTRADIA_RATE_LIMIT_ENABLED": "false", "ASTRADIA_LOG_ACCESS": "false"}


def empty_config():
    """An empty settings file: the defaults, whatever the developer's server.toml says."""
    path = os.path.join(tempfile.gettempdir(), "astradia-empty.toml")
    if not os.path.exists(path):
        open(path, "w").close()
    return path


def _isolated(args):
    return list(args) if "--config" in args else ["--config", empty_config(), *args]


def _env(env):
    e = {k: v for k, v in os.environ.items() if not k.startswith("ASTRADIA_")}
    e.update(env or {})
    return e


class Process:
    """serve.py as its own process: .port, .proc, .output(), .stop(sig)."""

    @staticmethod
    def run(args, env=None, timeout=60):
        """serve.py run to its end (e.g. a refusal, --import-receipts): a CompletedProcess."""
        return subprocess.run([PY, SERVE, "--port", "0", *_isolated(args)], cwd=REPO, env=_env(env),
                              capture_output=True, text=True, timeout=timeout)

    def __init__(self, args, env=None, cwd=REPO, python=PY, wait=True, preexec_fn=None):
        e = _env(env)
        self.proc = subprocess.Popen([python, SERVE, "--port", "0", *_isolated(args)], cwd=cwd, env=e,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                     preexec_fn=preexec_fn)
        self.lines = []
        self._ready = threading.Event()
        self.port = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if wait:
            self.wait_ready()

    def wait_ready(self):
        if not self._ready.wait(30) or self.port is None:
            self.proc.kill()
            raise RuntimeError("serve.py did not start:\n" + self.output())

    def _read(self):
        for line in self.proc.stderr:
            self.lines.append(line)
            if self.port is None and " on http://" in line:
                self.port = int(line.split(" on http://")[1].split(":")[1].split("/")[0])
                self._ready.set()
        self._ready.set()

    def output(self):
        return "".join(self.lines)

    def stop(self, sig=None, timeout=15):
        if self.proc.poll() is None:
            if sig is None:
                self.proc.terminate()
            else:
                self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait(5)
        self._reader.join(5)
        self.proc.stderr.close()
        return code


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raw_request(port, data, timeout=5):
    """Sends raw bytes, returns (status, headers dict, body) of the first response."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        buf = b""
        while b"\r\n\r\n" not in buf:
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
        head, _, body = buf.partition(b"\r\n\r\n")
        lines = head.decode("iso-8859-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            k, _, v = line.partition(":")
            headers[k.strip().lower()] = v.strip()
        length = int(headers.get("content-length", "0"))
        while len(body) < length:
            chunk = s.recv(65536)
            if not chunk:
                break
            body += chunk
        return status, headers, body


def raw_exchange(port, data, timeout=5, half_close=True):
    """Sends raw bytes and returns everything the server answers until it closes or times out."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        if half_close:
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


def get(port, path, headers=None, method="GET"):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def post_json(port, path, body, ctype="application/json", raw=False, headers=None, timeout=5):
    """POSTs body (an object, or bytes when raw); returns (status, parsed JSON or None, raw bytes, headers)."""
    data = body if raw else json.dumps(body).encode()
    h = dict(headers or {})
    if ctype:
        h["Content-Type"] = ctype
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method="POST", headers=h)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            payload, status, hdrs = r.read(), r.status, r.headers
    except urllib.error.HTTPError as e:
        payload, status, hdrs = e.read(), e.code, e.headers
    parsed = json.loads(payload) if hdrs.get("Content-Type") == "application/json" else None
    return status, parsed, payload, {k.lower(): v for k, v in hdrs.items()}


def healthy(port):
    """True when a server on `port` answers /api/health with 200 (False while it is not up)."""
    try:
        return get(port, "/api/health")[0] == 200
    except OSError:
        return False


def wait_until(predicate, timeout=10, step=0.05):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return False
