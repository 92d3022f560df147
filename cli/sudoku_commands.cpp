// Purpose: `astradia sudoku`: the sub-table of Sudoku subcommands, and the solver's
// subcommands: solve, count and bench (see sudoku_commands.hpp).
#include "cli/sudoku_commands.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/io.hpp"
#include "engine/sudoku/grid.hpp"
#include "engine/sudoku/solver.hpp"


#ifndef ASTRADIA_DATA_DIR
#define ASTRADIA_DATA_DIR "../shared/data"
#endif

namespace astradia::cli {
namespace {

using sudoku::Grid;

struct SudokuCommand {
    const char* name;
    const char* summary;  // one line for `astradia sudoku help`
    int (*run)(const Args& args);
};

// One row per subcommand. The logic engine's subcommands (grade, hint, generate) are
// added here, implemented in sudoku_logic_commands.cpp.
const SudokuCommand kSudokuCommands[] = {
    {"solve", "solve [INPUT...]: the first solution of each puzzle (81 characters), or \"no solution\"",
     run_sudoku_solve},
    {"count", "count [--limit N] [INPUT...]: the number of solutions of each puzzle, counted up to N (default 2)",
     run_sudoku_count},
    {"bench", "bench [--data DIR] [--runs N] [--set NAME]... [--mode first|unique|both]: solver throughput",
     run_sudoku_bench},
    {"grade", "grade [INPUT...]: level, Sudoku Explainer score and hardest technique of each puzzle", run_sudoku_grade},
    {"hint", "hint [INPUT...]: the next step, English | Russian; a line is PUZZLE [GRID [NOTES]]", run_sudoku_hint},
    {"generate", "generate --level L [--seed S] [--count N] [--no-symmetry] | --daily YYYY-MM-DD: id and puzzle",
     run_sudoku_generate},
    {"logic-bench", "logic-bench [--data DIR] [--from N] [--grade N] [--generate N]: grader and generator figures",
     run_sudoku_logic_bench},
};

int sudoku_help(FILE* out) {
    std::fprintf(out,
                 "usage: astradia sudoku <subcommand> [arguments]\n\n"
                 "An INPUT is a file of puzzles (one per line), \"-\" for standard input, or a puzzle\n"
                 "itself; no INPUT reads standard input. Puzzles are 81 characters, 1-9 for givens\n"
                 "and '.' or '0' for empty cells; blank lines and lines starting with '#' are skipped.\n\n"
                 "subcommands:\n");
    for (const SudokuCommand& c : kSudokuCommands) std::fprintf(out, "  %-9s %s\n", c.name, c.summary);
    return out == stdout ? 0 : 2;
}

bool blank_or_comment(std::string_view line) {
    const auto first = line.find_first_not_of(" \t\r");
    return first == std::string_view::npos || line[first] == '#';
}

// Calls fn(puzzle) for each puzzle line of the inputs; a line that does not parse is
// reported on stderr as "origin:line: message". Returns 1 if any line was bad (or an
// input could not be read), else 0.
int for_each_puzzle(const std::vector<std::string>& inputs, const std::function<void(const Grid&)>& fn) {
    int status = 0;
    const bool read = for_each_line(inputs, [&](const InputLine& line) {
        if (blank_or_comment(line.text)) return true;
        Expected<Grid> grid = sudoku::parse_grid(line.text);
        if (!grid) {
            std::fprintf(stderr, "%s:%d: %s\n", line.origin.c_str(), line.number, grid.error().message.c_str());
            status = 1;
            return true;
        }
        fn(*grid);
        return true;
    });
    return read ? status : 1;
}

// Parses a positive integer option value; false (after a usage message) when it is not one.
bool parse_count(const std::string& text, const char* option, long max, long& out) {
    char* end = nullptr;
    const long v = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || v < 1 || v > max) {
        std::fprintf(stderr, "astradia sudoku: %s wants a whole number from 1 to %ld, not '%s'\n", option, max,
                     text.c_str());
        return false;
    }
    out = v;
    return true;
}

}  // namespace


