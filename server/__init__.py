"""Purpose: the Astradia site's server as a package: a WSGI app (app.py) with one module per API area
(api/), the static site (static.py), storage with migrations (storage/), settings (config.py), the
hardened waitress runner (runner.py), the command line (cli.py) and the entry for gunicorn (wsgi.py).
serve.py at the top level is the command; deploy/ holds nginx and systemd files."""
