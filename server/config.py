"""Purpose: the server's settings: defaults, then one TOML file (server.toml, read with tomllib),
then environment variables (ASTRADIA_<SECTION>_<KEY>), then command-line options. Every value is
checked against its declared type and range; a bad one is a ConfigError that names the file or the
variable, the key, what was given and what is expected.
"""
import os
import tomllib
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_ROOT = os.path.join(HERE, "build", "wasm-release", "site")
DEFAULT_DATABASE = os.path.join(HERE, "build", "astradia.sqlite3")
DEFAULT_CONFIG = os.path.join(HERE, "server.toml")
DEFAULT_CALENDAR = os.path.join(HERE, "server", "support", "calendars", "ru.json")
DEFAULT_OUTBOX = os.path.join(HERE, "build", "support-outbox")
ENV_PREFIX = "ASTRADIA_"


class ConfigError(ValueError):
    """A setting that cannot be used; the message says where it came from and what is expected."""


@dataclass(frozen=True)
class Setting:
    """One key: its type ("str", "int", "float", "bool", "list"), default, and bounds."""
    kind: str
    default: object
    low: float = None
    high: float = None
    help: str = ""


# section -> key -> Setting. Everything the server reads, and what the next features will need.
SCHEMA = {
    "server": {
        "host": Setting("str", "127.0.0.1", help="address to listen on"),
        "port": Setting("int", 8000, 0, 65535, "port (0 picks a free one)"),
        "root": Setting("str", DEFAULT_ROOT, help="the built site folder"),
        "threads": Setting("int", 4, 1, 256, "worker threads (bounded pool; they never wait for a slow client)"),
        "connection_limit": Setting("int", 500, 8, 100000,
                                    "open connections at most (also kept below the file-descriptor limit)"),
        "request_deadline": Setting("float", 10.0, 0.2, 3600,
                                    "seconds from a request's first byte to its last (else 408)"),
        "idle_timeout": Setting("float", 30.0, 1, 3600, "seconds a keep-alive connection may idle"),
        "max_header_bytes": Setting("int", 16384, 1024, 1 << 20, "request line and headers at most"),
        "max_headers": Setting("int", 100, 8, 1000, "header fields at most"),
        "max_body_bytes": Setting("int", 65536, 1024, 1 << 30, "request body at most (each API has its own lower cap)"),
        "shutdown_grace": Setting("float", 10.0, 0, 600, "seconds in-flight requests get to finish on SIGTERM"),
        "public_origin": Setting("str", "", help="the site's own origin (https://host); empty: the request's Host"),
        "trusted_proxies": Setting("list", [], help="proxy addresses whose X-Real-IP / X-Forwarded-* are believed"),
        "extra_headers": Setting("list", [], help='"Name: value" headers added to every response'),
    },
    "database": {
        "url": Setting("str", DEFAULT_DATABASE, help="a SQLite file path (or sqlite:///path) or postgresql://..."),
        "busy_timeout_ms": Setting("int", 5000, 0, 600000, "SQLite: how long a writer waits for the lock"),
    },
    "consent": {
        "retention_days": Setting("int", 1096, 1, 36500,
                                  "receipts are kept this long after their record's term ends"),
        "purge_interval": Setting("float", 3600.0, 0.05, 604800, "seconds between purges of expired receipts"),
    },
    "forms": {
        "retention_days": Setting("int", 365, 1, 36500, "partner form submissions are kept this long"),
    },
    "stats": {
        "retention_days": Setting("int", 30, 1, 3650, "raw statistics events are kept this many days"),
    },
    "rate_limit": {
        "enabled": Setting("bool", True, help="per-client token buckets on every POST endpoint"),
        "per_second": Setting("float", 2.0, 0.001, 1e6, "tokens a client regains per second"),
        "burst": Setting("int", 30, 1, 1000000, "tokens a client starts with (its burst)"),
        "max_clients": Setting("int", 100000, 100, 10000000, "clients remembered at most (memory bound)"),
    },
    "partners": {
        "origins": Setting("list", [], help="partner site origins allowed to POST (consent receipts, forms)"),
    },
    "admin": {
        "token": Setting("str", "", help="operator token for /admin/ (empty: /admin/ is closed; else 16+ characters)"),
    },
    "support": {
        "time_zone": Setting("str", "Europe/Moscow", help="the operator's time zone: deadlines count its days and hours"),
        "calendar": Setting("str", DEFAULT_CALENDAR, help="the production calendar (JSON: business days, holidays)"),
        "work_hours": Setting("str", "09:00-18:00", help="the working day (HH:MM-HH:MM) for service targets in hours"),
        "question_hours": Setting("int", 16, 1, 10000, "service target of a question, in business hours"),
        "bug_hours": Setting("int", 24, 1, 10000, "service target of a bug report, in business hours"),
        "payment_hours": Setting("int", 16, 1, 10000, "service target of a payment question, in business hours"),
        "retention_days": Setting("int", 365, 1, 36500, "closed tickets are erased this long after closing"),
        "claim_retention_days": Setting("int", 1096, 1, 36500,
                                        "closed claims are kept this long (the limitation period), then erased"),
        "tickets_per_hour": Setting("float", 6.0, 0.001, 1e6, "new tickets a client may send per hour"),
        "tickets_burst": Setting("int", 3, 1, 1000, "new tickets a client may send at once"),
        "outbox": Setting("str", DEFAULT_OUTBOX, help="folder of the mail written (RFC 5322 files) and its send log"),
        "smtp_host": Setting("str", "", help="SMTP server for the mail (empty: mail stays in the outbox)"),
        "smtp_port": Setting("int", 587, 1, 65535, "SMTP port"),
        "smtp_security": Setting("str", "starttls", help="starttls, tls or none"),
        "smtp_user": Setting("str", "", help="SMTP user (empty: no login)"),
        "smtp_password": Setting("str", "", help="SMTP password (better: ASTRADIA_SUPPORT_SMTP_PASSWORD)"),
        "smtp_attempts": Setting("int", 8, 1, 100, "delivery attempts per message before it is marked failed"),
        "smtp_backoff": Setting("float", 60.0, 0.01, 86400, "seconds before the first retry; doubles each time, at most an hour"),
        "smtp_timeout": Setting("float", 20.0, 0.5, 600, "seconds an SMTP conversation may take"),
    },
    "log": {
        "access": Setting("bool", True, help="one structured line per request on stderr"),
    },
}


