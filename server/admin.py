"""Purpose: the operator's door to /admin/ (the statistics dashboard, the support inbox): one check of
the operator token (`admin.token` in the settings), compared in constant time, shared by every admin
page. Without the token an admin page is a plain 404, the same answer as a path that does not exist,
so nobody learns that there is anything there; with an empty `admin.token` every admin page is 404.

The token may come as `Authorization: Bearer <token>` (scripts, curl), or once in the query
(`/admin/stats/?token=...`, what a person types or bookmarks): that request is answered with a redirect
to the same address without the token and a cookie holding a MAC of the token (HttpOnly, SameSite=Strict,
Path=/admin/, Secure on https, 12 hours), so the token itself is neither kept by the browser nor
written to the access log (the logged target has it replaced). Changing the token ends every session.

Use in a handler:  redirect = admin.guard(app, request);  if redirect: return redirect
"""
import hashlib
import hmac
import urllib.parse

from .http import HTTPError, Response

COOKIE = "astradia_admin"
COOKIE_PATH = "/admin/"
SESSION_SECONDS = 12 * 3600
_MAC_MESSAGE = b"astradia admin session v1"


def _digest(text):
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).digest()


def _session_value(token):
    """The cookie's value for `token`: a MAC, so the cookie is not the token."""
    return hmac.new(token.encode("utf-8"), _MAC_MESSAGE, hashlib.sha256).hexdigest()


def token_matches(configured, given):
    """Whether `given` is the configured token, in time that does not depend on where they differ
    (both are hashed first, so their lengths do not show either). An empty configured token matches nothing."""
    if not configured or given is None:
        return False
    return hmac.compare_digest(_digest(configured), _digest(given))


def _cookie(request, name):
    raw = request.header("Cookie") or ""
    for part in raw.split(";"):
        key, sep, value = part.strip().partition("=")
        if sep and key == name:
            return value.strip()
    return None


def _query(request):
    _, sep, query = request.target.partition("?")
    return urllib.parse.parse_qsl(query.split("#", 1)[0], keep_blank_values=True) if sep else []


def is_operator(app, request):
    """True when the request carries the operator token (Bearer header) or its session cookie."""
    configured = app.config.admin.token
    if not configured:
        return False
    auth = request.header("Authorization") or ""
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and token_matches(configured, value.strip()):
        return True
    cookie = _cookie(request, COOKIE)
    return cookie is not None and hmac.compare_digest(_digest(_session_value(configured)), _digest(cookie))


def guard(app, request):
    """None when the request is the operator's; a redirect Response (to be returned by the handler)
    when the token came in the query; raises HTTPError(404) otherwise."""
    params = _query(request)
    given = [v for k, v in params if k == "token"]
    if given:
        # Whatever happens next, the token never reaches the access log.
        rest = [(k, v) for k, v in params if k != "token"]
        clean = request.target.split("?", 1)[0] + ("?" + urllib.parse.urlencode(rest) if rest else "")
        request.target = clean + ("&" if rest else "?") + "token=(hidden)"
        if len(given) == 1 and token_matches(app.config.admin.token, given[0]):
            secure = "; Secure" if _is_https(app, request) else ""
            cookie = (f"{COOKIE}={_session_value(app.config.admin.token)}; Path={COOKIE_PATH}; Max-Age={SESSION_SECONDS}; "
                      f"HttpOnly; SameSite=Strict{secure}")
            return Response(303, [("Location", clean), ("Set-Cookie", cookie), ("Cache-Control", "no-store")])
        raise HTTPError(404, "Not found", close=False)
    if not is_operator(app, request):
        raise HTTPError(404, "Not found", close=False)
    return None


def _is_https(app, request):
    return app.own_origin(request).startswith("https://")
