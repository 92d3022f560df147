#!/usr/bin/env python3
"""Purpose: fills deploy/nginx/astradia.conf for one deployment and prints it; with --standalone
RUN_DIR it also writes a complete nginx configuration there (RUN_DIR/nginx.conf, for
`nginx -c RUN_DIR/nginx.conf`), as the tests and benchmarks run it. Standard library only.

  render_nginx.py --listen 127.0.0.1:8080 --root build/wasm-release/site --app 127.0.0.1:8000 [--app ...]
"""
import argparse
import os
import re
import sys

DEPLOY = os.path.dirname(os.path.abspath(__file__))


def render(listen, root, apps, server_name="_"):
    if not re.fullmatch(r"[0-9A-Za-z.:\[\]]+", listen):
        raise ValueError(f"--listen {listen!r}: expected PORT or ADDRESS:PORT")
    for app in apps:
        if not re.fullmatch(r"[0-9A-Za-z.\-:\[\]/]+", app):
            raise ValueError(f"--app {app!r}: expected HOST:PORT or unix:/path")
    if any(c in root for c in ' ;{}"\'\n'):
        raise ValueError(f"--root {root!r}: no spaces, quotes or semicolons")
    with open(os.path.join(DEPLOY, "nginx", "astradia.conf"), encoding="utf-8") as f:
        text = f.read()
    upstreams = "\n    ".join(f"server {a} max_fails=1 fail_timeout=5s;" for a in apps)
    for key, value in (("@LISTEN@", listen), ("@SERVER_NAME@", server_name), ("@ROOT@", os.path.abspath(root)),
                       ("@UPSTREAMS@", upstreams), ("@DEPLOY@", DEPLOY)):
        text = text.replace(key, value)
    return text


def write_standalone(run, site_text, workers=1):
    """RUN_DIR/astradia.conf + RUN_DIR/nginx.conf; returns the latter's path."""
    run = os.path.abspath(run)
    os.makedirs(run, exist_ok=True)
    site_conf = os.path.join(run, "astradia.conf")
    with open(site_conf, "w", encoding="utf-8") as f:
        f.write(site_text)
    with open(os.path.join(DEPLOY, "nginx", "standalone.conf"), encoding="utf-8") as f:
        text = f.read()
    user = "user nobody nogroup;" if os.geteuid() == 0 else "# not root: the workers run as this user"
    for key, value in (("@RUN@", run), ("@SITE_CONF@", site_conf), ("@USER_LINE@", user),
                       ("@USER@", "nobody"), ("@WORKERS@", str(workers))):
        text = text.replace(key, value)
    main = os.path.join(run, "nginx.conf")
    with open(main, "w", encoding="utf-8") as f:
        f.write(text)
    return main


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--listen", required=True, help="PORT or ADDRESS:PORT")
    ap.add_argument("--root", required=True, help="the built site folder")
    ap.add_argument("--app", action="append", required=True, help="an app process, HOST:PORT (repeatable)")
    ap.add_argument("--server-name", default="_")
    ap.add_argument("--standalone", metavar="RUN_DIR", help="also write a whole nginx.conf into RUN_DIR")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    try:
        text = render(args.listen, args.root, args.app, args.server_name)
    except ValueError as exc:
        sys.exit(f"render_nginx: {exc}")
    if args.standalone:
        print(write_standalone(args.standalone, text, args.workers))
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
