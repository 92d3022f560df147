"""Purpose: the access log: one JSON object per request on stderr (time, method, target, protocol,
status, bytes, coding, milliseconds). Never the client's address or user agent: only what the site
needs to see that it works. The target is cut at 200 characters; JSON escapes control characters and
quotes, so a hostile request line stays one unambiguous line.
"""
import datetime
import json
import sys
import threading

_lock = threading.Lock()


def line(method, target, protocol, status, length, encoding, ms):
    now = datetime.datetime.now(datetime.timezone.utc)
    return json.dumps({
        "t": now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z",
        "method": method, "target": target[:200], "proto": protocol, "status": status,
        "bytes": length, "enc": encoding, "ms": round(ms, 1),
    }, ensure_ascii=True, separators=(",", ":"))


def emit(text):
    with _lock:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()


def write(environ, target, status, length, encoding, ms):
    """The line for a request the app answered."""
    emit(line(environ.get("REQUEST_METHOD", "-"), target, environ.get("SERVER_PROTOCOL", "-"),
              status, length, encoding, ms))
