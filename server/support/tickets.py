"""Purpose: the support desk's rules: what a request must hold to become a ticket (kind, message,
e-mail, the support consent's acceptance as the legal widget's checkbox adds it, optional technical
details), which deadline rule each kind gets (a claim: the Terms of Use's promise read from the legal
site's site.json; other kinds: the configured service target in business hours), ticket ids and
status-link secrets, and the states a ticket moves through.

The Desk is built once at start from the settings ([support]) and the legal site's files, so a bad
calendar, time zone or missing consent document stops the server with a clear message instead of
failing on the first request.
"""
import datetime
import hashlib
import hmac
import json
import os
import re
import secrets
import zoneinfo

from ..config import work_hours
from .calendar import Calendar
from .deadlines import Clock, Rule

HERE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LEGAL_SITE = os.path.join(HERE, "legal", "sites", "astradia")
CONSENT_DOCUMENT = "support-consent"

KINDS = ("question", "bug", "payment", "claim")
STATES = ("new", "waiting", "answered", "closed")
LANGUAGES = ("en", "ru")
MAX_MESSAGE = 5000        # characters
MAX_DETAILS = 1000
MAX_EMAIL = 254
# local@domain.tld: printable ASCII without spaces, quotes or angle brackets; a dotted domain of labels.
EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{4,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
                   r"[A-Za-z]{2,63}")
TICKET_ID = re.compile(r"t-[0-9a-f]{12}")
SECRET = re.compile(r"[A-Za-z0-9_-]{32}")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DeskError(ValueError):
    """The desk cannot be set up (a setting or a legal file); the message says which."""


class Refusal(ValueError):
    """A request that cannot become a ticket: `field` names the form field, `code` the reason."""

    def __init__(self, field, code):
        super().__init__(f"{field}: {code}")
        self.field, self.code = field, code


def utc_iso(instant):
    instant = instant.astimezone(datetime.timezone.utc)
    return instant.strftime("%Y-%m-%dT%H:%M:%S.") + f"{instant.microsecond // 1000:03d}Z"


def parse_utc(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)


def secret_digest(secret):
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


