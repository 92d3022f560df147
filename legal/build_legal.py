#!/usr/bin/env python3
"""Purpose: the legal build step: legal/sites/*/ sources -> manifest, document JSON and static pages.

Reads every site under --sources (site.json, documents/<doc>/<version>.<lang>.md,
published.json), checks them (front matter, the Markdown subset, placeholders, both
languages, versions and dates, recorded hashes) and writes, into --out:

    legal/legal.css                                   the pages' stylesheet
    legal/index.html                                  the sites, both languages
    legal/<site>/index.html                           language chooser
    legal/<site>/manifest.json                        docs/LEGAL-FORMATS.md
    legal/<site>/<lang>/index.html                    the site's documents
    legal/<site>/<lang>/<doc>/index.html              the current version
    legal/<site>/<lang>/<doc>/<version>/index.html    every version
    legal/<site>/<lang>/<doc>/<version>.json          every version, structured

Every problem is reported as "file:line: message" (or "file: key: message" for JSON
settings) and the exit status is 1; nothing is written then. The output folder is
replaced atomically, and only when its content changed (so a build system that
watches --stamp re-packages the site only then; scripts/dirswap.py). Standard library only.

Usage:
    build_legal.py --out DIR [--today YYYY-MM-DD] [--stamp FILE]
    build_legal.py --check                       only check the sources
    build_legal.py --record                      record the hashes in published.json
"""
import argparse
import datetime
import hashlib
import html
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "scripts"))
import dirswap  # noqa: E402  (scripts/dirswap.py: the one way a generated folder is replaced)

LANGS = ("en", "ru")
LANG_NAMES = {"en": "English", "ru": "Русский"}           # in the language switch
LANG_LABELS = {"en": "English", "ru": "Russian"}           # in error messages
PURPOSES = ("necessary", "statistics", "ads", "legal")
CATEGORIES = ("signin_token", "http_headers", "ip_address", "cookies_storage", "analytics_counters",
              "web_beacons", "browser_info", "device_specs", "usage_data", "geolocation")
FRONT_KEYS = ("id", "version", "effective", "language", "title", "material", "changes")

ID_RE = re.compile(r"^[a-z0-9-]{1,40}$")
VERSION_RE = re.compile(r"^(\d{1,3})\.(\d{1,3})$")
FILE_RE = re.compile(r"^(\d{1,3}\.\d{1,3})\.([a-z]{2})\.md$")
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
PLACEHOLDER_RE = re.compile(r"\{\{([^{}]*)\}\}")
HEADING_RE = re.compile(r"^## (.+?)\s*\{#([^}]*)\}$")
OL_RE = re.compile(r"^(\d{1,3})\. (.*)$")
# Ids the page itself uses: a section may not take them.
RESERVED_SLUGS = {"main"}   # and every id starting with "page-"
# Characters that would change the meaning of Markdown if a setting put them in a text.
MARKDOWN_SPECIAL = re.compile(r"[*\[\]{}<>`\\\n\r]")

MAX_TITLE = 120
MAX_CHANGES = 300


class SourceError(Exception):
    """A problem in one source file, at a line (0: the file as a whole)."""

    def __init__(self, path, line, message):
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self):
        where = rel(self.path)
        return f"{where}:{self.line}: {self.message}" if self.line else f"{where}: {self.message}"


def rel(path):
    try:
        r = os.path.relpath(path)
    except ValueError:
        return path
    return path if r.startswith("../../") else r


class Problems:
    """Collects every problem, so one run reports all of them."""

    def __init__(self):
        self.items = []

    def add(self, path, line, message):
        self.items.append(SourceError(path, line, message))

    def extend(self, error):
        self.items.append(error)

    def __bool__(self):
        return bool(self.items)


# --- small helpers -------------------------------------------------------------------------

