#!/usr/bin/env bash
# Purpose: benchmarks (figures, not pass/fail tests). Each prints its numbers and the
# command that reproduces them. Usage: ./run bench [NAME...]; no NAME runs them all.
# Each benchmark is a file bench/<name>.sh defining bench_<name> (dashes become
# underscores); the shared helper `build PRESET [TARGET]` is defined here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export NODE_PATH=/usr/share/nodejs

build() {  # build PRESET [TARGET]
    [[ -f "build/$1/build.ninja" ]] || cmake --preset "$1" >/dev/null
    cmake --build --preset "$1" ${2:+--target "$2"} >/dev/null
}

known=()
for f in bench/*.sh; do
    # shellcheck source=/dev/null
    source "$f"
    known+=("$(basename "$f" .sh)")
done

names=("$@")
((${#names[@]})) || names=("${known[@]}")
for n in "${names[@]}"; do
    fn="bench_${n//-/_}"
    if ! declare -F "$fn" >/dev/null; then
        echo "unknown benchmark: $n (known: ${known[*]})" >&2
        exit 2
    fi
    "$fn"
done
