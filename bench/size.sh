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
    echo "  reproduce: ./run bench size"
}
