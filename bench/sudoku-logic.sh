# Purpose: ./run bench sudoku-logic: grader agreement with SE ratings and generator latency, native
# and wasm, and the generator beside QQWing's by level (astradia-vs-qqwing, one process, same run).
bench_sudoku_logic() {
    build native-release astradia
    build native-release astradia-vs-qqwing
    build wasm-release astradia
    local args=(sudoku logic-bench --generate 200)
    echo "[bench] sudoku-logic, native (native-release): held-out half of se_rated_diabolical, 200 puzzles per level"
    build/native-release/cli/astradia "${args[@]}" --grade 15000 | sed 's/^/  /'
    echo "[bench] sudoku-logic, wasm (wasm-release under node): the first 3000 of the held-out half, 200 per level"
    node --no-experimental-fetch build/wasm-release/cli/astradia.js "${args[@]}" --grade 3000 | sed 's/^/  /'
    build/native-release/cli/astradia-vs-qqwing generate --count 200
    echo "  reproduce: ./run bench sudoku-logic"
}
