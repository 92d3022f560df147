"""Purpose: tests of legal/build_legal.py: every parser error names its file and line, the
hash is what docs/LEGAL-FORMATS.md defines (recomputed here independently), placeholders
are filled from site.json only, every document exists in both languages with matching
versions, the outputs follow the contract, and published texts cannot change silently.
Run: python3 -m unittest discover -s tests/legal -p 'test_*.py'
"""
import contextlib
import hashlib
import html.parser
import importlib.util
import io
import json
import os
import re
import shutil
import tempfile
import unittest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LEGAL = os.path.join(REPO, "legal")
SITES = os.path.join(LEGAL, "sites")

spec = importlib.util.spec_from_file_location("build_legal", os.path.join(LEGAL, "build_legal.py"))
build_legal = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_legal)

TODAY = "2026-11-21"


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def load(path):
    return json.loads(read(path))


def run(*args):
    """(exit status, stdout, stderr) of build_legal.main(args)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = build_legal.main(list(args))
    return status, out.getvalue(), err.getvalue()


# --- an independent reading of the contract ---------------------------------------------------

def split_source(path):
    """(front matter dict, body) of a source: the body is everything after the second '---' line."""
    text = read(path).replace("\r\n", "\n")
    lines = text.split("\n")
    assert lines[0] == "---", path
    end = lines.index("---", 1)
    meta = dict(line.split(": ", 1) for line in lines[1:end] if line.strip())
    return meta, "\n".join(lines[end + 1:])


RU_DAYS = {("business", 10): "10 рабочих дней", ("calendar", 30): "30 календарных дней",
           ("plain", 365): "365 дней", ("plain", 180): "180 дней"}


def expected_values(site, cfg, vocab, lang):
    op = cfg["operator"]
    claims = cfg["claims_days"]
    values = {f"operator.{k}": op[k][lang] for k in ("name", "registration", "address")}
    values.update({f"operator.{k}": op[k] for k in ("email", "support_email", "website")})
    if lang == "en":
        values["claims_days"] = f"{claims['value']} {claims['kind']} days"
        values["consent_days"] = f"{cfg['consent_days']} days"
    else:
        values["claims_days"] = RU_DAYS[(claims["kind"], claims["value"])]
        values["consent_days"] = RU_DAYS[("plain", cfg["consent_days"])]
    for doc in cfg["documents"]:
        values[f"page:{doc}"] = f"/legal/{site}/{lang}/{doc}/"
    for purpose, spec_ in cfg["purposes"].items():
        names = []
        for c in spec_["categories"]:
            name = vocab["categories"][c][lang]
            names.append(name if name[1:2].isupper() else name[0].lower() + name[1:])
        values[f"categories:{purpose}"] = "; ".join(names)
    return values


def expected_hash(path, values):
    _, body = split_source(path)
    body = re.sub(r"\{\{([^{}]*)\}\}", lambda m: values[m.group(1).strip()], body)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class Links(html.parser.HTMLParser):
    """ids, links and forbidden things of one HTML page."""

    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.alternates, self.inline = set(), [], {}, []
        self.h1 = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append((a["href"], a.get("hreflang")))
        if tag == "link" and a.get("rel") == "alternate":
            self.alternates[a["hreflang"]] = a["href"]
        if tag in ("script", "style") or "style" in a or any(k.startswith("on") for k in a):
            self.inline.append(tag)
        if tag == "h1":
            self.h1 += 1


# --- the real sources -------------------------------------------------------------------------

class RealSources(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="legal-test-")
        status, _, err = run("--out", cls.tmp, "--today", TODAY)
        assert status == 0, err
        cls.out = os.path.join(cls.tmp, "legal")
        cls.vocab = load(os.path.join(LEGAL, "vocabulary.json"))
        cls.sites = sorted(d for d in os.listdir(SITES) if os.path.isdir(os.path.join(SITES, d)))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def config(self, site):
        return load(os.path.join(SITES, site, "site.json"))

    def manifest(self, site):
        return load(os.path.join(self.out, site, "manifest.json"))

    def test_sites_and_required_documents(self):
        self.assertEqual(self.sites, ["astradia", "partner-demo"])
        self.assertEqual(self.config("astradia")["documents"], ["terms", "privacy", "sale", "support-consent"])
        self.assertIn("user-agreement", self.config("partner-demo")["documents"])
        self.assertEqual(self.config("astradia")["claims_days"], {"value": 10, "kind": "business"})
        self.assertEqual(self.config("partner-demo")["claims_days"], {"value": 30, "kind": "calendar"})

    def test_every_document_in_both_languages_with_matching_versions(self):
        for site in self.sites:
            for doc in self.config(site)["documents"]:
                folder = os.path.join(SITES, site, "documents", doc)
                files = sorted(os.listdir(folder))
                by_lang = {}
                for name in files:
                    m = re.match(r"^(\d+\.\d+)\.(en|ru)\.md$", name)
                    self.assertIsNotNone(m, name)
                    by_lang.setdefault(m.group(2), set()).add(m.group(1))
                self.assertEqual(set(by_lang), {"en", "ru"}, f"{site}/{doc}")
                self.assertEqual(by_lang["en"], by_lang["ru"], f"{site}/{doc}")
                for version in by_lang["en"]:
                    en, _ = split_source(os.path.join(folder, f"{version}.en.md"))
                    ru, _ = split_source(os.path.join(folder, f"{version}.ru.md"))
                    for key in ("id", "version", "effective"):
                        self.assertEqual(en[key], ru[key], f"{site}/{doc}/{version} {key}")
                    self.assertEqual(en.get("material", "false"), ru.get("material", "false"))
                    self.assertNotEqual(en["title"], ru["title"])   # really translated
                    self.assertEqual(en["language"], "en")
                    self.assertEqual(ru["language"], "ru")

    def test_a_material_second_version_exists(self):
        privacy = next(d for d in self.manifest("astradia")["documents"] if d["id"] == "privacy")
        self.assertEqual([v["version"] for v in privacy["versions"]], ["1.2", "1.1", "1.0"])
        self.assertTrue(privacy["versions"][1]["material"])
        self.assertFalse(privacy["versions"][0]["material"])   # 1.2 clarifies how statistics are counted
        self.assertEqual(privacy["current"], "1.1")              # on TODAY; 1.2 takes effect 2026-12-07
        for v in privacy["versions"][:2]:
            self.assertTrue(v["changes"]["en"])
            self.assertTrue(v["changes"]["ru"])

    def test_privacy_states_how_statistics_are_counted(self):
        """Privacy 1.2 says what server/stats does (issue 12): no shortened or stored IP address, a keyed hash
        of the daily 16-byte salt computed in memory, two salts kept, 30-minute sessions, 30 days of events."""
        folder = os.path.join(SITES, "astradia", "documents", "privacy")
        facts = {"en": ("in memory", "16 random bytes", "current and the previous day", "30 minutes",
                        "never written to disk", "kept for 30 days", "daily totals"),
                 "ru": ("в оперативной памяти", "16 случайных байтов", "текущего и предыдущего дня", "30 минут",
                        "никогда не записываются на диск", "хранятся 30 дней", "итоги по дням")}
        for lang, needed in facts.items():
            with open(os.path.join(folder, f"1.2.{lang}.md"), encoding="utf-8") as f:
                text = f.read().split("\n---\n", 1)[1]   # the body (the "changes" line names the old way)
            for fact in needed:
                self.assertIn(fact, text, lang)
            self.assertNotIn("shortened" if lang == "en" else "сокращается", text)

    def test_hash_is_sha256_of_the_substituted_body(self):
        """Recomputed here from the sources with an independent substitution."""
        checked = 0
        for site in self.sites:
            cfg = self.config(site)
            for lang in ("en", "ru"):
                values = expected_values(site, cfg, self.vocab, lang)
                for doc in self.manifest(site)["documents"]:
                    for v in doc["versions"]:
                        src = os.path.join(SITES, site, "documents", doc["id"], f"{v['version']}.{lang}.md")
                        want = expected_hash(src, values)
                        self.assertEqual(v["hash"][lang], want, src)
                        data = load(os.path.join(self.out, site, lang, doc["id"], f"{v['version']}.json"))
                        self.assertEqual(data["hash"], want)
                        page = read(os.path.join(self.out, site, lang, doc["id"], v["version"], "index.html"))
                        self.assertIn(f'<code class="hash">{want}</code>', page)
                        checked += 1
        self.assertEqual(checked, 18)   # 9 document versions in 2 languages

    def test_published_hashes_match(self):
        for site in self.sites:
            published = load(os.path.join(SITES, site, "published.json"))
            for doc in self.manifest(site)["documents"]:
                for v in doc["versions"]:
                    self.assertEqual(published[doc["id"]][v["version"]], v["hash"])

    def test_manifest_follows_the_contract(self):
        for site in self.sites:
            m = self.manifest(site)
            cfg = self.config(site)
            self.assertEqual(list(m), ["site", "generated_from", "documents", "purposes", "categories", "purpose_text", "consent_days"])
            self.assertEqual(m["site"], site)
            self.assertEqual(m["generated_from"], f"legal/sites/{site}")
            self.assertEqual(m["purposes"], cfg["purposes"])
            self.assertEqual(list(m["categories"]), ["signin_token", "http_headers", "ip_address", "cookies_storage",
                                                     "analytics_counters", "web_beacons", "browser_info", "device_specs",
                                                     "usage_data", "geolocation"])
            self.assertEqual(set(m["purpose_text"]), {"necessary", "statistics", "ads", "legal"})
            self.assertEqual(m["consent_days"], cfg["consent_days"])
            for doc in m["documents"]:
                self.assertEqual(list(doc), ["id", "title", "current", "versions"])
                versions = [tuple(map(int, v["version"].split("."))) for v in doc["versions"]]
                self.assertEqual(versions, sorted(versions, reverse=True))
                in_force = [v for v in doc["versions"] if v["effective"] <= TODAY]
                self.assertEqual(doc["current"], in_force[0]["version"])
                for v in doc["versions"]:
                    self.assertEqual(list(v), ["version", "effective", "material", "changes", "hash", "url", "page"])
                    for lang in ("en", "ru"):
                        self.assertEqual(v["url"][lang], f"/legal/{site}/{lang}/{doc['id']}/{v['version']}.json")
                        self.assertEqual(v["page"][lang], f"/legal/{site}/{lang}/{doc['id']}/{v['version']}/")
                        self.assertTrue(os.path.isfile(os.path.join(self.tmp, v["url"][lang].lstrip("/"))))
                        self.assertTrue(os.path.isfile(os.path.join(self.tmp, v["page"][lang].lstrip("/"), "index.html")))
        sale = next(d for d in self.manifest("astradia")["documents"] if d["id"] == "sale")
        self.assertEqual(sale["current"], "1.0")   # 1.1 takes effect on 2026-12-01

    def test_document_json_follows_the_contract(self):
        count = 0
        for root, _, names in os.walk(self.out):
            for name in names:
                if not name.endswith(".json") or name == "manifest.json":
                    continue
                data = load(os.path.join(root, name))
                self.assertEqual(list(data), ["id", "version", "language", "effective", "title", "hash", "sections"])
                self.assertTrue(data["sections"])
                for s in data["sections"]:
                    self.assertEqual(list(s), ["id", "heading", "blocks"])
                    self.assertRegex(s["id"], r"^[a-z0-9][a-z0-9-]*$")
                    for b in s["blocks"]:
                        (kind, content), = b.items()
                        self.assertIn(kind, ("p", "ul", "ol"))
                        runs = [content] if kind == "p" else content
                        for run_ in runs:
                            for r in run_:
                                self.assertTrue(isinstance(r, str) or set(r) in ({"b"}, {"a", "href"}), r)
                text = json.dumps(data, ensure_ascii=False)
                self.assertNotIn("{{", text)
                self.assertNotIn("**", text)
                count += 1
        self.assertEqual(count, 2 * 9)   # 9 document versions in 2 languages

    def test_placeholders_come_from_site_json_only(self):
        for site in self.sites:
            op = self.config(site)["operator"]
            needles = [op["name"]["en"], op["name"]["ru"], op["email"], op["address"]["ru"], op["registration"]["en"]]
            for root, _, names in os.walk(os.path.join(SITES, site, "documents")):
                for name in names:
                    text = read(os.path.join(root, name))
                    for needle in needles:
                        self.assertNotIn(needle, text, f"{name} hard-codes {needle!r}")
            page = read(os.path.join(self.out, site, "ru", self.config(site)["documents"][0], "index.html"))
            self.assertIn(op["name"]["ru"], page)
            self.assertNotIn("{{operator", page)

    def test_pages_are_static_linkable_and_switch_language(self):
        pages = 0
        for site in self.sites:
            for doc in self.manifest(site)["documents"]:
                for v in doc["versions"]:
                    sections = {lang: [s["id"] for s in load(os.path.join(self.tmp, v["url"][lang].lstrip("/")))["sections"]]
                                for lang in ("en", "ru")}
                    self.assertEqual(sections["en"], sections["ru"])
                    for lang in ("en", "ru"):
                        path = os.path.join(self.tmp, v["page"][lang].lstrip("/"), "index.html")
                        text = read(path)
                        p = Links()
                        p.feed(text)
                        self.assertEqual(p.inline, [], path)              # no inline script or style (CSP)
                        self.assertEqual(p.h1, 1)
                        for sid in sections[lang]:
                            self.assertIn(sid, p.ids)
                            self.assertIn((f"#{sid}", None), p.hrefs)  # contents and self-links
                        other = "ru" if lang == "en" else "en"
                        self.assertEqual(p.alternates[other], f"../../../{other}/{doc['id']}/{v['version']}/")
                        self.assertIn((f"../../../{other}/{doc['id']}/{v['version']}/", other), p.hrefs)
                        for w in doc["versions"]:   # the version history links every version
                            if w is not v:
                                self.assertIn((f"../{w['version']}/", None), p.hrefs)
                        self.assertRegex(text, r'<link rel="stylesheet" href="\.\./\.\./\.\./\.\./legal\.css" integrity="\{\{sri:\.\./\.\./\.\./\.\./legal\.css\}\}">')
                        self.assertIn(f'<html lang="{lang}">', text)
                        pages += 1
        self.assertEqual(pages, 18)
        for site in self.sites:
            for lang in ("en", "ru"):
                index = read(os.path.join(self.out, site, lang, "index.html"))
                for doc in self.manifest(site)["documents"]:
                    self.assertIn(f'href="{doc["id"]}/"', index)


# --- errors, with a small site built in a temporary folder ------------------------------------

FRONT = """---
id: {id}
version: {version}
effective: {effective}
language: {lang}
title: {title}
changes: {changes}
---
"""
BODY = """## 1. First {#first}

