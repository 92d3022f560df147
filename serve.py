#!/usr/bin/env python3
"""serve.py: serve the Astradia site on http://127.0.0.1:8000/ (Python standard library only).

Builds the site first (cmake preset wasm-release, target `site`; a no-op when nothing
changed), then serves build/wasm-release/site with:
  - correct MIME types (application/wasm for .wasm),
  - the precompressed .gz twin when the client accepts gzip, else gzip on the fly,
  - strong ETags, 304 on If-None-Match, Cache-Control,
  - security headers on every response (strict CSP, nosniff, Referrer-Policy,
    Permissions-Policy, COOP, CORP),
  - 404 for any path that leaves the root (.., encoded forms, backslashes, NUL,
    hidden files, symlinks that point outside), 400 for malformed requests,
  - one log line per request, and a server that keeps serving whatever it is sent,
  - POST /api/consent: consent receipts from the legal widget, validated like the
    consent record of docs/LEGAL-FORMATS.md and stored in SQLite (never an IP address
    or user agent); POST /api/partner-demo/form: the example studio's forms.

Usage: python3 serve.py [--host 127.0.0.1] [--port 8000] [--root DIR] [--no-build]
                        [--consent-db PATH] [--header "Name: value"]...
"""
import argparse
import datetime
import email.utils
import gzip
import hashlib
import http.server
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
PRESET = "wasm-release"
DEFAULT_ROOT = os.path.join(HERE, "build", PRESET, "site")
DEFAULT_CONSENT_DB = os.path.join(HERE, "build", "consent.sqlite3")

MIME = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".ttf": "font/ttf",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".xml": "application/xml",
    ".webmanifest": "application/manifest+json",
    ".gz": "application/gzip",
}
# Extensionless files that are text (the release checksum lists).
MIME_BY_NAME = {"SHA256SUMS": "text/plain; charset=utf-8", "MD5SUMS": "text/plain; charset=utf-8"}
COMPRESSIBLE = ("text/", "application/wasm", "application/json", "image/svg+xml", "font/ttf",
                "application/xml", "application/manifest+json")

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                          "interest-cohort=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
MAX_BODY = 64 * 1024
BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def printable(text):
    """Text safe for one log line: quotes, control and non-ASCII characters escaped."""
    return "".join(c if 0x20 <= ord(c) < 0x7F and c not in '"\\' else f"\\x{ord(c):02x}" for c in text)


def log(line):
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


class FileCache:
    """Per-file facts that cost a read: ETag and gzip bytes, keyed by (path, mtime, size)."""

    def __init__(self, limit=64):
        self._lock = threading.Lock()
        self._entries = {}
        self._limit = limit

    def get(self, path, st, make):
        key = (path, st.st_mtime_ns, st.st_size)
        with self._lock:
            hit = self._entries.get(key)
        if hit is not None:
            return hit
        value = make()
        with self._lock:
            if len(self._entries) >= self._limit:
                self._entries.pop(next(iter(self._entries)))
            self._entries[key] = value
        return value


def read_facts(path):
    with open(path, "rb") as f:
        data = f.read()
    return {"etag": hashlib.sha256(data).hexdigest()[:32], "data": data}


