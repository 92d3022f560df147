#!/usr/bin/env bash
# Purpose: build everything and run every test: C++ unit tests on native-debug,
# native-asan and native-release (CTest), the libFuzzer targets for a bounded time,
# the engine tests and the CLI compiled to wasm under node, the legal widget's node
# unit tests, the server's tests (on SQLite and on a throwaway PostgreSQL cluster this script
# starts and stops), nginx with the shipped configuration, build_legal.py's tests, and the
# browser tests in Debian's Chromium. Runs every stage, prints a summary with timings, exits 1 if any stage
# failed. Assumes scripts/bootstrap.sh has run (./run test does both).
#
# Builds always run (ninja makes them no-ops when nothing changed). A stage's tests are
# skipped when a hash of everything they read (the tracked and untracked source files
# they depend on, their build's outputs where relevant, ../shared/data, the installed
# toolchain's package versions and this script) equals the hash recorded when they last
# passed. `./run test --all` (or ASTRADIA_TEST_ALL=1) reruns every stage regardless.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export NODE_PATH=/usr/share/nodejs
export CTEST_PARALLEL_LEVEL="${CTEST_PARALLEL_LEVEL:-$(nproc)}"

run_all="${ASTRADIA_TEST_ALL:-0}"
for arg in "$@"; do
    case "$arg" in
        --all) run_all=1 ;;
        *) echo "usage: ./run test [--all]" >&2; exit 2 ;;
    esac
done

# What every stage's result depends on besides its own files: the toolchain (package
# versions, not host-specific paths), the npm lock, the shared data and this script.
common_key() {
    dpkg-query -W -f '${Package} ${Version}\n' g++ clang emscripten nodejs chromium \
        python3 catch2 nlohmann-json3-dev libglfw3-dev libstb-dev 2>/dev/null
    find ../shared/data -type f -printf '%P %s %T@\n' 2>/dev/null | LC_ALL=C sort
    sha256sum package-lock.json scripts/test.sh
}
common="$(common_key | sha256sum | cut -d' ' -f1)"
# inputs_key PATHSPEC...: one hash over the named source files (tracked or new, not ignored).
inputs_key() {
    git ls-files -z -co --exclude-standard -- "$@" | LC_ALL=C sort -z \
        | xargs -0 -r sha256sum 2>/dev/null | sha256sum | cut -d' ' -f1
}
have_git=0
git rev-parse --is-inside-work-tree >/dev/null 2>&1 && have_git=1
# Source files a C++ stage reads: everything but docs, benchmarks, the browser and serve tests.
cpp_sources=(. ':!docs' ':!bench' ':!README.md' ':!tests/browser' ':!tests/serve' ':!serve.py' ':!server'
             ':!deploy' ':!server.toml')
# The server's Debian packages: their versions are part of the server stages' keys.
server_packages() {
    dpkg-query -W -f '${Package} ${Version}\n' python3-waitress python3-psycopg python3-gunicorn \
        postgresql-15 nginx brotli 2>/dev/null
}

# A throwaway PostgreSQL cluster (scripts/pgcluster.sh), started by the stages that need it and
# always stopped, also when the script is interrupted.
pg_dir=""
stop_pg() { if [[ -n "$pg_dir" ]]; then scripts/pgcluster.sh stop "$pg_dir"; pg_dir=""; fi; }
trap stop_pg EXIT
trap 'stop_pg; exit 130' INT TERM
with_pg() {  # with_pg COMMAND...: runs COMMAND with ASTRADIA_TEST_PG set to a fresh cluster's URL
    local out rc
    out="$(scripts/pgcluster.sh start)" || return 1
    pg_dir="${out%% *}"
    ASTRADIA_TEST_PG="${out#* }" "$@"
    rc=$?
    stop_pg
    return $rc
}

