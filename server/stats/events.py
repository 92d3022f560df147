"""Purpose: the one definition of the statistics events: every event's name and fields (type, range,
whether it may be left out), the column each field is stored in, and the strict parser of a batch as
the game sends it (shell/usage.cpp report_event, batched by shell/web/bridge.js) to POST /api/events:

    {"v": 1, "events": [{"name": "sudoku_won", "age": 1200, "level": "hard", "daily": false,
                         "duration": 312, "hints": 1, "mistakes": 0, "undos": 3}, ...]}

`age` is how many milliseconds ago the event happened, by the sender's clock (the server's time of the
event is its own clock minus the age, so a wrong clock on the device does not matter). An unknown
event or field, a missing field, a wrong type, a value out of range, an event older than a day or in
the future (a negative age), more than MAX_EVENTS events: the whole batch is refused with a reason
naming the event and field, and nothing of it is stored. Also here: which requests are bots or
prefetches (ignored: answered, never stored).
"""
import re

SCHEMA_VERSION = 1
MAX_BODY = 8192         # bytes of a batch
MAX_EVENTS = 32         # events in a batch (the page sends at most 20)
MAX_AGE_MS = 86_400_000  # an event older than a day is refused
MAX_DURATION = 30 * 86400  # seconds: a game open for a month is still a game, longer is not data

LEVELS = ("easy", "medium", "hard", "expert", "extreme")
SCREENS = ("start", "sudoku", "bricks", "settings", "statistics", "help", "about")
SCREEN_CLASSES = ("phone", "tablet", "desktop")
THEMES = ("light", "dark", "high-contrast")
APP_LANGS = ("en", "ru")
OUTCOMES = ("won", "lost", "abandoned")

PATH = re.compile(r"/[\x21-\x7e]{0,199}")
HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
BROWSER_LANG = re.compile(r"[a-z]{2,3}")


def enum(*values):
    return ("enum", values)


def integer(low, high):
    return ("int", low, high)


BOOL = ("bool",)
TEXT_PATH = ("path",)
TEXT_HOST = ("host",)
TEXT_LANG = ("lang",)

_SUDOKU_END = {"level": enum(*LEVELS), "daily": BOOL, "duration": integer(0, MAX_DURATION),
               "hints": integer(0, 10_000), "mistakes": integer(0, 10_000), "undos?": integer(0, 1_000_000)}

# name -> {field: kind}; a field whose name ends in "?" may be left out.
EVENTS = {
    # the game page was shown (shell/web/bridge.js, once per load, when statistics are allowed): its path, the referring site's host ("" when the
    # visitor came from nowhere or from this site), the browser's language, a coarse screen class
    "page_view": {"path": TEXT_PATH, "ref": TEXT_HOST, "lang": TEXT_LANG, "screen": enum(*SCREEN_CLASSES)},
    # a screen of the game app was shown, with the theme and language the player sees
    "app_screen": {"screen": enum(*SCREENS), "theme": enum(*THEMES), "lang": enum(*APP_LANGS)},
    # the player changed the theme or the language in Settings: the choices now
    "settings_changed": {"theme": enum("system", *THEMES), "lang": enum("system", *APP_LANGS)},
    "sudoku_started": {"level": enum(*LEVELS), "daily": BOOL},
    "sudoku_won": _SUDOKU_END,
    "sudoku_lost": _SUDOKU_END,        # the mistake limit was reached
    "sudoku_abandoned": _SUDOKU_END,   # a new game replaced one in progress
    "bricks_started": {},
    # hints (Hint presses) and duration (seconds since its first frame): only for a game started on this page
    # visit (shell/game/bricks_screen.cpp over_event; a game resumed from a save has neither)
    "bricks_over": {"score": integer(0, 1_000_000_000), "placements": integer(0, 10_000_000),
                    "lines": integer(0, 10_000_000), "hints?": integer(0, 10_000_000),
                    "duration?": integer(0, MAX_DURATION)},
}

# The raw table's columns after day, t, visitor and name, in order (server/storage/stats.py).
COLUMNS = ("path", "ref", "lang", "screen", "theme", "level", "daily", "duration", "hints", "mistakes", "undos",
           "score", "placements", "lines")
assert all(f.rstrip("?") in COLUMNS for fields in EVENTS.values() for f in fields)


