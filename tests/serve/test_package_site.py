"""Purpose: scripts/package_site.py on a small site made here (no wasm build needed): scripts, styles,
the wasm and fonts get content-hashed names that match their bytes (a stylesheet's url() pointing at
a hashed font is rewritten first), the public files keep theirs (sw.js, the widget's three parts), pages name the
hashed files with correct SRI hashes and the wasm's size in bytes (the loading bar's total), the service
worker precaches the hashed names and the legal pages About links to with their hashed style, every
Brotli and gzip twin decompresses to its file, and SHA256SUMS / MD5SUMS verify with coreutils.

Run: /usr/bin/python3 -m unittest discover -s tests/serve -v
"""
import base64
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PACKAGE = os.path.join(REPO, "scripts", "package_site.py")

PAGE = """<!doctype html><html><head>
<link rel="stylesheet" href="app.css" integrity="{{sri:app.css}}">
<script src="widget/astradia-legal.js" integrity="{{sri:widget/astradia-legal.js}}" defer></script>
<script src="astradia.js" integrity="{{sri:astradia.js}}" defer></script>
<script src="boot.js" integrity="{{sri:boot.js}}" data-wasm="{{asset:astradia.wasm}}" defer></script>
<a href="sub/">sub</a><a href="mailto:x@example.test">mail</a>
<progress id="loading-progress" data-bytes="{{bytes:astradia.wasm}}"></progress>
</head><body></body></html>
"""
SUB_PAGE = '<!doctype html><link rel="stylesheet" href="../app.css" integrity="{{sri:../app.css}}">\n'
SW = "const VERSION = '{{sw:version}}';\nconst PRECACHE = {{sw:files}};\n" + "// padding\n" * 40
LEGAL_PAGE = '<!doctype html><link rel="stylesheet" href="../../../legal.css">\n'
CSS = "@font-face{font-family:x;src:url('fonts/face.woff2')}\nbody{margin:0}\n" * 10


def slurp(path):
    with open(path, "rb") as f:
        return f.read()