failed=()
summary=()
# stage NAME STAMP KEY COMMAND...: runs COMMAND unless KEY equals the one STAMP recorded at
# the last pass (an empty KEY always runs); records KEY in STAMP when COMMAND passes.
stage() {
    local name="$1" stamp="$2" key="$3"; shift 3
    local t0=$SECONDS
    printf '\n[test] === %s ===\n' "$name"
    if [[ "$run_all" != 1 && -n "$key" && -f "$stamp" && "$(cat "$stamp")" == "$key" ]]; then
        printf '[test] unchanged since its last pass (%s); skipped (./run test --all reruns it)\n' \
            "$(date -r "$stamp" '+%Y-%m-%d %H:%M')"
        summary+=("$(printf '  same  %-44s %4ss' "$name" $((SECONDS - t0)))")
        return
    fi
    rm -f "$stamp"
    if "$@"; then
        if [[ -n "$key" ]]; then mkdir -p "$(dirname "$stamp")" && printf '%s\n' "$key" > "$stamp"; fi
        summary+=("$(printf '  ok    %-44s %4ss' "$name" $((SECONDS - t0)))")
    else
        summary+=("$(printf '  FAIL  %-44s %4ss' "$name" $((SECONDS - t0)))")
        failed+=("$name")
    fi
}
# key PATHSPEC... [-- EXTRA...]: the stage key (empty without git: then every stage runs).
key() {
    ((have_git)) || return 0
    local specs=()
    while (($#)) && [[ "$1" != -- ]]; do specs+=("$1"); shift; done
    [[ "${1:-}" == -- ]] && shift
    printf '%s %s %s\n' "$common" "$(inputs_key "${specs[@]}")" "$*" | sha256sum | cut -d' ' -f1
}

configure() {  # configure PRESET: only the first time; later builds re-run cmake when needed
    [[ -f "build/$1/build.ninja" ]] || cmake --preset "$1" >/dev/null || cmake --preset "$1"
}
build() {  # build PRESET: configure if needed, then build (a no-op when up to date)
    printf '\n[test] --- building %s ---\n' "$1"
    configure "$1" && cmake --build --preset "$1"
}
# preset_stage NAME PRESET [ctest args...]: build, then the preset's CTest tests. A failed
# build is a failed stage; the pass stamp lives in the build folder, so deleting it reruns.
preset_stage() {
    local name="$1" preset="$2"; shift 2
    local t0=$SECONDS
    if ! build "$preset"; then
        printf '\n[test] === %s ===\n[test] the build failed\n' "$name"
        summary+=("$(printf '  FAIL  %-44s %4ss' "build $preset" $((SECONDS - t0)))")
        failed+=("$name")
        return
    fi
    summary+=("$(printf '  built %-44s %4ss' "$preset" $((SECONDS - t0)))")
    stage "$name" "build/$preset/test-pass.key" "$(key "${cpp_sources[@]}" -- "$preset" "$@")" \
        ctest --preset "$preset" "$@"
}
# The site the browser tests load: its checksum list names every shipped file's hash, so
# the browser key covers the app's C++ through what it compiled to.
site_sums() { cat build/wasm-release/site/SHA256SUMS 2>/dev/null; }

passes=build/test-passes
preset_stage "native-debug: unit tests" native-debug
preset_stage "native-asan: unit tests (ASan+UBSan)" native-asan
preset_stage "native-release: unit tests (-O3)" native-release
preset_stage "native-fuzz: fuzz targets (bounded time)" native-fuzz
preset_stage "wasm-release: engine tests under node" wasm-release
stage "node unit tests (legal widget logic)" "$passes/node-legal.key" \
    "$(key legal tests/legal)" node --test tests/legal/
stage "server tests (SQLite and PostgreSQL)" "$passes/serve.key" \
    "$(key serve.py server server.toml tests/serve tests/legal legal scripts/pgcluster.sh scripts/package_site.py scripts/dirswap.py \
        -- "$(server_packages)")" \
    with_pg /usr/bin/python3 -m unittest discover -s tests/serve -p 'test_[!n]*.py'
stage "nginx with the shipped configuration (deploy/)" "$passes/nginx.key" \
    "$(key deploy serve.py server server.toml tests/serve scripts/pgcluster.sh -- "$(server_packages)")" \
    with_pg /usr/bin/python3 -m unittest discover -s tests/serve -p 'test_nginx.py'

stage "legal build step tests (build_legal.py)" "$passes/build-legal.key" \
    "$(key legal tests/legal scripts/dirswap.py)" python3 -m unittest discover -s tests/legal -p 'test_*.py'
stage "build script tests (scripts/)" "$passes/build-scripts.key" \
    "$(key scripts tests/scripts)" python3 -m unittest discover -s tests/scripts -p 'test_*.py'
stage "browser tests (Chromium + playwright-core)" "$passes/browser.key" \
    "$(key tests/browser serve.py server web legal -- "$(site_sums | sha256sum)" "$(server_packages)")" \
    node --test --test-concurrency=1 tests/browser/

printf '\n[test] summary (%ss in all):\n' "$SECONDS"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
    printf '[test] FAILED: %s\n' "${failed[*]}"
    exit 1
fi
printf '[test] all stages passed ("same": unchanged since its last pass); screenshots in build/screenshots and build/native-debug/screenshots\n'