class BatchError(ValueError):
    """A batch that is refused (400); the message names the event and field."""


def _check(kind, value, where):
    tag = kind[0]
    if tag == "enum":
        if not isinstance(value, str) or value not in kind[1]:
            raise BatchError(f"{where} must be one of {', '.join(kind[1])}")
        return value
    if tag == "int":
        if type(value) is not int or not kind[1] <= value <= kind[2]:
            raise BatchError(f"{where} must be a whole number from {kind[1]} to {kind[2]}")
        return value
    if tag == "bool":
        if type(value) is not bool:
            raise BatchError(f"{where} must be true or false")
        return int(value)
    if tag == "path":
        if not isinstance(value, str) or not PATH.fullmatch(value):
            raise BatchError(f"{where} must be a path: / and at most 199 printable characters, no spaces")
        return value
    if tag == "host":
        if not isinstance(value, str) or (value and (len(value) > 100 or not HOST.fullmatch(value))):
            raise BatchError(f"{where} must be a lower-case host name (at most 100 characters) or empty")
        return value
    if tag == "lang":
        if not isinstance(value, str) or (value and not BROWSER_LANG.fullmatch(value)):
            raise BatchError(f"{where} must be a 2- or 3-letter language code or empty")
        return value
    raise AssertionError(tag)  # pragma: no cover (a schema mistake)


def parse_batch(body):
    """The events of a parsed batch as [(age_ms, name, {column: value})]. Raises BatchError."""
    if not isinstance(body, dict) or set(body) != {"v", "events"}:
        raise BatchError('the body must be {"v": 1, "events": [...]}')
    if type(body["v"]) is not int or body["v"] != SCHEMA_VERSION:
        raise BatchError(f"v must be {SCHEMA_VERSION} (this server reads that version of the events)")
    events = body["events"]
    if not isinstance(events, list) or not events:
        raise BatchError("events must be a non-empty list")
    if len(events) > MAX_EVENTS:
        raise BatchError(f"a batch holds at most {MAX_EVENTS} events, this one {len(events)}")
    out = []
    for i, event in enumerate(events):
        where = f"events[{i}]"
        if not isinstance(event, dict):
            raise BatchError(f"{where} must be an object")
        name = event.get("name")
        if not isinstance(name, str) or name not in EVENTS:
            raise BatchError(f"{where}.name is not a known event: {str(name)[:40]!r}")
        where = f"{where} ({name})"
        fields = EVENTS[name]
        allowed = {f.rstrip("?") for f in fields} | {"name", "age"}
        extra = sorted(set(event) - allowed)
        if extra:
            raise BatchError(f"{where} has an unknown field: {extra[0][:40]}")
        age = event.get("age")
        if type(age) is not int:
            raise BatchError(f"{where}.age must be a whole number of milliseconds")
        if age < 0:
            raise BatchError(f"{where} is in the future (age {age} ms)")
        if age > MAX_AGE_MS:
            raise BatchError(f"{where} is older than a day (age {age} ms)")
        values = {}
        for field, kind in fields.items():
            key = field.rstrip("?")
            if key not in event:
                if field.endswith("?"):
                    continue
                raise BatchError(f"{where}.{key} is missing")
            values[key] = _check(kind, event[key], f"{where}.{key}")
        out.append((age, name, values))
    return out


# --- requests that are not a person's ----------------------------------------------------------------
BOT = re.compile(r"bot|crawl|spider|slurp|headless|lighthouse|pagespeed|preview|curl|wget|python|java/|go-http|"
                 r"okhttp|axios|node-fetch|undici|phantomjs|selenium|puppeteer|playwright|facebookexternalhit|"
                 r"embedly|monitor|uptime|httpclient|scrapy|libwww|perl|ruby|\bfetch\b", re.IGNORECASE)


def is_bot(user_agent):
    """True for a missing user agent and for crawlers, monitors, headless browsers and HTTP libraries."""
    return not user_agent or len(user_agent) > 512 or BOT.search(user_agent) is not None


def is_prefetch(request):
    """True for a prefetch or prerender the browser made on its own (Sec-Purpose, Purpose, X-Purpose, X-Moz)."""
    for name in ("Sec-Purpose", "Purpose", "X-Purpose", "X-Moz"):
        value = (request.header(name) or "").lower()
        if "prefetch" in value or "prerender" in value or value == "preview":
            return True
    return False
