"""Purpose: the site's server end to end over real sockets: MIME types, compression (Brotli and gzip
twins, gzip on the fly), caching (immutable hashed assets, revalidated pages), security headers,
path traversal (every form gets 404 and never a byte from outside the root), malformed requests
(400 and the server keeps serving), API body limits, one structured log line per request with no
address, and the command line. SiteBehaviour holds the tests that nginx with the shipped
configuration must pass too (tests/serve/test_nginx.py).

Run: /usr/bin/python3 -m unittest discover -s tests/serve -v
"""
import contextlib
import gzip
import io
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import unittest

from support import PY, REPO, SERVE, InProcess, get, raw_request, settings

INDEX = b"<!doctype html><title>t</title>" + b"<p>hello</p>" * 50
SCRIPT = b"'use strict';\n" + b"console.log('x');\n" * 100
WASM = b"\x00asm\x01\x00\x00\x00" + bytes(range(256)) * 8
CSS = b"body{margin:0}\n" * 40
OUTSIDE = b"root:x:0:0:this must never be served\n"
HASHED_JS = "app.0123456789abcdef.js"
BROTLI_TWIN = b"\x1b pretend brotli bytes"


def make_site(base):
    """A small site in base/site (pages, assets, a hashed asset with twins, traps pointing outside),
    and base/outside with a file that must never be served. Returns (root, outside)."""
    outside = os.path.join(base, "outside")
    os.makedirs(outside)
    with open(os.path.join(outside, "passwd"), "wb") as f:
        f.write(OUTSIDE)
    root = os.path.join(base, "site")
    os.makedirs(os.path.join(root, "legal"))
    files = {"index.html": INDEX, "app.js": SCRIPT, "app.wasm": WASM, "style.css": CSS,
             "SHA256SUMS": b"0" * 64 + b"  index.html\n", "legal/index.html": INDEX,
             ".secret": b"hidden", "tiny.txt": b"small", HASHED_JS: SCRIPT, "sw.js": SCRIPT}
    for name, data in files.items():
        with open(os.path.join(root, name), "wb") as f:
            f.write(data)
    # Precompressed twins, made recognisable by their own bytes.
    with open(os.path.join(root, "app.js.gz"), "wb") as f:
        f.write(gzip.compress(SCRIPT, 9, mtime=12345))
    with open(os.path.join(root, HASHED_JS + ".gz"), "wb") as f:
        f.write(gzip.compress(SCRIPT, 9, mtime=12345))
    with open(os.path.join(root, HASHED_JS + ".br"), "wb") as f:
        f.write(BROTLI_TWIN)
    os.symlink(outside, os.path.join(root, "escape"))
    os.symlink(os.path.join(outside, "passwd"), os.path.join(root, "passwd-link"))
    os.symlink(os.path.join(root, "index.html"), os.path.join(root, "inside-link.html"))
    return root, outside


def echo(app, request):
    from server.http import json_response
    return json_response(200, {"bytes": len(request.read_body(1024))})


