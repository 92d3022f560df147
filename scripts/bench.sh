#!/usr/bin/env bash
# Purpose: benchmarks (figures, not pass/fail tests). Each prints its numbers and the
# command that reproduces them. Usage: ./run bench [NAME...]; no NAME runs them all.
#   size    download size of the game page: wasm + js + page, raw and gzip -9
#   bricks  Bricks engine speed, hint latency (native and wasm), autoplayer strength
#           (BRICKS_GAMES=200 games, BRICKS_JOBS=nproc threads, BRICKS_CAP=2000000 points)
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

bench_bricks() {
    build native-release astradia
    build wasm-release astradia
    local games="${BRICKS_GAMES:-200}" jobs="${BRICKS_JOBS:-$(nproc)}" cap="${BRICKS_CAP:-2000000}"
    echo "[bench] bricks, native (build/native-release/cli/astradia bricks bench speed latency):"
    build/native-release/cli/astradia bricks bench speed latency
    echo "[bench] bricks, wasm under node (node build/wasm-release/cli/astradia.js bricks bench speed latency):"
    node --no-experimental-fetch build/wasm-release/cli/astradia.js bricks bench speed latency
    build/native-release/cli/astradia bricks bench strength --games "$games" --jobs "$jobs" --max-score "$cap"
    echo "  reproduce: BRICKS_GAMES=$games BRICKS_JOBS=$jobs BRICKS_CAP=$cap ./run bench bricks"
}

names=("$@")
((${#names[@]})) || names=(size)
for n in "${names[@]}"; do
    case "$n" in
        size) bench_size ;;
        bricks) bench_bricks ;;
        *) echo "unknown benchmark: $n (known: size, bricks)" >&2; exit 2 ;;
    esac
done
