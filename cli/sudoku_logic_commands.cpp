// Purpose: the logic engine's subcommands of `astradia sudoku`: grade, hint, generate,
// and logic-bench (the grader's agreement with Sudoku Explainer and its speed, and the
// generator's latency per level). See sudoku_commands.hpp for the conventions.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/io.hpp"
#include "cli/sudoku_commands.hpp"
#include "engine/sudoku/agreement.hpp"
#include "engine/sudoku/generator.hpp"
#include "engine/sudoku/hint.hpp"
#include "engine/sudoku/logic.hpp"
#include "engine/sudoku/solver.hpp"

#ifndef ASTRADIA_DATA_DIR
#define ASTRADIA_DATA_DIR "../shared/data"
#endif

namespace astradia::cli {
namespace {

using sudoku::Grid;
using sudoku::Level;

bool blank_or_comment(std::string_view line) {
    const auto first = line.find_first_not_of(" \t\r");
    return first == std::string_view::npos || line[first] == '#';
}

std::vector<std::string> fields_of(const std::string& line) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
        std::size_t j = i;
        while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
        if (j > i) out.push_back(line.substr(i, j - i));
        i = j;
    }
    return out;
}

// Runs fn on every puzzle line of the inputs (blank and '#' lines skipped). fn returns
// an error message for a bad line (printed as "origin:line: message") or "" when fine.
// Returns 0, or 1 when a line was bad or an input could not be read.
int for_each_input(const std::vector<std::string>& inputs, const std::function<std::string(const std::string&)>& fn) {
    int status = 0;
    const bool read = for_each_line(inputs, [&](const InputLine& line) {
        if (blank_or_comment(line.text)) return true;
        const std::string error = fn(line.text);
        if (!error.empty()) {
            std::fprintf(stderr, "%s:%d: %s\n", line.origin.c_str(), line.number, error.c_str());
            status = 1;
        }
        return true;
    });
    return read ? status : 1;
}

// The puzzle of a field, checked to have exactly one solution (written to *solution).
Expected<Grid> unique_puzzle(const std::string& text, Grid* solution) {
    Expected<Grid> grid = sudoku::parse_grid(text);
    if (!grid) return grid;
    const int n = sudoku::count_solutions(*grid, 2, solution);
    if (n == 0) return make_error("sudoku.unsolvable", "the puzzle has no solution");
    if (n > 1) return make_error("sudoku.multiple", "the puzzle has more than one solution");
    return grid;
}

bool is_option(const std::string& a) { return a.size() > 1 && a[0] == '-' && a[1] == '-'; }

// For subcommands that take no options: false (after the usage line) when one is given.
bool no_options(const Args& args, const char* usage) {
    for (const std::string& a : args) {
        if (is_option(a)) {
            std::fprintf(stderr, "%s\n", usage);
            return false;
        }
    }
    return true;
}

bool parse_u64(const std::string& text, std::uint64_t& out) {
    if (text.empty() || text.size() > 20) return false;
    for (char ch : text) {
        if (ch < '0' || ch > '9') return false;
    }
    errno = 0;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
    if (errno != 0 || *end != '\0') return false;
    out = v;
    return true;
}

bool parse_int(const std::string& text, long max, long& out) {
    char* end = nullptr;
    const long v = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || v < 1 || v > max) return false;
    out = v;
    return true;
}

double cpu_ms() { return cpu_seconds() * 1e3; }

double wall_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// The notes field of `hint`: 81 comma-separated groups of digits (an empty group: no notes).
Expected<std::array<std::uint16_t, sudoku::kCells>> parse_notes(const std::string& text) {
    std::array<std::uint16_t, sudoku::kCells> notes{};
    std::size_t cell = 0;
    for (char ch : text) {
        if (ch == ',') {
            if (++cell >= notes.size()) break;
        } else if (ch >= '1' && ch <= '9') {
            notes[cell] = static_cast<std::uint16_t>(notes[cell] | sudoku::digit_bit(ch - '0'));
        } else {
            return make_error("hint.notes", std::string("bad character '") + ch + "' in the notes");
        }
    }
    if (cell + 1 != notes.size()) {
        return make_error("hint.notes", "the notes need 81 comma-separated groups, found " + std::to_string(cell + 1));
    }
    return notes;
}

