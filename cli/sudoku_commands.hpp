// Purpose: `astradia sudoku <subcommand>`: the Sudoku tools. run_sudoku (the entry in
// main.cpp's table) dispatches through the sub-table kSudokuCommands in
// sudoku_commands.cpp, one row per subcommand; each subcommand is a function declared
// here and defined in its area's file:
//   sudoku_commands.cpp        solve, count, bench (the solver)
//   sudoku_logic_commands.cpp  grade, hint, generate (the logic engine)
// A subcommand gets the arguments after its name and returns the exit code: 0 success,
// 1 some input was bad (each problem reported on stderr as "origin:line: message"),
// 2 usage error.
#pragma once

#include "cli/io.hpp"  // cpu_seconds

#include "cli/commands.hpp"

namespace astradia::cli {

int run_sudoku(const Args& args);

// Seconds of CPU time used by this process (natively the process CPU clock; under node
// process.cpuUsage()), for the benchmarks.

// Solver (sudoku_commands.cpp).
int run_sudoku_solve(const Args& args);
int run_sudoku_count(const Args& args);
int run_sudoku_bench(const Args& args);

// Logic engine (sudoku_logic_commands.cpp).
int run_sudoku_grade(const Args& args);
int run_sudoku_hint(const Args& args);
int run_sudoku_generate(const Args& args);
int run_sudoku_logic_bench(const Args& args);

}  // namespace astradia::cli
