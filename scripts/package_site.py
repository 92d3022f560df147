#!/usr/bin/env python3
"""Purpose: assemble the release site from the wasm build and web/.

Copies web/ (pages, styles, scripts, icons) and the app (astradia.js, astradia.wasm)
into the output folder; gives every script, style, wasm and font file a content-hashed name
(name.<16 hex of SHA-256>.ext, so servers can cache it for a year) except the files others
name by URL (sw.js, the legal widget's three public files); rewrites the pages' src/href
attributes to those names, fills each page's placeholders ({{sri:FILE}}: sha384 of FILE
relative to the page; {{asset:FILE}}: FILE's hashed name; {{bytes:FILE}}: FILE's length in
bytes, the loading bar's total), writes assets.json (logical name -> hashed name), a gzip -9
(.gz) and a Brotli (.br, Debian's brotli) twin of every compressible file for the servers to
send precompressed, and SHA256SUMS and MD5SUMS (coreutils format) covering every shipped file.
The new site is built beside the old one and swapped in at the end, so a server never sees
half a site. Standard library plus the brotli command.
"""
import argparse
import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

import dirswap  # scripts/dirswap.py, beside this file: the one way a generated folder is replaced

COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".txt", ".ttf", ".xml", ".md",
                ".webmanifest"}
SKIP_NAMES = {"CMakeLists.txt"}
SRI = re.compile(r"\{\{sri:([^}]+)\}\}")
ASSET = re.compile(r"\{\{asset:([^}]+)\}\}")
REFERENCE = re.compile(r'(\s(?:src|href)=")([^"#?:]+)(")')
CSS_URL = re.compile(r"""url\((["']?)([^"')#?:]+)\1\)""")
# What gets a content-hashed name, and the files that keep theirs because others name them by URL:
# the service worker (registered at /sw.js), the legal widget (partners embed its core, which
# loads its two other parts by name).
HASHED_EXT = {".js", ".mjs", ".css", ".wasm", ".woff2", ".woff", ".ttf", ".otf"}
STABLE = {"sw.js", "widget/astradia-legal.js", "widget/astradia-legal-decide.js", "widget/astradia-legal-ui.js"}
BYTES = re.compile(r"\{\{bytes:([^}]+)\}\}")
# The service worker precaches the game page and what it loads (offline play), the legal
# widget included: a cached page must not meet a newer widget than its SRI hash names.
SW_PRECACHE = ["/index.html", "/app.css", "/boot.js", "/astradia.js", "/astradia.wasm", "/favicon.svg",
               "/manifest.webmanifest", "/icon.svg", "/widget/astradia-legal.js", "/widget/astradia-legal-decide.js",
               "/widget/astradia-legal-ui.js"]
# ... and the legal pages About links to (in both languages) with their style, so they open offline too.
SW_PRECACHE += [f"/legal/astradia/{lang}/{doc}/index.html" for lang in ("en", "ru") for doc in ("terms", "privacy", "sale")]
SW_PRECACHE += ["/legal/legal.css"]


def sri(path):
    return "sha384-" + base64.b64encode(hashlib.sha384(open(path, "rb").read()).digest()).decode()


def hashed_name(rel, data):
    stem, ext = os.path.splitext(rel)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:16]}{ext}"


def fingerprint(site):
    """Renames every hashable file to its content-hashed name (styles after rewriting their url()s
    to hashed names) and returns {logical rel: hashed rel}."""
    renames = {}
    files = [f for f in shipped_files(site) if os.path.splitext(f)[1] in HASHED_EXT and f not in STABLE]
    # leaves first (what a stylesheet may point at), then the stylesheets, then scripts
    order = sorted(files, key=lambda f: {".css": 1, ".js": 2, ".mjs": 2}.get(os.path.splitext(f)[1], 0))
    for rel in order:
        path = os.path.join(site, rel)
        if rel.endswith(".css"):
            text = open(path, encoding="utf-8").read()

            def repl(m, rel=rel):
                target = os.path.normpath(os.path.join(os.path.dirname(rel), m.group(2))).replace(os.sep, "/")
                if target not in renames:
                    return m.group(0)
                new = os.path.join(os.path.dirname(m.group(2)), os.path.basename(renames[target]))
                return f"url({m.group(1)}{new}{m.group(1)})"

            rewritten = CSS_URL.sub(repl, text)
            if rewritten != text:
                with open(path, "w", encoding="utf-8") as out:
                    out.write(rewritten)
        data = open(path, "rb").read()
        renames[rel] = hashed_name(rel, data)
        os.rename(path, os.path.join(site, renames[rel]))
    return renames


