# Purpose: ./run bench sudoku-solver: solver throughput natively and in wasm (node), wasm/native,
# and QQWing side by side with ours in one process (astradia-vs-qqwing, same puzzles, same run).
bench_sudoku_solver() {
    build native-release astradia
    build native-release astradia-vs-qqwing
    build wasm-release astradia
    local native wasm
    native=$(mktemp)
    wasm=$(mktemp)
    ./build/native-release/cli/astradia sudoku bench | tee "$native"
    node --no-experimental-fetch build/wasm-release/cli/astradia.js sudoku bench | tee "$wasm"
    echo "[bench] sudoku solver: wasm / native puzzles per second, same machine, same run"
    # Result lines: "  <set> <puzzles> <mode> <rate>/s ..."; join them on set and mode.
    awk 'FNR == 1 { file++ } $3 ~ /^(first|unique)$/ && $4 ~ /\/s$/ { rate[file, $1 " " $3] = $4 + 0; key[$1 " " $3] = 1 }
         END { for (k in key) if (rate[1, k] > 0) printf "  %-36s %6.2f\n", k, rate[2, k] / rate[1, k] }' \
        "$native" "$wasm" | sort
    rm -f "$native" "$wasm"
    ./build/native-release/cli/astradia-vs-qqwing solve
    echo "  reproduce: ./run bench sudoku-solver"
}