def sri(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


class PackageSiteTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        t = cls.tmp.name
        web, app, extra = (os.path.join(t, n) for n in ("web", "app", "extra"))
        files = {
            (web, "index.html"): PAGE, (web, "sub/index.html"): SUB_PAGE, (web, "sw.js"): SW,
            (web, "app.css"): CSS, (web, "boot.js"): "'use strict';\n" * 30,
            (web, "favicon.svg"): "<svg xmlns='http://www.w3.org/2000/svg'/>", (web, "icon.svg"): "<svg/>",
            (web, "manifest.webmanifest"): "{}", (web, "fonts/face.woff2"): "wOF2 font bytes",
            (app, "astradia.js"): "var createAstradia;\n" * 40, (app, "astradia.wasm"): "\0asm" + "x" * 500,
            (extra, "widget/astradia-legal.js"): "/* core */\n" * 40, (extra, "widget/astradia-legal-ui.js"): "/* ui */\n" * 40,
            (extra, "widget/astradia-legal-decide.js"): "/* decide */\n" * 40,
            (extra, "legal/legal.css"): "body{font-family:serif}\n" * 10,
        }
        for lang in ("en", "ru"):
            for doc in ("terms", "privacy", "sale"):
                files[(extra, f"legal/astradia/{lang}/{doc}/index.html")] = LEGAL_PAGE
        for (folder, rel), text in files.items():
            os.makedirs(os.path.dirname(os.path.join(folder, rel)), exist_ok=True)
            with open(os.path.join(folder, rel), "w", encoding="utf-8") as f:
                f.write(text)
        cls.site = os.path.join(t, "site")
        r = subprocess.run([PY_FOR_SCRIPTS, PACKAGE, "--web", web, "--app", app, "--extra", extra, "--out", cls.site],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        cls.assets = json.loads(slurp(os.path.join(cls.site, "assets.json")))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def read(self, rel, mode="rb"):
        with open(os.path.join(self.site, rel), mode) as f:
            return f.read()

    def test_hashed_names_match_their_bytes(self):
        self.assertEqual(sorted(self.assets), ["app.css", "astradia.js", "astradia.wasm", "boot.js", "fonts/face.woff2",
                                               "legal/legal.css"])
        for logical, hashed in self.assets.items():
            stem, ext = os.path.splitext(logical)
            m = re.fullmatch(re.escape(stem) + r"\.([0-9a-f]{16})" + re.escape(ext), hashed)
            self.assertIsNotNone(m, hashed)
            self.assertEqual(m.group(1), hashlib.sha256(self.read(hashed)).hexdigest()[:16])
            self.assertFalse(os.path.exists(os.path.join(self.site, logical)), logical)
        for stable in ("sw.js", "widget/astradia-legal.js", "widget/astradia-legal-decide.js", "widget/astradia-legal-ui.js",
                       "index.html", "favicon.svg"):
            self.assertTrue(os.path.isfile(os.path.join(self.site, stable)), stable)

    def test_stylesheets_point_at_hashed_fonts(self):
        css = self.read(self.assets["app.css"], "r")
        self.assertIn(f"url('fonts/{os.path.basename(self.assets['fonts/face.woff2'])}')", css)
        self.assertNotIn("face.woff2'", css.replace(os.path.basename(self.assets["fonts/face.woff2"]), ""))

    def test_pages_name_hashed_files_with_their_sri(self):
        page = self.read("index.html", "r")
        for logical in ("app.css", "astradia.js", "boot.js"):
            hashed = self.assets[logical]
            self.assertIn(f'="{hashed}" integrity="{sri(self.read(hashed))}"', page)
        self.assertIn(f'data-wasm="{self.assets["astradia.wasm"]}"', page)
        self.assertIn(f'data-bytes="{len(self.read(self.assets["astradia.wasm"]))}"', page)
        self.assertIn(f'src="widget/astradia-legal.js" integrity="{sri(self.read("widget/astradia-legal.js"))}"', page)
        self.assertIn('href="mailto:x@example.test"', page)
        self.assertNotIn("{{", page)
        sub = self.read("sub/index.html", "r")
        self.assertIn(f'href="../{self.assets["app.css"]}" integrity="{sri(self.read(self.assets["app.css"]))}"', sub)

    def test_service_worker_precaches_the_hashed_files(self):
        sw = self.read("sw.js", "r")
        files = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", sw).group(1))
        self.assertIn("/" + self.assets["astradia.wasm"], files)
        self.assertIn("/" + self.assets["boot.js"], files)
        self.assertIn("/widget/astradia-legal.js", files)
        self.assertIn("/widget/astradia-legal-decide.js", files)
        self.assertIn("/legal/astradia/ru/sale/index.html", files)
        self.assertIn("/" + self.assets["legal/legal.css"], files)
        self.assertIn(f'href="../../../{os.path.basename(self.assets["legal/legal.css"])}"',
                      self.read("legal/astradia/en/terms/index.html", "r"))
        for f in files:
            self.assertTrue(os.path.isfile(os.path.join(self.site, f.lstrip("/"))), f)
        self.assertRegex(sw, r"const VERSION = '[0-9a-f]{16}'")

    def test_servers_take_the_twins(self):
        # A twin is served only when it is no older than its file (server/static.py): the
        # packaged site's twins must pass that rule, and the server must send the Brotli one.
        sys.path.insert(0, REPO)
        from server.static import StaticFiles

        class Request:
            def __init__(self, path, accept):
                self.path, self.accept = path, accept

            def header(self, name):
                return self.accept if name.lower() == "accept-encoding" else None

        for dirpath, _, names in os.walk(self.site):
            for name in names:
                if name.endswith((".br", ".gz")):
                    twin = os.path.join(dirpath, name)
                    self.assertGreaterEqual(os.stat(twin).st_mtime_ns, os.stat(twin[:-3]).st_mtime_ns, twin)
        files = StaticFiles(self.site)
        for accept, coding in (("gzip, deflate, br", "br"), ("gzip", "gzip")):
            response = files.serve(Request("/" + self.assets["astradia.wasm"], accept), head=False)
            self.assertIn(("Content-Encoding", coding), response.headers, accept)

    def test_twins_and_checksums(self):
        twins = 0
        for dirpath, _, names in os.walk(self.site):
            for name in names:
                path = os.path.join(dirpath, name)
                if name.endswith(".gz"):
                    self.assertEqual(gzip.decompress(slurp(path)), slurp(path[:-3]))
                    twins += 1
                elif name.endswith(".br"):
                    out = subprocess.run(["brotli", "-d", "-c", path], capture_output=True, check=True).stdout
                    self.assertEqual(out, slurp(path[:-3]))
                    twins += 1
        self.assertGreater(twins, 8)
        for tool, sums in (("sha256sum", "SHA256SUMS"), ("md5sum", "MD5SUMS")):
            r = subprocess.run([tool, "--strict", "-c", sums], cwd=self.site, capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            listed = {line.split("  ", 1)[1] for line in self.read(sums, "r").splitlines()}
            self.assertIn(self.assets["astradia.wasm"] + ".br", listed)
            self.assertIn("assets.json", listed)


PY_FOR_SCRIPTS = "python3"  # as CMake runs it: any Python 3, standard library only

if __name__ == "__main__":
    unittest.main()
