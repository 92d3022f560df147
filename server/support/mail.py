"""Purpose: the support desk's mail without a mail server: each message (an acknowledgement, a reply)
is an RFC 5322 file written whole into the outbox folder (support.outbox; written to a temporary
name and renamed, so a reader never sees half a message), and one JSON line per message goes to the
folder's send.log (time, ticket, file, what happened). The recipient's address is in the message
only, not in the log. Built with the standard library's email package (headers encoded per RFC 2047,
bodies as quoted-printable UTF-8).

With support.smtp_host set, a Sender (smtplib) delivers the folder's messages: a delivered one moves
to sent/, a refused or unreachable attempt is retried after smtp_backoff seconds, doubling up to an
hour (the attempt count and next time in a NAME.eml.state file beside it, so a restart keeps them),
and after smtp_attempts it moves to failed/. Each attempt is a line in send.log. Several processes
(gunicorn workers) may run a Sender over one folder: a message is claimed by renaming it into
sending/ first, so only one of them sends it; one left there by a process that died is put back.
"""
import datetime
import email
import email.message
import email.policy
import email.utils
import json
import os
import secrets
import smtplib
import ssl
import threading
import time

LOG_NAME = "send.log"
SENT, FAILED, SENDING = "sent", "failed", "sending"
MAX_BACKOFF = 3600.0
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
        """Deletes the messages of a ticket, queued, sent or failed (erasure: nothing of it stays in the
        outbox); returns how many."""
        gone = 0
        for folder in (self.folder, *(os.path.join(self.folder, f) for f in (SENT, FAILED, SENDING))):
            try:
                names = os.listdir(folder)
            except (FileNotFoundError, NotADirectoryError):
                continue
            for name in names:
                if f"-{ticket_id}-" in name and (name.endswith(".eml") or name.endswith(".eml.state")):
                    try:
                        os.unlink(os.path.join(folder, name))
                        gone += name.endswith(".eml")
                    except FileNotFoundError:
                        pass
        return gone

    def queued(self):
        """The names of the messages waiting in the folder, oldest first."""
        try:
            return sorted(n for n in os.listdir(self.folder) if n.endswith(".eml") and not n.startswith("."))
        except (FileNotFoundError, NotADirectoryError):
            return []


class Sender:
    """Delivers an Outbox's queued messages through SMTP (settings: the [support] section)."""

    def __init__(self, outbox, settings, smtp_factory=None):
        self.outbox, self.s = outbox, settings
        self._connect = smtp_factory or self._smtp

    def _smtp(self):
        s = self.s
        if s.smtp_security == "tls":
            return smtplib.SMTP_SSL(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout,
                                    context=ssl.create_default_context())
        conn = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout)
        if s.smtp_security == "starttls":
            conn.starttls(context=ssl.create_default_context())
        return conn

    def _state(self, name):
        try:
            with open(os.path.join(self.outbox.folder, name + ".state"), encoding="utf-8") as f:
                state = json.load(f)
            return int(state["attempts"]), float(state["next"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0, 0.0

    def run_once(self, now=None):
        """One pass over the queue: tries every message whose time has come. Returns (sent, failed)."""
        now = now if now is not None else datetime.datetime.now(datetime.timezone.utc).timestamp()
        self._recover()
        due = [n for n in self.outbox.queued() if self._state(n)[1] <= now]
        sent = failed = 0
        if not due:
            return sent, failed
        conn, problem = None, None
        try:
            conn = self._connect()
            if self.s.smtp_user:
                conn.login(self.s.smtp_user, self.s.smtp_password)
        except (OSError, smtplib.SMTPException) as exc:
            conn, problem = None, f"connect: {exc}"
        try:
            claims = os.path.join(self.outbox.folder, SENDING)
            os.makedirs(claims, exist_ok=True)
            for name in due:
                path, claimed = os.path.join(self.outbox.folder, name), os.path.join(claims, name)
                try:
                    os.rename(path, claimed)
                except FileNotFoundError:
                    continue  # another process took it (or the ticket was erased)
                ticket = _ticket_of(name)
                try:
                    if conn is None:
                        raise smtplib.SMTPException(problem)
                    with open(claimed, "rb") as f:
                        msg = email.message_from_binary_file(f, policy=email.policy.SMTP)
                    conn.send_message(msg)
                except (OSError, smtplib.SMTPException) as exc:
                    os.replace(claimed, path)
                    failed += self._retry(name, ticket, str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__, now)
                    continue
                self._move(name, SENT, SENDING)
                self.outbox.log(ticket, name, "sent")
                sent += 1
        finally:
            if conn is not None:
                try:
                    conn.quit()
                except (OSError, smtplib.SMTPException):
                    pass
        return sent, failed

    def _retry(self, name, ticket, reason, now):
        attempts, _ = self._state(name)
        attempts += 1
        if attempts >= self.s.smtp_attempts:
            self._move(name, FAILED)
            self.outbox.log(ticket, name, f"failed after {attempts} attempt(s): {reason}")
            return 1
        wait = min(self.s.smtp_backoff * 2 ** (attempts - 1), MAX_BACKOFF)
        state = os.path.join(self.outbox.folder, name + ".state")
        with open(state + ".tmp", "w", encoding="utf-8") as f:
            json.dump({"attempts": attempts, "next": now + wait}, f)
        os.replace(state + ".tmp", state)
        self.outbox.log(ticket, name, f"attempt {attempts} failed, next in {wait:.0f} s: {reason}")
        return 0

    def _recover(self):
        """Puts back what a process that died while sending left in sending/ (claimed long ago)."""
        claims = os.path.join(self.outbox.folder, SENDING)
        try:
            names = os.listdir(claims)
        except (FileNotFoundError, NotADirectoryError):
            return
        stale = time.time() - 3 * self.s.smtp_timeout - 60
        for name in names:
            try:
                if os.stat(os.path.join(claims, name)).st_ctime < stale:
                    os.replace(os.path.join(claims, name), os.path.join(self.outbox.folder, name))
            except FileNotFoundError:
                pass

    def _move(self, name, where, source=""):
        folder = os.path.join(self.outbox.folder, where)
        os.makedirs(folder, exist_ok=True)
        os.replace(os.path.join(self.outbox.folder, source, name), os.path.join(folder, name))
        try:
            os.unlink(os.path.join(self.outbox.folder, name + ".state"))
        except FileNotFoundError:
            pass


def _ticket_of(name):
    """The ticket id in a message's file name (STAMP-t-XXXXXXXXXXXX-RAND.eml)."""
    parts = name.split("-")
    return "-".join(parts[1:3]) if len(parts) >= 4 else "?"
