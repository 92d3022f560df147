#!/usr/bin/env bash
# Purpose: benchmarks (figures, not pass/fail tests). Each prints its numbers and the
# command that reproduces them. Usage: ./run bench [NAME...]; no NAME runs them all.
#   size    download size of the game page: wasm + js + page, raw and gzip -9
#   widget  the legal widget: what must load to show the banner (gzip -9), time to banner,
#           layout shift and long tasks in headless Chromium (scripts/bench_widget.mjs)
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

bench_widget() {
    build wasm-release site
    local w=build/wasm-release/site/widget
    echo "[bench] widget: what a page must load to show the banner (gzip -9 -n)"
    for f in astradia-legal.js astradia-legal-ui.js; do
        printf '  %-22s %6d B raw %6d B gzip -9\n' "$f" "$(stat -c %s "$w/$f")" "$(gzip -9 -n -c "$w/$f" | wc -c)"
    done
    echo "  (the banner needs astradia-legal.js only, goal <= 8192 B gzip; astradia-legal-ui.js is imported"
    echo "   when the page is idle or on first use: decisions, dialogs, documents, form checkboxes)"
    echo "[bench] widget: time to banner, desktop 1280x800, headless Chromium"
    node scripts/bench_widget.mjs --runs 10
    echo "  reproduce: ./run bench widget"
}

names=("$@")
((${#names[@]})) || names=(size widget)
for n in "${names[@]}"; do
    case "$n" in
        size) bench_size ;;
        widget) bench_widget ;;
        *) echo "unknown benchmark: $n (known: size, widget)" >&2; exit 2 ;;
    esac
done
