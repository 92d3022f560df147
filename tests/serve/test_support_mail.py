"""Purpose: the support desk's mail through SMTP: queued outbox messages are delivered (moved to sent/),
a refused attempt is retried after the back-off (not before), several senders over one folder send each message once, an unreachable server costs
support.smtp_attempts attempts and then the message moves to failed/, every attempt is a line in
send.log; and serve.py with support.smtp_host set delivers a new ticket's acknowledgement by itself.
The SMTP server is a small one in this file (plain SMTP on a loopback port, RFC 5321's commands a
client needs), so the conversation is real.

Run: /usr/bin/python3 -m unittest discover -s tests/serve -p 'test_support_mail.py' -v
"""
import email
import email.policy
import json
import os
import socketserver
import tempfile
import threading
import time
import unittest
import urllib.parse

from support import Process, free_port, settings, wait_until
from test_support_desk import request_fields, send

from server.support.mail import Outbox, Sender


class SmtpServer(socketserver.ThreadingTCPServer):
    """Accepts mail on 127.0.0.1:<port>; refuses the first `refuse` transactions with 451."""
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, refuse=0):
        super().__init__(("127.0.0.1", 0), SmtpHandler)
        self.refuse, self.received, self.lock = refuse, [], threading.Lock()
        self.port = self.server_address[1]
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def stop(self):
        self.shutdown()
        self.server_close()