def fill_page(page, site, renames):
    """Rewrites the page's src/href to hashed names and fills its sri:, asset: and bytes: placeholders."""
    text = open(page, encoding="utf-8").read()
    here = os.path.dirname(os.path.relpath(page, site))

    def logical(value):
        """The site-relative file `value` names from this page."""
        joined = value.lstrip("/") if value.startswith("/") else os.path.join(here, value)
        return os.path.normpath(joined).replace(os.sep, "/")

    def hashed(value):
        rel = logical(value)
        if rel not in renames:
            return value
        return os.path.join(os.path.dirname(value), os.path.basename(renames[rel]))

    def sri_of(m):
        rel = renames.get(logical(m.group(1)), logical(m.group(1)))
        target = os.path.join(site, rel)
        if rel.startswith("../") or not os.path.isfile(target):
            sys.exit(f"package_site: {os.path.relpath(page, site)} asks for the hash of a missing file {m.group(1)}")
        return sri(target)

    def asset_of(m):
        if logical(m.group(1)) not in renames and not os.path.isfile(os.path.join(site, logical(m.group(1)))):
            sys.exit(f"package_site: {os.path.relpath(page, site)} names a missing asset {m.group(1)}")
        return hashed(m.group(1))

    def size_of(m):
        rel = renames.get(logical(m.group(1)), logical(m.group(1)))
        target = os.path.join(site, rel)
        if rel.startswith("../") or not os.path.isfile(target):
            sys.exit(f"package_site: {os.path.relpath(page, site)} asks for the size of a missing file {m.group(1)}")
        return str(os.path.getsize(target))

    filled = REFERENCE.sub(lambda m: m.group(1) + hashed(m.group(2)) + m.group(3), text)
    filled = SRI.sub(sri_of, filled)
    filled = ASSET.sub(asset_of, filled)
    filled = BYTES.sub(size_of, filled)
    if filled != text:
        with open(page, "w", encoding="utf-8") as out:
            out.write(filled)


def fill_service_worker(site, renames):
    """Fills sw.js with the precache list (hashed names) and a version that changes with any of
    those files."""
    sw = os.path.join(site, "sw.js")
    if not os.path.isfile(sw):
        return
    wanted = ["/" + renames.get(f.lstrip("/"), f.lstrip("/")) for f in SW_PRECACHE]
    files = [f for f in wanted if os.path.isfile(os.path.join(site, f.lstrip("/")))]
    missing = sorted(set(wanted) - set(files))
    if missing:
        sys.exit(f"package_site: the service worker precaches missing files: {missing}")
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.encode() + b"\0" + open(os.path.join(site, f.lstrip("/")), "rb").read())
    text = open(sw, encoding="utf-8").read()
    text = text.replace("{{sw:version}}", digest.hexdigest()[:16]).replace("{{sw:files}}", json.dumps(files))
    with open(sw, "w", encoding="utf-8") as out:
        out.write(text)


def write_gzip(path):
    data = open(path, "rb").read()
    with open(path + ".gz", "wb") as raw:
        # mtime=0 and no file name: the same input gives the same bytes.
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as gz:
            gz.write(data)


