// Purpose: `astradia-vs-qqwing`, the benchmarks' side-by-side peer: our Sudoku solver and
// generator against QQWing (Debian's libqqwing, a widely used generator and solver) in
// one process, on the same puzzles, in interleaved rounds, CPU time, medians. Built
// natively only where libqqwing is installed (cli/CMakeLists.txt); never shipped. Our
// code: it only calls QQWing's public API (qqwing.hpp).
//
//   astradia-vs-qqwing solve [--data DIR] [--runs N] [--sample N] [--set NAME]...
//   astradia-vs-qqwing generate [--count N]
#include <qqwing.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/io.hpp"
#include "engine/sudoku/generator.hpp"
#include "engine/sudoku/grid.hpp"
#include "engine/sudoku/level.hpp"
#include "engine/sudoku/solver.hpp"

#ifndef ASTRADIA_DATA_DIR
#define ASTRADIA_DATA_DIR "../shared/data"
#endif

namespace {

using astradia::sudoku::Grid;
using Cells = std::array<int, 81>;  // QQWing's form: 0 for an empty cell

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

bool parse_positive(const std::string& text, long max, long& out) {
    char* end = nullptr;
    const long v = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || v < 1 || v > max) return false;
    out = v;
    return true;
}

// QQWing's count as 0, 1 or 2 (= two or more): countSolutionsLimited() with its history
// recording off, the cheapest way to ask it. It stops by its own rule once it knows there
// are two or more, which can be after a third solution (it then returns 3).
int qqwing_count(qqwing::SudokuBoard& board, const Cells& cells) {
    Cells copy = cells;  // setPuzzle takes a non-const pointer
    if (!board.setPuzzle(copy.data())) return 0;  // givens that break the rules
    return std::min(board.countSolutionsLimited(), 2);
}

int run_solve(const std::vector<std::string>& args) {
    std::string data = std::string(ASTRADIA_DATA_DIR) + "/sudoku";
    long runs = 5, sample = 500;
    std::vector<std::string> sets = {"kaggle_first10000", "17_clue", "magictour_top1465", "forum_hardest_1905_11plus",
                                     "serg_benchmark", "unbiased_first1000"};
    std::vector<std::string> only;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool has_value = i + 1 < args.size();
        if (args[i] == "--data" && has_value) {
            data = args[++i];
        } else if (args[i] == "--runs" && has_value && parse_positive(args[i + 1], 1000, runs)) {
            ++i;
        } else if (args[i] == "--sample" && has_value && parse_positive(args[i + 1], 1000000, sample)) {
            ++i;
        } else if (args[i] == "--set" && has_value) {
            only.push_back(args[++i]);
        } else {
            std::fprintf(stderr, "usage: astradia-vs-qqwing solve [--data DIR] [--runs N] [--sample N] [--set NAME]...\n");
            return 2;
        }
    }
    if (!only.empty()) sets = only;
    std::printf("[bench] sudoku solver vs QQWing %s (libqqwing, Debian), this process, this run: puzzles per second\n"
                "  of CPU time, count up to 2 solutions (ours: count_solutions(p, 2); QQWing: countSolutionsLimited(),\n"
                "  which stops at 'two or more' by its own rule, sometimes after a third solution),\n"
                "  the first %ld puzzles of each set, %ld interleaved rounds (the order alternates), medians\n",
                qqwing::getVersion().c_str(), sample, runs);
    std::printf("  %-27s %7s %13s %13s %9s\n", "set", "puzzles", "ours", "qqwing", "ours/qq");
    qqwing::SudokuBoard board;
    board.setRecordHistory(false);
    board.setLogHistory(false);
    int status = 0;
    for (const std::string& name : sets) {
        const std::string path = data + "/" + name + ".txt";
        std::vector<Grid> ours;
        std::vector<Cells> theirs;
        const bool read = astradia::cli::for_each_line({path}, [&](const astradia::cli::InputLine& line) {
            if (static_cast<long>(ours.size()) >= sample) return false;
            if (line.text.empty() || line.text[0] == '#') return true;
            astradia::Expected<Grid> g = astradia::sudoku::parse_grid(line.text);
            if (!g) return true;
            Cells c{};
            for (int i = 0; i < 81; ++i) c[static_cast<std::size_t>(i)] = (*g)[i];
            ours.push_back(*g);
            theirs.push_back(c);
            return true;
        });
        if (!read || ours.empty()) {
            std::fprintf(stderr, "astradia-vs-qqwing: cannot read puzzles from %s (see --data)\n", path.c_str());
            status = 1;
            continue;
        }
        long disagree = 0;  // both must give the same count (this also warms both up)
        for (std::size_t i = 0; i < ours.size(); ++i) {
            disagree += astradia::sudoku::count_solutions(ours[i], 2) != qqwing_count(board, theirs[i]);
        }
        if (disagree != 0) {
            std::fprintf(stderr, "astradia-vs-qqwing: %ld puzzles of %s counted differently\n", disagree, name.c_str());
            status = 1;
        }
        std::vector<double> rate_ours, rate_qq, ratio;
        long sink = 0;
        for (long r = 0; r < runs; ++r) {
            double rate[2] = {};
            for (int k = 0; k < 2; ++k) {
                const int who = static_cast<int>((r + k) % 2);  // 0 ours, 1 QQWing
                const double t0 = astradia::cli::cpu_seconds();
                double elapsed = 0;
                long done = 0;
                do {  // whole passes over the sample, at least a quarter second
                    if (who == 0) {
                        for (const Grid& p : ours) sink += astradia::sudoku::count_solutions(p, 2);
                    } else {
                        for (const Cells& p : theirs) sink += qqwing_count(board, p);
                    }
                    done += static_cast<long>(ours.size());
                    elapsed = astradia::cli::cpu_seconds() - t0;
                } while (elapsed < 0.25);
                rate[who] = static_cast<double>(done) / elapsed;
            }
            rate_ours.push_back(rate[0]);
            rate_qq.push_back(rate[1]);
            ratio.push_back(rate[0] / rate[1]);
        }
        if (sink < 0) std::fprintf(stderr, "impossible\n");  // keeps the work observable
        std::printf("  %-27s %7zu %11.0f/s %11.0f/s %8.1fx\n", name.c_str(), ours.size(), median(rate_ours),
                    median(rate_qq), median(ratio));
        std::fflush(stdout);
    }
    return status;
}