def accepts_gzip(header):
    """True when Accept-Encoding allows gzip (honouring q=0)."""
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields or fields[0].lower() not in ("gzip", "*"):
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            return True
    return False


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "astradia-serve"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    default_request_version = "HTTP/1.0"  # so even an unparsable request gets a status line and headers
    timeout = 30  # seconds a client may idle mid-request before its connection is dropped

    # API routes: path -> {method: handler(self) -> None}. Extended by the features that need them.
    api_routes = {}

    # --- request life cycle -----------------------------------------------------------
    def handle_one_request(self):
        self._status = None
        self._sent = 0
        self._encoding = "-"
        self._started = time.perf_counter()
        try:
            super().handle_one_request()
        finally:
            if self._status is not None:
                ms = (time.perf_counter() - self._started) * 1000
                request = printable(self.requestline[:200]) if self.requestline else "-"
                log(f'[serve] {self.client_address[0]} "{request}" {self._status} {self._sent} '
                    f'{self._encoding} {ms:.1f}ms')

    def parse_request(self):
        if not super().parse_request():
            return False
        if len(self.requestline.split()) != 3:  # an HTTP/0.9 "GET /" with no version
            self.send_error(400, "HTTP/0.9 requests are not supported")
            return False
        return True

    def log_request(self, code="-", size="-"):
        self._status = int(code) if str(code).isdigit() else code

    def log_error(self, format, *args):  # noqa: A002 (the base class's name)
        pass  # the one line per request is written by handle_one_request

    def send_security_headers(self):
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        for name, value in self.server.extra_headers:  # --header, e.g. a test root's extra policy
            self.send_header(name, value)

    def send_error(self, code, message=None, explain=None):
        body = f"{code} {message or self.responses.get(code, ('',))[0]}\n".encode()
        self.close_connection = code >= 500 or code in (400, 408, 413, 414, 431)
        self.send_response(code, message)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.send_security_headers()
        self.end_headers()
        if self.command != "HEAD" and code >= 200 and code not in (204, 304):
            self.wfile.write(body)
            self._sent = len(body)

    def guarded(self, fn):
        try:
            fn()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as exc:  # a bug must cost one request, never the server
            log(f"[serve] internal error on {self.path!r}: {exc!r}")
            if self._status is None:
                self.send_error(500, "Internal error")
            self.close_connection = True

    # --- methods --------------------------------------------------------------------------
    def do_GET(self):
        self.guarded(lambda: self.route("GET"))

    def do_HEAD(self):
        self.guarded(lambda: self.route("HEAD"))

    def do_POST(self):
        self.guarded(lambda: self.route("POST"))

    def do_PUT(self):
        self.guarded(lambda: self.route("PUT"))

    def do_DELETE(self):
        self.guarded(lambda: self.route("DELETE"))

    def do_PATCH(self):
        self.guarded(lambda: self.route("PATCH"))

    def do_OPTIONS(self):
        self.guarded(lambda: self.route("OPTIONS"))

    def route(self, method):
        target = self.path
        if not target.startswith("/"):
            # absolute-form (proxy) requests and '*' are not for this server
            self.send_error(400, "Request target must be an origin path")
            return
        raw_path = target.split("?", 1)[0].split("#", 1)[0]
        if BAD_PERCENT.search(raw_path) or any(ord(c) < 0x21 or ord(c) == 0x7F for c in raw_path):
            self.send_error(400, "Malformed path")
            return
        try:
            path = urllib.parse.unquote(raw_path, errors="strict")
        except UnicodeDecodeError:
            # not UTF-8 once decoded (e.g. the overlong "%c0%af" slash): no file can have that name
            self.send_error(404, "Not found")
            return
        if "\x00" in path or "\\" in path:
            self.send_error(404, "Not found")
            return
        routes = self.api_routes.get(path)
        if routes is not None:
            handler = routes.get(method)
            if handler is None:
                self.send_method_not_allowed(sorted(routes))
                return
            handler(self)
            return
        if method not in ("GET", "HEAD"):
            self.send_method_not_allowed(["GET", "HEAD"])
            return
        self.serve_static(path, head=(method == "HEAD"))

    def send_method_not_allowed(self, allowed):
        body = b"405 Method Not Allowed\n"
        self.send_response(405)
        self.send_header("Allow", ", ".join(allowed))
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_security_headers()
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
            self._sent = len(body)

    # --- helpers for API handlers ----------------------------------------------------------
    def read_body(self, max_bytes=MAX_BODY, fail=None):
        """The request body as bytes, or None after answering 411/400/413 itself
        (through fail(code, message) when given, e.g. send_json_error)."""
        fail = fail or self.send_error
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding"):
            fail(400, "Chunked bodies are not accepted")
            return None
        if length is None:
            fail(411, "Content-Length required")
            return None
        if not length.isdigit():
            fail(400, "Bad Content-Length")
            return None
        n = int(length)
        if n > max_bytes:
            fail(413, f"Body larger than {max_bytes} bytes")
            return None
        data = self.rfile.read(n)
        if len(data) != n:
            fail(400, "Body shorter than Content-Length")
            return None
        return data

    def send_json(self, code, obj):
        body = (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.send_security_headers()
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
            self._sent = len(body)

    # --- static files ----------------------------------------------------------------------
    def resolve(self, path):
        """The real file for a decoded URL path (no NUL, no backslash) inside the root, or None."""
        segments = path.split("/")
        if any(s in (".", "..") or (s.startswith(".")) for s in segments[1:]):
            return None
        rel = path.lstrip("/")
        if rel == "" or path.endswith("/"):
            rel += "index.html"
        root = self.server.root_real
        full = os.path.realpath(os.path.join(root, rel))
        if os.path.commonpath([full, root]) != root or not os.path.isfile(full):
            return None
        return full

    def serve_static(self, path, head):
        full = self.resolve(path)
        if full is None:
            # a folder without its trailing slash: send the browser to the folder's page
            rel = path.strip("/")
            folder = os.path.realpath(os.path.join(self.server.root_real, rel)) if rel else None
            if (folder and ".." not in path.split("/")
                    and os.path.commonpath([folder, self.server.root_real]) == self.server.root_real
                    and os.path.isfile(os.path.join(folder, "index.html"))):
                self.redirect("/" + rel + "/")
                return
            self.send_error(404, "Not found")
            return
        name = os.path.basename(full)
        ctype = MIME_BY_NAME.get(name) or MIME.get(os.path.splitext(name)[1].lower(), "application/octet-stream")
        st = os.stat(full)
        facts = self.server.cache.get(full, st, lambda: read_facts(full))
        data = facts["data"]
        etag = facts["etag"]
        encoding = None
        compressible = ctype.startswith(COMPRESSIBLE) and len(data) >= 256
        if compressible and accepts_gzip(self.headers.get("Accept-Encoding")):
            twin = full + ".gz"
            if os.path.isfile(twin) and os.stat(twin).st_mtime_ns >= st.st_mtime_ns:
                tst = os.stat(twin)
                data = self.server.cache.get(twin, tst, lambda: read_facts(twin))["data"]
            else:
                data = self.server.cache.get(full + "#gzip", st,
                                             lambda: {"data": gzip.compress(facts["data"], 6, mtime=0)})["data"]
            encoding = "gzip"
            etag += "-gz"
        quoted = f'"{etag}"'
        inm = self.headers.get("If-None-Match")
        if inm and (inm.strip() == "*" or quoted in [t.strip() for t in inm.split(",")]):
            self.send_response(304)
            self.send_header("ETag", quoted)
            self.send_cache_headers(ctype, compressible)
            self.send_security_headers()
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self._encoding = encoding
        self.send_header("ETag", quoted)
        self.send_header("Last-Modified", email.utils.formatdate(st.st_mtime, usegmt=True))
        self.send_cache_headers(ctype, compressible)
        self.send_security_headers()
        self.end_headers()
        if not head:
            self.wfile.write(data)
            self._sent = len(data)

    def send_cache_headers(self, ctype, compressible):
        # File names are not content-hashed, so every file revalidates (a cheap 304);
        # SRI on the page makes a stale script fail loudly rather than run.
        self.send_header("Cache-Control", "no-cache")
        if compressible:
            self.send_header("Vary", "Accept-Encoding")

    def redirect(self, location):
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.send_security_headers()
        self.end_headers()


def api_health(handler):
    handler.send_json(200, {"ok": True})


Handler.api_routes["/api/health"] = {"GET": api_health, "HEAD": api_health}


# --- consent receipts (docs/LEGAL-FORMATS.md: the consent record and POST /api/consent) ------------
MAX_CONSENT_BODY = 4096
SLUG = re.compile(r"[a-z0-9-]{1,40}")
RECORD_ID = re.compile(r"c-[0-9a-f]{32}")
VERSION = re.compile(r"[0-9]{1,3}\.[0-9]{1,3}")
SHA256_HEX = re.compile(r"[0-9a-f]{64}")
ISO_MS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z")
RECORD_FIELDS = ("v", "id", "site", "time", "expires", "method", "language", "choices", "documents",
                 "age_confirmed", "gpc")
METHODS = ("banner", "preferences", "gpc", "api")
EVENTS = ("given", "changed", "withdrawn")


def iso_ms(value):
    """The datetime of a YYYY-MM-DDTHH:MM:SS.mmmZ string, or None (also for 2026-02-30)."""
    if not isinstance(value, str) or not ISO_MS.fullmatch(value):
        return None
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ")
    except ValueError:
        return None


def check_consent_record(r):
    """The contract's record validation (the same rules as the widget and the C++ model).
    Returns None when valid, else a one-line reason naming the field."""
    def is_str(x, pattern):
        return isinstance(x, str) and pattern.fullmatch(x) is not None

    if not isinstance(r, dict):
        return "record must be a JSON object"
    extra = sorted(set(r) - set(RECORD_FIELDS))
    if extra:
        return f"record has an unknown field: {extra[0]}"
    missing = [k for k in RECORD_FIELDS if k not in r]
    if missing:
        return f"record.{missing[0]} is missing"
    if type(r["v"]) is not int or r["v"] != 1:
        return "record.v must be the integer 1"
    if not is_str(r["id"], RECORD_ID):
        return "record.id must be c- followed by 32 lower-case hex digits"
    if not is_str(r["site"], SLUG):
        return "record.site must match [a-z0-9-]{1,40}"
    given, expires = iso_ms(r["time"]), iso_ms(r["expires"])
    if given is None:
        return "record.time must be ISO 8601 UTC with milliseconds (YYYY-MM-DDTHH:MM:SS.mmmZ)"
    if expires is None:
        return "record.expires must be ISO 8601 UTC with milliseconds (YYYY-MM-DDTHH:MM:SS.mmmZ)"
    if expires <= given:
        return "record.expires must be after record.time"
    if not isinstance(r["method"], str) or r["method"] not in METHODS:
        return "record.method must be one of " + ", ".join(METHODS)
    if not isinstance(r["language"], str) or r["language"] not in ("en", "ru"):
        return "record.language must be en or ru"
    choices = r["choices"]
    if not isinstance(choices, dict) or set(choices) != {"necessary", "statistics", "ads"}:
        return "record.choices must have exactly necessary, statistics and ads"
    if choices["necessary"] is not True:
        return "record.choices.necessary must be true"
    if type(choices["statistics"]) is not bool or type(choices["ads"]) is not bool:
        return "record.choices.statistics and .ads must be booleans"
    docs = r["documents"]
    if not isinstance(docs, list) or not 1 <= len(docs) <= 16:
        return "record.documents must be a list of 1 to 16 entries"
    seen = set()
    for i, d in enumerate(docs):
        where = f"record.documents[{i}]"
        if not isinstance(d, dict) or set(d) != {"id", "version", "hash"}:
            return f"{where} must have exactly id, version and hash"
        if not is_str(d["id"], SLUG):
            return f"{where}.id must match [a-z0-9-]{{1,40}}"
        if not is_str(d["version"], VERSION):
            return f"{where}.version must be MAJOR.MINOR"
        if not is_str(d["hash"], SHA256_HEX):
            return f"{where}.hash must be 64 lower-case hex digits"
        if d["id"] in seen:
            return f"{where}.id repeats {d['id']}"
        seen.add(d["id"])
    if type(r["age_confirmed"]) is not bool:
        return "record.age_confirmed must be a boolean"
    if type(r["gpc"]) is not bool:
        return "record.gpc must be a boolean"
    if len(json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode()) > MAX_CONSENT_BODY:
        return "record is larger than 4 KiB"
    return None


def strict_json(data):
    """Parses UTF-8 JSON text, refusing duplicate keys and NaN/Infinity. Raises ValueError."""
    def pairs(items):
        obj = {}
        for k, v in items:
            if k in obj:
                raise ValueError(f"duplicate key {k!r}")
            obj[k] = v
        return obj

    def constant(name):
        raise ValueError(f"{name} is not JSON")

    return json.loads(data.decode("utf-8"), object_pairs_hook=pairs, parse_constant=constant)


class ConsentStore:
    """Consent receipts in SQLite. One connection behind a lock (ThreadingHTTPServer);
    the file and its folder are created on first use."""

    SCHEMA = """CREATE TABLE IF NOT EXISTS receipts (
        n INTEGER PRIMARY KEY AUTOINCREMENT,
        record_id TEXT NOT NULL, seq INTEGER NOT NULL, received TEXT NOT NULL,
        site TEXT NOT NULL, event TEXT NOT NULL, method TEXT NOT NULL,
        choices TEXT NOT NULL, documents TEXT NOT NULL, language TEXT NOT NULL,
        time TEXT NOT NULL, expires TEXT NOT NULL, age_confirmed INTEGER NOT NULL, gpc INTEGER NOT NULL,
        UNIQUE (record_id, seq))"""

    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._db = None

    def add(self, record, event):
        """Stores one receipt; returns its id "<record id>:<n>" (n counts this record's receipts)."""
        received = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        with self._lock:
            if self._db is None:
                os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
                self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
                self._db.execute("PRAGMA busy_timeout = 5000")
                self._db.execute(self.SCHEMA)
            db = self._db
            db.execute("BEGIN IMMEDIATE")
            try:
                (seq,) = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM receipts WHERE record_id = ?",
                                    (record["id"],)).fetchone()
                compact = lambda x: json.dumps(x, ensure_ascii=False, separators=(",", ":"), sort_keys=True)  # noqa: E731
                db.execute("INSERT INTO receipts (record_id, seq, received, site, event, method, choices, documents,"
                           " language, time, expires, age_confirmed, gpc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                           (record["id"], seq, received, record["site"], event, record["method"],
                            compact(record["choices"]), compact(record["documents"]), record["language"],
                            record["time"], record["expires"], int(record["age_confirmed"]), int(record["gpc"])))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return f"{record['id']}:{seq}"

    def close(self):
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


