#!/usr/bin/env bash
# Purpose: benchmarks (figures, not pass/fail tests). Each prints its numbers and the
# command that reproduces them. Usage: ./run bench [NAME...]; no NAME runs them all.
#   size    download size of the game page: wasm + js + page, raw and gzip -9
#   app     the game in Chromium: download, first interactive frame, frame cost, idle
#   sudoku-logic  the grader against Sudoku Explainer (Spearman, share within 0.5, time,
#                 levels) and the generator's latency per level, natively and in wasm
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export NODE_PATH=/usr/share/nodejs

build() {  # build PRESET [TARGET]
    [[ -f "build/$1/build.ninja" ]] || cmake --preset "$1" >/dev/null
    cmake --build --preset "$1" ${2:+--target "$2"} >/dev/null
}

bench_size() {
    build wasm-release site
    local site=build/wasm-release/site total=0
    echo "[bench] size: the game page as a browser downloads it (gzip -9 twins from the site build)"
    for f in index.html app.css boot.js astradia.js astradia.wasm; do
        local raw gz
        raw=$(stat -c %s "$site/$f")
        gz=$(stat -c %s "$site/$f.gz" 2>/dev/null || echo "$raw")
        total=$((total + gz))
        printf '  %-16s %8d B raw %8d B gzip\n' "$f" "$raw" "$gz"
    done
    awk -v t="$total" 'BEGIN { printf "  %-16s %8s       %8d B gzip (%.1f KB)\n", "total", "", t, t / 1024 }'
    echo "  reproduce: ./run bench size"
}

bench_app() {
    build wasm-release site
    node bench/app.bench.mjs
}

bench_sudoku_logic() {
    build native-release astradia
    build wasm-release astradia
    local args=(sudoku logic-bench --generate 200)
    echo "[bench] sudoku-logic, native (native-release): held-out half of se_rated_diabolical, 200 puzzles per level"
    build/native-release/cli/astradia "${args[@]}" --grade 15000 | sed 's/^/  /'
    echo "[bench] sudoku-logic, wasm (wasm-release under node): the first 3000 of the held-out half, 200 per level"
    node --no-experimental-fetch build/wasm-release/cli/astradia.js "${args[@]}" --grade 3000 | sed 's/^/  /'
    echo "  reproduce: ./run bench sudoku-logic"
}

names=("$@")
((${#names[@]})) || names=(size app sudoku-logic)
for n in "${names[@]}"; do
    case "$n" in
        size) bench_size ;;
        app) bench_app ;;
        sudoku-logic) bench_sudoku_logic ;;
        *) echo "unknown benchmark: $n (known: size app sudoku-logic)" >&2; exit 2 ;;
    esac
done
