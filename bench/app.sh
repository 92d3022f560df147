# Purpose: ./run bench app: the game in Chromium (download, first interactive frame, frame cost, idle).
bench_app() {
    build wasm-release site
    node bench/app.bench.mjs
}