class SmtpHandler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 test ESMTP")
        rcpt = []
        while True:
            line = self.rfile.readline(1000)
            if not line:
                return
            verb = line.decode("ascii", "replace").strip().split(" ")[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 test")
            elif verb == "MAIL":
                with self.server.lock:
                    refuse = self.server.refuse > 0
                    self.server.refuse -= refuse
                self.reply("451 try again later" if refuse else "250 ok")
                rcpt = []
            elif verb == "RCPT":
                rcpt.append(line.decode().split(":", 1)[1].strip())
                self.reply("250 ok")
            elif verb == "DATA":
                self.reply("354 go on")
                data = b""
                while not data.endswith(b"\r\n.\r\n"):
                    chunk = self.rfile.readline(100000)
                    if not chunk:
                        return
                    data += chunk
                with self.server.lock:
                    self.server.received.append((rcpt, email.message_from_bytes(data[:-3], policy=email.policy.default)))
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


def log_events(folder):
    with open(os.path.join(folder, "send.log"), encoding="utf-8") as f:
        return [json.loads(line)["event"] for line in f]


class SenderTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.folder = os.path.join(self.tmp.name, "outbox")
        self.outbox = Outbox(self.folder, "support@astradia.example", "Astradia")

    def tearDown(self):
        self.tmp.cleanup()

    def support_settings(self, **changes):
        root = os.path.join(self.tmp.name, "site")
        values = {"support.smtp_security": "none", "support.smtp_backoff": 30.0, "support.smtp_attempts": 3}
        values.update({"support." + k: v for k, v in changes.items()})
        return settings(root, os.path.join(self.tmp.name, "db.sqlite3"), **values).support

    def queue(self, n):
        for i in range(n):
            msg = self.outbox.compose(f"p{i}@example.org", f"Ticket {i}", f"Body {i} ünïcode", f"t-00000000000{i}")
            self.outbox.write(msg, f"t-00000000000{i}")

    def test_refused_then_delivered_after_the_back_off(self):
        smtp = SmtpServer(refuse=2)
        try:
            self.queue(2)
            sender = Sender(self.outbox, self.support_settings(smtp_host="127.0.0.1", smtp_port=smtp.port))
            now = time.time()
            self.assertEqual(sender.run_once(now), (0, 0))
            self.assertEqual(len(self.outbox.queued()), 2)
            self.assertEqual(sender.run_once(now + 29), (0, 0))  # not before the back-off
            self.assertEqual(smtp.received, [])
            self.assertEqual(sender.run_once(now + 31), (2, 0))
            self.assertEqual(self.outbox.queued(), [])
            self.assertEqual(len(os.listdir(os.path.join(self.folder, "sent"))), 2)
            self.assertEqual(sorted(r[0][0] for r in smtp.received), ["<p0@example.org>", "<p1@example.org>"])
            self.assertIn("Body 0 ünïcode", smtp.received[0][1].get_content() + smtp.received[1][1].get_content())
            events = log_events(self.folder)
            self.assertEqual(events.count("written"), 2)
            self.assertEqual(sum(e.startswith("attempt 1 failed, next in 30 s") for e in events), 2)
            self.assertEqual(events.count("sent"), 2)
            self.assertFalse([n for n in os.listdir(self.folder) if n.endswith(".state")])
            # erasure reaches sent/ too
            self.assertEqual(self.outbox.erase("t-000000000000"), 1)
            self.assertEqual(len(os.listdir(os.path.join(self.folder, "sent"))), 1)
        finally:
            smtp.stop()

    def test_two_processes_senders_send_each_message_once(self):
        smtp = SmtpServer()
        try:
            self.queue(10)
            cfg = self.support_settings(smtp_host="127.0.0.1", smtp_port=smtp.port)
            senders = [Sender(Outbox(self.folder, "support@astradia.example"), cfg) for _ in range(3)]
            threads = [threading.Thread(target=s.run_once) for s in senders]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
            self.assertEqual(sorted(m["Subject"] for _, m in smtp.received), [f"Ticket {i}" for i in range(10)])
            self.assertEqual(len(os.listdir(os.path.join(self.folder, "sent"))), 10)
            self.assertEqual(os.listdir(os.path.join(self.folder, "sending")), [])
        finally:
            smtp.stop()

    def test_an_unreachable_server_gives_up_after_the_attempts(self):
        self.queue(1)
        sender = Sender(self.outbox, self.support_settings(smtp_host="127.0.0.1", smtp_port=free_port(),
                                                           smtp_timeout=2.0))
        now = time.time()
        self.assertEqual(sender.run_once(now), (0, 0))
        self.assertEqual(sender.run_once(now + 31), (0, 0))
        self.assertEqual(sender.run_once(now + 61), (0, 0))  # the second back-off is 60 s
        self.assertEqual(sender.run_once(now + 92), (0, 1))
        self.assertEqual(self.outbox.queued(), [])
        self.assertEqual(len(os.listdir(os.path.join(self.folder, "failed"))), 1)
        events = log_events(self.folder)
        self.assertTrue(events[1].startswith("attempt 1 failed, next in 30 s: connect:"), events)
        self.assertTrue(events[2].startswith("attempt 2 failed, next in 60 s"), events)
        self.assertTrue(events[3].startswith("failed after 3 attempt(s)"), events)

    def test_serve_py_delivers_the_acknowledgement(self):
        smtp = SmtpServer()
        root = os.path.join(self.tmp.name, "site")
        os.makedirs(root)
        with open(os.path.join(root, "index.html"), "w") as f:
            f.write("<!doctype html><title>t</title>")
        p = Process(["--root", root, "--database", os.path.join(self.tmp.name, "db", "a.sqlite3")],
                    env={"ASTRADIA_SUPPORT_OUTBOX": self.folder, "ASTRADIA_SUPPORT_SMTP_HOST": "127.0.0.1",
                         "ASTRADIA_SUPPORT_SMTP_PORT": str(smtp.port), "ASTRADIA_SUPPORT_SMTP_SECURITY": "none",
                         "ASTRADIA_SUPPORT_SMTP_BACKOFF": "0.2", "ASTRADIA_LOG_ACCESS": "false"})
        try:
            status, headers, _ = send(p.port, "/support/", request_fields(email="mailed@example.org"))
            self.assertEqual(status, 303)
            ticket = urllib.parse.parse_qs(urllib.parse.urlsplit(headers["location"]).query)["id"][0]
            self.assertTrue(wait_until(lambda: smtp.received, timeout=15), p.output())
            rcpt, msg = smtp.received[0]
            self.assertEqual(rcpt, ["<mailed@example.org>"])
            self.assertIn(ticket, msg["Subject"])
            self.assertTrue(wait_until(lambda: "sent" in log_events(self.folder), timeout=5))
        finally:
            p.stop()
            smtp.stop()


if __name__ == "__main__":
    unittest.main()
