"""Purpose: nginx (Debian) with the shipped configuration (deploy/nginx/, rendered by
deploy/render_nginx.py for a loopback port and a test site, run as root or not) in front of the app:
the same header, content and hostile-request tests as the app alone (SiteBehaviour in
test_serve.py), and what only the proxy adds: receipts and their access through it, the visitor's address reaching the
rate limit, oversized bodies refused before the app, slow clients.

Run: /usr/bin/python3 -m unittest discover -s tests/serve -v
"""
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import unittest

from support import REPO, InProcess, free_port, get, healthy, post_json, raw_request, settings, wait_until
from test_serve import SiteBehaviour, make_site

sys.path.insert(0, os.path.join(REPO, "deploy"))
import render_nginx  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BASE = json.load(open(os.path.join(REPO, "tests", "legal", "fixtures", "record-cases.json"), encoding="utf-8"))["base"]


def start_nginx(run, root, apps, port):
    """nginx with the shipped configuration on 127.0.0.1:port; returns the process."""
    conf = render_nginx.write_standalone(run, render_nginx.render(f"127.0.0.1:{port}", root, apps))
    test = subprocess.run([NGINX, "-t", "-q", "-c", conf, "-p", run], capture_output=True, text=True)
    if test.returncode != 0:
        raise RuntimeError("nginx -t: " + test.stderr)
    proc = subprocess.Popen([NGINX, "-c", conf, "-p", run], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def up():
        try:
            return get(port, "/")[0] in (200, 404)
        except OSError:
            return False
    if not wait_until(up, timeout=15):
        proc.kill()
        raise RuntimeError("nginx did not start: " + proc.stderr.read().decode())
    return proc


class NginxSiteTest(SiteBehaviour, unittest.TestCase):
    strict = False

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        os.chmod(cls.tmp.name, 0o755)  # as root the workers run as nobody: they must read the site
        cls.root, cls.outside = make_site(cls.tmp.name)
        cfg = settings(cls.root, os.path.join(cls.tmp.name, "db", "astradia.sqlite3"), log__access=False,
                       server__trusted_proxies=["127.0.0.1"], rate_limit__burst=40, rate_limit__per_second=0.01)
        cls.app = InProcess(cfg)
        cls.port = free_port()
        cls.nginx = start_nginx(os.path.join(cls.tmp.name, "nginx"), cls.root, [f"127.0.0.1:{cls.app.port}"], cls.port)

    @classmethod
    def tearDownClass(cls):
        cls.nginx.terminate()
        cls.nginx.wait(10)
        cls.nginx.stderr.close()
        cls.app.stop()
        cls.tmp.cleanup()

    def test_support_pages_through_the_proxy(self):
        status, headers, body = get(self.port, "/support/?lang=ru")
        self.assertEqual((status, headers["cache-control"]), (200, "no-store"))
        self.assertIn(b'data-accept="support-consent"', body)
        self.assertEqual(get(self.port, "/support/ticket?id=t-000000000000&key=" + "A" * 32)[0], 404)
        origin = f"http://127.0.0.1:{self.port}"
        status, _, _, _ = post_json(self.port, "/support/", b"kind=claim", ctype="application/x-www-form-urlencoded",
                                    raw=True, headers={"Origin": origin})
        self.assertEqual(status, 400)  # the app's answer (no consent), not nginx's 405

    def test_receipts_through_the_proxy(self):
        record = dict(BASE, id="c-" + os.urandom(16).hex())
        origin = f"http://127.0.0.1:{self.port}"
        status, parsed, _, headers = post_json(self.port, "/api/consent", {"record": record, "event": "given"},
                                               headers={"Origin": origin})
        self.assertEqual((status, parsed["receipt"]), (201, record["id"] + ":1"))
        self.assertEqual(headers["cache-control"], "no-store")
        self.assertEqual(headers["content-security-policy"].count("default-src"), 1, "one policy, not two")
        self.assertEqual(len(self.app.storage.receipts(record["id"])), 1)
        status, _, _, _ = post_json(self.port, "/api/consent", {"record": record, "event": "given"},
                                    headers={"Origin": "https://evil.example"})
        self.assertEqual(status, 403)

    def test_access_to_receipts_through_the_proxy(self):
        record = dict(BASE, id="c-" + os.urandom(16).hex())
        secret = os.urandom(32).hex()
        proof = hashlib.sha256(secret.encode()).hexdigest()
        status, _, _, _ = post_json(self.port, "/api/consent", {"record": record, "event": "given", "proof": proof})
        self.assertEqual(status, 201)
        status, headers, body = get(self.port, "/api/consent/" + record["id"], {"X-Consent-Secret": secret})
        self.assertEqual((status, headers["cache-control"]), (200, "no-store"))
        self.assertEqual(json.loads(body)["record_id"], record["id"])
        self.assertEqual(get(self.port, "/api/consent/" + record["id"], {"X-Consent-Secret": "f" * 64})[0], 404)

    def test_oversized_body_stops_at_nginx(self):
        status, _, _ = raw_request(self.port, b"POST /api/consent HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                   b"Content-Length: 100000\r\n\r\n" + b"x" * 100000)
        self.assertEqual(status, 413)
        self.assert_still_serving()

    def post_from(self, address, extra=b""):
        """A receipt POSTed from the loopback address `address` (nginx sees it as the peer)."""
        body = json.dumps({"record": dict(BASE, id="c-" + os.urandom(16).hex()), "event": "given"}).encode()
        with socket.create_connection(("127.0.0.1", self.port), timeout=5, source_address=(address, 0)) as s:
            s.sendall(b"POST /api/consent HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
                      + extra + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
            out = b""
            while chunk := s.recv(65536):
                out += chunk
        return int(out.split()[1])

    def test_each_visitor_has_their_own_bucket_behind_the_proxy(self):
        # nginx puts the peer's address in X-Real-IP (replacing the client's own): 127.0.0.3 spends
        # its bucket whatever it claims to be, and 127.0.0.4 still has all of its own.
        codes = [self.post_from("127.0.0.3", b"X-Real-IP: 198.51.100.%d\r\n" % i) for i in range(45)]
        self.assertEqual(codes[:40], [201] * 40)
        self.assertEqual(codes[40:], [429] * 5)
        self.assertEqual(self.post_from("127.0.0.4"), 201)

    def test_immutable_assets_and_revalidated_pages(self):
        _, headers, _ = get(self.port, "/app.0123456789abcdef.js")
        self.assertEqual(headers["cache-control"], "public, max-age=31536000, immutable")
        _, headers, _ = get(self.port, "/sw.js")
        self.assertEqual(headers["cache-control"], "no-cache")
        self.assertIn("etag", headers)


class ScaleOutBehindNginxTest(unittest.TestCase):
    def test_two_app_processes_behind_nginx_share_one_postgresql(self):
        from support import BASE_SETTINGS_ENV, Process, new_pg_database
        with tempfile.TemporaryDirectory() as tmp:
            os.chmod(tmp, 0o755)
            root, _ = make_site(tmp)
            url = new_pg_database()
            env = dict(BASE_SETTINGS_ENV, ASTRADIA_LOG_ACCESS="true", ASTRADIA_SERVER_TRUSTED_PROXIES="127.0.0.1")
            apps, nginx = [], None
            try:
                apps = [Process(["--database", url, "--root", root], env=env) for _ in range(2)]
                port = free_port()
                nginx = start_nginx(os.path.join(tmp, "nginx"), root, [f"127.0.0.1:{a.port}" for a in apps], port)
                record = dict(BASE, id="c-" + os.urandom(16).hex())
                receipts = [post_json(port, "/api/consent", {"record": record, "event": "changed"})[1]["receipt"]
                            for _ in range(20)]
                self.assertEqual(receipts, [f"{record['id']}:{n}" for n in range(1, 21)])
                def served():
                    return [a.output().count('"POST","target":"/api/consent"') for a in apps]
                # (the last access lines may still be on their way through the pipes)
                wait_until(lambda: sum(served()) == 20, timeout=5)
                served = served()
                self.assertEqual(sum(served), 20)
                self.assertTrue(all(n > 0 for n in served), served)  # nginx spread them over both
                apps[0].stop()  # one app goes away: nginx sends the visitors to the other
                status = [post_json(port, "/api/consent", {"record": record, "event": "changed"})[0] for _ in range(4)]
                self.assertEqual(status.count(201), 4, status)
            finally:
                if nginx is not None:
                    nginx.terminate()
                    nginx.wait(10)
                    nginx.stderr.close()
                for a in apps:
                    a.stop()


class DeployFilesTest(unittest.TestCase):
    def test_server_toml_shows_every_setting_at_its_default(self):
        from server.config import example_toml, load
        with open(os.path.join(REPO, "server.toml"), encoding="utf-8") as f:
            self.assertEqual(f.read(), example_toml(), "regenerate: python3 -m server.config > server.toml")
        load(os.path.join(REPO, "server.toml"), environ={})

    def test_the_systemd_unit_starts_the_app(self):
        """The unit's ExecStart, with this checkout for /srv/astradia/app and a port for %i."""
        with open(os.path.join(REPO, "deploy", "astradia@.service"), encoding="utf-8") as f:
            unit = f.read()
        line = next(l for l in unit.splitlines() if l.startswith("ExecStart="))
        with tempfile.TemporaryDirectory() as tmp:
            root, _ = make_site(tmp)
            conf = os.path.join(tmp, "server.toml")
            with open(conf, "w") as f:
                f.write(f'[server]\nroot = "{root}"\n[database]\nurl = "{tmp}/db.sqlite3"\n')
            port = free_port()
            argv = (line[len("ExecStart="):].replace("/srv/astradia/app", REPO).replace("/etc/astradia/server.toml", conf)
                    .replace("%i", str(port)).split())
            self.assertEqual(argv[0], "/usr/bin/python3")
            env = {k: v for k, v in os.environ.items() if not k.startswith("ASTRADIA_")}
            proc = subprocess.Popen(argv, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            try:
                self.assertTrue(wait_until(lambda: healthy(port), timeout=20))
            finally:
                proc.terminate()
                self.assertEqual(proc.wait(20), 0, "SIGTERM (the unit's KillSignal) is a clean stop")
                proc.stderr.close()
        self.assertIn("KillSignal=SIGTERM", unit)

    def test_render_refuses_what_would_break_the_configuration(self):
        for kwargs in ({"listen": "80; evil", "root": "/srv", "apps": ["127.0.0.1:1"]},
                       {"listen": "80", "root": "/srv x", "apps": ["127.0.0.1:1"]},
                       {"listen": "80", "root": "/srv", "apps": ["1.2.3.4:5; include /etc"]}):
            with self.assertRaises(ValueError):
                render_nginx.render(**kwargs)



if __name__ == "__main__":
    unittest.main()
