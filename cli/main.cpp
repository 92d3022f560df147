// Purpose: `astradia`, the headless command-line tool over the engine. Dispatches
// to the subcommands listed in the table below (one file per game).
#include <cstdio>
#include <cstring>

#include "cli/commands.hpp"
#include "cli/sudoku_commands.hpp"

namespace {

using astradia::cli::Command;

const Command kCommands[] = {
    {"version", "print the version", astradia::cli::run_version},
    {"sha256", "print SHA-256 of files (or stdin), like sha256sum", astradia::cli::run_sha256},
    {"sudoku", "sudoku solve|count|bench|...: Sudoku tools (astradia sudoku help)", astradia::cli::run_sudoku},
    {"save", "save verify FILE...: check sealed saves (kind, version, checksum)", astradia::cli::run_save},
    {"bricks", "bricks play|replay|bench: Bricks 1010 in text, replays, benchmarks", astradia::cli::run_bricks},
};

int help(FILE* out) {
    std::fprintf(out, "usage: astradia <command> [arguments]\n\ncommands:\n");
    for (const Command& c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
    return out == stdout ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return help(stderr);
    if (std::strcmp(argv[1], "help") == 0 || std::strcmp(argv[1], "--help") == 0 ||
        std::strcmp(argv[1], "-h") == 0) {
        return help(stdout);
    }
    for (const Command& c : kCommands) {
        if (std::strcmp(argv[1], c.name) == 0) return c.run(astradia::cli::Args(argv + 2, argv + argc));
    }
    std::fprintf(stderr, "astradia: unknown command '%s'\n", argv[1]);
    return help(stderr);
}
