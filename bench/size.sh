# Purpose: ./run bench size: the game page's download, raw and gzip -9 (the .gz twins).
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
    # With ASTRADIA_BENCH_BASELINE=DIR (another build's site folder), its total beside this one.
    local base="${ASTRADIA_BENCH_BASELINE:-}" btotal=0
    if [[ -n "$base" ]]; then
        for f in index.html app.css boot.js astradia.js astradia.wasm; do
            btotal=$((btotal + $(stat -c %s "$base/$f.gz" 2>/dev/null || stat -c %s "$base/$f")))
        done
        awk -v b="$btotal" -v t="$total" -v d="$base" 'BEGIN { printf "  baseline %s: %d B gzip (%.1f KB); this build %+d B\n", d, b, b / 1024, t - b }'
    fi
    echo "  reproduce: ${base:+ASTRADIA_BENCH_BASELINE=$base }./run bench size"
}