def parse_date(text):
    """A datetime.date for YYYY-MM-DD, or None."""
    if not DATE_RE.match(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def version_key(version):
    m = VERSION_RE.match(version)
    return (int(m.group(1)), int(m.group(2)))


def read_text(path):
    """The file as text with LF line endings; a SourceError if it is not UTF-8."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise SourceError(path, line, "is not valid UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_json(path):
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise SourceError(path, e.lineno, f"invalid JSON: {e.msg} (column {e.colno})") from None


def ru_count(n, one, many):
    """Russian genitive after "в течение": 1 рабочего дня, 2/5/11 рабочих дней, 21 рабочего дня."""
    return f"{n} {one if n % 10 == 1 and n % 100 != 11 else many}"


def days_phrase(lang, n, kind):
    """The phrase a document puts after "within" / "в течение"."""
    if lang == "en":
        word = {"business": "business day", "calendar": "calendar day", "plain": "day"}[kind]
        return f"{n} {word}" + ("" if n == 1 else "s")
    one, many = {"business": ("рабочего дня", "рабочих дней"),
                 "calendar": ("календарного дня", "календарных дней"),
                 "plain": ("дня", "дней")}[kind]
    return ru_count(n, one, many)


def lower_first(label):
    """'Browser information' -> 'browser information', but 'IP address' stays (an acronym)."""
    if len(label) >= 2 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def format_date(date, lang):
    if lang == "en":
        months = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")
        return f"{date.day} {months[date.month - 1]} {date.year}"
    months = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
    return f"{date.day} {months[date.month - 1]} {date.year} г."


# --- settings: vocabulary.json and site.json -----------------------------------------------

class Settings:
    """Checks a JSON settings file and reports "file: key.path: problem"."""

    def __init__(self, path, problems):
        self.path = path
        self.problems = problems

    def fail(self, where, message):
        self.problems.add(self.path, 0, f"{where}: {message}")

    def keys(self, obj, where, required, optional=()):
        if not isinstance(obj, dict):
            self.fail(where, "expected an object")
            return False
        ok = True
        for k in obj:
            if k not in required and k not in optional:
                self.fail(f"{where}.{k}" if where else k, "unknown key")
                ok = False
        for k in required:
            if k not in obj:
                self.fail(f"{where}.{k}" if where else k, "is missing")
                ok = False
        return ok

    def text(self, value, where, max_len=400, markdown_safe=True):
        if not isinstance(value, str) or not value.strip():
            self.fail(where, "expected a non-empty string")
            return False
        if len(value) > max_len:
            self.fail(where, f"is longer than {max_len} characters")
            return False
        if markdown_safe and MARKDOWN_SPECIAL.search(value):
            self.fail(where, "may not contain * [ ] { } < > ` \\ or line breaks (it is put into Markdown)")
            return False
        return True

    def both_languages(self, value, where, max_len=400):
        if self.keys(value, where, LANGS):
            for lang in LANGS:
                self.text(value[lang], f"{where}.{lang}", max_len)

    def integer(self, value, where, lo, hi):
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            self.fail(where, f"expected an integer in {lo}..{hi}")
            return False
        return True

    def purpose_text(self, value, where, required):
        if not self.keys(value, where, PURPOSES if required else (), () if required else PURPOSES):
            return
        for purpose, texts in value.items():
            if self.keys(texts, f"{where}.{purpose}", LANGS):
                for lang in LANGS:
                    t = texts[lang]
                    if self.keys(t, f"{where}.{purpose}.{lang}", ("name", "description")):
                        self.text(t["name"], f"{where}.{purpose}.{lang}.name", 80, False)
                        self.text(t["description"], f"{where}.{purpose}.{lang}.description", 600, False)


def load_vocabulary(path, problems):
    try:
        vocab = load_json(path)
    except SourceError as e:
        problems.extend(e)
        return None
    s = Settings(path, problems)
    before = len(problems.items)
    if s.keys(vocab, "", ("categories", "purpose_text")):
        cats = vocab["categories"]
        if s.keys(cats, "categories", CATEGORIES):
            if list(cats) != list(CATEGORIES):
                s.fail("categories", "must list the ten categories in the contract's order: " + ", ".join(CATEGORIES))
            for c in CATEGORIES:
                s.both_languages(cats[c], f"categories.{c}", 120)
        s.purpose_text(vocab["purpose_text"], "purpose_text", required=True)
    return vocab if len(problems.items) == before else None


def load_site_config(path, site_id, problems):
    try:
        cfg = load_json(path)
    except SourceError as e:
        problems.extend(e)
        return None
    s = Settings(path, problems)
    before = len(problems.items)
    required = ("site", "operator", "consent_days", "claims_days", "purposes", "documents")
    if not s.keys(cfg, "", required, ("purpose_text",)):
        return None
    if cfg["site"] != site_id:
        s.fail("site", f"is \"{cfg['site']}\" but the folder is \"{site_id}\"")
    op = cfg["operator"]
    if s.keys(op, "operator", ("name", "registration", "address", "email", "support_email", "website")):
        for k in ("name", "registration", "address"):
            s.both_languages(op[k], f"operator.{k}", 300)
        for k in ("email", "support_email"):
            if not isinstance(op[k], str) or not EMAIL_RE.match(op[k]):
                s.fail(f"operator.{k}", "expected an e-mail address")
        if not isinstance(op["website"], str) or not re.match(r"^https://[A-Za-z0-9.-]+(/[A-Za-z0-9._~/-]*)?$", op["website"]):
            s.fail("operator.website", "expected an https:// address")
    s.integer(cfg["consent_days"], "consent_days", 1, 3650)
    claims = cfg["claims_days"]
    if s.keys(claims, "claims_days", ("value", "kind")):
        s.integer(claims["value"], "claims_days.value", 1, 365)
        if claims["kind"] not in ("business", "calendar"):
            s.fail("claims_days.kind", "expected \"business\" or \"calendar\"")
    purposes = cfg["purposes"]
    if s.keys(purposes, "purposes", PURPOSES):
        for p in PURPOSES:
            where = f"purposes.{p}"
            if not s.keys(purposes[p], where, ("categories",)):
                continue
            cats = purposes[p]["categories"]
            if not isinstance(cats, list) or not cats:
                s.fail(f"{where}.categories", "expected a non-empty list of category ids")
                continue
            for i, c in enumerate(cats):
                if c not in CATEGORIES:
                    s.fail(f"{where}.categories[{i}]", f"unknown category {c!r} (known: {', '.join(CATEGORIES)})")
            if len(set(map(str, cats))) != len(cats):
                s.fail(f"{where}.categories", "lists a category twice")
    docs = cfg["documents"]
    if not isinstance(docs, list) or not docs:
        s.fail("documents", "expected a non-empty list of document ids")
    else:
        for i, d in enumerate(docs):
            if not isinstance(d, str) or not ID_RE.match(d):
                s.fail(f"documents[{i}]", "expected an id of a-z, 0-9 and '-' (1 to 40 characters)")
        if len(set(map(str, docs))) != len(docs):
            s.fail("documents", "lists a document twice")
    if "purpose_text" in cfg:
        s.purpose_text(cfg["purpose_text"], "purpose_text", required=False)
    return cfg if len(problems.items) == before else None


# --- placeholders ----------------------------------------------------------------------------

def placeholder_values(site_id, cfg, vocab, lang):
    op = cfg["operator"]
    values = {
        "operator.name": op["name"][lang],
        "operator.registration": op["registration"][lang],
        "operator.address": op["address"][lang],
        "operator.email": op["email"],
        "operator.support_email": op["support_email"],
        "operator.website": op["website"],
        "claims_days": days_phrase(lang, cfg["claims_days"]["value"], cfg["claims_days"]["kind"]),
        "consent_days": days_phrase(lang, cfg["consent_days"], "plain"),
    }
    for doc in cfg["documents"]:
        values[f"page:{doc}"] = f"/legal/{site_id}/{lang}/{doc}/"
    for p in PURPOSES:
        labels = [lower_first(vocab["categories"][c][lang]) for c in cfg["purposes"][p]["categories"]]
        values[f"categories:{p}"] = "; ".join(labels)
    return values


def substitute(line, lineno, path, values):
    def repl(m):
        name = m.group(1).strip()
        if name not in values:
            known = "operator.name, operator.registration, operator.address, operator.email, " \
                    "operator.support_email, operator.website, claims_days, consent_days, " \
                    "page:<document id>, categories:<purpose id>"
            raise SourceError(path, lineno, f"unknown placeholder {{{{{name}}}}} (known: {known})")
        return values[name]

    out = PLACEHOLDER_RE.sub(repl, line)
    if "{{" in out or "}}" in out:
        raise SourceError(path, lineno, "unbalanced '{{' or '}}' (placeholders look like {{operator.name}})")
    return out


# --- the Markdown subset ---------------------------------------------------------------------

INLINE_ESCAPABLE = set("\\*[](){}_#-.`")


def parse_inline(text, path, lineno):
    """Inline runs of a paragraph or list item: strings, {"b": ...}, {"a": ..., "href": ...}."""
    out = []
    buf = []

    def flush():
        if buf:
            s = "".join(buf)
            if out and isinstance(out[-1], str):
                out[-1] += s
            else:
                out.append(s)
            buf.clear()

    def plain_until(i, stop, what):
        """Plain text from i up to the stop marker; returns (text, index after the marker)."""
        chars = []
        while i < len(text):
            if text.startswith(stop, i):
                if not chars:
                    raise SourceError(path, lineno, f"empty {what}")
                return "".join(chars), i + len(stop)
            c = text[i]
            if c == "\\" and i + 1 < len(text) and text[i + 1] in INLINE_ESCAPABLE:
                chars.append(text[i + 1])
                i += 2
                continue
            if text.startswith("**", i) or c == "[":
                raise SourceError(path, lineno, f"{what} cannot contain bold or links")
            if c == "`":
                raise SourceError(path, lineno, "inline code (`) is not supported")
            chars.append(c)
            i += 1
        raise SourceError(path, lineno, f"{what} is not closed (expected {stop!r} on the same line)")

    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text) and text[i + 1] in INLINE_ESCAPABLE:
            buf.append(text[i + 1])
            i += 2
        elif text.startswith("**", i):
            flush()
            bold, i = plain_until(i + 2, "**", "bold text")
            if bold != bold.strip():
                raise SourceError(path, lineno, "bold text may not start or end with a space")
            out.append({"b": bold})
        elif c == "*":
            raise SourceError(path, lineno, "a single '*' is not supported: use **bold**, or \\* for a star")
        elif c == "[":
            flush()
            label, i = plain_until(i + 1, "]", "link text")
            if not text.startswith("(", i):
                raise SourceError(path, lineno, f"'[{label}]' is not a link: write [text](address), or \\[ for a bracket")
            end = text.find(")", i + 1)
            if end < 0:
                raise SourceError(path, lineno, "link address is not closed (expected ')')")
            href = text[i + 1:end]
            check_href(href, path, lineno)
            out.append({"a": label, "href": href})
            i = end + 1
        elif c == "`":
            raise SourceError(path, lineno, "inline code (`) is not supported")
        elif c == "<" and i + 1 < len(text) and (text[i + 1].isalpha() or text[i + 1] in "/!?"):
            raise SourceError(path, lineno, "raw HTML is not supported (the text is shown as written)")
        else:
            buf.append(c)
            i += 1
    flush()
    return out


def check_href(href, path, lineno):
    if not href or any(ch.isspace() for ch in href):
        raise SourceError(path, lineno, f"link address {href!r} is empty or has spaces")
    if re.match(r"^https://[^/\s]+", href) or re.match(r"^mailto:[^@\s]+@[^@\s]+$", href):
        return
    if re.match(r"^/[A-Za-z0-9._~/#-]*$", href) and "//" not in href and "/../" not in href + "/":
        return
    if re.match(r"^#[a-z0-9][a-z0-9-]*$", href):
        return
    raise SourceError(path, lineno, f"link address {href!r} must start with https://, mailto:, / (this site) or #")


def parse_body(lines, first_line, path):
    """Sections of a document body. lines: substituted body lines; first_line: the file line of lines[0]."""
    sections = []
    seen = {}
    block = None   # the open block: {"kind": "p"|"ul"|"ol", ...}

    def close_block():
        nonlocal block
        if block is None:
            return
        if block["kind"] == "p":
            sections[-1]["blocks"].append({"p": parse_inline(" ".join(block["lines"]), path, block["line"])})
        else:
            items = [parse_inline(" ".join(item["lines"]), path, item["line"]) for item in block["items"]]
            sections[-1]["blocks"].append({block["kind"]: items})
        block = None

    for index, raw in enumerate(lines):
        lineno = first_line + index
        line = raw.rstrip()
        if "\t" in line:
            raise SourceError(path, lineno, "tab character: indent with spaces")
        if not line:
            close_block()
            continue
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if line.startswith("#"):
            close_block()
            if not line.startswith("## ") or line.startswith("###"):
                raise SourceError(path, lineno, "only '## ' headings are supported (they start sections)")
            m = HEADING_RE.match(line)
            if not m:
                raise SourceError(path, lineno, "a section heading needs a stable anchor at its end: '## Title {#slug}'")
            heading, slug = m.group(1).strip(), m.group(2)
            if not SLUG_RE.match(slug):
                raise SourceError(path, lineno, f"anchor {{#{slug}}} must be a-z, 0-9 and '-' (1 to 40, starting with a letter or digit)")
            if slug in RESERVED_SLUGS or slug.startswith("page-"):
                raise SourceError(path, lineno, f"anchor {{#{slug}}} is used by the page itself (as are all ids starting with 'page-'); choose another")
            if slug in seen:
                raise SourceError(path, lineno, f"anchor {{#{slug}}} is already used on line {seen[slug]}")
            if re.search(r"\*\*|\[|`|<", heading):
                raise SourceError(path, lineno, "a heading is plain text (no bold, links, code or HTML)")
            seen[slug] = lineno
            if sections and not sections[-1]["blocks"]:
                raise SourceError(path, sections[-1]["line"], f"section {{#{sections[-1]['id']}}} has no text")
            sections.append({"id": slug, "heading": heading, "blocks": [], "line": lineno})
            continue
        if not sections:
            raise SourceError(path, lineno, "text before the first '## ' heading (every text belongs to a section)")
        if indent == 0 and re.match(r"^(```|>|\||[*+] )", line):
            raise SourceError(path, lineno, {"`": "code blocks are not supported", ">": "quotes are not supported",
                                             "|": "tables are not supported"}.get(line[0], "use '- ' for list items"))
        if indent == 0 and (line == "-" or re.match(r"^\d{1,3}\.$", line)):
            raise SourceError(path, lineno, "empty list item")
        ol = OL_RE.match(line)
        if indent == 0 and (line.startswith("- ") or ol):
            kind = "ul" if line.startswith("- ") else "ol"
            content = line[2:] if kind == "ul" else ol.group(2)
            if not content.strip():
                raise SourceError(path, lineno, "empty list item")
            if block is None or block["kind"] != kind:
                close_block()
                block = {"kind": kind, "items": [], "line": lineno}
            if kind == "ol":
                number = int(ol.group(1))
                expected = len(block["items"]) + 1
                if number != expected:
                    raise SourceError(path, lineno, f"numbered item {number} should be {expected} (lists count 1, 2, 3, ...)")
            block["items"].append({"lines": [content.strip()], "line": lineno})
            continue
        if indent > 0:
            if block is None or block["kind"] == "p":
                raise SourceError(path, lineno, "indented text outside a list item (only list items continue on indented lines)")
            if stripped.startswith("- ") or OL_RE.match(stripped):
                raise SourceError(path, lineno, "nested lists are not supported")
            block["items"][-1]["lines"].append(stripped)
            continue
        if block is not None and block["kind"] != "p":
            raise SourceError(path, lineno, "a paragraph right after a list needs an empty line before it")
        if block is None:
            block = {"kind": "p", "lines": [], "line": lineno}
        block["lines"].append(stripped)
    close_block()
    if not sections:
        raise SourceError(path, first_line, "the document has no sections ('## Title {#slug}')")
    if not sections[-1]["blocks"]:
        raise SourceError(path, sections[-1]["line"], f"section {{#{sections[-1]['id']}}} has no text")
    return sections


# --- one source file -------------------------------------------------------------------------

class Source:
    """One document version in one language."""

    def __init__(self, path, doc, version, lang):
        self.path = path
        self.doc = doc
        self.version = version
        self.lang = lang
        self.meta = {}
        self.meta_line = {}
        self.body = ""
        self.sections = []
        self.hash = ""


def parse_front_matter(lines, path):
    """(meta, meta_line, index of the first body line)."""
    if not lines or lines[0] != "---":
        raise SourceError(path, 1, "expected front matter: the file must start with a line '---'")
    meta, meta_line = {}, {}
    for i in range(1, len(lines)):
        line = lines[i]
        lineno = i + 1
        if line == "---":
            break
        if not line.strip():
            continue
        m = re.match(r"^([a-z_]+):(?: (.*))?$", line)
        if not m:
            raise SourceError(path, lineno, "front matter lines are 'key: value'")
        key, value = m.group(1), (m.group(2) or "").strip()
        if key not in FRONT_KEYS:
            raise SourceError(path, lineno, f"unknown front matter key '{key}' (known: {', '.join(FRONT_KEYS)})")
        if key in meta:
            raise SourceError(path, lineno, f"'{key}' is given twice (first on line {meta_line[key]})")
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        if not value:
            raise SourceError(path, lineno, f"'{key}' has no value")
        meta[key] = value
        meta_line[key] = lineno
    else:
        raise SourceError(path, len(lines), "the front matter is not closed (no second '---' line)")
    return meta, meta_line, i + 1


def parse_source(path, doc, version, lang, values):
    src = Source(path, doc, version, lang)
    text = read_text(path)
    lines = text.split("\n")
    meta, meta_line, body_index = parse_front_matter(lines, path)
    for key in ("id", "version", "effective", "language", "title", "changes"):
        if key not in meta:
            raise SourceError(path, 1, f"the front matter lacks '{key}'")

    def check(key, ok, message):
        if not ok:
            raise SourceError(path, meta_line[key], message)

    check("id", ID_RE.match(meta["id"]), f"id '{meta['id']}' must be a-z, 0-9 and '-' (1 to 40 characters)")
    check("id", meta["id"] == doc, f"id '{meta['id']}' does not match the folder '{doc}'")
    check("version", VERSION_RE.match(meta["version"]), f"version '{meta['version']}' must be MAJOR.MINOR, e.g. 1.0")
    check("version", meta["version"] == version, f"version {meta['version']} does not match the file name ({version})")
    check("language", meta["language"] in LANGS, f"language '{meta['language']}' must be one of {', '.join(LANGS)}")
    check("language", meta["language"] == lang, f"language '{meta['language']}' does not match the file name ({lang})")
    check("effective", parse_date(meta["effective"]) is not None,
          f"effective '{meta['effective']}' is not a date YYYY-MM-DD")
    check("title", len(meta["title"]) <= MAX_TITLE and not MARKDOWN_SPECIAL.search(meta["title"]),
          f"title must be plain text of at most {MAX_TITLE} characters")
    check("changes", len(meta["changes"]) <= MAX_CHANGES and not MARKDOWN_SPECIAL.search(meta["changes"]),
          f"changes must be one plain sentence of at most {MAX_CHANGES} characters")
    if "material" in meta:
        check("material", meta["material"] in ("true", "false"), "material must be true or false")
    src.meta = meta
    src.meta_line = meta_line
    body_lines = [substitute(line, body_index + 1 + n, path, values) for n, line in enumerate(lines[body_index:])]
    src.body = "\n".join(body_lines)
    src.hash = hashlib.sha256(src.body.encode("utf-8")).hexdigest()
    src.sections = parse_body(body_lines, body_index + 1, path)
    return src


# --- a site --------------------------------------------------------------------------------

class Version:
    def __init__(self, version):
        self.version = version
        self.sources = {}

    @property
    def first(self):
        return self.sources["en"]

    @property
    def effective(self):
        return parse_date(self.first.meta["effective"])

    @property
    def material(self):
        return self.first.meta.get("material", "false") == "true"


class Document:
    def __init__(self, doc_id):
        self.id = doc_id
        self.versions = []   # newest first
        self.current = None


class Site:
    def __init__(self, site_id, folder, cfg):
        self.id = site_id
        self.folder = folder
        self.cfg = cfg
        self.documents = []


def load_site(folder, vocab, today, problems, record=False):
    site_id = os.path.basename(os.path.normpath(folder))
    if not ID_RE.match(site_id):
        problems.add(folder, 0, f"site folder name '{site_id}' must be a-z, 0-9 and '-'")
        return None
    cfg_path = os.path.join(folder, "site.json")
    if not os.path.isfile(cfg_path):
        problems.add(folder, 0, "has no site.json")
        return None
    cfg = load_site_config(cfg_path, site_id, problems)
    if cfg is None:
        return None
    site = Site(site_id, folder, cfg)
    docs_dir = os.path.join(folder, "documents")
    present = sorted(os.listdir(docs_dir)) if os.path.isdir(docs_dir) else []
    for name in present:
        if name not in cfg["documents"]:
            problems.add(os.path.join(docs_dir, name), 0, f"document '{name}' is not listed in site.json's \"documents\"")
    values = {lang: placeholder_values(site_id, cfg, vocab, lang) for lang in LANGS}
    for doc_id in cfg["documents"]:
        doc_dir = os.path.join(docs_dir, doc_id)
        if not os.path.isdir(doc_dir):
            problems.add(cfg_path, 0, f"documents: '{doc_id}' has no folder {rel(doc_dir)}")
            continue
        doc = load_document(doc_dir, doc_id, values, today, problems)
        if doc is not None:
            site.documents.append(doc)
    if len(site.documents) != len(cfg["documents"]):
        return None
    check_published(site, today, problems, record)
    return site


def load_document(doc_dir, doc_id, values, today, problems):
    versions = {}
    ok = True
    for name in sorted(os.listdir(doc_dir)):
        path = os.path.join(doc_dir, name)
        m = FILE_RE.match(name)
        if not m or m.group(2) not in LANGS or not VERSION_RE.match(m.group(1)):
            problems.add(path, 0, "unexpected file: document sources are named <MAJOR.MINOR>.<en|ru>.md")
            ok = False
            continue
        version, lang = m.group(1), m.group(2)
        try:
            src = parse_source(path, doc_id, version, lang, values[lang])
        except SourceError as e:
            problems.extend(e)
            ok = False
            continue
        versions.setdefault(version, Version(version)).sources[lang] = src
    if not ok:
        return None
    if not versions:
        problems.add(doc_dir, 0, "has no versions (add 1.0.en.md and 1.0.ru.md)")
        return None
    doc = Document(doc_id)
    for version in sorted(versions, key=version_key, reverse=True):
        v = versions[version]
        if not check_languages(v, doc_dir, problems):
            ok = False
        doc.versions.append(v)
    if not ok:
        return None
    # Versions in order: dates strictly increase, the first is not material, later ones say what changed.
    oldest_first = list(reversed(doc.versions))
    if oldest_first[0].material:
        src = oldest_first[0].first
        problems.add(src.path, src.meta_line["material"], "the first version cannot be material (nothing came before it)")
        ok = False
    for older, newer in zip(oldest_first, oldest_first[1:]):
        if newer.effective <= older.effective:
            src = newer.first
            problems.add(src.path, src.meta_line["effective"],
                         f"version {newer.version} takes effect on {newer.effective} but version {older.version} "
                         f"already on {older.effective}: a newer version must take effect later")
            ok = False
    if not ok:
        return None
    in_force = [v for v in doc.versions if v.effective <= today]
    if not in_force:
        problems.add(doc_dir, 0, f"no version is in effect on {today} (the oldest takes effect on {oldest_first[0].effective})")
        return None
    doc.current = in_force[0]
    return doc


def check_languages(v, doc_dir, problems):
    ok = True
    for lang in LANGS:
        if lang not in v.sources:
            other = next(iter(v.sources.values()))
            problems.add(other.path, 0, f"has no {LANG_LABELS[lang]} text: add {rel(os.path.join(doc_dir, f'{v.version}.{lang}.md'))}")
            ok = False
    if not ok:
        return False
    en, ru = v.sources["en"], v.sources["ru"]
    for key in ("effective", "material"):
        a, b = en.meta.get(key, "false"), ru.meta.get(key, "false")
        if a != b:
            line = ru.meta_line.get(key, 1)
            problems.add(ru.path, line, f"{key} is {b} but the English text says {a} "
                                        f"({rel(en.path)}:{en.meta_line.get(key, 1)}); both languages must agree")
            ok = False
    a_ids = [s["id"] for s in en.sections]
    b_ids = [s["id"] for s in ru.sections]
    if a_ids != b_ids:
        first = next((i for i in range(min(len(a_ids), len(b_ids))) if a_ids[i] != b_ids[i]), min(len(a_ids), len(b_ids)))
        line = ru.sections[first]["line"] if first < len(ru.sections) else 1
        want = a_ids[first] if first < len(a_ids) else "(no more sections)"
        got = b_ids[first] if first < len(b_ids) else "(no more sections)"
        problems.add(ru.path, line, f"section {first + 1} is {{#{got}}} but the English text has {{#{want}}}: "
                                    f"both languages must have the same sections in the same order")
        ok = False
    return ok


def check_published(site, today, problems, record):
    """Hashes of published versions may never change: published.json records them."""
    path = os.path.join(site.folder, "published.json")
    recorded = {}
    if os.path.isfile(path):
        try:
            recorded = load_json(path)
        except SourceError as e:
            problems.extend(e)
            return
        s = Settings(path, problems)
        if not isinstance(recorded, dict):
            s.fail("(top level)", "expected an object")
            return
    changed = False
    for doc in site.documents:
        for v in doc.versions:
            entry = recorded.get(doc.id, {}).get(v.version) if isinstance(recorded.get(doc.id), dict) else None
            now = {lang: v.sources[lang].hash for lang in LANGS}
            if entry == now:
                continue
            in_force = v.effective <= today
            if record and (entry is None or not in_force):
                recorded.setdefault(doc.id, {})[v.version] = now
                changed = True
                continue
            if entry is None:
                problems.add(v.first.path, 0, f"{doc.id} {v.version} is not recorded in {rel(path)}: "
                                              f"run legal/build_legal.py --record once the text is final")
            elif in_force:
                problems.add(v.first.path, 0, f"the text of {doc.id} {v.version} changed after it took effect on "
                                              f"{v.effective} (its hash is not the one in {rel(path)}): publish a new "
                                              f"version instead; a correction before anyone saw it needs a reviewed "
                                              f"edit of {os.path.basename(path)}")
            else:
                problems.add(v.first.path, 0, f"{doc.id} {v.version} (taking effect on {v.effective}) changed since "
                                              f"it was recorded: run legal/build_legal.py --record")
    if record and changed:
        ordered = {d.id: {v.version: recorded[d.id][v.version] for v in reversed(d.versions) if v.version in recorded.get(d.id, {})}
                   for d in site.documents if d.id in recorded}
        with open(path, "w", encoding="utf-8") as out:
            json.dump(ordered, out, indent=2, ensure_ascii=False)
            out.write("\n")
        print(f"build_legal: recorded the hashes of {site.id} in {rel(path)}")


# --- output: JSON ----------------------------------------------------------------------------

def doc_url(site, lang, doc, version):
    return f"/legal/{site}/{lang}/{doc}/{version}.json"


def page_url(site, lang, doc, version=None):
    return f"/legal/{site}/{lang}/{doc}/" + (f"{version}/" if version else "")


def document_json(site, doc, v, lang):
    src = v.sources[lang]
    return {
        "id": doc.id,
        "version": v.version,
        "language": lang,
        "effective": src.meta["effective"],
        "title": src.meta["title"],
        "hash": src.hash,
        "sections": [{"id": s["id"], "heading": s["heading"], "blocks": s["blocks"]} for s in src.sections],
    }


def manifest_json(site, vocab):
    purpose_text = {p: {lang: dict(vocab["purpose_text"][p][lang]) for lang in LANGS} for p in PURPOSES}
    for p, texts in site.cfg.get("purpose_text", {}).items():
        purpose_text[p] = {lang: dict(texts[lang]) for lang in LANGS}
    return {
        "site": site.id,
        "generated_from": f"legal/sites/{site.id}",
        "documents": [{
            "id": doc.id,
            "title": {lang: doc.current.sources[lang].meta["title"] for lang in LANGS},
            "current": doc.current.version,
            "versions": [{
                "version": v.version,
                "effective": v.first.meta["effective"],
                "material": v.material,
                "changes": {lang: v.sources[lang].meta["changes"] for lang in LANGS},
                "hash": {lang: v.sources[lang].hash for lang in LANGS},
                "url": {lang: doc_url(site.id, lang, doc.id, v.version) for lang in LANGS},
                "page": {lang: page_url(site.id, lang, doc.id, v.version) for lang in LANGS},
            } for v in doc.versions],
        } for doc in site.documents],
        "purposes": {p: {"categories": list(site.cfg["purposes"][p]["categories"])} for p in PURPOSES},
        "categories": {c: {lang: vocab["categories"][c][lang] for lang in LANGS} for c in CATEGORIES},
        "purpose_text": purpose_text,
        "consent_days": site.cfg["consent_days"],
    }


def dumps(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


# --- output: pages ---------------------------------------------------------------------------

UI = {
    "en": {
        "legal": "Legal documents", "all": "All documents", "skip": "Skip to the text", "language": "Language",
        "version": "Version", "effective": "In effect from", "contents": "Contents",
        "history": "Version history", "summary": "What changed", "material": "material change",
        "material_note": "When a version is marked “material change”, everyone who accepted an earlier version is asked to confirm again.",
        "current": "current", "upcoming": "upcoming",
        "older": "This is an earlier version, in effect from {from} to {to}.",
        "future": "This version takes effect on {date}.",
        "read_current": "Read the current version ({cur})", "read_in_force": "Read the version in effect now ({cur})",
        "integrity": "Integrity", "hash_intro": "SHA-256 of this text",
        "hash_how": "The hash is computed over the UTF-8 Markdown source of this version in this language "
                    "(without its front matter, with the operator’s details filled in, LF line endings). "
                    "The same text as structured data:",
        "anchor": "Link to this section", "operator": "Operator", "site_docs": "Documents of {name}",
        "in_effect_since": "in effect since {date}", "takes_effect": "version {v} takes effect on {date}",
        "breadcrumb": "Breadcrumb", "sites": "Legal documents of the sites",
        "choose": "Choose a language",
        "registration": "Registration", "address": "Address", "email": "E-mail",
        "website": "Website",
    },
    "ru": {
        "legal": "Правовые документы", "all": "Все документы", "skip": "Перейти к тексту", "language": "Язык",
        "version": "Редакция", "effective": "Действует с", "contents": "Содержание",
        "history": "История редакций", "summary": "Что изменилось", "material": "существенное изменение",
        "material_note": "Если редакция отмечена как «существенное изменение», всех, кто принял прежнюю редакцию, просят подтвердить согласие заново.",
        "current": "действующая", "upcoming": "будущая",
        "older": "Это прежняя редакция, действовавшая с {from} по {to}.",
        "future": "Эта редакция вступает в силу {date}.",
        "read_current": "Открыть действующую редакцию ({cur})", "read_in_force": "Открыть редакцию, действующую сейчас ({cur})",
        "integrity": "Контроль целостности", "hash_intro": "SHA-256 этого текста",
        "hash_how": "Хеш вычисляется по исходному тексту этой редакции на этом языке в формате Markdown "
                    "(UTF-8, без служебного заголовка, с подставленными реквизитами оператора, переводы строк LF). "
                    "Тот же текст в виде структурированных данных:",
        "anchor": "Ссылка на этот раздел", "operator": "Оператор", "site_docs": "Документы: {name}",
        "in_effect_since": "действует с {date}", "takes_effect": "редакция {v} вступает в силу {date}",
        "breadcrumb": "Навигация", "sites": "Правовые документы сайтов",
        "choose": "Выберите язык",
        "registration": "Регистрация", "address": "Адрес", "email": "Эл. почта",
        "website": "Сайт",
    },
}

e = html.escape


def relative(from_dir, target):
    """A relative link from the page in folder from_dir (site path, '/'-separated) to target."""
    r = os.path.relpath(target.rstrip("/") or "/", from_dir.rstrip("/") or "/").replace(os.sep, "/")
    if target.endswith("/") and r != ".":
        r += "/"
    return "./" if r == "." else r


def page(lang, title, here, body, alternates=(), source_note="", description=""):
    css = relative(here, "/legal/legal.css")
    alt = "".join(f'<link rel="alternate" hreflang="{l}" href="{e(relative(here, u))}">\n' for l, u in alternates)
    desc = f'<meta name="description" content="{e(description)}">\n' if description else ""
    return f"""<!doctype html>
<!-- Purpose: {e(source_note or 'a legal page')}, generated by legal/build_legal.py; do not edit. -->
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
{desc}<title>{e(title)}</title>
<link rel="icon" href="{relative(here, '/favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="{css}" integrity="{{{{sri:{css}}}}}">
{alt}</head>
<body>
<a class="skip" href="#main">{e(UI[lang]['skip'])}</a>
{body}
</body>
</html>
"""


def inline_html(runs):
    out = []
    for r in runs:
        if isinstance(r, str):
            out.append(e(r, quote=False))
        elif "b" in r:
            out.append(f"<strong>{e(r['b'], quote=False)}</strong>")
        else:
            ext = r["href"].startswith("https://")
            out.append(f'<a href="{e(r["href"])}"' + (' rel="noopener"' if ext else "") + f">{e(r['a'], quote=False)}</a>")
    return "".join(out)


def blocks_html(blocks):
    out = []
    for b in blocks:
        if "p" in b:
            out.append(f"<p>{inline_html(b['p'])}</p>")
        else:
            kind = "ul" if "ul" in b else "ol"
            items = "".join(f"<li>{inline_html(item)}</li>" for item in b[kind])
            out.append(f"<{kind}>{items}</{kind}>")
    return "\n".join(out)


def topbar(lang, here, crumbs, switch, narrow=False):
    """crumbs: [(label, url or None)]; switch: {lang: url}; narrow: as wide as a one-column page."""
    t = UI[lang]
    parts = []
    for label, url in crumbs:
        parts.append(f'<li><a href="{e(relative(here, url))}">{e(label)}</a></li>' if url
                     else f'<li aria-current="page">{e(label)}</li>')
    langs = []
    for l in LANGS:
        if l == lang:
            langs.append(f'<li><a aria-current="true" lang="{l}" href="./">{LANG_NAMES[l]}</a></li>')
        elif l in switch:
            langs.append(f'<li><a lang="{l}" hreflang="{l}" href="{e(relative(here, switch[l]))}">{LANG_NAMES[l]}</a></li>')
    return (f'<header class="topbar{" narrow" if narrow else ""}">\n<nav class="crumbs" aria-label="{e(t["breadcrumb"])}"><ol>{"".join(parts)}</ol></nav>\n'
            f'<nav class="langs" aria-label="{e(t["language"])}"><ul>{"".join(langs)}</ul></nav>\n</header>')


def operator_html(site, lang, heading_level=2):
    t = UI[lang]
    op = site.cfg["operator"]
    return (f'<section class="operator" id="page-operator" aria-labelledby="page-operator-title">\n'
            f'<h{heading_level} id="page-operator-title">{e(t["operator"])}</h{heading_level}>\n<dl>'
            f'<dt>{e(t["operator"])}</dt><dd>{e(op["name"][lang])}</dd>'
            f'<dt>{e(t["registration"])}</dt><dd>{e(op["registration"][lang])}</dd>'
            f'<dt>{e(t["address"])}</dt><dd>{e(op["address"][lang])}</dd>'
            f'<dt>{e(t["email"])}</dt><dd><a href="mailto:{e(op["email"])}">{e(op["email"])}</a></dd>'
            f'<dt>{e(t["website"])}</dt><dd><a href="{e(op["website"])}" rel="noopener">{e(op["website"])}</a></dd>'
            f'</dl>\n</section>')


def document_page(site, doc, v, lang, here, today):
    t = UI[lang]
    src = v.sources[lang]
    op_name = site.cfg["operator"]["name"][lang]
    cur = doc.current
    effective = v.effective
    idx = doc.versions.index(v)
    status = read = ""
    if v is not cur and effective > today:
        status = t["future"].format(date=format_date(effective, lang))
        read = t["read_in_force"].format(cur=cur.version)
    elif v is not cur:
        newer = doc.versions[idx - 1]
        to = newer.effective - datetime.timedelta(days=1)
        status = t["older"].format(**{"from": format_date(effective, lang), "to": format_date(to, lang)})
        read = t["read_current"].format(cur=cur.version)
    status = status.replace("..", ".")   # "… 2026 г.." in Russian
    status_html = ""
    if status:
        link = relative(here, page_url(site.id, lang, doc.id))
        status_html = f'<p class="status" role="note">{e(status)} <a href="{e(link)}">{e(read)}</a></p>'

    toc = "".join(f'<li><a href="#{s["id"]}">{e(s["heading"])}</a></li>' for s in src.sections)
    sections = []
    for s in src.sections:
        sections.append(
            f'<section id="{s["id"]}" aria-labelledby="{s["id"]}-h">\n'
            f'<h2 id="{s["id"]}-h">{e(s["heading"])} <a class="anchor" href="#{s["id"]}" aria-label="{e(t["anchor"])}: {e(s["heading"])}">#</a></h2>\n'
            f'{blocks_html(s["blocks"])}\n</section>')

    rows = []
    for w in doc.versions:
        badge = []
        if w is cur:
            badge.append(f'<span class="tag">{e(t["current"])}</span>')
        elif w.effective > today:
            badge.append(f'<span class="tag tag-future">{e(t["upcoming"])}</span>')
        if w.material:
            badge.append(f'<span class="tag tag-material">{e(t["material"])}</span>')
        label = f'{e(t["version"])} {e(w.version)}'
        if w is v:
            cell = f'<a href="./" aria-current="page">{label}</a>' if here.endswith(f"/{w.version}/") else f'<strong>{label}</strong>'
        else:
            cell = f'<a href="{e(relative(here, page_url(site.id, lang, doc.id, w.version)))}">{label}</a>'
        tags = f'<span class="tags">{"".join(badge)}</span>' if badge else ""
        rows.append(f'<tr><th scope="row">{cell}{tags}</th>'
                    f'<td><time datetime="{w.first.meta["effective"]}">{e(format_date(w.effective, lang))}</time></td>'
                    f'<td>{e(w.sources[lang].meta["changes"])}</td></tr>')

    json_link = relative(here, doc_url(site.id, lang, doc.id, v.version))
    other = [l for l in LANGS if l != lang]
    switch = {l: (page_url(site.id, l, doc.id) if here.endswith(f"/{doc.id}/") else page_url(site.id, l, doc.id, v.version))
              for l in other}
    crumbs = [(t["all"], f"/legal/{site.id}/{lang}/"), (src.meta["title"], None)]
    material_note = f'<p class="note">{e(t["material_note"])}</p>' if any(w.material for w in doc.versions) else ""
    body = f"""{topbar(lang, here, crumbs, switch)}
<main id="main" tabindex="-1" class="layout">
<header class="doc-head">
<p class="kicker">{e(op_name)}</p>
<h1 id="page-title">{e(src.meta['title'])}</h1>
<dl class="meta"><div><dt>{e(t['version'])}</dt><dd>{e(v.version)}</dd></div><div><dt>{e(t['effective'])}</dt><dd><time datetime="{src.meta['effective']}">{e(format_date(effective, lang))}</time></dd></div></dl>
{status_html}
<p class="print-only">{e(site.cfg['operator']['website'] + page_url(site.id, lang, doc.id, v.version))}</p>
</header>
<nav class="toc" id="page-toc" aria-labelledby="page-toc-title">
<h2 id="page-toc-title">{e(t['contents'])}</h2>
<ol>{toc}</ol>
</nav>
<details class="toc-compact">
<summary>{e(t['contents'])} <span class="count">({len(src.sections)})</span></summary>
<ol>{toc}</ol>
</details>
<article class="doc-body" aria-labelledby="page-title">
{chr(10).join(sections)}
</article>
<section class="history" id="page-history" aria-labelledby="page-history-title">
<h2 id="page-history-title">{e(t['history'])}</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col">{e(t['version'])}</th><th scope="col">{e(t['effective'])}</th><th scope="col">{e(t['summary'])}</th></tr></thead>
<tbody>{''.join(rows)}</tbody>
</table></div>
{material_note}
</section>
<section class="integrity" id="page-integrity" aria-labelledby="page-integrity-title">
<h2 id="page-integrity-title">{e(t['integrity'])}</h2>
<p>{e(t['hash_intro'])}: <code class="hash">{src.hash}</code></p>
<p class="small">{e(t['hash_how'])} <a href="{e(json_link)}">{e(doc.id)}/{e(v.version)}.json</a></p>
</section>
{operator_html(site, lang)}
</main>"""
    alternates = [(l, switch[l]) for l in other]
    title = f"{src.meta['title']} ({t['version'].lower()} {v.version}) — {op_name}"
    note = f"{doc.id} {v.version} ({lang}) of {site.id} from legal/sites/{site.id}/documents/{doc.id}/{v.version}.{lang}.md"
    return page(lang, title, here, body, alternates, note, description=f"{src.meta['title']}, {op_name}")


def site_index_page(site, lang, today):
    t = UI[lang]
    here = f"/legal/{site.id}/{lang}/"
    op_name = site.cfg["operator"]["name"][lang]
    items = []
    for doc in site.documents:
        cur = doc.current
        src = cur.sources[lang]
        upcoming = [w for w in doc.versions if w.effective > today]
        extra = ""
        if upcoming:
            u = upcoming[-1]
            link = relative(here, page_url(site.id, lang, doc.id, u.version))
            extra = f' · <a href="{e(link)}">{e(t["takes_effect"].format(v=u.version, date=format_date(u.effective, lang)))}</a>'
        items.append(f'<li><a class="doc-link" href="{e(relative(here, page_url(site.id, lang, doc.id)))}">{e(src.meta["title"])}</a>'
                     f'<span class="doc-meta">{e(t["version"])} {e(cur.version)}, {e(t["in_effect_since"].format(date=format_date(cur.effective, lang)))}{extra}</span></li>')
    other = {l: f"/legal/{site.id}/{l}/" for l in LANGS if l != lang}
    crumbs = [(t["legal"], None)]
    body = f"""{topbar(lang, here, crumbs, other, narrow=True)}
<main id="main" tabindex="-1" class="narrow">
<header class="doc-head">
<p class="kicker">{e(op_name)}</p>
<h1>{e(t['legal'])}</h1>
</header>
<ul class="doc-list">{''.join(items)}</ul>
{operator_html(site, lang)}
</main>"""
    return page(lang, f"{t['legal']} — {op_name}", here, body, list(other.items()),
                f"index of the {lang} documents of {site.id}", description=t["site_docs"].format(name=op_name))


def chooser_page(site):
    here = f"/legal/{site.id}/"
    cards = []
    for lang in LANGS:
        cards.append(f'<li lang="{lang}"><a class="doc-link" hreflang="{lang}" href="{lang}/">{e(UI[lang]["legal"])}</a>'
                     f'<span class="doc-meta">{e(site.cfg["operator"]["name"][lang])} · {LANG_NAMES[lang]}</span></li>')
    body = f"""<main id="main" tabindex="-1" class="narrow">
<header class="doc-head">
<p class="kicker">{e(site.cfg['operator']['name']['en'])} · <span lang="ru">{e(site.cfg['operator']['name']['ru'])}</span></p>
<h1>{e(UI['en']['legal'])} · <span lang="ru">{e(UI['ru']['legal'])}</span></h1>
<p>{e(UI['en']['choose'])} · <span lang="ru">{e(UI['ru']['choose'])}</span></p>
</header>
<ul class="doc-list">{''.join(cards)}</ul>
</main>"""
    return page("en", f"{UI['en']['legal']} — {site.cfg['operator']['name']['en']}", here, body,
                [(l, f"/legal/{site.id}/{l}/") for l in LANGS], f"language choice for {site.id}")


def root_page(sites):
    here = "/legal/"
    cards = []
    for site in sites:
        links = " · ".join(f'<a lang="{l}" hreflang="{l}" href="{site.id}/{l}/">{LANG_NAMES[l]}</a>' for l in LANGS)
        cards.append(f'<li><span class="doc-link">{e(site.cfg["operator"]["name"]["en"])}</span>'
                     f'<span class="doc-meta"><span lang="ru">{e(site.cfg["operator"]["name"]["ru"])}</span> · {links}</span></li>')
    body = f"""<main id="main" tabindex="-1" class="narrow">
<header class="doc-head">
<h1>{e(UI['en']['sites'])} · <span lang="ru">{e(UI['ru']['sites'])}</span></h1>
</header>
<ul class="doc-list">{''.join(cards)}</ul>
</main>"""
    return page("en", UI["en"]["sites"], here, body, (), "the list of sites with legal documents")


def render(sites, vocab, css_path, today):
    """{relative output path: bytes} for every generated file."""
    with open(css_path, "rb") as f:
        files = {"legal/legal.css": f.read()}
    files["legal/index.html"] = root_page(sites).encode()
    for site in sites:
        base = f"legal/{site.id}"
        files[f"{base}/manifest.json"] = dumps(manifest_json(site, vocab)).encode()
        files[f"{base}/index.html"] = chooser_page(site).encode()
        for lang in LANGS:
            files[f"{base}/{lang}/index.html"] = site_index_page(site, lang, today).encode()
            for doc in site.documents:
                for v in doc.versions:
                    files[f"{base}/{lang}/{doc.id}/{v.version}.json"] = dumps(document_json(site, doc, v, lang)).encode()
                    here = page_url(site.id, lang, doc.id, v.version)
                    files[f"{base}/{lang}/{doc.id}/{v.version}/index.html"] = document_page(site, doc, v, lang, here, today).encode()
                here = page_url(site.id, lang, doc.id)
                files[f"{base}/{lang}/{doc.id}/index.html"] = document_page(site, doc, doc.current, lang, here, today).encode()
    return files


def write_tree(files, out, stamp):
    """Replaces out with files, unless it already holds exactly them. Returns True when written."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    digest = digest.hexdigest()
    if stamp and os.path.isdir(out) and os.path.isfile(stamp):
        with open(stamp) as f:
            if f.read().strip() == digest:
                return False
    with dirswap.replacing(out) as tmp:
        for name, data in files.items():
            path = os.path.join(tmp, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
    if stamp:
        os.makedirs(os.path.dirname(os.path.abspath(stamp)), exist_ok=True)
        with open(stamp, "w") as f:
            f.write(digest + "\n")
    return True


def load_all(sources, vocab_path, today, record=False):
    """(sites, vocabulary, problems)."""
    problems = Problems()
    vocab = load_vocabulary(vocab_path, problems)
    sites = []
    if vocab is None:
        return sites, vocab, problems
    if not os.path.isdir(sources):
        problems.add(sources, 0, "is not a folder")
        return sites, vocab, problems
    for name in sorted(os.listdir(sources)):
        folder = os.path.join(sources, name)
        if not os.path.isdir(folder) or name.startswith("."):
            continue
        site = load_site(folder, vocab, today, problems, record)
        if site is not None:
            sites.append(site)
    if not sites and not problems:
        problems.add(sources, 0, "holds no site folders")
    return sites, vocab, problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0].replace("Purpose: ", ""))
    ap.add_argument("--sources", default=os.path.join(HERE, "sites"), help="folder of sites (default: legal/sites)")
    ap.add_argument("--vocabulary", default=os.path.join(HERE, "vocabulary.json"),
                    help="category names and purpose texts (default: legal/vocabulary.json)")
    ap.add_argument("--css", default=os.path.join(HERE, "pages", "legal.css"), help="the pages' stylesheet")
    ap.add_argument("--out", help="output folder (gets legal/ inside)")
    ap.add_argument("--stamp", help="file holding the output's digest; the output is rewritten only when it changes")
    ap.add_argument("--today", help="the date deciding which versions are in effect (default: today, UTC)")
    ap.add_argument("--check", action="store_true", help="only check the sources")
    ap.add_argument("--record", action="store_true", help="record new hashes in each site's published.json")
    args = ap.parse_args(argv)
    if not args.out and not args.check and not args.record:
        ap.error("give --out DIR, --check or --record")
    if args.today:
        today = parse_date(args.today)
        if today is None:
            ap.error(f"--today {args.today!r} is not a date YYYY-MM-DD")
    else:
        today = datetime.datetime.now(datetime.timezone.utc).date()

    sites, vocab, problems = load_all(args.sources, args.vocabulary, today, record=args.record)
    if problems:
        for p in problems.items:
            print(f"build_legal: error: {p}", file=sys.stderr)
        print(f"build_legal: {len(problems.items)} problem(s); nothing written", file=sys.stderr)
        return 1
    if args.check or args.record:
        count = sum(len(d.versions) for s in sites for d in s.documents)
        print(f"build_legal: ok: {len(sites)} site(s), {count} document version(s) in {len(LANGS)} languages")
        return 0
    files = render(sites, vocab, args.css, today)
    if write_tree(files, os.path.abspath(args.out), args.stamp):
        size = sum(len(d) for d in files.values())
        print(f"build_legal: wrote {len(files)} files ({size / 1024:.1f} KB) for "
              f"{', '.join(s.id for s in sites)} into {rel(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