def send_json_error(handler, code, message):
    """A one-line JSON error; the connection closes when the body may be left unread."""
    if code in (400, 411, 413, 415):
        handler.close_connection = True
    handler.send_json(code, {"ok": False, "error": message})


def api_consent(handler):
    fail = lambda code, message: send_json_error(handler, code, message)  # noqa: E731
    ctype = (handler.headers.get("Content-Type") or "").lower().replace(" ", "")
    media, _, params = ctype.partition(";")
    if media not in ("application/json", "text/plain") or params not in ("", "charset=utf-8"):
        fail(415, "send application/json or text/plain;charset=UTF-8")
        return
    data = handler.read_body(MAX_CONSENT_BODY, fail=fail)
    if data is None:
        return
    try:
        body = strict_json(data)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        fail(400, f"the body is not JSON: {str(exc).splitlines()[0][:120]}")
        return
    if not isinstance(body, dict) or set(body) != {"record", "event"}:
        fail(400, 'the body must be {"record": ..., "event": ...}')
        return
    if not isinstance(body["event"], str) or body["event"] not in EVENTS:
        fail(400, "event must be one of " + ", ".join(EVENTS))
        return
    problem = check_consent_record(body["record"])
    if problem:
        fail(400, problem)
        return
    try:
        receipt = handler.server.consent_store.add(body["record"], body["event"])
    except sqlite3.Error as exc:
        log(f"[serve] consent store error: {exc!r}")
        handler.send_json(503, {"ok": False, "error": "the receipt could not be stored; try again"})
        return
    handler.send_json(201, {"ok": True, "receipt": receipt})


