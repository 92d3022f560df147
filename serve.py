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
  - one log line per request, and a server that keeps serving whatever it is sent.

Usage: python3 serve.py [--host 127.0.0.1] [--port 8000] [--root DIR] [--no-build]
"""
import argparse
import email.utils
import gzip
import hashlib
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
PRESET = "wasm-release"
DEFAULT_ROOT = os.path.join(HERE, "build", PRESET, "site")

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
    def read_body(self, max_bytes=MAX_BODY):
        """The request body as bytes, or None after answering 411/400/413/415 itself."""
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding"):
            self.send_error(400, "Chunked bodies are not accepted")
            return None
        if length is None:
            self.send_error(411, "Content-Length required")
            return None
        if not length.isdigit():
            self.send_error(400, "Bad Content-Length")
            return None
        n = int(length)
        if n > max_bytes:
            self.send_error(413, f"Body larger than {max_bytes} bytes")
            return None
        data = self.rfile.read(n)
        if len(data) != n:
            self.send_error(400, "Body shorter than Content-Length")
            return None
        return data

    def send_json(self, code, obj):
        body = (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
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


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address, root):
        self.root_real = os.path.realpath(root)
        self.cache = FileCache()
        super().__init__(address, Handler)

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
    args = ap.parse_args(argv)

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
        server = Server((args.host, args.port), args.root)
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
