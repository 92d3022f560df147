# Purpose: ./run bench size: the game page's download, raw and gzip -9 (the .gz twins) and Brotli
# (the .br twins); the assets' content-hashed names come from the site's assets.json.
bench_size() {
    build wasm-release site
    local site=build/wasm-release/site total=0 total_br=0
    echo "[bench] size: the game page as a browser downloads it (gzip -9 and Brotli twins from the site build)"
    for f in index.html app.css boot.js astradia.js astradia.wasm; do
        local file raw gz br
        file=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], sys.argv[2]))' \
            "$site/assets.json" "$f")
        raw=$(stat -c %s "$site/$file")
        gz=$(stat -c %s "$site/$file.gz" 2>/dev/null || echo "$raw")
        br=$(stat -c %s "$site/$file.br" 2>/dev/null || echo "$raw")
        total=$((total + gz))
        total_br=$((total_br + br))
        printf '  %-34s %8d B raw %8d B gzip %8d B brotli\n' "$file" "$raw" "$gz" "$br"
    done
    awk -v t="$total" -v b="$total_br" 'BEGIN { printf "  %-34s %8s       %8d B gzip (%.1f KB) %8d B brotli (%.1f KB)\n", "total", "", t, t / 1024, b, b / 1024 }'
    # With ASTRADIA_BENCH_BASELINE=DIR (another build's site folder), its gzip total beside this
    # one (its assets.json names its files, if it has one).
    local base="${ASTRADIA_BENCH_BASELINE:-}" btotal=0
    if [[ -n "$base" ]]; then
        for f in index.html app.css boot.js astradia.js astradia.wasm; do
            local bfile
            bfile=$(python3 -c 'import json, os, sys; p = sys.argv[1]; print(json.load(open(p)).get(sys.argv[2], sys.argv[2]) if os.path.exists(p) else sys.argv[2])' \
                "$base/assets.json" "$f")
            btotal=$((btotal + $(stat -c %s "$base/$bfile.gz" 2>/dev/null || stat -c %s "$base/$bfile")))
        done
        awk -v b="$btotal" -v t="$total" -v d="$base" 'BEGIN { printf "  baseline %s: %d B gzip (%.1f KB); this build %+d B\n", d, b, b / 1024, t - b }'
    fi
    echo "  reproduce: ${base:+ASTRADIA_BENCH_BASELINE=$base }./run bench size"
}
