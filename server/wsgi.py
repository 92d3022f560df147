"""Purpose: the WSGI entry for other servers, gunicorn above all (deploy/gunicorn.conf.py):
`application` is the app built from server.toml (ASTRADIA_CONFIG names another file) and the
ASTRADIA_* variables, its database migrated, with the retention purge running in this process.
Errors in the settings or the database stop the worker with the same clear message serve.py gives."""
import os
import sys

from . import config as configmod
from .cli import open_database, start_background


def build():
    try:
        cfg = configmod.load(os.environ.get("ASTRADIA_CONFIG") or None)
        storage = open_database(cfg)
        from .app import App
        app = App(cfg, storage)
    except Exception as exc:
        sys.stderr.write(f"[serve] error: {exc}\n")
        raise SystemExit(1) from None
    start_background(storage, cfg)
    return app


application = build()