std::string percentile(std::vector<double> v, double q) {
    if (v.empty()) return "-";
    std::sort(v.begin(), v.end());
    const auto i = std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v[i]);
    return buf;
}

}  // namespace

int run_sudoku_grade(const Args& args) {
    if (!no_options(args, "usage: astradia sudoku grade [INPUT...]")) return 2;
    return for_each_input(args, [](const std::string& line) -> std::string {
        Expected<Grid> puzzle = unique_puzzle(line, nullptr);
        if (!puzzle) return puzzle.error().message;
        Expected<sudoku::Grade> g = sudoku::grade_logic(*puzzle);
        if (!g) return g.error().message;
        std::printf("%s %.1f %s\n", std::string(sudoku::level_name(g->level)).c_str(), g->score(),
                    std::string(sudoku::technique_id(g->hardest)).c_str());
        return "";
    });
}

int run_sudoku_hint(const Args& args) {
    if (!no_options(args, "usage: astradia sudoku hint [INPUT...]  (a line: PUZZLE [GRID [NOTES]])")) return 2;
    return for_each_input(args, [](const std::string& line) -> std::string {
        const std::vector<std::string> fields = fields_of(line);
        if (fields.empty() || fields.size() > 3) return "expected PUZZLE [GRID [NOTES]]";
        Grid solution;
        Expected<Grid> givens = unique_puzzle(fields[0], &solution);
        if (!givens) return givens.error().message;
        Grid entries;
        if (fields.size() > 1) {
            Expected<Grid> grid = sudoku::parse_grid(fields[1]);
            if (!grid) return "grid: " + grid.error().message;
            for (int i = 0; i < sudoku::kCells; ++i) {
                if ((*givens)[i] == 0) entries[i] = (*grid)[i];
            }
        }
        std::array<std::uint16_t, sudoku::kCells> notes{};
        if (fields.size() > 2) {
            auto parsed = parse_notes(fields[2]);
            if (!parsed) return parsed.error().message;
            notes = *parsed;
        }
        Expected<sudoku::Hint> h = sudoku::next_hint(*givens, entries, notes, solution);
        if (!h) return h.error().message;
        std::string label;
        switch (h->kind) {
            case sudoku::HintKind::step: label = std::string(sudoku::technique_id(h->step.technique)); break;
            case sudoku::HintKind::wrong_entry: label = "wrong_entry"; break;
            case sudoku::HintKind::wrong_note: label = "wrong_note"; break;
            case sudoku::HintKind::solved: label = "solved"; break;
        }
        std::printf("%s: %s | %s\n", label.c_str(), h->text_en.c_str(), h->text_ru.c_str());
        return "";
    });
}