class SiteBehaviour:
    """Tests any front of the site must pass: self.port, self.outside; self.strict is False for
    nginx, which may answer some hostile requests 400 where the app answers 404, and has its own
    Server header."""
    strict = True
    api_echo = "/api/test-echo"

    def assert_still_serving(self):
        status, _, body = get(self.port, "/")
        self.assertEqual(status, 200)
        self.assertEqual(body, INDEX)

    # --- content ---------------------------------------------------------------------
    def test_mime_types(self):
        expect = {"/": "text/html; charset=utf-8", "/app.js": "text/javascript; charset=utf-8",
                  "/app.wasm": "application/wasm", "/style.css": "text/css; charset=utf-8",
                  "/SHA256SUMS": "text/plain; charset=utf-8", "/tiny.txt": "text/plain; charset=utf-8",
                  "/" + HASHED_JS: "text/javascript; charset=utf-8"}
        for path, ctype in expect.items():
            status, headers, _ = get(self.port, path, {"Accept-Encoding": ""})
            self.assertEqual(status, 200, path)
            self.assertEqual(headers["content-type"].lower(), ctype, path)

    def test_identity_when_compression_not_accepted(self):
        for accept in (None, "identity", "gzip;q=0", "deflate"):
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
        with open(os.path.join(self.root, "app.js.gz"), "rb") as f:
            self.assertEqual(body, f.read())  # the file on disk, byte for byte
        self.assertEqual(gzip.decompress(body), SCRIPT)

    def test_brotli_twin_when_accepted(self):
        if not self.strict:
            self.skipTest("nginx sends the gzip twin (deploy/nginx/astradia.conf says why)")
        status, headers, body = get(self.port, "/" + HASHED_JS, {"Accept-Encoding": "gzip, br"})
        self.assertEqual((status, headers["content-encoding"], body), (200, "br", BROTLI_TWIN))
        status, headers, body = get(self.port, "/" + HASHED_JS, {"Accept-Encoding": "gzip"})
        self.assertEqual((status, headers["content-encoding"]), (200, "gzip"))
        self.assertEqual(gzip.decompress(body), SCRIPT)

    def test_caching_by_name(self):
        _, headers, _ = get(self.port, "/" + HASHED_JS, {"Accept-Encoding": ""})
        self.assertEqual(headers["cache-control"], "public, max-age=31536000, immutable")
        for path in ("/", "/index.html", "/sw.js", "/SHA256SUMS", "/app.js", "/style.css"):
            _, headers, _ = get(self.port, path, {"Accept-Encoding": ""})
            self.assertEqual(headers["cache-control"], "no-cache", path)
            self.assertIn("etag", headers, path)

    def test_etag_and_304(self):
        _, headers, _ = get(self.port, "/style.css", {"Accept-Encoding": ""})
        etag = headers["etag"]
        self.assertRegex(etag, r'^"[0-9a-f-]+"$')
        self.assertIn("last-modified", headers)
        status, headers304, body = get(self.port, "/style.css", {"If-None-Match": etag, "Accept-Encoding": ""})
        self.assertEqual(status, 304)
        self.assertEqual(body, b"")
        self.assertEqual(headers304["etag"], etag)

    def test_a_file_changed_in_place_is_served_as_it_is_now(self):
        # A page or a manifest rewritten between two requests (a deploy, a legal document's new
        # version): the second answer has the new bytes, length and tag, never a 304 for the old tag.
        path = os.path.join(self.root, "changing.json")
        for version, body in enumerate((b'{"v":1}', b'{"version": 2, "longer": true}', b'{"v":3}')):
            tmp = path + ".new"
            with open(tmp, "wb") as f:
                f.write(body)
            os.replace(tmp, path) if version != 2 else shutil.copyfile(tmp, path)  # a swap, then in place
            if version == 2:
                os.remove(tmp)
            hdrs = {"Accept-Encoding": ""}
            if version:
                hdrs["If-None-Match"] = etag
            status, headers, got = get(self.port, "/changing.json", hdrs)
            self.assertEqual((status, got), (200, body), version)
            self.assertEqual(headers["content-length"], str(len(body)))
            self.assertNotEqual(headers["etag"], etag if version else None)
            etag = headers["etag"]
        os.remove(path)
        status, _, _ = get(self.port, "/changing.json", {"Accept-Encoding": ""})
        self.assertEqual(status, 404)

    def test_head_has_no_body(self):
        status, headers, body = raw_request(
            self.port, b"HEAD /app.wasm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        self.assertEqual(status, 200)
        self.assertEqual(int(headers["content-length"]), len(WASM))
        self.assertEqual(body, b"")

    def test_folder_redirects_to_its_page(self):
        status, headers, _ = raw_request(self.port, b"GET /legal HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        self.assertEqual(status, 301)
        self.assertTrue(headers["location"].endswith("/legal/"), headers["location"])
        status, _, body = get(self.port, "/legal/")
        self.assertEqual((status, body), (200, INDEX))

    def test_symlink_inside_root_is_served(self):
        if not self.strict:
            self.skipTest("nginx refuses every link (disable_symlinks); the built site has none")
        status, _, body = get(self.port, "/inside-link.html")
        self.assertEqual((status, body), (200, INDEX))

    # --- headers ---------------------------------------------------------------------
    def test_security_headers_on_every_response(self):
        for path in ("/", "/app.wasm", "/" + HASHED_JS, "/missing", "/../x", "/api/health"):
            status, headers, _ = raw_request(self.port, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            csp = headers.get("content-security-policy", "")
            self.assertIn("default-src 'self'", csp, path)
            self.assertIn("'wasm-unsafe-eval'", csp, path)
            self.assertNotIn("'unsafe-inline'", csp, path)
            self.assertNotIn("'unsafe-eval'", csp, path)
            self.assertIn("object-src 'none'", csp, path)
            self.assertIn("frame-ancestors 'self'", csp, path)
            self.assertEqual(headers.get("x-content-type-options"), "nosniff", path)
            self.assertEqual(headers.get("referrer-policy"), "no-referrer", path)
            self.assertIn("camera=()", headers.get("permissions-policy", ""), path)
            self.assertEqual(headers.get("cross-origin-opener-policy"), "same-origin", path)
            self.assertEqual(headers.get("cross-origin-resource-policy"), "same-origin", path)
            self.assertNotIn("python", headers.get("server", "").lower(), path)  # no version leaked
            self.assertNotRegex(headers.get("server", ""), r"[0-9]", path)

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
        for path in attempts:
            status, _, body = raw_request(self.port, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            if self.strict:
                self.assertEqual(status, 404, path)
            elif path == "/./index.html":  # nginx resolves it to the page itself, inside the root
                self.assertIn(status, (200, 404), path)
            else:
                self.assertIn(status, (400, 403, 404), path)
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
            b"GET * HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /a%2 HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /a\x01b HTTP/1.1\r\nHost: x\r\n\r\n",
            b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",  # a TLS hello
            b"POST /api/consent HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            b"POST /api/consent HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
            b"POST /api/consent HTTP/1.1\r\nHost: x\r\nContent-Length: 1, 2\r\n\r\n",
            b"POST /api/consent HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            b"POST /api/consent HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
            b"POST /api/consent HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nContent-Length: 3\r\n\r\nabc",
            b"POST /api/consent HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: x\r\n bad-fold: x\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: x\r\nBad Header: x\r\n\r\n",
        ]
        if self.strict:  # nginx reads an absolute-form target as a proxy request for that host
            malformed.append(b"GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n")
        for data in malformed:
            try:
                status, headers, _ = raw_request(self.port, data)
            except (ConnectionResetError, IndexError, ValueError):
                # nginx 1.22 may close, and answers an HTTP/0.9 "GET /" with the bare page
                self.assertFalse(self.strict, f"the app answers {data!r}")
                continue
            if self.strict:
                self.assertEqual(status, 400, data)
                self.assertIn("content-security-policy", headers, data)
            else:  # nginx answers an unknown Transfer-Encoding 501
                self.assertTrue(400 <= status < 500 or status == 501, (status, data))
            self.assert_still_serving()

    def test_oversized_requests_are_refused(self):
        status, _, _ = raw_request(self.port, b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        self.assertIn(status, (414,) if self.strict else (400, 414))
        many = b"".join(b"X-H%d: v\r\n" % i for i in range(150))
        status, _, _ = raw_request(self.port, b"GET / HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n")
        if self.strict:
            self.assertEqual(status, 431)
        status, _, _ = raw_request(self.port, b"GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + b"v" * 70000 + b"\r\n\r\n")
        self.assertIn(status, (431,) if self.strict else (400, 431))
        self.assert_still_serving()

    def test_methods(self):
        status, headers, _ = raw_request(self.port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        self.assertEqual(status, 405)
        if self.strict:
            self.assertEqual(headers["allow"], "GET, HEAD")
            self.assertEqual(raw_request(self.port, b"BREW / HTTP/1.1\r\nHost: x\r\n\r\n")[0], 501)
        else:
            self.assertTrue(400 <= raw_request(self.port, b"BREW / HTTP/1.1\r\nHost: x\r\n\r\n")[0] < 502)
        status, headers, _ = raw_request(self.port, b"DELETE /api/consent HTTP/1.1\r\nHost: x\r\n\r\n")
        self.assertEqual((status, headers.get("allow")), (405, "POST"))
        status, _, body = get(self.port, "/api/health")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)["ok"], True)

    def test_slow_client_does_not_block_others(self):
        with socket.create_connection(("127.0.0.1", self.port)) as slow:
            slow.sendall(b"GET / HT")  # and then nothing
            time.sleep(0.2)
            started = time.monotonic()
            self.assert_still_serving()
            self.assertLess(time.monotonic() - started, 1)


class WaitressSiteTest(SiteBehaviour, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.root, cls.outside = make_site(cls.tmp.name)
        cfg = settings(cls.root, os.path.join(cls.tmp.name, "db.sqlite3"), rate_limit__enabled=False,
                       log__access=False)
        cls.server = InProcess(cfg, before_start=lambda app: app.add_route(cls.api_echo, {"POST": echo}))
        cls.port = cls.server.port

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def test_server_header_names_no_software_version(self):
        _, headers, _ = get(self.port, "/")
        self.assertEqual(headers["server"], "astradia-serve")

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

    def test_pipelined_requests_each_get_their_answer(self):
        # the second request starts in the first one's packet and ends 1.5 s later: it has its own clock
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as s:
            s.sendall(b"GET /tiny.txt HTTP/1.1\r\nHost: x\r\n\r\nGET /tiny.txt HTTP/1.1\r\nHost: x\r\n")
            time.sleep(1.5)
            s.sendall(b"Connection: close\r\n\r\n")
            out = b""
            while chunk := s.recv(65536):
                out += chunk
        self.assertEqual(out.count(b"HTTP/1.1 200 OK"), 2, out)
        self.assertEqual(out.count(b"\r\n\r\nsmall"), 2)

    def test_variants_have_their_own_tags(self):
        tags = {get(self.port, "/" + HASHED_JS, {"Accept-Encoding": enc})[1]["etag"] for enc in ("", "gzip", "br")}
        self.assertEqual(len(tags), 3)

    def test_api_body_limits(self):
        ok = raw_request(self.port, b"POST /api/test-echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
        self.assertEqual(ok[0], 200)
        self.assertEqual(json.loads(ok[2]), {"bytes": 3})
        self.assertEqual(raw_request(self.port, b"POST /api/test-echo HTTP/1.1\r\nHost: x\r\n\r\n")[0], 411)
        big = b"POST /api/test-echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + b"x" * 5000
        self.assertEqual(raw_request(self.port, big)[0], 413)
        huge = b"POST /api/test-echo HTTP/1.1\r\nHost: x\r\nContent-Length: 9999999\r\n\r\n"
        self.assertEqual(raw_request(self.port, huge)[0], 413)  # over server.max_body_bytes: before the app
        self.assertEqual(raw_request(self.port, b"GET /api/test-echo HTTP/1.1\r\nHost: x\r\n\r\n")[0], 405)
        self.assert_still_serving()

    def test_one_log_line_per_request(self):
        captured = io.StringIO()
        logged = InProcess(settings(self.root, os.path.join(self.tmp.name, "log.sqlite3")))
        try:
            with contextlib.redirect_stderr(captured):
                get(logged.port, "/?log-test")
                get(logged.port, "/missing-log-test")
                raw_request(logged.port, b"GARBAGE-log-test\r\n\r\n")
                raw_request(logged.port, b"GET /\x01log-test\"x HTTP/1.1\r\n\r\n")
                time.sleep(0.3)  # the server thread writes its line after the response
        finally:
            logged.stop()
        lines = [json.loads(l) for l in captured.getvalue().splitlines() if l.startswith("{") and "log-test" in l]
        self.assertEqual(len(lines), 4, lines)
        self.assertEqual((lines[0]["method"], lines[0]["target"], lines[0]["status"]), ("GET", "/?log-test", 200))
        self.assertGreater(lines[0]["bytes"], 0)
        self.assertEqual((lines[1]["target"], lines[1]["status"]), ("/missing-log-test", 404))
        self.assertEqual((lines[2]["target"], lines[2]["status"]), ("GARBAGE-log-test", 400))
        self.assertEqual((lines[3]["target"], lines[3]["status"]), ('GET /\x01log-test"x HTTP/1.1', 400))
        raw = [l for l in captured.getvalue().splitlines() if "log-test" in l]
        self.assertTrue(all("\x01" not in l and "127.0.0.1" not in l and "Python-urllib" not in l for l in raw),
                        "control characters escaped; never the address or user agent")


class CommandLineTest(unittest.TestCase):
    def run_serve(self, *args, env=None):
        e = {k: v for k, v in os.environ.items() if not k.startswith("ASTRADIA_")}
        e.update(env or {})
        return subprocess.run([PY, SERVE, *args], capture_output=True, text=True, timeout=30, env=e)

    def test_missing_root_is_a_clear_error(self):
        with tempfile.TemporaryDirectory() as empty:
            r = self.run_serve("--root", empty, "--port", "0", "--database", os.path.join(empty, "db"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("has no index.html", r.stderr)

    def test_port_in_use_is_a_clear_error(self):
        with socket.socket() as busy, tempfile.TemporaryDirectory() as root:
            busy.bind(("127.0.0.1", 0))
            busy.listen()
            with open(os.path.join(root, "index.html"), "w") as f:
                f.write("x")
            r = self.run_serve("--root", root, "--port", str(busy.getsockname()[1]),
                               "--database", os.path.join(root, "db"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("cannot listen", r.stderr)

    def test_serves_with_host_and_port_options_under_another_python(self):
        """serve.py started by a Python without waitress starts itself again with /usr/bin/python3."""
        from support import Process, free_port
        with tempfile.TemporaryDirectory() as root:
            with open(os.path.join(root, "index.html"), "wb") as f:
                f.write(INDEX)
            port = free_port()
            p = Process(["--root", root, "--host", "127.0.0.1", "--port", str(port),
                         "--database", os.path.join(root, "db.sqlite3")], python=shutil.which("python3") or PY)
            try:
                self.assertEqual(p.port, port)
                status, _, body = get(port, "/")
                self.assertEqual((status, body), (200, INDEX))
            finally:
                self.assertEqual(p.stop(), 0)
            self.assertIn("[serve] stopped", p.output())

    def test_bad_settings_are_clear_errors(self):
        with tempfile.TemporaryDirectory() as tmp:
            bad = os.path.join(tmp, "server.toml")
            cases = [
                ("[server]\nport = \"eighty\"\n", {}, "server.port: expected a whole number"),
                ("[server]\nthreads = 0\n", {}, "server.threads: 0 is out of range"),
                ("[server]\nporr = 1\n", {}, "unknown key server.porr"),
                ("[surver]\n", {}, "unknown section [surver]"),
                ("[server\n", {}, "not valid TOML"),
                ("", {"ASTRADIA_RATE_LIMIT_BURST": "lots"}, "ASTRADIA_RATE_LIMIT_BURST: expected a whole number"),
                ("", {"ASTRADIA_SERVER_PROT": "1"}, "ASTRADIA_SERVER_PROT: not a setting"),
                ("[partners]\norigins = [\"partner.example\"]\n", {}, "expected scheme://host"),
                ("", {"ASTRADIA_DATABASE_URL": "mysql://x"}, "mysql:// is not supported"),
            ]
            for text, env, expected in cases:
                with self.subTest(expected=expected):
                    with open(bad, "w") as f:
                        f.write(text)
                    r = self.run_serve("--config", bad, "--root", tmp, env=env)
                    self.assertEqual(r.returncode, 2, r.stderr)
                    self.assertIn(expected, r.stderr)
            r = self.run_serve("--config", os.path.join(tmp, "missing.toml"))
            self.assertEqual(r.returncode, 2)
            self.assertIn("no such configuration file", r.stderr)

    def test_a_malformed_header_option_is_refused(self):
        r = self.run_serve("--root", REPO, "--port", "0", "--header", "no colon here")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--header", r.stderr)


if __name__ == "__main__":
    unittest.main()