namespace {

// The data sets of the benchmark. `tdoku` is a reference figure, not measured by this
// program: tdoku's throughput on the set (puzzles per second, counting up to 2
// solutions), measured side by side with ours on this project's machine kind on
// 2026-12-06 (how: docs/BENCHMARKS.md). It is printed beside our figure, never divided
// by it: a ratio is only honest when both sides are timed in the same run (QQWing is,
// in bench/sudoku-solver.sh, by astradia-vs-qqwing).
struct BenchSet {
    const char* name;
    double tdoku;  // reference puzzles/s; 0 when there is none
    bool unique;   // every puzzle has exactly one solution (else: two or more)
};
const BenchSet kBenchSets[] = {
    {"kaggle_first10000", 684e3, true},
    {"17_clue", 237e3, true},
    {"magictour_top1465", 86.7e3, true},
    {"forum_hardest_1905_11plus", 16.1e3, true},
    {"serg_benchmark", 388e3, false},
    {"unbiased_first1000", 285e3, true},
};
constexpr const char* kTdokuSource =
    "tdoku reference: puzzles/s measured side by side with ours on 2026-12-06 (this machine kind, GCC 12\n"
    "  -O3 -march=native, count to 2), NOT in this run and not on this build: docs/BENCHMARKS.md says how";

// Puzzles per second over `puzzles` with the given limit: the median of `runs` runs of
// at least a quarter second of CPU time each.
double measure(const std::vector<Grid>& puzzles, int limit, int runs) {
    std::vector<double> rates;
    long sink = 0;
    for (int r = 0; r < runs; ++r) {
        const double start = cpu_seconds();
        double elapsed = 0;
        long solved = 0;
        do {
            for (const Grid& p : puzzles) sink += sudoku::count_solutions(p, limit);
            solved += static_cast<long>(puzzles.size());
            elapsed = cpu_seconds() - start;
        } while (elapsed < 0.25);
        rates.push_back(static_cast<double>(solved) / elapsed);
    }
    if (sink < 0) std::fprintf(stderr, "impossible\n");  // keeps the work observable
    std::sort(rates.begin(), rates.end());
    return rates[rates.size() / 2];
}

}  // namespace

int run_sudoku(const Args& args) {
    if (args.empty()) return sudoku_help(stderr);
    if (args[0] == "help" || args[0] == "--help" || args[0] == "-h") return sudoku_help(stdout);
    for (const SudokuCommand& c : kSudokuCommands) {
        if (args[0] == c.name) return c.run(Args(args.begin() + 1, args.end()));
    }
    std::fprintf(stderr, "astradia sudoku: unknown subcommand '%s'\n", args[0].c_str());
    return sudoku_help(stderr);
}

int run_sudoku_solve(const Args& args) {
    for (const std::string& a : args) {
        if (a.size() > 1 && a[0] == '-' && a[1] == '-') {
            std::fprintf(stderr, "usage: astradia sudoku solve [INPUT...]\n");
            return 2;
        }
    }
    return for_each_puzzle(args, [](const Grid& puzzle) {
        const auto solution = sudoku::solve(puzzle);
        std::printf("%s\n", solution ? solution->to_string().c_str() : "no solution");
    });
}

int run_sudoku_count(const Args& args) {
    long limit = 2;
    std::vector<std::string> inputs;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--limit" && i + 1 < args.size()) {
            if (!parse_count(args[++i], "--limit", 1000000, limit)) return 2;
        } else if (args[i].rfind("--", 0) == 0) {
            std::fprintf(stderr, "usage: astradia sudoku count [--limit N] [INPUT...]\n");
            return 2;
        } else {
            inputs.push_back(args[i]);
        }
    }
    return for_each_puzzle(inputs, [limit](const Grid& puzzle) {
        const int n = sudoku::count_solutions(puzzle, static_cast<int>(limit));
        std::printf(n >= limit ? "%d+\n" : "%d\n", n);
    });
}

