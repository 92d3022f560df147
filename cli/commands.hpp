// Purpose: the table of `astradia` subcommands. Each game adds one entry in main.cpp
// and implements it in its own file (core_commands.cpp, sudoku_commands.cpp, ...).
// A command gets its arguments (after its name) and returns the process exit code:
// 0 success, 1 the input had errors (reported on stderr), 2 usage error.
#pragma once

#include <string>
#include <vector>

namespace astradia::cli {

using Args = std::vector<std::string>;

struct Command {
    const char* name;
    const char* summary;  // one line for `astradia help`
    int (*run)(const Args& args);
};

int run_version(const Args& args);
int run_sha256(const Args& args);
int run_save(const Args& args);
int run_bricks(const Args& args);

}  // namespace astradia::cli
