#!/usr/bin/env python3
"""serve.py: serve the built Astradia site and its API on http://127.0.0.1:8000/.

The server is the `server/` package (a WSGI app on waitress, SQLite by default, PostgreSQL with
--database postgresql://...); this file only starts it. It needs Debian's Python packages
(python3-waitress, python3-psycopg), which only /usr/bin/python3 sees: under another Python it
starts itself again with /usr/bin/python3. `./run serve` builds the site first; this does not.

Usage: serve.py [--config server.toml] [--host H] [--port P] [--root DIR] [--database URL]
                [--header "Name: value"]... [--import-receipts OLD.sqlite3]
"""
import os
import sys

SYSTEM_PYTHON = "/usr/bin/python3"

if __name__ == "__main__":
    try:
        import waitress  # noqa: F401
    except ImportError:
        if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) and os.path.exists(SYSTEM_PYTHON):
            os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(__file__), *sys.argv[1:]])
        sys.stderr.write("[serve] error: waitress is missing: install Debian's python3-waitress "
                         "(scripts/bootstrap.sh does) and run with /usr/bin/python3\n")
        sys.exit(1)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from server.cli import main
    sys.exit(main())