Handler.api_routes["/api/consent"] = {"POST": api_consent}


# --- the example studio's forms (web/partner-demo/) ------------------------------------------------
def api_partner_form(handler):
    """Accepts an inquiry or newsletter form only with the User Agreement's acceptance fields
    (the widget's checkbox helper adds them), then sends the visitor to the thank-you page.
    A demo: nothing is stored."""
    data = handler.read_body(16 * 1024)
    if data is None:
        return
    try:
        fields = urllib.parse.parse_qs(data.decode("utf-8"), strict_parsing=False)
    except UnicodeDecodeError:
        handler.send_error(400, "The form is not UTF-8")
        return
    one = {k: v[0] for k, v in fields.items() if len(v) == 1}
    ok = (SLUG.fullmatch(one.get("acceptance.document", "")) and VERSION.fullmatch(one.get("acceptance.version", ""))
          and SHA256_HEX.fullmatch(one.get("acceptance.hash", "")) and iso_ms(one.get("acceptance.time"))
          and one.get("acceptance.language") in ("en", "ru"))
    if not ok:
        handler.send_error(400, "The form must carry the acceptance of the User Agreement")
        return
    handler.send_response(303)
    handler.send_header("Location", "/partner-demo/thanks.html")
    handler.send_header("Content-Length", "0")
    handler.send_header("Cache-Control", "no-store")
    handler.send_security_headers()
    handler.end_headers()