Text from {{operator.name}}, answered within {{claims_days}}.

- one
- two **bold** and [a link](https://example.org/x)
"""


class Tree:
    """A minimal valid source tree; tests change one thing and look at the error."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="legal-src-")
        self.sources = os.path.join(self.root, "sites")
        shutil.copy(os.path.join(LEGAL, "vocabulary.json"), os.path.join(self.root, "vocabulary.json"))
        cfg = load(os.path.join(SITES, "astradia", "site.json"))
        cfg["site"] = "demo"
        cfg["documents"] = ["terms"]
        self.write("sites/demo/site.json", json.dumps(cfg, ensure_ascii=False, indent=1))
        for lang, title in (("en", "Terms"), ("ru", "Условия")):
            self.doc("terms", "1.0", lang, title=title)

    def doc(self, doc, version, lang, body=BODY, effective="2026-01-01", title="T", changes="First.", extra=""):
        text = FRONT.format(id=doc, version=version, effective=effective, lang=lang, title=title, changes=changes)
        if extra:
            text = text.replace("\n---\n", f"\n{extra}\n---\n", 1)   # the closing line
        self.write(f"sites/demo/documents/{doc}/{version}.{lang}.md", text + body)

    def write(self, rel, text, mode="w"):
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
            f.write(text)
        return path

    def run(self, *extra, today=TODAY):
        return run("--sources", self.sources, "--vocabulary", os.path.join(self.root, "vocabulary.json"),
                   "--today", today, *extra)

    def check(self, today=TODAY):
        """Records the hashes, then checks; returns stderr."""
        self.run("--record", today=today)
        status, _, err = self.run("--check", today=today)
        return status, err

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)