int run_sudoku_generate(const Args& args) {
    const char* usage =
        "usage: astradia sudoku generate --level L [--seed S] [--count N] [--no-symmetry]\n"
        "       astradia sudoku generate --daily YYYY-MM-DD\n";
    std::optional<Level> level;
    std::optional<std::uint64_t> seed;
    std::optional<sudoku::Daily> day;
    long count = 1;
    sudoku::GenerateOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "--level" && has_value) {
            level = sudoku::parse_level(args[++i]);
            if (!level) {
                std::fprintf(stderr, "astradia sudoku generate: unknown level '%s' (easy, medium, hard, expert, extreme)\n",
                             args[i].c_str());
                return 2;
            }
        } else if (a == "--seed" && has_value) {
            std::uint64_t s = 0;
            if (!parse_u64(args[++i], s)) {
                std::fprintf(stderr, "astradia sudoku generate: --seed wants a whole number from 0 to 18446744073709551615, not '%s'\n",
                             args[i].c_str());
                return 2;
            }
            seed = s;
        } else if (a == "--count" && has_value) {
            if (!parse_int(args[++i], 100000, count)) {
                std::fprintf(stderr, "astradia sudoku generate: --count wants a whole number from 1 to 100000, not '%s'\n",
                             args[i].c_str());
                return 2;
            }
        } else if (a == "--daily" && has_value) {
            Expected<sudoku::Daily> d = sudoku::parse_daily(args[++i]);
            if (!d) {
                std::fprintf(stderr, "astradia sudoku generate: %s\n", d.error().message.c_str());
                return 2;
            }
            day = *d;
        } else if (a == "--no-symmetry") {
            options.symmetric = false;
        } else {
            std::fprintf(stderr, "%s", usage);
            return 2;
        }
    }
    if (day) {
        if (level || seed || count != 1) {
            std::fprintf(stderr, "astradia sudoku generate: --daily sets the level and the seed itself\n%s", usage);
            return 2;
        }
        level = day->level;
        seed = day->seed;
    }
    if (!level) {
        std::fprintf(stderr, "%s", usage);
        return 2;
    }
    if (!seed) {  // no seed given: a fresh one, printed in the id so the puzzle can be had again
        seed = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
               (static_cast<std::uint64_t>(std::time(nullptr)) << 20);
    }
    int status = 0;
    for (long k = 0; k < count; ++k) {
        const std::uint64_t s = *seed + static_cast<std::uint64_t>(k);
        Expected<sudoku::Generated> g = sudoku::generate(*level, s, options);
        if (!g) {
            std::fprintf(stderr, "astradia sudoku generate: %s\n", g.error().message.c_str());
            status = 1;
            continue;
        }
        std::printf("%s %s\n", sudoku::format_game_id({*level, s}).c_str(), g->puzzle.to_string().c_str());
    }
    return status;
}

