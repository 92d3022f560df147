#!/usr/bin/env python3
"""Purpose: assemble the release site from the wasm build and web/.

Copies web/ (pages, styles, scripts, icons) and the app (astradia.js, astradia.wasm)
into the output folder, fills each page's Subresource Integrity placeholders
({{sri:FILE}}, sha384 of FILE relative to the page) and size placeholders ({{bytes:FILE}},
its length in bytes: the loading bar's total), writes a gzip -9 twin (.gz)
of every compressible file for serve.py to send precompressed, and writes
SHA256SUMS and MD5SUMS (coreutils format) covering every shipped file.
The new site is built beside the old one and swapped in at the end, so a server
never sees half a site. Standard library only.
"""
import argparse
import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import sys

COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".txt", ".ttf", ".xml", ".md",
                ".webmanifest"}
SKIP_NAMES = {"CMakeLists.txt"}
SRI = re.compile(r"\{\{sri:([^}]+)\}\}")
BYTES = re.compile(r"\{\{bytes:([^}]+)\}\}")
# The service worker precaches the game page and what it loads (offline play), the legal
# widget included: a cached page must not meet a newer widget than its SRI hash names.
SW_PRECACHE = ["/index.html", "/app.css", "/boot.js", "/astradia.js", "/astradia.wasm", "/favicon.svg",
               "/manifest.webmanifest", "/icon.svg", "/widget/astradia-legal.js", "/widget/astradia-legal-ui.js"]
# ... and the legal pages About links to (in both languages) with their style, so they open offline too.
SW_PRECACHE += [f"/legal/astradia/{lang}/{doc}/index.html" for lang in ("en", "ru") for doc in ("terms", "privacy", "sale")]
SW_PRECACHE += ["/legal/legal.css"]


def sri(path):
    return "sha384-" + base64.b64encode(hashlib.sha384(open(path, "rb").read()).digest()).decode()


def fill_page(page, site):
    text = open(page, encoding="utf-8").read()

    def repl(m):
        target = os.path.normpath(os.path.join(os.path.dirname(page), m.group(1)))
        if not target.startswith(site + os.sep) or not os.path.isfile(target):
            sys.exit(f"package_site: {os.path.relpath(page, site)} asks for the hash of a missing file {m.group(1)}")
        return sri(target)

    def size(m):
        target = os.path.normpath(os.path.join(os.path.dirname(page), m.group(1)))
        if not target.startswith(site + os.sep) or not os.path.isfile(target):
            sys.exit(f"package_site: {os.path.relpath(page, site)} asks for the size of a missing file {m.group(1)}")
        return str(os.path.getsize(target))

    filled = BYTES.sub(size, SRI.sub(repl, text))
    if filled != text:
        with open(page, "w", encoding="utf-8") as out:
            out.write(filled)


def fill_service_worker(site):
    """Fills sw.js with the precache list and a version that changes with any of those files."""
    sw = os.path.join(site, "sw.js")
    if not os.path.isfile(sw):
        return
    files = [f for f in SW_PRECACHE if os.path.isfile(os.path.join(site, f.lstrip("/")))]
    missing = sorted(set(SW_PRECACHE) - set(files))
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
    tmp = out + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)

    def ignore(_dir, names):
        return [n for n in names if n in SKIP_NAMES or n.startswith(".")]

    shutil.copytree(args.web, tmp, ignore=ignore)
    for extra in args.extra:
        shutil.copytree(extra, tmp, dirs_exist_ok=True, ignore=ignore)
    for name in ("astradia.js", "astradia.wasm"):
        src = os.path.join(args.app, name)
        if not os.path.isfile(src):
            sys.exit(f"package_site: {src} is missing (build the astradia_app target first)")
        shutil.copy2(src, os.path.join(tmp, name))

    pages = [os.path.join(tmp, f) for f in shipped_files(tmp) if f.endswith(".html")]
    for page in pages:
        fill_page(page, tmp)

    fill_service_worker(tmp)

    for rel in shipped_files(tmp):
        path = os.path.join(tmp, rel)
        if os.path.splitext(rel)[1] in COMPRESSIBLE and os.path.getsize(path) >= 256:
            write_gzip(path)

    files = shipped_files(tmp)
    with open(os.path.join(tmp, "SHA256SUMS"), "w") as s256, open(os.path.join(tmp, "MD5SUMS"), "w") as smd5:
        for rel in files:
            data = open(os.path.join(tmp, rel), "rb").read()
            s256.write(f"{hashlib.sha256(data).hexdigest()}  {rel}\n")
            smd5.write(f"{hashlib.md5(data, usedforsecurity=False).hexdigest()}  {rel}\n")

    old = out + ".old"
    shutil.rmtree(old, ignore_errors=True)
    if os.path.exists(out):
        os.rename(out, old)
    os.rename(tmp, out)
    shutil.rmtree(old, ignore_errors=True)

    def size(rel):
        return os.path.getsize(os.path.join(out, rel))

    def gz(rel):
        return size(rel + ".gz") if os.path.exists(os.path.join(out, rel + ".gz")) else size(rel)

    page = ["index.html", "app.css", "boot.js", "astradia.js", "astradia.wasm"]
    print(f"site: {len(files)} files in {os.path.relpath(out)}; "
          f"astradia.wasm {size('astradia.wasm') / 1024:.1f} KB ({gz('astradia.wasm') / 1024:.1f} KB gzip), "
          f"astradia.js {size('astradia.js') / 1024:.1f} KB ({gz('astradia.js') / 1024:.1f} KB gzip); "
          f"game page download {sum(gz(f) for f in page) / 1024:.1f} KB gzip")


if __name__ == "__main__":
    main()
