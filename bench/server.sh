# Purpose: ./run bench server: the site's server under wrk: static asset, game page and
# POST /api/consent, the previous http.server serve.py (from git history) against the app on SQLite
# and PostgreSQL and nginx with the shipped configuration, with and without 200 slow connections
# (bench/server/run.py says how). BENCH_SERVER_ROUNDS / BENCH_SERVER_DURATION change the length.
bench_server() {
    build wasm-release site
    /usr/bin/python3 bench/server/run.py --rounds "${BENCH_SERVER_ROUNDS:-3}" --duration "${BENCH_SERVER_DURATION:-5}"
}
