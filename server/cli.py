"""Purpose: the command line behind serve.py: read the settings (server.toml, ASTRADIA_* variables,
options), open and migrate the database, then serve the built site with waitress until SIGTERM;
a periodic purge enforces the retention settings. --import-receipts copies the receipts of a previous
SQLite file (today's build/consent.sqlite3 layout or later) into the configured database and exits.
Building the site is not its job: `./run serve` builds first.
"""
import argparse
import os
import sys
import threading

from . import config as configmod
from .stats import retention as stats_retention
from .storage import SchemaError, StorageError, open_storage, read_legacy_receipts

OPTIONS = {  # option dest -> "section.key"
    "host": "server.host", "port": "server.port", "root": "server.root", "database": "database.url",
    "threads": "server.threads",
}


def log(text):
    sys.stderr.write(f"[serve] {text}\n")
    sys.stderr.flush()


def parse(argv):
    ap = argparse.ArgumentParser(prog="serve.py", description="Serve the built Astradia site and its API.")
    ap.add_argument("--config", help="settings file (default: server.toml beside serve.py, when present)")
    ap.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    ap.add_argument("--port", type=int, help="port (default 8000; 0 picks a free one)")
    ap.add_argument("--root", help="folder to serve (default: build/wasm-release/site)")
    ap.add_argument("--database", help="SQLite file (default build/astradia.sqlite3) or postgresql://...; "
                                       "also ASTRADIA_DATABASE_URL")
    ap.add_argument("--consent-db", dest="database_path", metavar="PATH",
                    help="a SQLite file for the database (the older name of --database PATH)")
    ap.add_argument("--threads", type=int, help="worker threads (default 4)")
    ap.add_argument("--header", action="append", default=[], metavar='"NAME: VALUE"',
                    help="an extra header on every response (repeatable), e.g. a test root's extra policy")
    ap.add_argument("--import-receipts", metavar="SQLITE_FILE",
                    help="copy the receipts of a previous SQLite database into the configured one, then exit")
    ap.add_argument("--no-build", action="store_true",
                    help="accepted for old scripts; serve.py never builds (./run serve does)")
    return ap.parse_args(argv)


def load_settings(args, environ=None):
    overrides = {OPTIONS[k]: v for k, v in vars(args).items() if k in OPTIONS and v is not None}
    if args.database_path:
        overrides["database.url"] = args.database_path
    for h in args.header:
        name, sep, value = h.partition(":")
        if not sep or not name.strip() or any(not (c.isalnum() or c == "-") for c in name.strip()) \
                or any(c in value for c in "\r\n"):
            raise configmod.ConfigError(f'--header needs "Name: value", got {h!r}')
    cfg = configmod.load(args.config, environ, overrides)
    if args.header:
        cfg.server.extra_headers = list(cfg.server.extra_headers) + list(args.header)
    return cfg


def open_database(cfg):
    storage = open_storage(cfg.database.url, busy_timeout_ms=cfg.database.busy_timeout_ms)
    applied = storage.migrate()
    if applied:
        log(f"database {storage.describe()}: applied migration(s) {', '.join(map(str, applied))}")
    return storage


def purge_support(storage, support, now=None):
    """Erases closed tickets past support.retention_days (claims: claim_retention_days) with their mail
    in the outbox; returns their ids. Raises StorageError."""
    import datetime
    from .storage import utc_now_iso
    from .support.mail import Outbox
    now = now or datetime.datetime.now(datetime.timezone.utc)
    ids = storage.purge_support(utc_now_iso(now - datetime.timedelta(days=support.retention_days)),
                                utc_now_iso(now - datetime.timedelta(days=support.claim_retention_days)))
    outbox = Outbox(support.outbox, "")
    for ticket_id in ids:
        try:
            outbox.erase(ticket_id)
        except OSError as exc:
            log(f"purge: the outbox mail of {ticket_id} could not be erased: {exc}")
    return ids


