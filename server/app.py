"""Purpose: the WSGI application: routes (one module per API area registers its own), the static
site for everything else, the security headers on every response, the POST guards (per-client rate
limit, then the origin check: the site's own origin or a configured partner), one structured access
line per request, and a guard that turns a bug into one 500, never a dead server.
"""
import sys
import time

from . import accesslog
from .config import extra_header_pairs
from .http import (KNOWN_METHODS, SECURITY_HEADERS, HTTPError, Request, json_response,
                   status_line, text_response)
from .ratelimit import TokenBuckets, retry_after
from .static import StaticFiles

BLOCK = 1 << 16
CLOSE_FLAG = "astradia.close_connection"  # environ key: close the connection after this response


class Route:
    """What one path answers: {method: handler(app, request) -> Response}; JSON errors or plain;
    `limited`: reads count against the client's rate limit too (writes always do)."""

    def __init__(self, methods, json_errors=False, limited=False):
        self.methods = dict(methods)
        self.json_errors = json_errors
        self.limited = limited


class App:
    """The site as one WSGI callable. `storage` is a migrated Storage; `config` a loaded Config."""

    def __init__(self, config, storage, log=None):
        self.config = config
        self.storage = storage
        self.static = StaticFiles(config.server.root)
        self.routes = {}
        self.prefix_routes = []  # [(prefix, Route)]: paths under a prefix, e.g. /api/consent/<id>
        self.extra_headers = extra_header_pairs(config)
        self.trusted_proxies = set(config.server.trusted_proxies)
        self.partner_origins = set(config.partners.origins)
        self.public_origin = config.server.public_origin
        rl = config.rate_limit
        self.limits = TokenBuckets(rl.per_second, rl.burst, rl.max_clients) if rl.enabled else None
        self.log = log if log is not None else (accesslog.write if config.log.access else None)
        from .api import register_all
        register_all(self)

    def add_route(self, path, methods, json_errors=False, prefix=False, limited=False):
        """`path` answered by `methods`; with prefix=True every path under `path` (a handler finds
        the rest in request.rest)."""
        route = Route(methods, json_errors, limited)
        if prefix:
            self.prefix_routes.append((path, route))
        else:
            self.routes[path] = route

    def route(self, path):
        """(the Route for a decoded path or None, the rest of the path after a prefix route's prefix)."""
        route = self.routes.get(path)
        if route is not None:
            return route, ""
        for prefix, route in self.prefix_routes:
            if path.startswith(prefix) and len(path) > len(prefix):
                return route, path[len(prefix):]
        return None, ""

    # --- WSGI -----------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        started = time.perf_counter()
        request = Request(environ, self._client(environ))
        route = None
        try:
            response = self._dispatch(request)
        except HTTPError as exc:
            route = self.route(request.path)[0] if request.path else None
            response = self._error(exc, route is not None and route.json_errors)
            if exc.close:
                # Connection is hop-by-hop: WSGI may not set it; the server runner reads this flag
                environ[CLOSE_FLAG] = True
        except Exception as exc:  # a bug must cost one request, never the server
            print(f"[serve] internal error on {request.target[:200]!r}: {exc!r}", file=sys.stderr, flush=True)
            response = self._error(HTTPError(500, "Internal error"), False)
            environ[CLOSE_FLAG] = True
        headers = response.headers
        headers.extend(SECURITY_HEADERS)
        headers.extend(self.extra_headers)
        if "Content-Length" not in (h for h, _ in headers) and response.status not in (304,):
            headers.append(("Content-Length", str(response.length)))
        start_response(status_line(response.status), headers)
        if self.log:
            self.log(environ, request.target, response.status, response.length, response.encoding,
                     (time.perf_counter() - started) * 1000)
        body = response.body
        if isinstance(body, bytes):
            return [body] if body and request.method != "HEAD" else []
        wrapper = environ.get("wsgi.file_wrapper")
        return wrapper(body, BLOCK) if wrapper else _chunks(body)

    def _client(self, environ):
        """The client's address, for rate limits only: the proxy's X-Real-IP when the peer is a
        trusted proxy, else the peer."""
        peer = environ.get("REMOTE_ADDR", "")
        if peer in self.trusted_proxies:
            real = environ.get("HTTP_X_REAL_IP", "").strip()
            if real:
                return real
        return peer

    def _dispatch(self, request):
        if request.method not in KNOWN_METHODS:
            raise HTTPError(501, "Unsupported method", close=True)
        path = request.decode_target()
        route, request.rest = self.route(path)
        if route is not None:
            handler = route.methods.get(request.method)
            if handler is None:
                raise HTTPError(405, headers=[("Allow", ", ".join(sorted(route.methods)))], close=False)
            if request.method not in ("GET", "HEAD"):
                self._guard_post(request)
            elif route.limited:
                self._rate_limit(request)
            return handler(self, request)
        if request.method not in ("GET", "HEAD"):
            raise HTTPError(405, headers=[("Allow", "GET, HEAD")], close=False)
        return self.static.serve(request, head=request.method == "HEAD")

    def _rate_limit(self, request):
        """429 when the client has no token left."""
        if self.limits is not None:
            wait = self.limits.take(request.client)
            if wait > 0:
                raise HTTPError(429, "Too many requests; try again later",
                                headers=[("Retry-After", retry_after(wait))], close=False)

    def _guard_post(self, request):
        """For every write (POST, DELETE...): 429 when the client has no token left; 403 when a
        browser says the request comes from another site (Origin not ours nor a partner's, or
        Sec-Fetch-Site cross-site without one)."""
        self._rate_limit(request)
        origin = request.header("Origin")
        if origin is not None and origin != "null":
            if origin != self.own_origin(request) and origin not in self.partner_origins:
                raise HTTPError(403, "This site does not accept writes from " + origin[:100], close=False)
            return
        # No Origin, or "null": what a browser sends for a form posted from a page under
        # Referrer-Policy: no-referrer (ours), and from sandboxed frames. Sec-Fetch-Site tells them apart.
        site = (request.header("Sec-Fetch-Site") or "").lower()
        if site not in ("", "same-origin", "none"):
            raise HTTPError(403, "Writes are accepted from this site only", close=False)

    def own_origin(self, request):
        """The site's origin: the configured public_origin, else scheme://Host of this request
        (the proxy's X-Forwarded-Proto when it is trusted)."""
        if self.public_origin:
            return self.public_origin
        env = request.environ
        scheme = env.get("wsgi.url_scheme", "http")
        if env.get("REMOTE_ADDR") in self.trusted_proxies and env.get("HTTP_X_FORWARDED_PROTO") in ("http", "https"):
            scheme = env["HTTP_X_FORWARDED_PROTO"]
        host = env.get("HTTP_HOST") or f"{env.get('SERVER_NAME', '')}:{env.get('SERVER_PORT', '')}"
        return f"{scheme}://{host}"

    def _error(self, exc, as_json):
        headers = list(exc.headers)
        if as_json:
            return json_response(exc.status, {"ok": False, "error": exc.message}, headers)
        return text_response(exc.status, exc.message, headers)


def _chunks(f):
    try:
        for block in iter(lambda: f.read(BLOCK), b""):
            yield block
    finally:
        f.close()