int run_sudoku_bench(const Args& args) {
    std::string data = std::string(ASTRADIA_DATA_DIR) + "/sudoku";
    long runs = 5;
    std::string mode = "both";
    std::vector<std::string> only;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool has_value = i + 1 < args.size();
        if (args[i] == "--data" && has_value) {
            data = args[++i];
        } else if (args[i] == "--runs" && has_value) {
            if (!parse_count(args[++i], "--runs", 1000, runs)) return 2;
        } else if (args[i] == "--set" && has_value) {
            only.push_back(args[++i]);
        } else if (args[i] == "--mode" && has_value && (args[i + 1] == "first" || args[i + 1] == "unique" ||
                                                         args[i + 1] == "both")) {
            mode = args[++i];
        } else {
            std::fprintf(stderr,
                         "usage: astradia sudoku bench [--data DIR] [--runs N] [--set NAME]... "
                         "[--mode first|unique|both]\n");
            return 2;
        }
    }
    std::string reproduce;
#if defined(__EMSCRIPTEN__)
    const char* build = "wasm";
    reproduce = "node --no-experimental-fetch build/wasm-release/cli/astradia.js sudoku bench";
#else
    const char* build = "native";
    reproduce = "./build/native-release/cli/astradia sudoku bench";
#endif
    for (const std::string& a : args) reproduce += " " + a;

    std::printf("[bench] sudoku solver (%s build): puzzles per second of CPU time, median of %ld runs\n", build,
                runs);
    std::printf("  modes: first = solve (stop at the first solution); unique = count up to 2 solutions\n"
                "  (the uniqueness check, what tdoku's benchmark measures)\n");
    std::printf("  %s\n", kTdokuSource);
    std::printf("  %-27s %8s %-7s %12s %10s %16s\n", "set", "puzzles", "mode", "puzzles/s", "us/puzzle",
                "tdoku reference");
    int status = 0;
    for (const BenchSet& set : kBenchSets) {
        if (!only.empty() && std::find(only.begin(), only.end(), set.name) == only.end()) continue;
        const std::string path = data + "/" + set.name + ".txt";
        Expected<std::string> text = read_file(path);
        if (!text) {
            std::fprintf(stderr, "astradia sudoku bench: %s (see --data)\n", text.error().message.c_str());
            status = 1;
            continue;
        }
        std::vector<Grid> puzzles;
        if (for_each_puzzle({*text}, [&](const Grid& g) { puzzles.push_back(g); }) != 0 || puzzles.empty()) {
            std::fprintf(stderr, "astradia sudoku bench: %s is not a file of puzzles\n", path.c_str());
            status = 1;
            continue;
        }
        // Check every answer first (it also warms caches and the wasm tier-up).
        long wrong = 0;
        for (const Grid& p : puzzles) {
            Grid first;
            const int n = sudoku::count_solutions(p, 2, &first);
            if ((set.unique ? n != 1 : n != 2) || !sudoku::solves(p, first)) ++wrong;
        }
        if (wrong != 0) {
            std::fprintf(stderr, "astradia sudoku bench: %ld wrong answers on %s\n", wrong, set.name);
            status = 1;
        }
        for (const char* m : {"first", "unique"}) {
            if (mode != "both" && mode != m) continue;
            const bool unique = std::string_view(m) == "unique";
            const double rate = measure(puzzles, unique ? 2 : 1, static_cast<int>(runs));
            std::printf("  %-27s %8zu %-7s %10.0f/s %10.2f", set.name, puzzles.size(), m, rate, 1e6 / rate);
            if (unique && set.tdoku > 0) std::printf(" %14.0f/s", set.tdoku);
            std::printf("\n");
            std::fflush(stdout);
        }
    }
    std::printf("  reproduce: %s\n", reproduce.c_str());
    return status;
}

}  // namespace astradia::cli
