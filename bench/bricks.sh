# Purpose: ./run bench bricks: engine speed, hint latency (native and wasm) and autoplayer
# strength (BRICKS_GAMES=200 games, BRICKS_JOBS=nproc threads, BRICKS_CAP=2000000 points).
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