def _convert(kind, value, where, low=None, high=None):
    """value (from TOML or an environment string) as `kind`, or ConfigError naming `where`."""
    from_env = isinstance(value, str) and kind != "str"
    try:
        if kind == "str":
            if not isinstance(value, str):
                raise TypeError
            out = value
        elif kind == "bool":
            if from_env:
                lowered = value.strip().lower()
                if lowered not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                    raise ValueError
                out = lowered in ("1", "true", "yes", "on")
            elif isinstance(value, bool):
                out = value
            else:
                raise TypeError
        elif kind == "int":
            if from_env:
                out = int(value.strip(), 10)
            elif isinstance(value, int) and not isinstance(value, bool):
                out = value
            else:
                raise TypeError
        elif kind == "float":
            if from_env:
                out = float(value.strip())
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                out = float(value)
            else:
                raise TypeError
            if out != out or out in (float("inf"), float("-inf")):
                raise ValueError
        elif kind == "list":
            if from_env:
                out = [v.strip() for v in value.split(",") if v.strip()]
            elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                out = list(value)
            else:
                raise TypeError
        else:  # pragma: no cover (a schema mistake)
            raise AssertionError(kind)
    except (TypeError, ValueError):
        expected = {"str": "a string", "bool": "true or false", "int": "a whole number",
                    "float": "a number", "list": "a list of strings" + (" (comma-separated)" if from_env else "")}[kind]
        raise ConfigError(f"{where}: expected {expected}, got {value!r}") from None
    if low is not None and out < low or high is not None and out > high:
        raise ConfigError(f"{where}: {out!r} is out of range ({low:g} to {high:g})")
    return out


@dataclass
class Config:
    """The settings, as config.section.key (e.g. config.server.port)."""
    sections: dict = field(default_factory=dict)
    source: str = "defaults"

    def __getattr__(self, name):
        try:
            return self.sections[name]
        except KeyError:
            raise AttributeError(name) from None


class Section(dict):
    __getattr__ = dict.__getitem__

    def __setattr__(self, name, value):
        self[name] = value


def load(path=None, environ=None, overrides=None):
    """The settings from defaults, the TOML file at `path` (DEFAULT_CONFIG when None and it exists;
    a missing explicit path is an error), the environment and `overrides` ({"section.key": value},
    already typed, e.g. from the command line). Raises ConfigError."""
    environ = os.environ if environ is None else environ
    values = {s: Section({k: st.default for k, st in keys.items()}) for s, keys in SCHEMA.items()}
    source = "defaults"
    if path is None and os.path.isfile(DEFAULT_CONFIG):
        path = DEFAULT_CONFIG
    if path is not None:
        try:
            with open(path, "rb") as f:
                data = tomllib.load(f)
        except FileNotFoundError:
            raise ConfigError(f"{path}: no such configuration file") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        except OSError as exc:
            raise ConfigError(f"{path}: cannot be read: {exc.strerror}") from None
        for section, table in data.items():
            if section not in SCHEMA or not isinstance(table, dict):
                raise ConfigError(f"{path}: unknown section [{section}] (known: {', '.join(SCHEMA)})")
            for key, value in table.items():
                st = SCHEMA[section].get(key)
                if st is None:
                    raise ConfigError(f"{path}: unknown key {section}.{key} "
                                      f"(known in [{section}]: {', '.join(SCHEMA[section])})")
                values[section][key] = _convert(st.kind, value, f"{path}: {section}.{key}", st.low, st.high)
        source = path
    for section, keys in SCHEMA.items():
        for key, st in keys.items():
            name = f"{ENV_PREFIX}{section}_{key}".upper()
            if name in environ:
                values[section][key] = _convert(st.kind, environ[name], f"environment {name}", st.low, st.high)
    unknown = sorted(n for n in environ if n.startswith(ENV_PREFIX) and n not in _ENV_NAMES and n not in _ENV_OTHER)
    if unknown:
        raise ConfigError(f"environment {unknown[0]}: not a setting (known: {', '.join(sorted(_ENV_NAMES))})")
    for dotted, value in (overrides or {}).items():
        section, key = dotted.split(".")
        st = SCHEMA[section][key]
        values[section][key] = _convert(st.kind, value, f"option {dotted}", st.low, st.high)
    _check(values)
    return Config(values, source)


