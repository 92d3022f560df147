"""Purpose: POST /api/partner-demo/form: the example studio's inquiry and newsletter forms
(web/partner-demo/). A submission is accepted only with the User Agreement's acceptance fields that
the widget's checkbox helper adds (document, version, hash, time, language); it is stored with them
(kept for forms.retention_days) and the visitor is sent to the thank-you page (303)."""
import sys
import urllib.parse

from ..http import HTTPError, Response
from ..storage import StorageError
from .consent import SHA256_HEX, SLUG, VERSION, iso_ms

MAX_FORM_BODY = 16 * 1024
FORMS = ("inquiry", "newsletter")
ACCEPTANCE = ("document", "version", "hash", "time", "language")


def post_form(app, request):
    data = request.read_body(MAX_FORM_BODY)
    try:
        fields = urllib.parse.parse_qs(data.decode("utf-8"), strict_parsing=False)
    except UnicodeDecodeError:
        raise HTTPError(400, "The form is not UTF-8") from None
    one = {k: v[0] for k, v in fields.items() if len(v) == 1}
    ok = (SLUG.fullmatch(one.get("acceptance.document", "")) and VERSION.fullmatch(one.get("acceptance.version", ""))
          and SHA256_HEX.fullmatch(one.get("acceptance.hash", "")) and iso_ms(one.get("acceptance.time"))
          and one.get("acceptance.language") in ("en", "ru"))
    if not ok:
        raise HTTPError(400, "The form must carry the acceptance of the User Agreement")
    form = one.get("form") if one.get("form") in FORMS else "other"
    acceptance = {k: one["acceptance." + k] for k in ACCEPTANCE}
    rest = {k: v[0] if len(v) == 1 else v for k, v in fields.items()
            if not k.startswith("acceptance.") and k != "form"}
    try:
        app.storage.add_form(form, acceptance, rest)
    except StorageError as exc:
        print(f"[serve] form store error: {exc}", file=sys.stderr, flush=True)
        raise HTTPError(503, "The form could not be stored; try again", close=False) from None
    return Response(303, [("Location", "/partner-demo/thanks.html"), ("Cache-Control", "no-store")])


def register(app):
    app.add_route("/api/partner-demo/form", {"POST": post_form})
