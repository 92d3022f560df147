# Purpose: gunicorn (Debian python3-gunicorn), the multi-process option, configured from the same
# settings as serve.py (server.toml, ASTRADIA_* variables): N worker processes of M threads each,
# the same header limits, the request deadline as gunicorn's worker timeout, graceful stop on SIGTERM.
# Run it behind nginx (deploy/nginx.conf), which buffers slow clients: a gunicorn thread waits for
# its client, waitress's do not.
#   /usr/bin/python3 -m gunicorn --config deploy/gunicorn.conf.py server.wsgi:application
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from server import config as _config  # noqa: E402

_cfg = _config.load(os.environ.get("ASTRADIA_CONFIG") or None)
_s = _cfg.server

bind = f"{_s.host}:{_s.port}"
workers = int(os.environ.get("ASTRADIA_GUNICORN_WORKERS", "0")) or max(2, os.cpu_count() or 1)
worker_class = "gthread"
threads = _s.threads
timeout = max(30, int(_s.request_deadline) * 3)
graceful_timeout = int(_s.shutdown_grace)
keepalive = int(_s.idle_timeout)
limit_request_line = 8190
limit_request_fields = _s.max_headers
limit_request_field_size = _s.max_header_bytes
worker_connections = _s.connection_limit
accesslog = None  # the app writes its own structured lines (never an address)
errorlog = "-"
proc_name = "astradia"
