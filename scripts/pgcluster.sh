#!/usr/bin/env bash
# Purpose: a throwaway PostgreSQL 15 cluster for tests and benchmarks (Debian postgresql-15):
#   scripts/pgcluster.sh start   creates a cluster in a new /tmp/astradia-pg.XXXX folder, listening
#                                on a Unix socket there only (fsync off: for tests), and prints
#                                "DIR URL" (URL: postgresql://astradia@/postgres?host=DIR)
#   scripts/pgcluster.sh stop DIR  stops it and deletes the folder
# As root, initdb and pg_ctl run as the unprivileged `postgres` user (initdb refuses root), which
# is why the folder is under /tmp (every parent traversable). As another user they run as that user.
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
die() { printf '[pgcluster] error: %s\n' "$*" >&2; exit 1; }
[[ -x "$bin/initdb" ]] || die "PostgreSQL 15 is not installed (Debian postgresql-15; ./run bootstrap installs it)"
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
    start)
        dir="$(mktemp -d /tmp/astradia-pg.XXXXXX)"
        chmod 755 "$dir"
        [[ "$(id -u)" == 0 ]] && chown postgres "$dir"
        if ! as_owner "$bin/initdb" -D "$dir/data" -A trust -U astradia --no-sync -E UTF8 --locale=C \
                >"$dir/initdb.log" 2>&1; then
            cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"
        fi
        if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 start \
                -o "-k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
                >/dev/null; then
            cat "$dir/log" >&2; rm -rf "$dir"; die "the cluster did not start"
        fi
        printf '%s postgresql://astradia@/postgres?host=%s\n' "$dir" "$dir"
        ;;
    stop)
        dir="${2:-}"
        [[ "$dir" == /tmp/astradia-pg.* && -d "$dir" ]] || die "usage: $0 stop /tmp/astradia-pg.XXXXXX"
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$dir"
        ;;
    *) die "usage: $0 start | stop DIR" ;;
esac
