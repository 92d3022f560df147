"""Purpose: POST /api/consent: the legal widget's consent receipts (docs/LEGAL-FORMATS.md, "Receipts").
The body {"record": <consent record>, "event": "given" | "changed" | "withdrawn"} (application/json or
text/plain;charset=UTF-8, at most 4 KiB) is parsed strictly (no duplicate keys, no NaN), the record
validated by the contract's rules (the same as the widget's, over the shared cases in
tests/legal/fixtures/record-cases.json), and stored through
the storage interface with the server's time, never the IP address or user agent. Answers
201 {"ok": true, "receipt": "<id>:<n>"}, a one-line JSON error (400/411/413/415), or 503 when the
database cannot take it. A third member, "proof" (the SHA-256 of the record's secret, 64 lower-case hex
digits), binds the record id the first time it is seen; a receipt with another proof (or none) for
a bound id is refused with 403.

GET and DELETE /api/consent/<record id>, with the record's secret (64 lower-case hex digits) in the
X-Consent-Secret header, never the URL: GET answers the id's receipts; DELETE erases what no law
makes us keep and says what is kept, why and until when (docs/DECISIONS.md, issue 20 part 3). The
secret is hashed and compared in constant time; a wrong or missing secret and an unknown id get the
same 404 after the same work. Both count against the client's rate limit."""
import datetime
import hashlib
import hmac
import json
import re
import sys

from ..http import HTTPError, json_response
from ..storage import StorageError

MAX_CONSENT_BODY = 4096
SLUG = re.compile(r"[a-z0-9-]{1,40}")
RECORD_ID = re.compile(r"c-[0-9a-f]{32}")
VERSION = re.compile(r"[0-9]{1,3}\.[0-9]{1,3}")
SHA256_HEX = re.compile(r"[0-9a-f]{64}")
ISO_MS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z")
RECORD_FIELDS = ("v", "id", "site", "time", "expires", "method", "language", "choices", "documents",
                 "age_confirmed", "gpc")
OPTIONAL_FIELDS = ("period",)  # the visitor's consent period (absent in records made before it existed)
UNTIL_WITHDRAWN = "until_withdrawn"
MAX_PERIOD_DAYS = 3650
METHODS = ("banner", "preferences", "gpc", "api")
EVENTS = ("given", "changed", "withdrawn")


def iso_ms(value):
    """The datetime of a YYYY-MM-DDTHH:MM:SS.mmmZ string, or None (also for 2026-02-30)."""
    if not isinstance(value, str) or not ISO_MS.fullmatch(value):
        return None
    try:  # the format is checked above; datetime() checks the ranges (faster than strptime)
        return datetime.datetime(int(value[0:4]), int(value[5:7]), int(value[8:10]), int(value[11:13]),
                                 int(value[14:16]), int(value[17:19]), int(value[20:23]) * 1000)
    except ValueError:
        return None


def check_consent_record(r):
    """The contract's record validation (the same rules as the widget's legal/widget/src/record.mjs).
    Returns None when valid, else a one-line reason naming the field."""
    def is_str(x, pattern):
        return isinstance(x, str) and pattern.fullmatch(x) is not None

    if not isinstance(r, dict):
        return "record must be a JSON object"
    extra = sorted(set(r) - set(RECORD_FIELDS) - set(OPTIONAL_FIELDS))
    if extra:
        return f"record has an unknown field: {extra[0]}"
    missing = [k for k in RECORD_FIELDS if k not in r]
    if missing:
        return f"record.{missing[0]} is missing"
    if type(r["v"]) is not int or r["v"] != 1:
        return "record.v must be the integer 1"
    if not is_str(r["id"], RECORD_ID):
        return "record.id must be c- followed by 32 lower-case hex digits"
    if not is_str(r["site"], SLUG):
        return "record.site must match [a-z0-9-]{1,40}"
    given, expires = iso_ms(r["time"]), iso_ms(r["expires"])
    if given is None:
        return "record.time must be ISO 8601 UTC with milliseconds (YYYY-MM-DDTHH:MM:SS.mmmZ)"
    if expires is None:
        return "record.expires must be ISO 8601 UTC with milliseconds (YYYY-MM-DDTHH:MM:SS.mmmZ)"
    if expires <= given:
        return "record.expires must be after record.time"
    if "period" in r:
        period = r["period"]
        if period != UNTIL_WITHDRAWN and (type(period) is not int or not 1 <= period <= MAX_PERIOD_DAYS):
            return f'record.period must be "{UNTIL_WITHDRAWN}" or a whole number of days from 1 to {MAX_PERIOD_DAYS}'
        if type(period) is int and expires > given + datetime.timedelta(days=period):
            return "record.period must not end before record.expires"
    if not isinstance(r["method"], str) or r["method"] not in METHODS:
        return "record.method must be one of " + ", ".join(METHODS)
    if not isinstance(r["language"], str) or r["language"] not in ("en", "ru"):
        return "record.language must be en or ru"
    choices = r["choices"]
    if not isinstance(choices, dict) or set(choices) != {"necessary", "statistics", "ads"}:
        return "record.choices must have exactly necessary, statistics and ads"
    if choices["necessary"] is not True:
        return "record.choices.necessary must be true"
    if type(choices["statistics"]) is not bool or type(choices["ads"]) is not bool:
        return "record.choices.statistics and .ads must be booleans"
    docs = r["documents"]
    if not isinstance(docs, list) or not 1 <= len(docs) <= 16:
        return "record.documents must be a list of 1 to 16 entries"
    seen = set()
    for i, d in enumerate(docs):
        where = f"record.documents[{i}]"
        if not isinstance(d, dict) or set(d) != {"id", "version", "hash"}:
            return f"{where} must have exactly id, version and hash"
        if not is_str(d["id"], SLUG):
            return f"{where}.id must match [a-z0-9-]{{1,40}}"
        if not is_str(d["version"], VERSION):
            return f"{where}.version must be MAJOR.MINOR"
        if not is_str(d["hash"], SHA256_HEX):
            return f"{where}.hash must be 64 lower-case hex digits"
        if d["id"] in seen:
            return f"{where}.id repeats {d['id']}"
        seen.add(d["id"])
    if type(r["age_confirmed"]) is not bool:
        return "record.age_confirmed must be a boolean"
    if type(r["gpc"]) is not bool:
        return "record.gpc must be a boolean"
    if len(json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode()) > MAX_CONSENT_BODY:
        return "record is larger than 4 KiB"
    return None


