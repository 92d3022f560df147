// Purpose: the puzzle generator, the daily puzzle and game ids (see generator.hpp).
//
// How a puzzle is made (details and figures in docs/DECISIONS.md): a random full grid
// (the solver's random_solution), then its clues are taken away one symmetric pair at a
// time in a random order, a removal kept only while the puzzle stays acceptable. For
// easy, acceptable means "solvable by singles alone" (which also proves it unique), so
// every attempt gives an easy puzzle. For the other levels it means "exactly one
// solution" (the solver's count_solutions): that yields a minimal puzzle, graded by the
// level path; it is accepted when its level is the one asked, else another grid is tried
// (about 1 in 10 to 1 in 15 grids fit each of medium to extreme).
#include "engine/sudoku/generator.hpp"

#include <array>
#include <charconv>

#include "engine/core/random.hpp"
#include "engine/sudoku/logic.hpp"
#include "engine/sudoku/solver.hpp"
#include "engine/sudoku/techniques.hpp"

namespace astradia::sudoku {
namespace {

constexpr int kMaxAttempts = 2000;
// Easy puzzles keep at least this many clues: singles alone solve them either way, and
// a bare 27-clue singles puzzle is more tedious than a player expects of "easy".
constexpr int kEasyMinClues = 32;

// Whether the puzzle can be solved with techniques up to `cap`, without uniqueness
// techniques (so a solve proves the solution unique); the level used, if so.
std::optional<Level> logic_level(const Grid& puzzle, Level cap, bool uniqueness) {
    LogicOptions options;
    options.order = StepOrder::level;
    options.max_level = cap;
    options.uniqueness = uniqueness;
    options.trial = false;
    const LogicSolve path = solve_logically(candidates_of(puzzle), options);
    if (!path.solved) return std::nullopt;
    Level level = Level::easy;
    for (const Step& s : path.steps) level = std::max(level, s.level());
    return level;
}

bool acceptable(const Grid& puzzle, Level target) {
    if (target == Level::easy) {
        Candidates c = candidates_of(puzzle);
        return solve_with_singles(c);
    }
    return count_solutions(puzzle, 2) == 1;
}

// The level of a unique puzzle, as grade_logic gives it.
Level level_of(const Grid& puzzle) { return logic_level(puzzle, Level::expert, true).value_or(Level::extreme); }

}  // namespace

Expected<Generated> generate(Level level, std::uint64_t seed, const GenerateOptions& options) {
    Rng rng(seed);
    // The removal units: cell i with its mirror 80 - i (the centre alone), or single cells.
    std::array<std::array<int, 2>, kCells> units{};
    int unit_count = 0;
    for (int i = 0; i < kCells; ++i) {
        if (options.symmetric && i > kCells - 1 - i) break;
        units[static_cast<std::size_t>(unit_count++)] = {i, options.symmetric ? kCells - 1 - i : i};
    }
    for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
        std::optional<Grid> full = random_solution(Grid{}, rng);
        if (!full) return make_error("generate.exhausted", "the solver found no full grid");
        for (int i = unit_count - 1; i > 0; --i) {  // a random order (Fisher-Yates)
            const auto j = static_cast<int>(rng.below(static_cast<std::uint32_t>(i + 1)));
            std::swap(units[static_cast<std::size_t>(i)], units[static_cast<std::size_t>(j)]);
        }
        Grid puzzle = *full;
        for (int u = 0; u < unit_count; ++u) {
            const auto [a, b] = units[static_cast<std::size_t>(u)];
            if (level == Level::easy && puzzle.filled() - (a == b ? 1 : 2) < kEasyMinClues) break;
            Grid trial = puzzle;
            trial[a] = 0;
            trial[b] = 0;
            if (acceptable(trial, level)) puzzle = trial;
        }
        if (level != Level::easy && level_of(puzzle) != level) continue;
        Generated out;
        out.puzzle = puzzle;
        out.solution = *full;
        out.level = level;
        out.attempts = attempt;
        return out;
    }
    return make_error("generate.exhausted",
                      "no " + std::string(level_name(level)) + " puzzle found in " + std::to_string(kMaxAttempts) + " attempts");
}

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// 0 = Monday ... 6 = Sunday, proleptic Gregorian calendar.
int weekday(int y, int m, int d) {
    static constexpr int kOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3) y -= 1;
    const int sunday_based = (y + y / 4 - y / 100 + y / 400 + kOffsets[m - 1] + d) % 7;  // 0 = Sunday
    return (sunday_based + 6) % 7;
}