int run_generate(const std::vector<std::string>& args) {
    long count = 100;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--count" && i + 1 < args.size() && parse_positive(args[i + 1], 100000, count)) {
            ++i;
        } else {
            std::fprintf(stderr, "usage: astradia-vs-qqwing generate [--count N]\n");
            return 2;
        }
    }
    using qqwing::SudokuBoard;
    const SudokuBoard::Difficulty qq_levels[] = {SudokuBoard::SIMPLE, SudokuBoard::EASY, SudokuBoard::INTERMEDIATE,
                                                 SudokuBoard::EXPERT};
    const char* qq_names[] = {"simple", "easy", "intermediate", "expert"};
    std::vector<double> ours_ms[5], qq_ms[4];
    long qq_attempts[4] = {}, qq_most[4] = {};
    int status = 0;
    // Seed by seed, every level of ours then every level of QQWing's: the two alternate
    // all through the run, so a change in the machine's speed touches both alike.
    for (long s = 1; s <= count; ++s) {
        for (astradia::sudoku::Level level : astradia::sudoku::kLevels) {
            const double t0 = astradia::cli::cpu_seconds();
            const auto g = astradia::sudoku::generate(level, static_cast<std::uint64_t>(s));
            ours_ms[static_cast<int>(level)].push_back((astradia::cli::cpu_seconds() - t0) * 1e3);
            if (!g) status = 1;
        }
        for (int q = 0; q < 4; ++q) {
            // QQWing draws from the C library's random(); its own tool seeds it the same way.
            srandom(static_cast<unsigned>(s));
            SudokuBoard board;
            board.setRecordHistory(true);  // getDifficulty() reads the solve's history
            const double t0 = astradia::cli::cpu_seconds();
            long attempts = 0;
            for (;;) {
                ++attempts;
                board.generatePuzzleSymmetry(SudokuBoard::ROTATE180);
                board.solve();
                if (board.getDifficulty() == qq_levels[q]) break;
            }
            qq_ms[q].push_back((astradia::cli::cpu_seconds() - t0) * 1e3);
            qq_attempts[q] += attempts;
            qq_most[q] = std::max(qq_most[q], attempts);
        }
    }
    std::printf("[bench] sudoku generator vs QQWing %s, this process, this run: CPU ms per puzzle of the level asked,\n"
                "  seeds 1..%ld, 180-degree symmetric clues for both, seed by seed interleaved. QQWing generates\n"
                "  until its grade (getDifficulty after solve) is the level asked, as its own tool does.\n",
                qqwing::getVersion().c_str(), count);
    for (astradia::sudoku::Level level : astradia::sudoku::kLevels) {
        const auto& v = ours_ms[static_cast<int>(level)];
        std::printf("  ours   %-12s p50 %7.2f  p99 %7.2f  max %7.2f\n",
                    std::string(astradia::sudoku::level_name(level)).c_str(), quantile(v, 0.5), quantile(v, 0.99),
                    quantile(v, 1.0));
    }
    for (int q = 0; q < 4; ++q) {
        std::printf("  qqwing %-12s p50 %7.2f  p99 %7.2f  max %7.2f  puzzles made per one kept: mean %.1f, max %ld\n",
                    qq_names[q], quantile(qq_ms[q], 0.5), quantile(qq_ms[q], 0.99), quantile(qq_ms[q], 1.0),
                    static_cast<double>(qq_attempts[q]) / static_cast<double>(count), qq_most[q]);
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "solve") return run_solve({args.begin() + 1, args.end()});
    if (!args.empty() && args[0] == "generate") return run_generate({args.begin() + 1, args.end()});
    std::fprintf(stderr,
                 "usage: astradia-vs-qqwing solve [--data DIR] [--runs N] [--sample N] [--set NAME]...\n"
                 "       astradia-vs-qqwing generate [--count N]\n");
    return 2;
}