def post_consent(app, request):
    body = request.read_json(MAX_CONSENT_BODY)
    if not isinstance(body, dict) or set(body) - {"proof"} != {"record", "event"}:
        raise HTTPError(400, 'the body must be {"record": ..., "event": ...} or with "proof": ...')
    if not isinstance(body["event"], str) or body["event"] not in EVENTS:
        raise HTTPError(400, "event must be one of " + ", ".join(EVENTS))
    proof = body.get("proof")
    if "proof" in body and not (isinstance(proof, str) and SHA256_HEX.fullmatch(proof)):
        raise HTTPError(400, "proof must be 64 lower-case hex digits (the SHA-256 of the record's secret)")
    problem = check_consent_record(body["record"])
    if problem:
        raise HTTPError(400, problem)
    try:
        receipt = app.storage.add_receipt(body["record"], body["event"], proof=proof)
    except StorageError as exc:
        print(f"[serve] consent store error: {exc}", file=sys.stderr, flush=True)
        raise HTTPError(503, "the receipt could not be stored; try again", close=False) from None
    if receipt is None:
        raise HTTPError(403, "this record id is bound to another browser's proof; the receipt was not stored",
                        close=False)
    return json_response(201, {"ok": True, "receipt": receipt})


# --- access and erasure --------------------------------------------------------------------------
SECRET_HEADER = "X-Consent-Secret"
NOT_FOUND = "no receipts for this record id and secret"  # the one answer for every reason
DUMMY_PROOF = "0" * 64


def _proven(app, request):
    """(record id, proof) when the X-Consent-Secret header proves possession of the id in the path;
    else the same 404 for a wrong, missing or malformed secret and an unknown id, after the same
    work (a hash and a comparison with a stand-in when the id has no proof)."""
    record_id, secret = request.rest, request.header(SECRET_HEADER) or ""
    request.target = "/api/consent/(id)"  # the access log does not learn whose receipts were asked for
    well_formed = RECORD_ID.fullmatch(record_id) is not None and SHA256_HEX.fullmatch(secret) is not None
    proof = hashlib.sha256(secret.encode("latin-1", "replace")[:64]).hexdigest()
    try:
        bound = app.storage.proof(record_id) if well_formed else None
    except StorageError as exc:
        print(f"[serve] consent store error: {exc}", file=sys.stderr, flush=True)
        raise HTTPError(503, "the receipts cannot be read now; try again", close=False) from None
    if not hmac.compare_digest(bound or DUMMY_PROOF, proof) or bound is None or not well_formed:
        raise HTTPError(404, NOT_FOUND, close=False)
    return record_id, proof


def get_receipts(app, request):
    record_id, _ = _proven(app, request)
    try:
        receipts = app.storage.receipts(record_id)
    except StorageError as exc:
        print(f"[serve] consent store error: {exc}", file=sys.stderr, flush=True)
        raise HTTPError(503, "the receipts cannot be read now; try again", close=False) from None
    return json_response(200, {"ok": True, "record_id": record_id, "receipts": receipts},
                         [("Content-Disposition", f'attachment; filename="consent-receipts-{record_id}.json"')])


def delete_receipts(app, request):
    record_id, proof = _proven(app, request)
    try:
        done = app.storage.erase_receipts(record_id, proof)
    except StorageError as exc:
        print(f"[serve] consent store error: {exc}", file=sys.stderr, flush=True)
        raise HTTPError(503, "the receipts could not be erased now; try again", close=False) from None
    if done is None:  # erased or unbound by another request since the check
        raise HTTPError(404, NOT_FOUND, close=False)
    erased, kept, last_expires = done
    days = app.config.consent.retention_days
    answer = {"ok": True, "erased": erased, "kept": kept, "kept_until": None, "why": None,
              "message": f"{erased} receipt(s) that recorded no consent were erased."}
    if kept:
        until = (iso_ms(last_expires) + datetime.timedelta(days=days)).date().isoformat()
        answer.update(
            kept_until=until,
            why=("they are the evidence that processing you consented to was lawful, which the law requires "
                 f"us to be able to show: the Privacy Policy keeps consent receipts for the term of the Terms "
                 f"of Use and three years after it ends (here: {days} days after the record's term)"),
            message=(f"{erased} receipt(s) that recorded no consent were erased. {kept} receipt(s) of consent you "
                     f"gave are kept until {until} as the evidence the law requires, no longer linked to this "
                     f"browser: they now carry a random record id nobody holds, and your secret no longer "
                     f"opens anything."))
    else:
        answer["message"] += " Nothing is kept."
    return json_response(200, answer)


def register(app):
    app.add_route("/api/consent", {"POST": post_consent}, json_errors=True)
    app.add_route("/api/consent/", {"GET": get_receipts, "DELETE": delete_receipts}, json_errors=True,
                  prefix=True, limited=True)