_ENV_NAMES = {f"{ENV_PREFIX}{s}_{k}".upper() for s, keys in SCHEMA.items() for k in keys}
# Other ASTRADIA_* variables the project uses for other things (tests, the native app).
_ENV_OTHER = {"ASTRADIA_USER_DIR", "ASTRADIA_TEST_ALL", "ASTRADIA_CHROMIUM", "ASTRADIA_TEST_PG", "ASTRADIA_CONFIG",
               "ASTRADIA_GUNICORN_WORKERS"}


def _check(values):
    """Cross-field and format checks that a type alone does not catch."""
    for origin in values["partners"]["origins"] + ([values["server"]["public_origin"]]
                                                   if values["server"]["public_origin"] else []):
        if not _is_origin(origin):
            raise ConfigError(f"origin {origin!r}: expected scheme://host[:port] with no path "
                              "(e.g. https://partner.example)")
    for header in values["server"]["extra_headers"]:
        name, sep, value = header.partition(":")
        if not sep or not name.strip() or any(not (c.isalnum() or c == "-") for c in name.strip()) \
                or any(c in value for c in "\r\n"):
            raise ConfigError(f'extra header {header!r}: expected "Name: value"')
    token = values["admin"]["token"]
    if token and (len(token) < 16 or any(c.isspace() for c in token)):
        raise ConfigError("admin.token: expected at least 16 characters without spaces (or empty: /admin/ closed)")
    support = values["support"]
    try:
        import zoneinfo
        zoneinfo.ZoneInfo(support["time_zone"])
    except (ValueError, KeyError, OSError):
        raise ConfigError(f"support.time_zone {support['time_zone']!r}: not a time zone name "
                          "(e.g. Europe/Moscow)") from None
    if work_hours(support["work_hours"]) is None:
        raise ConfigError(f"support.work_hours {support['work_hours']!r}: expected HH:MM-HH:MM, start before end")
    if support["smtp_security"] not in ("starttls", "tls", "none"):
        raise ConfigError(f"support.smtp_security {support['smtp_security']!r}: expected starttls, tls or none")
    url = values["database"]["url"]
    if not url:
        raise ConfigError("database.url is empty: give a SQLite file path or a postgresql:// URL")
    if "://" in url and not url.startswith(("sqlite:///", "postgresql://", "postgres://")):
        raise ConfigError(f"database.url {url.split('://')[0]}:// is not supported "
                          "(a SQLite path, sqlite:///path or postgresql://...)")


def work_hours(text):
    """(start, end) datetime.time of an "HH:MM-HH:MM" working day, or None."""
    import datetime
    import re
    m = re.fullmatch(r"([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])", text)
    if not m:
        return None
    start = datetime.time(int(m.group(1)), int(m.group(2)))
    end = datetime.time(int(m.group(3)), int(m.group(4)))
    return (start, end) if start < end else None


def _is_origin(text):
    scheme, sep, rest = text.partition("://")
    return (sep and scheme in ("http", "https") and rest and "/" not in rest and "?" not in rest
            and "#" not in rest and " " not in rest and "@" not in rest)


def extra_header_pairs(config):
    """server.extra_headers as (name, value) pairs."""
    out = []
    for header in config.server.extra_headers:
        name, _, value = header.partition(":")
        out.append((name.strip(), value.strip()))
    return out


def _toml_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def example_toml():
    """server.toml as shipped: every setting, commented out at its default, with what it does.
    Paths default to the repository's build folder; relative paths are taken from the working folder."""
    shown = {DEFAULT_ROOT: "build/wasm-release/site", DEFAULT_DATABASE: "build/astradia.sqlite3",
             DEFAULT_CALENDAR: "server/support/calendars/ru.json", DEFAULT_OUTBOX: "build/support-outbox"}
    lines = ["# Purpose: the server's settings, read by serve.py and server/wsgi.py (gunicorn). Every key is",
             "# shown at its default, commented out; uncomment to change. An environment variable",
             "# ASTRADIA_<SECTION>_<KEY> (e.g. ASTRADIA_DATABASE_URL) overrides this file, and serve.py's",
             "# options override both. Generated by `python3 -m server.config` (a test keeps it in step).", ""]
    for section, keys in SCHEMA.items():
        lines.append(f"[{section}]")
        for key, st in keys.items():
            lines.append(f"# {st.help}")
            default = shown.get(st.default, st.default) if isinstance(st.default, str) else st.default
            lines.append(f"# {key} = {_toml_value(default)}")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(example_toml(), end="")