int run_sudoku_logic_bench(const Args& args) {
    std::string data = std::string(ASTRADIA_DATA_DIR) + "/sudoku";
    long grade_count = 15000, generate_count = 200, from = 15000;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool has_value = i + 1 < args.size();
        if (args[i] == "--data" && has_value) {
            data = args[++i];
        } else if (args[i] == "--grade" && has_value && parse_int(args[i + 1], 30000, grade_count)) {
            ++i;
        } else if (args[i] == "--from" && has_value) {
            from = std::strtol(args[++i].c_str(), nullptr, 10);
            if (from < 0) from = 0;
        } else if (args[i] == "--generate" && has_value && parse_int(args[i + 1], 100000, generate_count)) {
            ++i;
        } else {
            std::fprintf(stderr,
                         "usage: astradia sudoku logic-bench [--data DIR] [--from N] [--grade N] [--generate N]\n");
            return 2;
        }
    }
    // The grader against Sudoku Explainer's ratings (se_rated_diabolical), by default on
    // the second half of the set (the first half was used to calibrate).
    std::ifstream puzzles(data + "/se_rated_diabolical.txt"), ratings(data + "/se_rated_diabolical.se_ratings.txt");
    if (!puzzles || !ratings) {
        std::fprintf(stderr, "astradia sudoku logic-bench: cannot read the SE-rated set in %s\n", data.c_str());
        return 1;
    }
    std::vector<double> ours, theirs, times;
    long histogram[5] = {};
    std::string p, r;
    for (long n = 0; std::getline(puzzles, p) && std::getline(ratings, r) && static_cast<long>(ours.size()) < grade_count; ++n) {
        if (n < from) continue;
        Expected<Grid> g = sudoku::parse_grid(p);
        if (!g) continue;
        const double t0 = cpu_ms();
        Expected<sudoku::Grade> grade = sudoku::grade_logic(*g);
        times.push_back(cpu_ms() - t0);
        if (!grade) continue;
        ours.push_back(grade->score());
        theirs.push_back(std::strtod(r.c_str(), nullptr));
        ++histogram[static_cast<int>(grade->level)];
    }
    std::printf("grader: %zu puzzles of se_rated_diabolical from line %ld (SE 5.0-9.3)\n", ours.size(), from + 1);
    std::printf("  Spearman rank correlation with SE   %.3f\n", sudoku::spearman(ours, theirs));
    std::printf("  within 0.5 of the SE rating         %.1f%%\n", 100 * sudoku::share_within(ours, theirs, 0.5));
    std::printf("  grading time per puzzle, CPU ms     p50 %s  p90 %s  p99 %s  max %s\n", percentile(times, 0.5).c_str(),
                percentile(times, 0.9).c_str(), percentile(times, 0.99).c_str(), percentile(times, 1.0).c_str());
    std::printf("  levels                              ");
    for (Level l : sudoku::kLevels) {
        std::printf("%s %ld (%.1f%%)  ", std::string(sudoku::level_name(l)).c_str(), histogram[static_cast<int>(l)],
                    ours.empty() ? 0.0 : 100.0 * static_cast<double>(histogram[static_cast<int>(l)]) / static_cast<double>(ours.size()));
    }
    std::printf("\n");
    // Grading speed on typical puzzles: the SE-rated set is all diabolical (SE 5.0 and up),
    // the sets players mostly meet are not. Timing and levels only (no ratings to compare).
    for (const char* set : {"kaggle_first10000", "unbiased_first1000"}) {
        std::ifstream in(data + "/" + set + ".txt");
        std::vector<double> typical;
        long levels[5] = {};
        std::string line;
        while (std::getline(in, line)) {
            Expected<Grid> g = sudoku::parse_grid(line);
            if (!g) continue;
            const double t0 = cpu_ms();
            Expected<sudoku::Grade> grade = sudoku::grade_logic(*g);
            typical.push_back(cpu_ms() - t0);
            if (grade) ++levels[static_cast<int>(grade->level)];
        }
        if (typical.empty()) continue;
        std::printf("grading time on %s (%zu puzzles), CPU ms: p50 %s  p90 %s  p99 %s  max %s\n  levels ", set,
                    typical.size(), percentile(typical, 0.5).c_str(), percentile(typical, 0.9).c_str(),
                    percentile(typical, 0.99).c_str(), percentile(typical, 1.0).c_str());
        for (Level l : sudoku::kLevels) {
            std::printf("%s %ld  ", std::string(sudoku::level_name(l)).c_str(), levels[static_cast<int>(l)]);
        }
        std::printf("\n");
    }
    // The generator: latency per level over consecutive seeds, and how many candidate
    // puzzles each accepted one cost.
    std::printf("generator: %ld puzzles per level (seeds 1..%ld), symmetric, CPU ms (wall ms in brackets)\n",
                generate_count, generate_count);
    for (Level level : sudoku::kLevels) {
        std::vector<double> cpu, wall;
        long attempts = 0, most = 0;
        for (long s = 1; s <= generate_count; ++s) {
            const double c0 = cpu_ms(), w0 = wall_ms();
            Expected<sudoku::Generated> g = sudoku::generate(level, static_cast<std::uint64_t>(s));
            cpu.push_back(cpu_ms() - c0);
            wall.push_back(wall_ms() - w0);
            if (!g) continue;
            attempts += g->attempts;
            most = std::max<long>(most, g->attempts);
        }
        std::printf("  %-8s p50 %6s  p90 %6s  p99 %6s  max %6s  [p50 %s p99 %s]  candidates per puzzle: mean %.1f, max %ld\n",
                    std::string(sudoku::level_name(level)).c_str(), percentile(cpu, 0.5).c_str(),
                    percentile(cpu, 0.9).c_str(), percentile(cpu, 0.99).c_str(), percentile(cpu, 1.0).c_str(),
                    percentile(wall, 0.5).c_str(), percentile(wall, 0.99).c_str(),
                    static_cast<double>(attempts) / static_cast<double>(generate_count), most);
    }
    return 0;
}

}  // namespace astradia::cli