class MailSender(threading.Thread):
    """Delivers the support outbox through SMTP when support.smtp_host is set (server/support/mail.py)."""

    def __init__(self, cfg):
        super().__init__(name="mail", daemon=True)
        from .support.mail import Outbox, Sender
        self.sender = Sender(Outbox(cfg.support.outbox, ""), cfg.support)
        self.interval = min(cfg.support.smtp_backoff, 10.0)
        self.stopped = threading.Event()

    def run(self):
        while True:
            try:
                sent, failed = self.sender.run_once()
                if failed:
                    log(f"mail: {failed} message(s) given up after support.smtp_attempts (in the outbox's failed/)")
            except OSError as exc:
                log(f"mail: the outbox cannot be read or written (will retry): {exc}")
            if self.stopped.wait(self.interval):
                return


def start_background(storage, cfg):
    """The threads a serving process runs beside the requests: the purge, and the mail sender when SMTP
    is configured. Returns them (each has .stopped)."""
    threads = [Purger(storage, cfg)]
    if cfg.support.smtp_host:
        threads.append(MailSender(cfg))
    for t in threads:
        t.start()
    return threads


class Purger(threading.Thread):
    """Deletes what is past its retention now and every consent.purge_interval seconds."""

    def __init__(self, storage, cfg):
        super().__init__(name="purge", daemon=True)
        self.storage, self.cfg = storage, cfg
        self.stopped = threading.Event()

    def run(self):
        while True:
            try:
                receipts, forms = self.storage.purge(self.cfg.consent.retention_days, self.cfg.forms.retention_days)
                if receipts or forms:
                    log(f"purge: {receipts} receipt(s) and {forms} form submission(s) past their retention deleted")
                tickets = purge_support(self.storage, self.cfg.support)
                if tickets:
                    log(f"purge: {len(tickets)} closed support ticket(s) past their retention erased")
                events, salts = stats_retention.purge(self.storage, self.cfg.stats.retention_days)
                if events:
                    log(f"purge: {events} statistics event(s) past their retention deleted")
            except StorageError as exc:
                log(f"purge failed (will retry): {exc}")
            if self.stopped.wait(self.cfg.consent.purge_interval):
                return


def main(argv=None):
    args = parse(argv)
    try:
        cfg = load_settings(args)
    except configmod.ConfigError as exc:
        log(f"error: {exc}")
        return 2
    try:
        storage = open_database(cfg)
    except SchemaError as exc:
        log(f"error: database schema: {exc}")
        return 1
    except StorageError as exc:
        log(f"error: the database cannot be used: {exc}")
        return 1
    if args.import_receipts:
        try:
            rows = list(read_legacy_receipts(args.import_receipts))
            added = storage.import_receipts(rows)
        except StorageError as exc:
            log(f"error: import failed: {exc}")
            return 1
        finally:
            storage.close()
        log(f"imported {added} receipt(s) of {len(rows)} from {args.import_receipts} into {storage.describe()}")
        return 0
    root = cfg.server.root
    if not os.path.isfile(os.path.join(root, "index.html")):
        log(f"error: {root} has no index.html (build it with ./run serve or cmake --build --preset "
            "wasm-release --target site, or pass --root)")
        storage.close()
        return 1
    from .app import App
    from .runner import make_server, serve, stop_on_signals
    try:
        app = App(cfg, storage)
    except configmod.ConfigError as exc:
        log(f"error: {exc}")
        storage.close()
        return 2
    try:
        server = make_server(app, cfg)
    except OSError as exc:
        log(f"error: cannot listen on {cfg.server.host}:{cfg.server.port}: {exc.strerror} (try --port)")
        storage.close()
        return 1
    background = start_background(storage, cfg)
    shown = os.path.relpath(root) if not os.path.relpath(root).startswith("..") else root
    log(f"serving {shown} on http://{server.effective_host}:{server.effective_port}/ "
        f"({storage.describe()}; {cfg.server.threads} threads, at most {server.connection_cap} connections; "
        "Ctrl+C stops)")
    try:
        serve(server, cfg.server.shutdown_grace, stop=stop_on_signals(server),
              on_stop=lambda: log("stopping: finishing requests in flight"))
    finally:
        for t in background:
            t.stopped.set()
        storage.close()
    log("stopped")
    return 0
