"""Purpose: the support desk's rules: what a request must hold to become a ticket (kind, message,
e-mail, the support consent's acceptance as the legal widget's checkbox adds it, optional technical
details; a claim's addressee and, for the partner studio, its pre-trial claim's details), which
deadline rule each kind gets (a claim: the addressee's promise read from its legal site's site.json,
10 business days for the operator, 30 calendar days for the partner studio; other kinds: the
configured service target in business hours), ticket ids and status-link secrets, and the states a
ticket moves through.

The partner studio's User Agreement (legal/sites/partner-demo, section 10) makes a written pre-trial
claim mandatory, sent by post to its address or by e-mail to its legal address, stating the
claimant's name and contacts, what the claim is about, the evidence and what is requested. A claim
addressed to the studio here therefore first needs that claim's details: who sent it, when, how, its
subject and demands (the evidence optional: attachments are not accepted).

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
PARTNER_SITE = os.path.join(HERE, "legal", "sites", "partner-demo")
CONSENT_DOCUMENT = "support-consent"

KINDS = ("question", "bug", "payment", "claim")
STATES = ("new", "waiting", "answered", "closed")
LANGUAGES = ("en", "ru")
MAX_MESSAGE = 5000        # characters
MAX_DETAILS = 1000
MAX_EMAIL = 254
PRETRIAL_METHODS = ("post", "email")
MAX_PRETRIAL = {"name": 200, "reference": 200, "subject": 300, "demands": 1000, "evidence": 1000}
EARLIEST_PRETRIAL = datetime.date(2000, 1, 1)
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

    def __init__(self, settings, legal_site=LEGAL_SITE, partner_site=PARTNER_SITE):
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
        partner = _read_json(os.path.join(partner_site, "site.json"))
        self.site = site.get("site", "astradia")
        self.partner = partner.get("site", "partner-demo")
        # a claim's addressee: its rule, name, postal address and claims e-mail, from its own site.json
        self.claim_desks = {self.site: _claim_desk(site, legal_site), self.partner: _claim_desk(partner, partner_site)}
        self.rules = {
            "claim": self.claim_desks[self.site]["rule"],
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

    def check(self, fields, now=None):
        """The ticket's parts from the form's fields ({name: str}, each given once): a dict with kind,
        desk, pretrial, message, email, language, consent, details. Raises Refusal naming the first
        bad field; a claim to the partner studio is checked for its pre-trial claim first."""
        language = fields.get("language", "en")
        if language not in LANGUAGES:
            raise Refusal("language", "unknown")
        kind = fields.get("kind", "")
        if kind not in KINDS:
            raise Refusal("kind", "choose")
        desk, pretrial = self.site, None
        if kind == "claim":
            desk = fields.get("desk", self.site)
            if desk not in self.claim_desks:
                raise Refusal("desk", "choose")
            if desk == self.partner:
                pretrial = self._pretrial(fields, now or datetime.datetime.now(datetime.timezone.utc))
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
        return {"kind": kind, "desk": desk, "pretrial": pretrial, "message": message, "email": email,
                "language": language, "consent": self._consent(fields), "details": details}

    def _pretrial(self, fields, now):
        """The partner studio's pre-trial claim as the player describes it: {name, date, method,
        reference, subject, demands, evidence}; the date a real one, not after today in the operator's
        time zone (a day of grace for players east of it), not before 2000."""
        p = {k: clean_text(fields.get("pretrial_" + k, "")).strip() for k in MAX_PRETRIAL}
        if not p["name"]:
            raise Refusal("pretrial_name", "empty")
        text = fields.get("pretrial_date", "").strip()
        if not text:
            raise Refusal("pretrial_date", "empty")
        try:
            sent = datetime.date.fromisoformat(text) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) else None
        except ValueError:
            sent = None
        if sent is None:
            raise Refusal("pretrial_date", "syntax")
        if sent > self.clock.local_date(now) + datetime.timedelta(days=1):
            raise Refusal("pretrial_date", "future")
        if sent < EARLIEST_PRETRIAL:
            raise Refusal("pretrial_date", "range")
        method = fields.get("pretrial_method", "")
        if method not in PRETRIAL_METHODS:
            raise Refusal("pretrial_method", "choose")
        for k in ("subject", "demands"):
            if not p[k]:
                raise Refusal("pretrial_" + k, "empty")
        for k, limit in MAX_PRETRIAL.items():
            if len(p[k]) > limit:
                raise Refusal("pretrial_" + k, "too_long")
        return dict(p, date=sent.isoformat(), method=method)

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
        desk = parts.get("desk", self.site)
        rule = self.claim_desks[desk]["rule"] if parts["kind"] == "claim" else self.rules[parts["kind"]]
        due = self.clock.due(now, rule, now=now)
        secret = secrets.token_urlsafe(24)
        c = parts["consent"]
        received = utc_iso(now)
        return {
            "id": "t-" + secrets.token_hex(6), "secret_sha256": secret_digest(secret), "desk": desk,
            "kind": parts["kind"], "state": "new", "email": parts["email"], "language": parts["language"],
            "received": received, "updated": received, "closed": None,
            "due_rule": rule.text(), "due": utc_iso(due.at), "due_last_day": due.last_day.isoformat(),
            "due_provisional": due.provisional,
            "consent_document": c["document"], "consent_version": c["version"], "consent_hash": c["hash"],
            "consent_time": c["time"], "details": parts["details"], "pretrial": parts.get("pretrial"),
        }, secret

    def local(self, iso):
        """A stored UTC time in the operator's time zone."""
        return parse_utc(iso).astimezone(self.clock.zone)


def _claim_desk(site, folder):
    """A claim addressee from its site.json: the rule of claims_days, its name, postal address and
    claims e-mail (where its pre-trial claims go)."""
    claims = site.get("claims_days")
    if not isinstance(claims, dict) or claims.get("kind") not in ("business", "calendar") \
            or not isinstance(claims.get("value"), int):
        raise DeskError(f"{folder}/site.json: claims_days must be {{\"value\": N, \"kind\": \"business\"|\"calendar\"}}")
    operator = site.get("operator", {})
    return {"rule": Rule("business_days" if claims["kind"] == "business" else "calendar_days", claims["value"]),
            "name": operator.get("name", {}), "address": operator.get("address", {}),
            "email": operator.get("email", "")}


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
