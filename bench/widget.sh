# Purpose: ./run bench widget: the legal widget's sizes, its bytes per visit before and after
# issue 20, and its time to banner and long tasks.
bench_widget() {
    build wasm-release site
    local w=build/wasm-release/site/widget
    echo "[bench] widget: its three files (gzip -9 -n)"
    for f in astradia-legal.js astradia-legal-decide.js astradia-legal-ui.js; do
        printf '  %-26s %6d B raw %6d B gzip -9\n' "$f" "$(stat -c %s "$w/$f")" "$(gzip -9 -n -c "$w/$f" | wc -c)"
    done
    echo "  (every page loads astradia-legal.js, goal <= 7500 B gzip; astradia-legal-decide.js records an answer and is"
    echo "   fetched while the banner shows, goal <= 9 KB with the core; astradia-legal-ui.js only on first use of"
    echo "   the preferences, a document or form checkboxes)"
    echo "[bench] widget: bytes per visit, before (95f0a98) and after, headless Chromium"
    node bench/widget-bytes.bench.mjs --runs 3
    echo "[bench] widget: time to banner and long tasks, with and without the widget, desktop 1280x800, headless Chromium"
    node bench/widget.bench.mjs --runs 10
    echo "  reproduce: ./run bench widget"
}