Handler.api_routes["/api/partner-demo/form"] = {"POST": api_partner_form}


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address, root, consent_db=DEFAULT_CONSENT_DB, extra_headers=()):
        self.root_real = os.path.realpath(root)
        self.cache = FileCache()
        self.consent_store = ConsentStore(consent_db)
        self.extra_headers = list(extra_headers)
        super().__init__(address, Handler)

    def server_close(self):
        super().server_close()
        self.consent_store.close()

    def handle_error(self, request, client_address):
        log(f"[serve] connection error from {client_address[0]}: {sys.exc_info()[1]!r}")


def build_site():
    """Configures (first time) and builds the site; ninja makes this a no-op when nothing changed."""
    env = dict(os.environ, NODE_PATH="/usr/share/nodejs")
    if not os.path.isfile(os.path.join(HERE, "build", PRESET, "build.ninja")):
        log(f"[serve] configuring the {PRESET} build (cmake --preset {PRESET}) ...")
        subprocess.run(["cmake", "--preset", PRESET], cwd=HERE, env=env, check=True, stdout=sys.stderr)
    log(f"[serve] building the site (cmake --build --preset {PRESET} --target site) ...")
    subprocess.run(["cmake", "--build", "--preset", PRESET, "--target", "site"], cwd=HERE, env=env,
                   check=True, stdout=sys.stderr)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Serve the Astradia site locally.")
    ap.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    ap.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    ap.add_argument("--root", default=DEFAULT_ROOT, help="folder to serve (default: the release site)")
    ap.add_argument("--no-build", action="store_true", help="serve what is there; do not build first")
    ap.add_argument("--consent-db", default=DEFAULT_CONSENT_DB,
                    help="SQLite file for consent receipts (default build/consent.sqlite3)")
    ap.add_argument("--header", action="append", default=[], metavar='"NAME: VALUE"',
                    help="an extra header on every response (repeatable), e.g. a test root's extra policy")
    args = ap.parse_args(argv)
    headers = []
    for h in args.header:
        name, sep, value = h.partition(":")
        if not sep or not re.fullmatch(r"[A-Za-z0-9-]+", name.strip()) or any(c in value for c in "\r\n"):
            log(f'[serve] error: --header needs "Name: value", got {h!r}')
            return 2
        headers.append((name.strip(), value.strip()))

    if not args.no_build and os.path.abspath(args.root) == DEFAULT_ROOT:
        try:
            build_site()
        except (subprocess.CalledProcessError, FileNotFoundError) as exc:
            log(f"[serve] error: the build failed ({exc}); run scripts/bootstrap.sh, then try again")
            return 1
    if not os.path.isfile(os.path.join(args.root, "index.html")):
        log(f"[serve] error: {args.root} has no index.html (build it, or pass --root)")
        return 1
    try:
        server = Server((args.host, args.port), args.root, consent_db=args.consent_db, extra_headers=headers)
    except OSError as exc:
        log(f"[serve] error: cannot listen on {args.host}:{args.port}: {exc.strerror} (try --port)")
        return 1
    host, port = server.server_address[:2]
    log(f"[serve] serving {os.path.relpath(args.root, HERE)} on http://{host}:{port}/ (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log("[serve] stopped")
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
