"""Purpose: POST /api/consent: the legal widget's consent receipts (docs/LEGAL-FORMATS.md, "Receipts").
The body {"record": <consent record>, "event": "given" | "changed" | "withdrawn"} (application/json or
text/plain;charset=UTF-8, at most 4 KiB) is parsed strictly (no duplicate keys, no NaN), the record
validated by the contract's rules (the same as the widget's, over the shared cases in
tests/legal/fixtures/record-cases.json), and stored through
the storage interface with the server's time, never the IP address or user agent. Answers
201 {"ok": true, "receipt": "<id>:<n>"}, a one-line JSON error (400/411/413/415), or 503 when the
database cannot take it."""
import datetime
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
    if not isinstance(body, dict) or set(body) != {"record", "event"}:
        raise HTTPError(400, 'the body must be {"record": ..., "event": ...}')
    if not isinstance(body["event"], str) or body["event"] not in EVENTS:
        raise HTTPError(400, "event must be one of " + ", ".join(EVENTS))
    problem = check_consent_record(body["record"])
    if problem:
        raise HTTPError(400, problem)
    try:
        receipt = app.storage.add_receipt(body["record"], body["event"])
    except StorageError as exc:
        print(f"[serve] consent store error: {exc}", file=sys.stderr, flush=True)
        raise HTTPError(503, "the receipt could not be stored; try again", close=False) from None
    return json_response(201, {"ok": True, "receipt": receipt})


def register(app):
    app.add_route("/api/consent", {"POST": post_consent}, json_errors=True)
