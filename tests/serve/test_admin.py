"""Purpose: the operator's door to /admin/ (server/admin.py), which every admin page shares: without
the token a plain 404 like a missing file (also with an empty admin.token, a wrong token, a token of
another length, a forged cookie); with the token as a Bearer header the page; with ?token= a redirect
to the same address without it and a session cookie that is a MAC (not the token), after which the
cookie alone opens the page; the token never reaches the access log; a changed token ends sessions.

Run: /usr/bin/python3 -m unittest discover -s tests/serve -p test_admin.py -v
"""
import contextlib
import io
import json
import os
import tempfile
import time
import unittest

from support import InProcess, get, raw_request, settings

from server import admin
from server.http import text_response

TOKEN = "op-7f3a9c2e51d84b06a1c4e9f0"
PAGE = "/admin/probe/"


def probe(app, request):
    redirect = admin.guard(app, request)
    if redirect:
        return redirect
    return text_response(200, "operator page")


class AdminDoorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.root = os.path.join(cls.tmp.name, "site")
        os.makedirs(cls.root)
        with open(os.path.join(cls.root, "index.html"), "wb") as f:
            f.write(b"<!doctype html><title>t</title>")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def server(self, token, log=False):
        cfg = settings(self.root, os.path.join(self.tmp.name, f"db-{time.monotonic_ns()}.sqlite3"),
                       admin__token=token, log__access=log)
        return InProcess(cfg, before_start=lambda app: app.add_route(PAGE, {"GET": probe, "HEAD": probe}))

    def assert_not_found(self, port, headers=None, path=PAGE):
        status, hdrs, body = get(port, path, headers=headers)
        missing = get(port, "/admin/no-such-page/")
        self.assertEqual(status, 404, body)
        self.assertEqual((body, hdrs.get("content-type")), (missing[2], missing[1].get("content-type")),
                         "the same answer as a path that does not exist")
        self.assertNotIn("set-cookie", hdrs)

    def test_without_the_token_it_is_404(self):
        s = self.server(TOKEN)
        try:
            forged = admin._session_value(TOKEN + "x")
            for headers in (None, {"Authorization": "Bearer wrong"}, {"Authorization": "Bearer " + TOKEN[:-1]},
                            {"Authorization": "Bearer " + TOKEN + "0"}, {"Authorization": "Basic " + TOKEN},
                            {"Authorization": TOKEN}, {"Cookie": f"{admin.COOKIE}={TOKEN}"},
                            {"Cookie": f"{admin.COOKIE}={forged}"}, {"Cookie": f"other={admin._session_value(TOKEN)}"}):
                with self.subTest(headers=headers):
                    self.assert_not_found(s.port, headers)
            for query in ("?token=", "?token=wrong", f"?token={TOKEN}&token={TOKEN}"):
                with self.subTest(query=query):
                    self.assert_not_found(s.port, path=PAGE + query)
        finally:
            s.stop()

    def test_an_empty_token_closes_admin(self):
        s = self.server("")
        try:
            for headers in (None, {"Authorization": "Bearer "}, {"Cookie": f"{admin.COOKIE}={admin._session_value('')}"}):
                self.assert_not_found(s.port, headers)
            self.assert_not_found(s.port, path=PAGE + "?token=")
        finally:
            s.stop()

    def test_bearer_token_opens_the_page(self):
        s = self.server(TOKEN)
        try:
            status, _, body = get(s.port, PAGE, headers={"Authorization": "Bearer " + TOKEN})
            self.assertEqual((status, body), (200, b"200 operator page\n"))
            status, _, _ = get(s.port, PAGE, headers={"Authorization": "bearer  " + TOKEN + " "})
            self.assertEqual(status, 200)
        finally:
            s.stop()

    def test_query_token_becomes_a_cookie_and_never_reaches_the_log(self):
        captured = io.StringIO()
        s = self.server(TOKEN, log=True)
        try:
            with contextlib.redirect_stderr(captured):
                status, headers, _ = raw_request(
                    s.port, f"GET {PAGE}?range=7&token={TOKEN} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
                self.assertEqual(status, 303)
                self.assertEqual(headers["location"], PAGE + "?range=7")
                cookie = headers["set-cookie"]
                self.assertNotIn(TOKEN, cookie, "the cookie is a MAC, not the token")
                for attribute in ("HttpOnly", "SameSite=Strict", "Path=/admin/", "Max-Age="):
                    self.assertIn(attribute, cookie)
                self.assertNotIn("Secure", cookie, "plain http on loopback")
                value = cookie.split(";", 1)[0]
                status, _, body = get(s.port, PAGE, headers={"Cookie": "a=b; " + value})
                self.assertEqual((status, body), (200, b"200 operator page\n"))
                self.assert_not_found(s.port, path=PAGE + "?token=nope")
                time.sleep(0.3)  # the access line is written after the response
        finally:
            s.stop()
        log = captured.getvalue()
        self.assertNotIn(TOKEN, log)
        lines = [json.loads(l) for l in log.splitlines() if l.startswith("{") and PAGE in l]
        self.assertIn(PAGE + "?range=7&token=(hidden)", [l["target"] for l in lines])
        self.assertIn(PAGE + "?token=(hidden)", [l["target"] for l in lines])
        # A new token ends the sessions made with the old one.
        s = self.server(TOKEN + "-new")
        try:
            self.assert_not_found(s.port, {"Cookie": value})
        finally:
            s.stop()

    def test_constant_time_comparison_is_over_digests(self):
        self.assertTrue(admin.token_matches(TOKEN, TOKEN))
        for given in ("", TOKEN[:-1], TOKEN + "x", TOKEN.upper(), None, "\udcff"):
            self.assertFalse(admin.token_matches(TOKEN, given))
        self.assertFalse(admin.token_matches("", ""))


if __name__ == "__main__":
    unittest.main()
