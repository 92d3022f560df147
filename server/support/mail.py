"""Purpose: the support desk's mail without a mail server: each message (an acknowledgement, a reply)
is an RFC 5322 file written whole into the outbox folder (support.outbox; written to a temporary
name and renamed, so a reader never sees half a message), and one JSON line per message goes to the
folder's send.log (time, ticket, file, what happened). The recipient's address is in the message
only, not in the log. Built with the standard library's email package (headers encoded per RFC 2047,
bodies as quoted-printable UTF-8).
"""
import datetime
import email.message
import email.policy
import email.utils
import json
import os
import secrets
import threading

LOG_NAME = "send.log"
_log_lock = threading.Lock()


class MailError(OSError):
    """The outbox could not take the message (missing folder that cannot be made, disk full...)."""


class Outbox:
    def __init__(self, folder, sender, sender_name=""):
        self.folder = folder
        self.sender = sender
        self.sender_name = sender_name
        self.domain = sender.rpartition("@")[2] or "localhost"

    def compose(self, to, subject, body, ticket_id, now=None):
        now = now or datetime.datetime.now(datetime.timezone.utc)
        msg = email.message.EmailMessage(policy=email.policy.SMTP)
        msg["From"] = email.utils.formataddr((self.sender_name, self.sender))
        msg["To"] = to
        msg["Subject"] = subject
        msg["Date"] = email.utils.format_datetime(now)
        msg["Message-ID"] = email.utils.make_msgid(idstring=ticket_id, domain=self.domain)
        msg["Auto-Submitted"] = "auto-replied"
        msg.set_content(body, charset="utf-8", cte="quoted-printable")
        return msg

    def write(self, msg, ticket_id, now=None):
        """Writes `msg` into the folder and logs it; returns the file's name. Raises MailError."""
        now = now or datetime.datetime.now(datetime.timezone.utc)
        name = f"{now.strftime('%Y%m%dT%H%M%S')}-{ticket_id}-{secrets.token_hex(3)}.eml"
        path = os.path.join(self.folder, name)
        tmp = os.path.join(self.folder, "." + name + ".tmp")
        try:
            os.makedirs(self.folder, exist_ok=True)
            with open(tmp, "wb") as f:
                f.write(msg.as_bytes())
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise MailError(f"outbox {self.folder}: {exc.strerror or exc}") from None
        self.log(ticket_id, name, "written", now)
        return name

    def log(self, ticket_id, name, event, now=None):
        now = now or datetime.datetime.now(datetime.timezone.utc)
        entry = json.dumps({"t": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "ticket": ticket_id, "file": name,
                            "event": event}, separators=(",", ":"))
        try:
            with _log_lock, open(os.path.join(self.folder, LOG_NAME), "a", encoding="utf-8") as f:
                f.write(entry + "\n")
        except OSError as exc:
            raise MailError(f"outbox {self.folder}: {LOG_NAME}: {exc.strerror or exc}") from None

    def erase(self, ticket_id):
        """Deletes the messages of a ticket (erasure: nothing of it stays in the outbox); returns how many."""
        gone = 0
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return 0
        for name in names:
            if name.endswith(".eml") and f"-{ticket_id}-" in name:
                try:
                    os.unlink(os.path.join(self.folder, name))
                    gone += 1
                except FileNotFoundError:
                    pass
        return gone
