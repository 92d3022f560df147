"""Purpose: `python3 -m server stats [--days N | --from DAY --to DAY] [--config server.toml]`: the
dashboard's figures as plain text (server/stats/dashboard.py text()), for a terminal or a cron mail.
Reads the configured database (migrating it when it is behind, as the server would)."""
import argparse
import sys
import time

from .. import config as configmod
from ..storage import StorageError, open_storage
from . import dashboard, report
from .visitors import day_of


def main(argv, out=sys.stdout):
    ap = argparse.ArgumentParser(prog="python3 -m server stats", description="Print the statistics as text.")
    ap.add_argument("--config", help="settings file (default: server.toml beside serve.py, when present)")
    ap.add_argument("--database", help="the database URL (default: the settings')")
    ap.add_argument("--days", type=int, default=7, help="the last N days, today included (default 7)")
    ap.add_argument("--from", dest="first", help="first day (YYYY-MM-DD), with --to")
    ap.add_argument("--to", dest="last", help="last day (YYYY-MM-DD), with --from")
    args = ap.parse_args(argv)
    try:
        cfg = configmod.load(args.config, None, {"database.url": args.database} if args.database else {})
        if args.first or args.last:
            first, last = report.parse_day(args.first or ""), report.parse_day(args.last or "")
        else:
            if not 1 <= args.days <= 366:
                raise ValueError("--days must be 1 to 366")
            first, last = report.day_range(report.parse_day(day_of(time.time())), args.days)
        if last < first:
            raise ValueError("--to must be on or after --from")
    except (configmod.ConfigError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        storage = open_storage(cfg.database.url, busy_timeout_ms=cfg.database.busy_timeout_ms)
        try:
            storage.migrate()
            out.write(dashboard.text(report.figures(storage, first, last)))
        finally:
            storage.close()
    except StorageError as exc:
        print(f"error: the database cannot be read: {exc}", file=sys.stderr)
        return 1
    return 0
