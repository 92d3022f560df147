#!/usr/bin/env bash
# Purpose: install what the project needs and is missing, idempotently, with progress:
#   1. Debian packages (toolchains, libraries, browser, X server, fonts),
#   2. the Dear ImGui 1.86 sources from Debian's source package (cached in build/_deps),
#   3. npm dev dependencies pinned in package-lock.json (into node_modules).
# Fast when nothing is missing (a few dpkg queries and file checks). Exits non-zero
# with a clear message when it cannot install (not root, no apt-get, no network).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deps="$root/build/_deps"
say() { printf '[bootstrap] %s\n' "$*"; }
die() { printf '[bootstrap] error: %s\n' "$*" >&2; exit 1; }

# --- 1. Debian packages -------------------------------------------------------------
# Each line: package (what for).
packages=(
    cmake ninja-build g++ pkg-config      # native builds
    clang-14 libclang-rt-14-dev lld-14    # libFuzzer targets (clang's sanitizer runtime)
    emscripten                            # the WebAssembly toolchain (3.1.6)
    libglfw3-dev libgl-dev libgl1-mesa-dri # native window + OpenGL (Mesa for Xvfb)
    libstb-dev nlohmann-json3-dev catch2  # header libraries and the test framework
    chromium                              # browser tests (driven by playwright-core)
    xvfb xauth                            # native app under a virtual X server
    fonts-dejavu-core fonttools           # UI font with Cyrillic, subset at build time
    python3 xz-utils ca-certificates      # the server and scripts, the ImGui tarball, npm over TLS
    qqwing libqqwing-dev                  # the benchmarks' side-by-side peer (cli/vs_qqwing.cpp)
    python3-waitress                      # the site's WSGI server (default)
    python3-gunicorn                      # the documented multi-process option
    python3-psycopg                       # PostgreSQL storage (psycopg 3)
    postgresql-15                         # the throwaway cluster the server tests start
    nginx                                 # deploy/: the shipped reverse-proxy configuration, tested
    wrk brotli                            # ./run bench server; Brotli twins of the site's files
)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
    status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)"
    [[ "$status" == ii* ]] || missing+=("$p")
done

if ((${#missing[@]})); then
    command -v apt-get >/dev/null 2>&1 ||
        die "apt-get not found: this needs a Debian machine. Missing packages: ${missing[*]}"
    [[ "$(id -u)" == 0 ]] ||
        die "not root: cannot install the missing Debian packages (${missing[*]}). Run as root, or install them yourself."
    say "installing ${#missing[@]} Debian package(s): ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    say "apt-get update ..."
    apt-get update -q || die "apt-get update failed (is the package mirror reachable?)"
    say "apt-get install ... (the first time this downloads several hundred MB)"
    apt-get install -y -q --no-install-recommends "${missing[@]}" ||
        die "apt-get install failed for: ${missing[*]}"
    say "Debian packages installed"
else
    say "Debian packages: all ${#packages[@]} present"
fi

# --- 2. Dear ImGui 1.86 sources from Debian's source package ------------------------
imgui_dir="$deps/imgui-1.86"
if [[ ! -f "$imgui_dir/imgui.cpp" || ! -f "$imgui_dir/backends/imgui_impl_opengl3.cpp" ]]; then
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found: cannot fetch the Dear ImGui sources"
    say "fetching the Dear ImGui 1.86 sources (Debian source package 'imgui') ..."
    cache="$deps/apt"
    mkdir -p "$cache/lists/partial"
    # A private deb-src list derived from the machine's own sources (no host names here).
    src_list=""
    for f in /etc/apt/sources.list.d/*.sources; do
        [[ -f "$f" ]] && src_list+="$(sed 's/^Types: deb$/Types: deb-src/' "$f")"$'\n\n'
    done
    if [[ -n "$src_list" ]]; then
        printf '%s' "$src_list" > "$cache/src.sources"
        list_opt=(-o "Dir::Etc::SourceList=$cache/src.sources" -o "Dir::Etc::SourceParts=/dev/null")
    elif [[ -f /etc/apt/sources.list ]]; then
        sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > "$cache/src.list"
        list_opt=(-o "Dir::Etc::SourceList=$cache/src.list" -o "Dir::Etc::SourceParts=/dev/null")
    else
        die "no apt sources found to derive a deb-src list from"
    fi
    opts=("${list_opt[@]}" -o "Dir::State::Lists=$cache/lists" -o "APT::Sandbox::User=root")
    apt-get "${opts[@]}" -q update || die "apt-get update (source lists) failed"
    (cd "$cache" && apt-get "${opts[@]}" -q source --download-only imgui) ||
        die "apt-get source imgui failed"
    tarball="$(ls "$cache"/imgui_1.86*.orig.tar.* 2>/dev/null | head -n 1)"
    [[ -n "$tarball" ]] || die "the imgui source package did not contain an orig tarball"
    rm -rf "$imgui_dir.tmp" && mkdir -p "$imgui_dir.tmp"
    tar -C "$imgui_dir.tmp" --strip-components=1 -xf "$tarball"
    [[ -f "$imgui_dir.tmp/imgui.cpp" ]] || die "unexpected layout in $tarball"
    rm -rf "$imgui_dir" && mv "$imgui_dir.tmp" "$imgui_dir"
    say "Dear ImGui sources in build/_deps/imgui-1.86"
else
    say "Dear ImGui 1.86 sources: present"
fi

# --- 3. npm dev dependencies --------------------------------------------------------
lock="$root/package-lock.json"
stamp="$root/node_modules/.astradia-lock.sha256"
want="$(sha256sum "$lock" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    say "installing npm dev dependencies (npm ci) ..."
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
    printf '%s\n' "$want" > "$stamp"
    say "npm dev dependencies installed"
else
    say "npm dev dependencies: up to date"
fi