def write_brotli(path, brotli):
    # -q 11: the smallest output.
    subprocess.run([brotli, "-q", "11", "-f", "-o", path + ".br", path], check=True)
    # The brotli command copies the input's mtime in whole seconds only, so the twin looked
    # older than its file and the server (server/static.py) took it for stale and never sent
    # it. The twin gets its file's exact times.
    st = os.stat(path)
    os.utime(path + ".br", ns=(st.st_atime_ns, st.st_mtime_ns))


def shipped_files(site):
    out = []
    for dirpath, dirnames, filenames in os.walk(site):
        dirnames.sort()
        for name in sorted(filenames):
            rel = os.path.relpath(os.path.join(dirpath, name), site).replace(os.sep, "/")
            if rel not in ("SHA256SUMS", "MD5SUMS"):
                out.append(rel)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--web", required=True, help="the web/ source folder")
    ap.add_argument("--app", required=True, help="folder holding astradia.js and astradia.wasm")
    ap.add_argument("--extra", action="append", default=[], metavar="DIR",
                    help="another generated folder whose files are copied into the site root")
    ap.add_argument("--out", required=True, help="the site folder to (re)create")
    args = ap.parse_args()

    out = os.path.abspath(args.out)

    def ignore(_dir, names):
        return [n for n in names if n in SKIP_NAMES or n.startswith(".")]

    with dirswap.replacing(out) as tmp:
        shutil.copytree(args.web, tmp, ignore=ignore, dirs_exist_ok=True)
        for extra in args.extra:
            shutil.copytree(extra, tmp, dirs_exist_ok=True, ignore=ignore)
        for name in ("astradia.js", "astradia.wasm"):
            src = os.path.join(args.app, name)
            if not os.path.isfile(src):
                sys.exit(f"package_site: {src} is missing (build the astradia_app target first)")
            shutil.copy2(src, os.path.join(tmp, name))

        brotli = shutil.which("brotli")
        if brotli is None:
            sys.exit("package_site: the brotli command is missing (Debian package brotli; ./run bootstrap installs it)")

        renames = fingerprint(tmp)
        pages = [os.path.join(tmp, f) for f in shipped_files(tmp) if f.endswith(".html")]
        for page in pages:
            fill_page(page, tmp, renames)
        with open(os.path.join(tmp, "assets.json"), "w", encoding="utf-8") as manifest:
            json.dump(renames, manifest, indent=1, sort_keys=True)
            manifest.write("\n")

        fill_service_worker(tmp, renames)

        for rel in shipped_files(tmp):
            path = os.path.join(tmp, rel)
            if os.path.splitext(rel)[1] in COMPRESSIBLE and os.path.getsize(path) >= 256:
                write_gzip(path)
                write_brotli(path, brotli)

        files = shipped_files(tmp)
        with open(os.path.join(tmp, "SHA256SUMS"), "w") as s256, open(os.path.join(tmp, "MD5SUMS"), "w") as smd5:
            for rel in files:
                data = open(os.path.join(tmp, rel), "rb").read()
                s256.write(f"{hashlib.sha256(data).hexdigest()}  {rel}\n")
                smd5.write(f"{hashlib.md5(data, usedforsecurity=False).hexdigest()}  {rel}\n")

    def size(rel):
        return os.path.getsize(os.path.join(out, renames.get(rel, rel)))

    def gz(rel):
        twin = os.path.join(out, renames.get(rel, rel) + ".gz")
        return os.path.getsize(twin) if os.path.exists(twin) else size(rel)

    page = ["index.html", "app.css", "boot.js", "astradia.js", "astradia.wasm"]
    print(f"site: {len(files)} files in {os.path.relpath(out)}; "
          f"astradia.wasm {size('astradia.wasm') / 1024:.1f} KB ({gz('astradia.wasm') / 1024:.1f} KB gzip), "
          f"astradia.js {size('astradia.js') / 1024:.1f} KB ({gz('astradia.js') / 1024:.1f} KB gzip); "
          f"game page download {sum(gz(f) for f in page) / 1024:.1f} KB gzip")


if __name__ == "__main__":
    main()