class Desk:
    """The operator's desk: the clock (calendar, time zone, working day), each kind's rule, the
    operator's name and support address, and the support consent's published versions."""

    def __init__(self, settings, legal_site=LEGAL_SITE):
        try:
            zone = zoneinfo.ZoneInfo(settings.time_zone)
        except (ValueError, KeyError, OSError):
            raise DeskError(f"support.time_zone {settings.time_zone!r}: not a time zone") from None
        hours = work_hours(settings.work_hours)
        if hours is None:
            raise DeskError(f"support.work_hours {settings.work_hours!r}: expected HH:MM-HH:MM")
        self.clock = Clock(Calendar.load(settings.calendar), zone, hours[0], hours[1])
        self.time_zone = settings.time_zone
        site = _read_json(os.path.join(legal_site, "site.json"))
        published = _read_json(os.path.join(legal_site, "published.json"))
        claims = site.get("claims_days")
        if not isinstance(claims, dict) or claims.get("kind") not in ("business", "calendar") \
                or not isinstance(claims.get("value"), int):
            raise DeskError(f"{legal_site}/site.json: claims_days must be {{\"value\": N, \"kind\": \"business\"|\"calendar\"}}")
        self.rules = {
            "claim": Rule("business_days" if claims["kind"] == "business" else "calendar_days", claims["value"]),
            "question": Rule("business_hours", settings.question_hours),
            "bug": Rule("business_hours", settings.bug_hours),
            "payment": Rule("business_hours", settings.payment_hours),
        }
        operator = site.get("operator", {})
        self.operator_name = operator.get("name", {})
        self.support_email = operator.get("support_email", "")
        if not EMAIL.fullmatch(self.support_email):
            raise DeskError(f"{legal_site}/site.json: operator.support_email is not an e-mail address")
        self.consent_versions = published.get(CONSENT_DOCUMENT)
        if not isinstance(self.consent_versions, dict) or not self.consent_versions:
            raise DeskError(f"{legal_site}/published.json: no published {CONSENT_DOCUMENT} document")
        self.site = site.get("site", "astradia")

    def check(self, fields):
        """The ticket's parts from the form's fields ({name: str}, each given once): a dict with kind,
        message, email, language, consent, details. Raises Refusal naming the first bad field."""
        language = fields.get("language", "en")
        if language not in LANGUAGES:
            raise Refusal("language", "unknown")
        kind = fields.get("kind", "")
        if kind not in KINDS:
            raise Refusal("kind", "choose")
        message = clean_text(fields.get("message", "")).strip()
        if not message:
            raise Refusal("message", "empty")
        if len(message) > MAX_MESSAGE:
            raise Refusal("message", "too_long")
        email = fields.get("email", "").strip()
        if not email:
            raise Refusal("email", "empty")
        if len(email) > MAX_EMAIL or not EMAIL.fullmatch(email):
            raise Refusal("email", "syntax")
        details = None
        if fields.get("attach") == "on":
            details = clean_text(fields.get("details", "")).strip()
            if len(details) > MAX_DETAILS:
                raise Refusal("details", "too_long")
            details = {"text": details} if details else None
        return {"kind": kind, "message": message, "email": email, "language": language,
                "consent": self._consent(fields), "details": details}

    def _consent(self, fields):
        """The support consent's acceptance, only if it names a published version and its hash."""
        # the contract's field rules live with the consent API (imported here: server.api imports this module)
        from ..api.consent import SHA256_HEX, VERSION, iso_ms
        a = {k: fields.get("acceptance." + k, "") for k in ("document", "version", "hash", "time", "language")}
        if a["document"] != CONSENT_DOCUMENT or not VERSION.fullmatch(a["version"]) \
                or not SHA256_HEX.fullmatch(a["hash"]) or iso_ms(a["time"]) is None \
                or a["language"] not in LANGUAGES:
            raise Refusal("consent", "missing")
        published = self.consent_versions.get(a["version"], {})
        if not isinstance(published, dict) or published.get(a["language"]) != a["hash"]:
            raise Refusal("consent", "unknown_version")
        return a

    def new_ticket(self, parts, now=None):
        """(ticket row for storage, secret of its status link) for checked parts received at `now`."""
        now = now or datetime.datetime.now(datetime.timezone.utc)
        rule = self.rules[parts["kind"]]
        due = self.clock.due(now, rule, now=now)
        secret = secrets.token_urlsafe(24)
        c = parts["consent"]
        received = utc_iso(now)
        return {
            "id": "t-" + secrets.token_hex(6), "secret_sha256": secret_digest(secret), "desk": self.site,
            "kind": parts["kind"], "state": "new", "email": parts["email"], "language": parts["language"],
            "received": received, "updated": received, "closed": None,
            "due_rule": rule.text(), "due": utc_iso(due.at), "due_last_day": due.last_day.isoformat(),
            "due_provisional": due.provisional,
            "consent_document": c["document"], "consent_version": c["version"], "consent_hash": c["hash"],
            "consent_time": c["time"], "details": parts["details"],
        }, secret

    def local(self, iso):
        """A stored UTC time in the operator's time zone."""
        return parse_utc(iso).astimezone(self.clock.zone)


def secret_matches(ticket, secret):
    """Whether `secret` opens `ticket`'s status page, in constant time."""
    if ticket is None or not isinstance(secret, str) or not SECRET.fullmatch(secret):
        return False
    return hmac.compare_digest(ticket["secret_sha256"], secret_digest(secret))


def clean_text(value):
    """Form text with CR LF as LF and control characters other than tab and newline removed."""
    return CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def _read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as exc:
        raise DeskError(f"{path}: {exc}") from None
