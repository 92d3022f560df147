# Purpose: ./run bench widget: the legal widget's size to show the banner and time to banner.
bench_widget() {
    build wasm-release site
    local w=build/wasm-release/site/widget
    echo "[bench] widget: what a page must load to show the banner (gzip -9 -n)"
    for f in astradia-legal.js astradia-legal-ui.js; do
        printf '  %-22s %6d B raw %6d B gzip -9\n' "$f" "$(stat -c %s "$w/$f")" "$(gzip -9 -n -c "$w/$f" | wc -c)"
    done
    echo "  (the banner needs astradia-legal.js only, goal <= 8192 B gzip; astradia-legal-ui.js is imported"
    echo "   when the page is idle or on first use: decisions, dialogs, documents, form checkboxes)"
    echo "[bench] widget: time to banner and long tasks, with and without the widget, desktop 1280x800, headless Chromium"
    node bench/widget.bench.mjs --runs 10
    echo "  reproduce: ./run bench widget"
}
