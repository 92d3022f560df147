"""Purpose: serve.py end to end over real sockets: MIME types, compression, caching,
security headers, path traversal (every form gets 404 and never a byte from outside
the root), malformed requests (400 and the server keeps serving), API body limits,
one log line per request, and the command line.

Run: python3 -m unittest discover -s tests/serve -v
"""
import contextlib
import gzip
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, REPO)
import serve  # noqa: E402

INDEX = b"<!doctype html><title>t</title>" + b"<p>hello</p>" * 50
SCRIPT = b"'use strict';\n" + b"console.log('x');\n" * 100
WASM = b"\x00asm\x01\x00\x00\x00" + bytes(range(256)) * 8
CSS = b"body{margin:0}\n" * 40
OUTSIDE = b"root:x:0:0:this must never be served\n"


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


def get(port, path, headers=None, method="GET"):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        base = cls.tmp.name
        cls.outside = os.path.join(base, "outside")
        os.makedirs(cls.outside)
        with open(os.path.join(cls.outside, "passwd"), "wb") as f:
            f.write(OUTSIDE)
        root = os.path.join(base, "site")
        os.makedirs(os.path.join(root, "legal"))
        files = {"index.html": INDEX, "app.js": SCRIPT, "app.wasm": WASM, "style.css": CSS,
                 "SHA256SUMS": b"0" * 64 + b"  index.html\n", "legal/index.html": INDEX,
                 ".secret": b"hidden", "tiny.txt": b"small"}
        for name, data in files.items():
            with open(os.path.join(root, name), "wb") as f:
                f.write(data)
        # A precompressed twin, made recognisable by its own header bytes.
        cls.twin = gzip.compress(SCRIPT, 9, mtime=12345)
        with open(os.path.join(root, "app.js.gz"), "wb") as f:
            f.write(cls.twin)
        os.symlink(cls.outside, os.path.join(root, "escape"))
        os.symlink(os.path.join(cls.outside, "passwd"), os.path.join(root, "passwd-link"))
        os.symlink(os.path.join(root, "index.html"), os.path.join(root, "inside-link.html"))

        def echo(handler):
            body = handler.read_body(max_bytes=1024)
            if body is not None:
                handler.send_json(200, {"bytes": len(body)})

        serve.Handler.api_routes["/api/test-echo"] = {"POST": echo}
        cls.server = serve.Server(("127.0.0.1", 0), root)
        cls.port = cls.server.server_address[1]
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        serve.Handler.api_routes.pop("/api/test-echo", None)
        cls.tmp.cleanup()

    def assert_still_serving(self):
        status, _, body = get(self.port, "/")
        self.assertEqual(status, 200)
        self.assertEqual(body, INDEX)

    # --- content ---------------------------------------------------------------------
    def test_mime_types(self):
        expect = {"/": "text/html; charset=utf-8", "/app.js": "text/javascript; charset=utf-8",
                  "/app.wasm": "application/wasm", "/style.css": "text/css; charset=utf-8",
                  "/SHA256SUMS": "text/plain; charset=utf-8", "/tiny.txt": "text/plain; charset=utf-8"}
        for path, ctype in expect.items():
            status, headers, _ = get(self.port, path)
            self.assertEqual(status, 200, path)
            self.assertEqual(headers["content-type"], ctype, path)

    def test_identity_when_gzip_not_accepted(self):
        for accept in (None, "identity", "gzip;q=0", "br"):
            hdrs = {"Accept-Encoding": accept} if accept else {"Accept-Encoding": ""}
            status, headers, body = get(self.port, "/app.wasm", hdrs)
            self.assertEqual(status, 200)
            self.assertNotIn("content-encoding", headers, accept)
            self.assertEqual(body, WASM)

    def test_precompressed_twin_is_sent(self):
        status, headers, body = get(self.port, "/app.js", {"Accept-Encoding": "gzip, deflate"})
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-encoding"], "gzip")
        self.assertEqual(headers["vary"], "Accept-Encoding")
        self.assertEqual(body, self.twin)  # the file on disk, byte for byte
        self.assertEqual(gzip.decompress(body), SCRIPT)

    def test_on_the_fly_gzip(self):
        status, headers, body = get(self.port, "/app.wasm", {"Accept-Encoding": "gzip"})
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-encoding"], "gzip")
        self.assertEqual(gzip.decompress(body), WASM)
        self.assertLess(len(body), len(WASM))
        # tiny files are not worth compressing
        _, headers, body = get(self.port, "/tiny.txt", {"Accept-Encoding": "gzip"})
        self.assertNotIn("content-encoding", headers)
        self.assertEqual(body, b"small")

    def test_etag_and_304(self):
        _, headers, _ = get(self.port, "/style.css", {"Accept-Encoding": ""})
        etag = headers["etag"]
        self.assertRegex(etag, r'^"[0-9a-f]{32}"$')
        self.assertEqual(headers["cache-control"], "no-cache")
        self.assertIn("last-modified", headers)
        status, headers304, body = get(self.port, "/style.css", {"If-None-Match": etag, "Accept-Encoding": ""})
        self.assertEqual(status, 304)
        self.assertEqual(body, b"")
        self.assertEqual(headers304["etag"], etag)
        # the gzip variant has its own tag
        _, gz_headers, _ = get(self.port, "/style.css", {"Accept-Encoding": "gzip"})
        self.assertNotEqual(gz_headers["etag"], etag)

    def test_head_has_no_body(self):
        status, headers, body = raw_request(
            self.port, b"HEAD /app.wasm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        self.assertEqual(status, 200)
        self.assertEqual(int(headers["content-length"]), len(WASM))
        self.assertEqual(body, b"")

    def test_folder_redirects_to_its_page(self):
        status, headers, _ = raw_request(self.port, b"GET /legal HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        self.assertEqual(status, 301)
        self.assertEqual(headers["location"], "/legal/")
        status, _, body = get(self.port, "/legal/")
        self.assertEqual((status, body), (200, INDEX))

    def test_symlink_inside_root_is_served(self):
        status, _, body = get(self.port, "/inside-link.html")
        self.assertEqual((status, body), (200, INDEX))

    # --- headers ---------------------------------------------------------------------
    def test_security_headers_on_every_response(self):
        for path in ("/", "/app.wasm", "/missing", "/../x"):
            _, headers, _ = raw_request(self.port, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            csp = headers.get("content-security-policy", "")
            self.assertIn("default-src 'self'", csp, path)
            self.assertIn("'wasm-unsafe-eval'", csp, path)
            self.assertNotIn("'unsafe-inline'", csp, path)
            self.assertNotIn("'unsafe-eval'", csp, path)
            self.assertIn("object-src 'none'", csp, path)
            self.assertEqual(headers.get("x-content-type-options"), "nosniff", path)
            self.assertEqual(headers.get("referrer-policy"), "no-referrer", path)
            self.assertIn("camera=()", headers.get("permissions-policy", ""), path)
            self.assertEqual(headers.get("cross-origin-opener-policy"), "same-origin", path)
            self.assertEqual(headers.get("server"), "astradia-serve", path)  # no Python version leaked

    # --- traversal -------------------------------------------------------------------
    def test_traversal_attempts_get_404(self):
        attempts = [
            "/../outside/passwd",
            "/../../../../etc/passwd",
            "/..%2foutside%2fpasswd",
            "/%2e%2e/outside/passwd",
            "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
            "/%252e%252e/%252e%252e/etc/passwd",      # double-encoded
            "/..%5c..%5coutside%5cpasswd",            # encoded backslashes
            "/..\\..\\outside\\passwd",               # raw backslashes
            "/..%c0%af..%c0%afetc/passwd",            # overlong UTF-8 slash
            "/legal/../../outside/passwd",
            "/legal/%2e%2e/%2e%2e/outside/passwd",
            "//etc/passwd",
            "/etc/passwd",
            "/" + self.outside + "/passwd",           # the absolute path of the target
            "/escape/passwd",                         # symlinked folder pointing out of the root
            "/passwd-link",                           # symlinked file pointing out of the root
            "/.secret",                               # hidden files
            "/index.html%00.txt",                     # NUL
            "/./index.html",
            "/.%2e/outside/passwd",
        ]
        self.assertGreaterEqual(len(attempts), 10)
        for path in attempts:
            status, _, body = raw_request(self.port, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            self.assertEqual(status, 404, path)
            self.assertNotIn(b"root:x", body, path)
        self.assert_still_serving()

    # --- malformed requests ----------------------------------------------------------
    def test_malformed_requests_get_400_and_server_survives(self):
        malformed = [
            b"GARBAGE\r\n\r\n",
            b"GET\r\n\r\n",
            b"GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n",
            b"GET / HTTP/x.y\r\nHost: x\r\n\r\n",
            b"GET / FTP/1.0\r\n\r\n",
            b"GET /\r\n\r\n",                                        # HTTP/0.9
            b"GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n",
            b"GET * HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /a%2 HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /a\x01b HTTP/1.1\r\nHost: x\r\n\r\n",
            b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",  # a TLS hello
            b"POST /api/test-echo HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            b"POST /api/test-echo HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
            b"POST /api/test-echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        ]
        for data in malformed:
            status, headers, _ = raw_request(self.port, data)
            self.assertEqual(status, 400, data)
            self.assertIn("content-security-policy", headers, data)
            self.assert_still_serving()

    def test_oversized_requests_are_refused(self):
        status, _, _ = raw_request(self.port, b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n")
        self.assertEqual(status, 414)
        many = b"".join(b"X-H%d: v\r\n" % i for i in range(150))
        status, _, _ = raw_request(self.port, b"GET / HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n")
        self.assertEqual(status, 431)
        status, _, _ = raw_request(self.port, b"GET / HTTP/1.1\r\nX-Long: " + b"v" * 70000 + b"\r\n\r\n")
        self.assertEqual(status, 431)
        self.assert_still_serving()

    def test_api_body_limits(self):
        ok = raw_request(self.port, b"POST /api/test-echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
        self.assertEqual(ok[0], 200)
        self.assertEqual(json.loads(ok[2]), {"bytes": 3})
        self.assertEqual(raw_request(self.port, b"POST /api/test-echo HTTP/1.1\r\nHost: x\r\n\r\n")[0], 411)
        big = b"POST /api/test-echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + b"x" * 5000
        self.assertEqual(raw_request(self.port, big)[0], 413)
        self.assertEqual(raw_request(self.port, b"GET /api/test-echo HTTP/1.1\r\nHost: x\r\n\r\n")[0], 405)
        self.assert_still_serving()

    def test_methods(self):
        status, headers, _ = raw_request(self.port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        self.assertEqual(status, 405)
        self.assertEqual(headers["allow"], "GET, HEAD")
        self.assertEqual(raw_request(self.port, b"BREW / HTTP/1.1\r\nHost: x\r\n\r\n")[0], 501)
        status, _, body = get(self.port, "/api/health")
        self.assertEqual((status, json.loads(body)), (200, {"ok": True}))

    def test_slow_client_does_not_block_others(self):
        with socket.create_connection(("127.0.0.1", self.port)) as slow:
            slow.sendall(b"GET / HT")  # and then nothing
            time.sleep(0.2)
            started = time.monotonic()
            self.assert_still_serving()
            self.assertLess(time.monotonic() - started, 3)

    def test_one_log_line_per_request(self):
        captured = io.StringIO()
        with contextlib.redirect_stderr(captured):
            get(self.port, "/?log-test")
            get(self.port, "/missing-log-test")
            raw_request(self.port, b"GARBAGE-log-test\r\n\r\n")
            raw_request(self.port, b"GET /\x01log-test\"x HTTP/1.1\r\n\r\n")
            time.sleep(0.3)  # the server thread writes its line after the response
        # other tests' late lines may land here too: look at ours only
        lines = [l for l in captured.getvalue().splitlines() if l.startswith("[serve]") and "log-test" in l]
        self.assertEqual(len(lines), 4, lines)
        self.assertRegex(lines[0], r'"GET /\?log-test HTTP/1.1" 200 \d+ ')
        self.assertRegex(lines[1], r'"GET /missing-log-test HTTP/1.1" 404 ')
        self.assertRegex(lines[2], r'"GARBAGE-log-test" 400 ')
        # control characters and quotes are escaped: one line, unambiguous
        self.assertIn('"GET /\\x01log-test\\x22x HTTP/1.1" 400 ', lines[3])


class CommandLineTest(unittest.TestCase):
    def test_missing_root_is_a_clear_error(self):
        with tempfile.TemporaryDirectory() as empty:
            r = subprocess.run([sys.executable, os.path.join(REPO, "serve.py"), "--no-build", "--root", empty,
                                "--port", "0"], capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 1)
        self.assertIn("has no index.html", r.stderr)

    def test_port_in_use_is_a_clear_error(self):
        with socket.socket() as busy, tempfile.TemporaryDirectory() as root:
            busy.bind(("127.0.0.1", 0))
            busy.listen()
            with open(os.path.join(root, "index.html"), "w") as f:
                f.write("x")
            r = subprocess.run([sys.executable, os.path.join(REPO, "serve.py"), "--no-build", "--root", root,
                                "--port", str(busy.getsockname()[1])], capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 1)
        self.assertIn("cannot listen", r.stderr)

    def test_serves_with_host_and_port_options(self):
        with tempfile.TemporaryDirectory() as root:
            with open(os.path.join(root, "index.html"), "wb") as f:
                f.write(INDEX)
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
            proc = subprocess.Popen([sys.executable, os.path.join(REPO, "serve.py"), "--no-build", "--root", root,
                                     "--host", "127.0.0.1", "--port", str(port)],
                                    stderr=subprocess.PIPE, text=True)
            try:
                line = proc.stderr.readline()
                self.assertIn(f"on http://127.0.0.1:{port}/", line)
                status, _, body = get(port, "/")
                self.assertEqual((status, body), (200, INDEX))
            finally:
                proc.terminate()
                proc.wait(timeout=10)
                proc.stderr.close()


if __name__ == "__main__":
    unittest.main()
