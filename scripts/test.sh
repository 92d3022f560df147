#!/usr/bin/env bash
# Purpose: build everything and run every test: C++ unit tests on native-debug,
# native-asan and native-release (CTest), the libFuzzer targets for a bounded time,
# the engine tests and the CLI compiled to wasm under node, the legal widget's node
# unit tests, serve.py's and build_legal.py's tests, and the browser tests in Debian's
# Chromium. Runs every stage, prints a summary with timings, exits 1 if any stage
# failed. Assumes scripts/bootstrap.sh has run (./run test does both).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export NODE_PATH=/usr/share/nodejs
export CTEST_PARALLEL_LEVEL="${CTEST_PARALLEL_LEVEL:-$(nproc)}"

failed=()
summary=()
stage() {  # stage NAME COMMAND...
    local name="$1"; shift
    local t0=$SECONDS
    printf '\n[test] === %s ===\n' "$name"
    if "$@"; then
        summary+=("$(printf '  ok    %-44s %4ss' "$name" $((SECONDS - t0)))")
    else
        summary+=("$(printf '  FAIL  %-44s %4ss' "$name" $((SECONDS - t0)))")
        failed+=("$name")
    fi
}

configure() {  # configure PRESET: only the first time; later builds re-run cmake when needed
    [[ -f "build/$1/build.ninja" ]] || cmake --preset "$1" >/dev/null || cmake --preset "$1"
}
build_and_ctest() {  # build_and_ctest PRESET [ctest args...]
    local preset="$1"; shift
    configure "$preset" && cmake --build --preset "$preset" && ctest --preset "$preset" "$@"
}

stage "native-debug: build + unit tests" build_and_ctest native-debug
stage "native-asan: build + unit tests (ASan+UBSan)" build_and_ctest native-asan
stage "native-release: build + unit tests (-O3)" build_and_ctest native-release
stage "native-fuzz: fuzz targets (bounded time)" build_and_ctest native-fuzz -j1
stage "wasm-release: site + engine tests under node" build_and_ctest wasm-release
stage "node unit tests (legal widget logic)" node --test tests/legal/
stage "serve.py tests" python3 -m unittest discover -s tests/serve
stage "legal build step tests (build_legal.py)" python3 -m unittest discover -s tests/legal -p 'test_*.py'
stage "browser tests (Chromium + playwright-core)" node --test --test-concurrency=1 tests/browser/

printf '\n[test] summary (%ss in all):\n' "$SECONDS"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
    printf '[test] FAILED: %s\n' "${failed[*]}"
    exit 1
fi
printf '[test] all stages passed; screenshots in build/screenshots and build/native-debug/screenshots\n'
