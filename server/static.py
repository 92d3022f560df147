"""Purpose: the built site's files: path resolution that never leaves the root (.., hidden files,
symlinks pointing out: 404), MIME types, strong ETags (SHA-256 of the bytes) with 304, the Brotli
or gzip twin written at packaging when the client accepts it (else gzip on the fly for small
compressible files), and caching by name: a content-hashed asset (name.<16 hex>.js|mjs|wasm|css|font)
is immutable for a year, everything else (pages, sw.js, checksum lists, the widget's public files)
revalidates. Files are streamed through the server's file wrapper, never read whole.

Where a path leads (the resolution, which walks every component) is remembered for a second, but
the file itself is checked on every request (one stat: inode, size and modification time), so a
file rewritten in place or a site swapped by scripts/package_site.py is served as it is now, with
its own length and ETag, never the old one's (a 304 for the old tag after a change, or a length
that no longer matches the bytes). A path that led nowhere stays a 404 for that second.
"""
import email.utils
import gzip
import hashlib
import os
import re
import threading
import time

from .http import COMPRESSIBLE, MIME, MIME_BY_NAME, Response, HTTPError

HASHED = re.compile(r"\.[0-9a-f]{16}\.(js|mjs|wasm|css|woff2|woff|ttf|otf)$")
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
FRESH_SECONDS = 1.0
ON_THE_FLY_LIMIT = 4 << 20  # larger files without a twin go uncompressed


def cache_control(name):
    """The Cache-Control value for a file called `name`."""
    return IMMUTABLE if HASHED.search(name) else REVALIDATE


def accepted_encodings(header):
    """The codings in Accept-Encoding with q > 0 (lower-case; "*" stands for any)."""
    out = set()
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields or not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            out.add(fields[0].lower())
    return out


def file_etag(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()[:32]


def _stamp(st):
    """What says a file is still the one an entry describes."""
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class _Entry:
    __slots__ = ("full", "stamp", "size", "mtime", "etag", "ctype", "compressible", "twins", "expires", "gz")

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)


class StaticFiles:
    def __init__(self, root):
        self.root_real = os.path.realpath(root)
        self._entries = {}  # decoded path -> _Entry or None (not a file), fresh for FRESH_SECONDS
        self._etags = {}    # (path, mtime_ns, size, ino) -> etag
        self._lock = threading.Lock()

    # --- resolution ----------------------------------------------------------------------------
    def resolve(self, path):
        """The real file for a decoded URL path (no NUL, no backslash) inside the root, or None."""
        segments = path.split("/")
        if any(s in (".", "..") or s.startswith(".") for s in segments[1:]):
            return None
        rel = path.lstrip("/")
        if rel == "" or path.endswith("/"):
            rel += "index.html"
        root = self.root_real
        full = os.path.realpath(os.path.join(root, rel))
        if os.path.commonpath([full, root]) != root or not os.path.isfile(full):
            return None
        return full

    def _etag(self, full, st):
        key = (full, st.st_mtime_ns, st.st_size, st.st_ino)
        with self._lock:
            tag = self._etags.get(key)
        if tag is None:
            tag = file_etag(full)
            with self._lock:
                if len(self._etags) > 4096:
                    self._etags.clear()
                self._etags[key] = tag
        return tag

    def _entry(self, path):
        now = time.monotonic()
        with self._lock:
            entry = self._entries.get(path)
        if entry is not None and entry.expires > now:
            if entry.full is None:
                return entry
            try:
                if _stamp(os.stat(entry.full)) == entry.stamp:
                    return entry
            except OSError:
                pass
        full = self.resolve(path)
        if full is not None:
            try:
                st = os.stat(full)
            except OSError:  # swapped away since it was resolved
                full = None
        if full is None:
            entry = _Entry(full=None, expires=now + FRESH_SECONDS)
        else:
            name = os.path.basename(full)
            ctype = MIME_BY_NAME.get(name) or MIME.get(os.path.splitext(name)[1].lower(), "application/octet-stream")
            compressible = ctype.startswith(COMPRESSIBLE) and st.st_size >= 256
            twins = {}
            if compressible:
                for coding, suffix in (("br", ".br"), ("gzip", ".gz")):
                    try:
                        tst = os.stat(full + suffix)
                    except OSError:
                        continue
                    if tst.st_mtime_ns >= st.st_mtime_ns:
                        twins[coding] = (full + suffix, tst.st_size)
            entry = _Entry(full=full, stamp=_stamp(st), size=st.st_size, mtime=st.st_mtime, etag=self._etag(full, st),
                           ctype=ctype, compressible=compressible, twins=twins,
                           expires=now + FRESH_SECONDS, gz=None)
        with self._lock:
            if len(self._entries) > 4096:
                self._entries.clear()
            self._entries[path] = entry
        return entry

    # --- serving --------------------------------------------------------------------------------
    def serve(self, request, head):
        """The response for GET/HEAD of request.path. Raises HTTPError 404."""
        path = request.path
        entry = self._entry(path)
        if entry.full is None:
            location = self._folder_redirect(path)
            if location:
                return Response(301, [("Location", location)])
            raise HTTPError(404, "Not found", close=False)
        headers = [("Cache-Control", cache_control(os.path.basename(entry.full)))]
        coding, source, size, etag = None, entry.full, entry.size, entry.etag
        if entry.compressible:
            headers.append(("Vary", "Accept-Encoding"))
            accepted = accepted_encodings(request.header("Accept-Encoding"))
            for name in ("br", "gzip"):
                if name in entry.twins and (name in accepted or "*" in accepted):
                    coding = name
                    source, size = entry.twins[name]
                    break
            if coding is None and ("gzip" in accepted or "*" in accepted) and entry.size <= ON_THE_FLY_LIMIT:
                coding, source = "gzip", None
            if coding:
                etag += "-br" if coding == "br" else "-gz"
        quoted = f'"{etag}"'
        headers.append(("ETag", quoted))
        inm = request.header("If-None-Match")
        if inm and (inm.strip() == "*" or quoted in [t.strip() for t in inm.split(",")]):
            return Response(304, headers, b"", encoding=coding or "-")
        headers.append(("Content-Type", entry.ctype))
        headers.append(("Last-Modified", email.utils.formatdate(entry.mtime, usegmt=True)))
        if coding:
            headers.append(("Content-Encoding", coding))
        if source is None:  # gzip on the fly, once per file version
            if entry.gz is None:
                with open(entry.full, "rb") as f:
                    entry.gz = gzip.compress(f.read(), 6, mtime=0)
            body = b"" if head else entry.gz
            return Response(200, headers + [("Content-Length", str(len(entry.gz)))], body,
                            length=len(entry.gz), encoding=coding)
        headers.append(("Content-Length", str(size)))
        if head:
            return Response(200, headers, b"", length=size, encoding=coding or "-")
        try:
            f = open(source, "rb")
        except OSError:  # swapped away between the look-up and now
            raise HTTPError(404, "Not found", close=False) from None
        return Response(200, headers, f, length=size, encoding=coding or "-")

    def _folder_redirect(self, path):
        """'/rel/' when `path` names a folder inside the root that has an index.html, else None."""
        rel = path.strip("/")
        if not rel or ".." in path.split("/") or any(s.startswith(".") for s in rel.split("/")):
            return None
        folder = os.path.realpath(os.path.join(self.root_real, rel))
        if os.path.commonpath([folder, self.root_real]) == self.root_real \
                and os.path.isfile(os.path.join(folder, "index.html")):
            return "/" + rel + "/"
        return None