class Errors(unittest.TestCase):
    def setUp(self):
        self.tree = Tree()
        self.path = "sites/demo/documents/terms/1.0.en.md"

    def tearDown(self):
        self.tree.cleanup()

    def assertProblem(self, where, message, today=TODAY):
        status, err = self.tree.check(today)
        self.assertEqual(status, 1, err)
        self.assertIn("nothing written", err)
        lines = [l for l in err.splitlines() if l.startswith("build_legal: error: ")]
        self.assertTrue(any(where in l and message in l for l in lines), f"expected {where} ... {message} in:\n{err}")

    def body(self, text, lang="en"):
        self.tree.doc("terms", "1.0", lang, body=text)

    def test_the_minimal_tree_is_valid(self):
        status, err = self.tree.check()
        self.assertEqual(status, 0, err)
        out = os.path.join(self.tree.root, "out")
        status, _, err = self.tree.run("--out", out)
        self.assertEqual(status, 0, err)
        data = load(os.path.join(out, "legal/demo/en/terms/1.0.json"))
        blocks = data["sections"][0]["blocks"]
        self.assertEqual(blocks[0], {"p": ["Text from Astradia Games LLC, answered within 10 business days."]})
        self.assertEqual(blocks[1], {"ul": [["one"], ["two ", {"b": "bold"}, " and ", {"a": "a link", "href": "https://example.org/x"}]]})
        ru = load(os.path.join(out, "legal/demo/ru/terms/1.0.json"))
        self.assertIn("10 рабочих дней", ru["sections"][0]["blocks"][0]["p"][0])

    # front matter
    def test_no_front_matter(self):
        self.tree.write(self.path, "## 1. First {#first}\n\nText.\n")
        self.assertProblem("1.0.en.md:1:", "must start with a line '---'")

    def test_front_matter_not_closed(self):
        self.tree.write(self.path, "---\nid: terms\nversion: 1.0\n")
        self.assertProblem("1.0.en.md:4:", "not closed")

    def test_unknown_key(self):
        self.tree.doc("terms", "1.0", "en", extra="author: me")
        self.assertProblem("1.0.en.md:8:", "unknown front matter key 'author'")

    def test_duplicate_key(self):
        self.tree.doc("terms", "1.0", "en", extra="id: terms")
        self.assertProblem("1.0.en.md:8:", "'id' is given twice (first on line 2)")

    def test_missing_key(self):
        text = read(os.path.join(self.tree.root, self.path)).replace("changes: First.\n", "")
        self.tree.write(self.path, text)
        self.assertProblem("1.0.en.md:1:", "lacks 'changes'")

    def test_bad_and_mismatched_ids_versions_languages(self):
        cases = [
            (dict(doc="terms"), "id: Terms!", 2, "must be a-z, 0-9 and '-'"),
            (dict(doc="terms"), "id: privacy", 2, "does not match the folder 'terms'"),
            (dict(doc="terms"), "version: 1.1", 3, "does not match the file name (1.0)"),
            (dict(doc="terms"), "version: 1", 3, "must be MAJOR.MINOR"),
            (dict(doc="terms"), "language: ru", 5, "does not match the file name (en)"),
            (dict(doc="terms"), "language: de", 5, "must be one of en, ru"),
            (dict(doc="terms"), "effective: 2026-02-30", 4, "is not a date YYYY-MM-DD"),
            (dict(doc="terms"), "effective: 1.1.2026", 4, "is not a date YYYY-MM-DD"),
            (dict(doc="terms"), "title: **Terms**", 6, "title must be plain text"),
        ]
        for _, replacement, line, message in cases:
            with self.subTest(replacement):
                self.tree.doc("terms", "1.0", "en")
                text = read(os.path.join(self.tree.root, self.path)).split("\n")
                key = replacement.split(":")[0]
                text = [replacement if l.startswith(key + ":") else l for l in text]
                self.tree.write(self.path, "\n".join(text))
                self.assertProblem(f"1.0.en.md:{line}:", message)

    def test_material_must_be_boolean(self):
        self.tree.doc("terms", "1.0", "en", extra="material: yes")
        self.assertProblem("1.0.en.md:8:", "material must be true or false")

    # placeholders
    def test_unknown_placeholder(self):
        self.body("## 1. First {#first}\n\nCall {{operator.phone}}.\n")
        self.assertProblem("1.0.en.md:11:", "unknown placeholder {{operator.phone}}")

    def test_unbalanced_braces(self):
        self.body("## 1. First {#first}\n\nText {{operator.name}.\n")
        self.assertProblem("1.0.en.md:11:", "unbalanced '{{'")

    def test_page_placeholder_needs_a_document_of_the_site(self):
        self.body("## 1. First {#first}\n\nSee [it]({{page:privacy}}).\n")
        self.assertProblem("1.0.en.md:11:", "unknown placeholder {{page:privacy}}")

    # the Markdown subset
    def test_markdown_errors_name_their_line(self):
        cases = [
            ("Intro.\n\n## 1. First {#first}\n\nText.\n", 9, "text before the first '## ' heading"),
            ("## 1. First\n\nText.\n", 9, "needs a stable anchor"),
            ("## 1. First {#First}\n\nText.\n", 9, "must be a-z, 0-9 and '-'"),
            ("## 1. First {#page-x}\n\nText.\n", 9, "is used by the page itself"),
            ("## 1. First {#a}\n\nText.\n\n## 2. Again {#a}\n\nMore.\n", 13, "{#a} is already used on line 9"),
            ("## 1. First {#a}\n\n## 2. Second {#b}\n\nText.\n", 9, "section {#a} has no text"),
            ("## 1. First {#a}\n\nText.\n\n## 2. Last {#b}\n", 13, "section {#b} has no text"),
            ("## 1. First {#a}\n\n### Sub\n\nText.\n", 11, "only '## ' headings"),
            ("# Title\n\n## 1. First {#a}\n\nText.\n", 9, "only '## ' headings"),
            ("## 1. **Bold** {#a}\n\nText.\n", 9, "a heading is plain text"),
            ("## 1. First {#a}\n\nSome **bold text.\n", 11, "bold text is not closed"),
            ("## 1. First {#a}\n\nA *star*.\n", 11, "a single '*' is not supported"),
            ("## 1. First {#a}\n\nSee [this] page.\n", 11, "is not a link"),
            ("## 1. First {#a}\n\nSee [this](https://x.org/a.\n", 11, "link address is not closed"),
            ("## 1. First {#a}\n\nSee [x](javascript:alert(1)).\n", 11, "must start with https://, mailto:, / (this site) or #"),
            ("## 1. First {#a}\n\nSee [x](http://plain.org/).\n", 11, "must start with https://"),
            ("## 1. First {#a}\n\nA <b>tag</b>.\n", 11, "raw HTML is not supported"),
            ("## 1. First {#a}\n\nSome `code`.\n", 11, "inline code"),
            ("## 1. First {#a}\n\n- one\n  - nested\n", 12, "nested lists are not supported"),
            ("## 1. First {#a}\n\n1. one\n3. three\n", 12, "numbered item 3 should be 2"),
            ("## 1. First {#a}\n\n* one\n", 11, "use '- ' for list items"),
            ("## 1. First {#a}\n\n> quoted\n", 11, "quotes are not supported"),
            ("## 1. First {#a}\n\n| a | b |\n", 11, "tables are not supported"),
            ("## 1. First {#a}\n\n```\ncode\n```\n", 11, "code blocks are not supported"),
            ("## 1. First {#a}\n\n\tTabbed.\n", 11, "tab character"),
            ("## 1. First {#a}\n\n- item\nParagraph glued to the list.\n", 12, "needs an empty line"),
            ("## 1. First {#a}\n\n   Indented paragraph.\n", 11, "indented text outside a list item"),
            ("## 1. First {#a}\n\n- \n", 11, "empty list item"),
        ]
        for body, line, message in cases:
            with self.subTest(message):
                self.body(body)
                self.tree.doc("terms", "1.0", "ru", body=body.replace("Text", "Текст"))
                self.assertProblem(f"1.0.en.md:{line}:", message)

    def test_escapes_and_continuation_lines_are_accepted(self):
        self.body("## 1. First {#a}\n\nA \\*literal\\* star and \\[brackets\\].\n\n- a long item\n  continued here\n")
        self.tree.doc("terms", "1.0", "ru", body="## 1. Первый {#a}\n\nТекст.\n")
        out = os.path.join(self.tree.root, "out")
        self.tree.run("--record")
        status, _, err = self.tree.run("--out", out)
        self.assertEqual(status, 0, err)
        data = load(os.path.join(out, "legal/demo/en/terms/1.0.json"))
        self.assertEqual(data["sections"][0]["blocks"], [{"p": ["A *literal* star and [brackets]."]},
                                                         {"ul": [["a long item continued here"]]}])

    def test_invalid_utf8_names_the_line(self):
        self.tree.write(self.path, FRONT.format(id="terms", version="1.0", effective="2026-01-01", lang="en",
                                               title="T", changes="C").encode() + b"## 1. A {#a}\n\nBad \xff byte.\n", "wb")
        self.assertProblem("1.0.en.md:11:", "is not valid UTF-8")

    # both languages
    def test_missing_language(self):
        os.remove(os.path.join(self.tree.root, "sites/demo/documents/terms/1.0.ru.md"))
        self.assertProblem("1.0.en.md", "has no Russian text: add")

    def test_languages_must_agree_on_date_material_and_sections(self):
        self.tree.doc("terms", "1.0", "ru", effective="2026-01-02")
        self.assertProblem("1.0.ru.md:4:", "effective is 2026-01-02 but the English text says 2026-01-01")
        self.tree.doc("terms", "1.0", "ru")
        self.tree.doc("terms", "1.0", "ru", body=BODY.replace("{#first}", "{#other}"))
        self.assertProblem("1.0.ru.md:9:", "section 1 is {#other} but the English text has {#first}")

    def test_material_must_agree(self):
        self.tree.doc("terms", "1.1", "en", effective="2026-03-01", extra="material: true")
        self.tree.doc("terms", "1.1", "ru", effective="2026-03-01", extra="material: false")
        self.assertProblem("1.1.ru.md:8:", "material is false but the English text says true")

    # versions
    def test_newer_version_must_take_effect_later(self):
        for lang in ("en", "ru"):
            self.tree.doc("terms", "1.1", lang, effective="2025-12-01")
        self.assertProblem("1.1.en.md:4:", "a newer version must take effect later")

    def test_first_version_cannot_be_material(self):
        for lang in ("en", "ru"):
            self.tree.doc("terms", "1.0", lang, extra="material: true")
        self.assertProblem("1.0.en.md:8:", "the first version cannot be material")

    def test_something_must_be_in_effect(self):
        self.assertProblem("documents/terms:", "no version is in effect on 2025-06-01", today="2025-06-01")

    def test_stray_files(self):
        self.tree.write("sites/demo/documents/terms/1.0.de.md", "x")
        self.assertProblem("1.0.de.md", "unexpected file")
        os.remove(os.path.join(self.tree.root, "sites/demo/documents/terms/1.0.de.md"))
        self.tree.write("sites/demo/documents/notes/1.0.en.md", "x")
        self.assertProblem("documents/notes", "is not listed in site.json")

    # site.json
    def test_site_json_errors(self):
        cfg_path = os.path.join(self.tree.root, "sites/demo/site.json")
        good = load(cfg_path)
        cases = [
            (lambda c: c.update(colour="blue"), "colour: unknown key"),
            (lambda c: c.update(site="other"), "site: is \"other\" but the folder is \"demo\""),
            (lambda c: c["purposes"]["ads"]["categories"].append("mind_reading"), "unknown category 'mind_reading'"),
            (lambda c: c["purposes"].pop("legal"), "purposes.legal: is missing"),
            (lambda c: c["operator"]["name"].update(en="Evil *Corp*"), "operator.name.en: may not contain"),
            (lambda c: c["operator"].update(email="nope"), "operator.email: expected an e-mail address"),
            (lambda c: c["claims_days"].update(kind="weekly"), "claims_days.kind: expected"),
            (lambda c: c.update(consent_days=0), "consent_days: expected an integer in 1..3650"),
            (lambda c: c.update(documents=["terms", "privacy"]), "'privacy' has no folder"),
        ]
        for change, message in cases:
            with self.subTest(message):
                cfg = json.loads(json.dumps(good))
                change(cfg)
                self.tree.write("sites/demo/site.json", json.dumps(cfg))
                self.assertProblem("site.json", message)
        self.tree.write("sites/demo/site.json", '{"site": "demo",\n  "operator": }')
        self.assertProblem("site.json:2:", "invalid JSON")

    # published.json: texts that took effect never change silently
    def test_published_text_cannot_change(self):
        status, err = self.tree.check()
        self.assertEqual(status, 0, err)
        self.body(BODY.replace("one", "uno"))
        status, _, err = self.tree.run("--check")
        self.assertEqual(status, 1)
        self.assertIn("the text of terms 1.0 changed after it took effect on 2026-01-01", err)
        status, _, err = self.tree.run("--record")   # recording does not overwrite a text in effect
        self.assertEqual(status, 1)
        self.assertIn("changed after it took effect", err)

    def test_upcoming_versions_must_be_recorded_and_may_be_rerecorded(self):
        self.tree.check()
        for lang in ("en", "ru"):
            self.tree.doc("terms", "1.1", lang, effective="2027-01-01")
        status, _, err = self.tree.run("--check")
        self.assertEqual(status, 1)
        self.assertIn("terms 1.1 is not recorded", err)
        self.assertEqual(self.tree.run("--record")[0], 0)
        self.assertEqual(self.tree.run("--check")[0], 0)
        self.tree.doc("terms", "1.1", "en", effective="2027-01-01", body=BODY.replace("one", "uno"))
        status, _, err = self.tree.run("--check")
        self.assertIn("terms 1.1 (taking effect on 2027-01-01) changed since it was recorded", err)
        self.assertEqual(self.tree.run("--record")[0], 0)   # allowed: nobody has agreed to it yet
        self.assertEqual(self.tree.run("--check")[0], 0)

    def test_every_problem_is_reported_at_once(self):
        self.tree.doc("terms", "1.0", "en", body="## 1. A {#a}\n\n{{nope}}\n")
        self.tree.write("sites/demo/documents/terms/2.0.en.md", "nonsense")
        status, err = self.tree.check()
        self.assertEqual(status, 1)
        self.assertIn("unknown placeholder {{nope}}", err)
        self.assertIn("2.0.en.md:1:", err)
        self.assertIn("2 problem(s)", err)


