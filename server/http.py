"""Purpose: HTTP vocabulary shared by the app, the API modules and the static files: the request
(a view over the WSGI environ), the response, HTTPError (a 4xx/5xx a handler raises), the security
headers every response carries, MIME types, the strict decoding of a request target
(malformed percent-encoding is 400, a decoded path that is not UTF-8 or holds NUL/backslash is 404)
and of a JSON body (its media type, its length, no duplicate keys or NaN).
"""
import json
import re
import urllib.parse

SERVER_NAME = "astradia-serve"

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
])
SECURITY_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                           "interest-cohort=(), browsing-topics=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
)

MIME = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".xml": "application/xml",
    ".webmanifest": "application/manifest+json",
    ".gz": "application/gzip",
    ".br": "application/octet-stream",
}
# Extensionless files that are text (the release checksum lists).
MIME_BY_NAME = {"SHA256SUMS": "text/plain; charset=utf-8", "MD5SUMS": "text/plain; charset=utf-8"}
COMPRESSIBLE = ("text/", "application/wasm", "application/json", "image/svg+xml", "font/ttf", "font/otf",
                "application/xml", "application/manifest+json")

KNOWN_METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")
REASONS = {200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 303: "See Other",
           304: "Not Modified", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
           405: "Method Not Allowed", 408: "Request Timeout", 411: "Length Required",
           413: "Content Too Large", 414: "URI Too Long", 415: "Unsupported Media Type",
           429: "Too Many Requests", 431: "Request Header Fields Too Large", 500: "Internal Server Error",
           501: "Not Implemented", 503: "Service Unavailable", 505: "HTTP Version Not Supported"}
BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def status_line(code):
    return f"{code} {REASONS.get(code, 'Unknown')}"


class HTTPError(Exception):
    """A response the handler gives up with: status, a one-line message, extra headers, and whether
    the connection must close (the body may be left unread)."""

    def __init__(self, status, message=None, headers=(), close=None):
        super().__init__(message or REASONS.get(status, ""))
        self.status = status
        self.message = message or REASONS.get(status, "")
        self.headers = list(headers)
        self.close = status in (400, 408, 411, 413, 414, 415, 431) or status >= 500 if close is None else close


class Response:
    """Status, headers and body (bytes, or an iterable with a known length for files). `encoding`
    is for the access log only."""
    __slots__ = ("status", "headers", "body", "length", "encoding")

    def __init__(self, status, headers=(), body=b"", length=None, encoding="-"):
        self.status = status
        self.headers = list(headers)
        self.body = body
        self.length = len(body) if length is None else length
        self.encoding = encoding


def text_response(status, message=None, headers=()):
    body = f"{status} {message or REASONS.get(status, '')}\n".encode()
    return Response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store"),
                             *headers], body)


def json_response(status, obj, headers=()):
    body = (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
    return Response(status, [("Content-Type", "application/json"), ("Cache-Control", "no-store"), *headers], body)


def _pairs(items):
    obj = {}
    for k, v in items:
        if k in obj:
            raise ValueError(f"duplicate key {k!r}")
        obj[k] = v
    return obj


def _constant(name):
    raise ValueError(f"{name} is not JSON")


_DECODER = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_constant)  # stateless: shared


def strict_json(data):
    """Parses UTF-8 JSON text, refusing duplicate keys and NaN/Infinity. Raises ValueError."""
    return _DECODER.decode(data.decode("utf-8"))


class Request:
    """A view over the WSGI environ: method, the raw target, the decoded path, headers, the client
    (for in-memory rate limits only; never stored) and a bounded body reader."""

    def __init__(self, environ, client):
        self.environ = environ
        self.method = environ.get("REQUEST_METHOD", "GET")
        # The target as sent: waitress gives REQUEST_URI, gunicorn RAW_URI; else rebuild it.
        raw = environ.get("REQUEST_URI") or environ.get("RAW_URI")
        if raw is None:
            raw = urllib.parse.quote(environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", ""), safe="/")
            if environ.get("QUERY_STRING"):
                raw += "?" + environ["QUERY_STRING"]
        self.target = raw
        self.client = client
        self.path = None  # set by decode_target()
        self.rest = ""  # the path after a prefix route's prefix (App.route)

    def header(self, name, default=None):
        key = name.upper().replace("-", "_")
        if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            key = "HTTP_" + key
        return self.environ.get(key, default)

    def decode_target(self):
        """Sets self.path to the decoded path. Raises HTTPError 400 (not an origin-form path,
        malformed percent-encoding, control characters) or 404 (not UTF-8, NUL, backslash)."""
        target = self.target
        if not target.startswith("/"):
            raise HTTPError(400, "Request target must be an origin path")
        raw_path = target.split("?", 1)[0].split("#", 1)[0]
        if BAD_PERCENT.search(raw_path) or any(ord(c) < 0x21 or ord(c) == 0x7F for c in raw_path):
            raise HTTPError(400, "Malformed path")
        try:
            # the environ holds latin-1 text of the raw bytes: back to bytes, then strict UTF-8
            path = urllib.parse.unquote_to_bytes(raw_path.encode("latin-1")).decode("utf-8")
        except (UnicodeDecodeError, UnicodeEncodeError):
            # not UTF-8 once decoded (e.g. the overlong "%c0%af" slash): no file can have that name
            raise HTTPError(404, "Not found", close=False) from None
        if "\x00" in path or "\\" in path:
            raise HTTPError(404, "Not found", close=False)
        self.path = path
        return path

    def read_json(self, max_bytes):
        """The body as JSON (application/json or text/plain;charset=UTF-8, the type sendBeacon and a
        no-preflight fetch send), at most max_bytes, parsed strictly: duplicate keys and NaN/Infinity
        are refused. Raises HTTPError 415 (another media type), 400 (not JSON), or read_body's errors."""
        ctype = (self.header("Content-Type") or "").lower().replace(" ", "")
        media, _, params = ctype.partition(";")
        if media not in ("application/json", "text/plain") or params not in ("", "charset=utf-8"):
            raise HTTPError(415, "send application/json or text/plain;charset=UTF-8")
        data = self.read_body(max_bytes)
        try:
            return strict_json(data)
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise HTTPError(400, f"the body is not JSON: {str(exc).splitlines()[0][:120]}") from None

    def read_body(self, max_bytes):
        """The request body, at most max_bytes. Raises HTTPError 400 (chunked, bad length, short
        body), 411 (no Content-Length) or 413 (too large)."""
        if self.environ.get("HTTP_TRANSFER_ENCODING"):
            raise HTTPError(400, "Chunked bodies are not accepted")
        length = self.environ.get("CONTENT_LENGTH")
        if length in (None, ""):
            raise HTTPError(411, "Content-Length required")
        if not length.isdigit():
            raise HTTPError(400, "Bad Content-Length")
        n = int(length)
        if n > max_bytes:
            raise HTTPError(413, f"Body larger than {max_bytes} bytes")
        data = self.environ["wsgi.input"].read(n) if n else b""
        if len(data) != n:
            raise HTTPError(400, "Body shorter than Content-Length")
        return data
