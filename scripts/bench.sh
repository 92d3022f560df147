#!/usr/bin/env bash
# Purpose: benchmarks (figures, not pass/fail tests). Each prints its numbers and the
# command that reproduces them. Usage: ./run bench [NAME...]; no NAME runs them all.
#   size    download size of the game page: wasm + js + page, raw and gzip -9
#   sudoku-solver  Sudoku solver throughput, native-release and wasm (node), and wasm/native
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

bench_sudoku_solver() {
    build native-release astradia
    build wasm-release astradia
    local native wasm
    native=$(mktemp)
    wasm=$(mktemp)
    ./build/native-release/cli/astradia sudoku bench | tee "$native"
    node --no-experimental-fetch build/wasm-release/cli/astradia.js sudoku bench | tee "$wasm"
    echo "[bench] sudoku solver: wasm / native puzzles per second, same machine, same run"
    # Result lines: "  <set> <puzzles> <mode> <rate>/s ..."; join them on set and mode.
    awk 'FNR == 1 { file++ } $3 ~ /^(first|unique)$/ && $4 ~ /\/s$/ { rate[file, $1 " " $3] = $4 + 0; key[$1 " " $3] = 1 }
         END { for (k in key) if (rate[1, k] > 0) printf "  %-36s %6.2f\n", k, rate[2, k] / rate[1, k] }' \
        "$native" "$wasm" | sort
    rm -f "$native" "$wasm"
    echo "  reproduce: ./run bench sudoku-solver"
}

names=("$@")
((${#names[@]})) || names=(size sudoku-solver)
for n in "${names[@]}"; do
    case "$n" in
        size) bench_size ;;
        sudoku-solver) bench_sudoku_solver ;;
        *) echo "unknown benchmark: $n (known: size, sudoku-solver)" >&2; exit 2 ;;
    esac
done