class Output(unittest.TestCase):
    def test_current_version_follows_the_date(self):
        with tempfile.TemporaryDirectory() as tmp:
            for today, current in (("2026-11-30", "1.0"), ("2026-12-01", "1.1")):
                status, _, err = run("--out", tmp, "--today", today)
                self.assertEqual(status, 0, err)
                m = load(os.path.join(tmp, "legal/astradia/manifest.json"))
                sale = next(d for d in m["documents"] if d["id"] == "sale")
                self.assertEqual(sale["current"], current)
                page = read(os.path.join(tmp, "legal/astradia/en/sale/index.html"))
                self.assertIn(f"<dd>{current}</dd>", page)

    def test_output_is_rewritten_only_when_it_changes(self):
        with tempfile.TemporaryDirectory() as tmp:
            out, stamp = os.path.join(tmp, "out"), os.path.join(tmp, "stamp")
            self.assertEqual(run("--out", out, "--stamp", stamp, "--today", TODAY)[0], 0)
            first = os.stat(stamp).st_mtime_ns
            marker = os.path.join(out, "legal", "manifest-probe")
            open(marker, "w").close()   # survives only if the folder is not replaced
            status, stdout, _ = run("--out", out, "--stamp", stamp, "--today", TODAY)
            self.assertEqual((status, stdout), (0, ""))
            self.assertTrue(os.path.exists(marker))
            self.assertEqual(os.stat(stamp).st_mtime_ns, first)
            status, stdout, _ = run("--out", out, "--stamp", stamp, "--today", "2026-12-01")
            self.assertIn("wrote", stdout)
            self.assertFalse(os.path.exists(marker))   # replaced as a whole: no stale files

    def test_russian_day_counts(self):
        phrase = build_legal.days_phrase
        self.assertEqual(phrase("ru", 1, "business"), "1 рабочего дня")
        self.assertEqual(phrase("ru", 2, "business"), "2 рабочих дней")
        self.assertEqual(phrase("ru", 11, "business"), "11 рабочих дней")
        self.assertEqual(phrase("ru", 21, "calendar"), "21 календарного дня")
        self.assertEqual(phrase("ru", 30, "calendar"), "30 календарных дней")
        self.assertEqual(phrase("ru", 111, "plain"), "111 дней")
        self.assertEqual(phrase("ru", 365, "plain"), "365 дней")
        self.assertEqual(phrase("en", 1, "business"), "1 business day")
        self.assertEqual(phrase("en", 30, "calendar"), "30 calendar days")


if __name__ == "__main__":
    unittest.main()