// (Built with append: GCC 12 at -O3 reports a false -Wrestrict on chained concatenation.)
void append_padded(std::string& out, int v, std::size_t width) {
    const std::string digits = std::to_string(v);
    out.append(digits.size() < width ? width - digits.size() : 0, '0');
    out += digits;
}

}  // namespace

Expected<Daily> daily(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
        return make_error("daily.date", "there is no date " + std::to_string(year) + "-" + std::to_string(month) + "-" +
                                            std::to_string(day));
    }
    static constexpr Level kByWeekday[] = {Level::easy, Level::medium, Level::medium, Level::hard,
                                           Level::hard, Level::expert, Level::extreme};
    Daily out;
    append_padded(out.date, year, 4);
    out.date += '-';
    append_padded(out.date, month, 2);
    out.date += '-';
    append_padded(out.date, day, 2);
    out.level = kByWeekday[weekday(year, month, day)];
    out.seed = hash64(out.date);
    return out;
}

Expected<Daily> parse_daily(std::string_view iso) {
    auto bad = [&] { return make_error("daily.date", "expected a date as YYYY-MM-DD, got '" + std::string(iso) + "'"); };
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return bad();
    int parts[3] = {};
    const std::string_view fields[3] = {iso.substr(0, 4), iso.substr(5, 2), iso.substr(8, 2)};
    for (int i = 0; i < 3; ++i) {
        for (char ch : fields[i]) {
            if (ch < '0' || ch > '9') return bad();
        }
        std::from_chars(fields[i].data(), fields[i].data() + fields[i].size(), parts[i]);
    }
    return daily(parts[0], parts[1], parts[2]);
}

std::string format_game_id(const GameId& id) { return std::string(level_name(id.level)) + "-" + std::to_string(id.seed); }

Expected<GameId> parse_game_id(std::string_view text) {
    const auto dash = text.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 == text.size()) {
        return make_error("game_id.format", "a game id looks like <level>-<seed>, e.g. hard-12345; got '" + std::string(text) + "'");
    }
    const std::string_view name = text.substr(0, dash), number = text.substr(dash + 1);
    const std::optional<Level> level = parse_level(name);
    if (!level) {
        return make_error("game_id.level",
                          "unknown level '" + std::string(name) + "' (easy, medium, hard, expert or extreme)");
    }
    std::uint64_t seed = 0;
    bool digits = number.size() <= 20;
    for (char ch : number) digits = digits && ch >= '0' && ch <= '9';
    const auto [end, ec] = digits ? std::from_chars(number.data(), number.data() + number.size(), seed)
                                  : std::from_chars_result{number.data(), std::errc::invalid_argument};
    if (!digits || ec != std::errc() || end != number.data() + number.size()) {
        return make_error("game_id.seed",
                          "the seed '" + std::string(number) + "' is not a whole number from 0 to 18446744073709551615");
    }
    return GameId{*level, seed};
}

Expected<Imported> import_puzzle(std::string_view text) {
    Expected<Grid> grid = parse_grid(text);
    if (!grid) return grid.error();
    const int solutions = count_solutions(*grid, 2);
    if (solutions == 0) return make_error("sudoku.unsolvable", "the puzzle has no solution");
    if (solutions > 1) return make_error("sudoku.multiple", "the puzzle has more than one solution");
    return Imported{*grid, level_of(*grid), grid->to_string()};
}

}  // namespace astradia::sudoku
