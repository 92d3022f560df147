// Purpose: the generator: puzzles of every level, each with exactly one solution, graded
// as requested, symmetric by default; golden seeds pin the puzzle of each level (the same
// natively and in wasm); the daily puzzle of a date; game ids in and out, with errors;
// puzzles the player imports (real ones from ../shared/data), with errors.
#include <string>

#include <catch2/catch.hpp>

#include "engine/core/random.hpp"
#include "engine/core/sha256.hpp"
#include "engine/sudoku/generator.hpp"
#include "engine/sudoku/logic.hpp"
#include "engine/sudoku/solver.hpp"
#include "tests/engine/sudoku/data_sets.hpp"

using namespace astradia::sudoku;

namespace {

// 200 puzzles per level where a build grades fast; in -O0 and sanitizer builds (10-40
// times slower) a smaller sample keeps the test command short. The full run is on
// native-release and in wasm.
#if defined(NDEBUG)
constexpr int kPerLevel = 200;
#elif defined(__SANITIZE_ADDRESS__)
constexpr int kPerLevel = 6;
#else
constexpr int kPerLevel = 20;
#endif

bool symmetric(const Grid& g) {
    for (int i = 0; i < kCells; ++i) {
        if ((g[i] != 0) != (g[kCells - 1 - i] != 0)) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("generate: every level, unique, graded as requested, symmetric", "[sudoku][generator]") {
    for (Level level : kLevels) {
        INFO("level " << level_name(level));
        int attempts = 0;
        for (int i = 0; i < kPerLevel; ++i) {
            const std::uint64_t seed = 5000 + static_cast<std::uint64_t>(i);
            auto g = generate(level, seed);
            REQUIRE(g.ok());
            INFO("seed " << seed << ": " << g->puzzle.to_string());
            Grid solution;
            REQUIRE(count_solutions(g->puzzle, 2, &solution) == 1);
            CHECK(solution == g->solution);
            CHECK(solves(g->puzzle, g->solution));
            CHECK(symmetric(g->puzzle));
            CHECK(g->level == level);
            CHECK(level_within(g->puzzle, level) == level);
            if (level != Level::easy) {
                CHECK_FALSE(level_within(g->puzzle, static_cast<Level>(static_cast<int>(level) - 1)));
            } else {
                CHECK(g->puzzle.filled() >= 32);
            }
            CHECK(g->attempts >= 1);
            attempts += g->attempts;
        }
        CHECK(attempts >= kPerLevel);
    }
}

TEST_CASE("generate: the grader agrees with the generator's level", "[sudoku][generator]") {
    for (Level level : kLevels) {
        for (std::uint64_t seed = 1; seed <= 3; ++seed) {
            auto g = generate(level, seed);
            REQUIRE(g.ok());
            auto grade = grade_logic(g->puzzle);
            REQUIRE(grade.ok());
            CHECK(grade->level == level);
            CHECK(grade->solved);
        }
    }
}

TEST_CASE("generate: golden seeds, one puzzle per level", "[sudoku][generator]") {
    // Pinned: a change here changes every shared game link and daily puzzle.
    const struct {
        Level level;
        const char* puzzle;
    } golden[] = {
        {Level::easy, "84...1....25.7....7.6895...654...7.3.........1.2...645...6294.7....1.85....5...36"},
        {Level::medium, "..46.....76.5.2....9..7....31.....849.68.52.384.....79....8..2....1.3.65.....63.."},
        {Level::hard, "7..5..9....9..6.285..8..1...6.........49.86.........7...3..2..119.4..2....7..1..4"},
        {Level::expert, "6...5.4..9847...525..1..6...9.6.8.......4.......9.7.3...2..1..884...6321..6.9...5"},
        {Level::extreme, ".2351....8..7..2.171......3....4...2..9...3..3...8....5......262.7..9..4....5483."},
    };
    for (const auto& g : golden) {
        auto made = generate(g.level, 20261121);
        REQUIRE(made.ok());
        CHECK(made->puzzle.to_string() == g.puzzle);
    }
    auto asymmetric = generate(Level::hard, 7, {.symmetric = false});
    REQUIRE(asymmetric.ok());
    CHECK(asymmetric->puzzle.to_string() ==
          "...7.6..8..1.9.........4.716.5...8......4.5.6.39.7....9..1..4..5..9....3.1..6....");
    CHECK(count_solutions(asymmetric->puzzle, 2) == 1);
    CHECK(grade_logic(asymmetric->puzzle)->level == Level::hard);
    // Seeds matter: another seed, another puzzle.
    CHECK(generate(Level::hard, 20261122)->puzzle.to_string() != golden[2].puzzle);
}

TEST_CASE("generate: seeds 1..20 of every level pinned by one hash", "[sudoku][generator]") {
    // Many seeds, not one: work on the generator's speed must not change any puzzle a
    // seed gives (shared links, daily puzzles). The same natively and in wasm.
    std::string all;
    for (Level level : kLevels) {
        for (std::uint64_t s = 1; s <= 20; ++s) all += generate(level, s)->puzzle.to_string() + "\n";
    }
    CHECK(astradia::sha256_hex(all) == "261b62cca13defb12b18b907cd740c7cabb3e9ce9ca21cfbfb91ec007e76dbf9");
}

TEST_CASE("daily: pinned for a date, the same for everyone, levels through the week", "[sudoku][generator]") {
    auto d = daily(2026, 11, 21);  // a Saturday
    REQUIRE(d.ok());
    CHECK(d->date == "2026-11-21");
    CHECK(d->level == Level::expert);
    CHECK(d->seed == astradia::hash64("2026-11-21"));
    CHECK(d->seed == 10073753164549356218ull);
    auto p = generate(d->level, d->seed);
    REQUIRE(p.ok());
    CHECK(p->puzzle.to_string() == ".2..5..7.7.......9.9.7..53....3.1.4.9.......2.3.6.5....17..3.5.2.......3.6..8..2.");
    // Monday 2026-11-16 to Sunday 2026-11-22.
    const Level week[] = {Level::easy, Level::medium, Level::medium, Level::hard, Level::hard, Level::expert, Level::extreme};
    for (int i = 0; i < 7; ++i) CHECK(daily(2026, 11, 16 + i)->level == week[i]);
    CHECK(parse_daily("2026-11-21")->seed == d->seed);
    CHECK(daily(2024, 2, 29).ok());   // a leap day
    CHECK(daily(2000, 2, 29).ok());
    CHECK(daily(1, 1, 1)->date == "0001-01-01");
    CHECK(daily(2025, 2, 29).error().code == "daily.date");
    CHECK(daily(1900, 2, 29).error().code == "daily.date");
    CHECK(daily(2026, 13, 1).error().code == "daily.date");
    CHECK(daily(2026, 4, 31).error().code == "daily.date");
    CHECK(daily(0, 1, 1).error().code == "daily.date");
    for (const char* bad : {"", "2026-1-21", "2026/11/21", "2026-11-2x", "20261121", "2026-11-21 ", "-026-11-21", "2026-02-30"}) {
        INFO(bad);
        CHECK(parse_daily(bad).error().code == "daily.date");
    }
}

TEST_CASE("game id: format, parse, errors", "[sudoku][generator]") {
    const GameId id{Level::hard, 1234567890};
    CHECK(format_game_id(id) == "hard-1234567890");
    CHECK(parse_game_id("hard-1234567890").value() == id);
    CHECK(parse_game_id("extreme-0").value() == GameId{Level::extreme, 0});
    CHECK(parse_game_id("easy-18446744073709551615").value() == GameId{Level::easy, 18446744073709551615ull});
    for (Level level : kLevels) {
        const GameId g{level, 987654321987654321ull};
        CHECK(parse_game_id(format_game_id(g)).value() == g);
    }
    CHECK(parse_game_id("").error().code == "game_id.format");
    CHECK(parse_game_id("hard").error().code == "game_id.format");
    CHECK(parse_game_id("hard-").error().code == "game_id.format");
    CHECK(parse_game_id("-5").error().code == "game_id.format");
    CHECK(parse_game_id("insane-5").error().code == "game_id.level");
    CHECK(parse_game_id("Hard-5").error().code == "game_id.level");
    CHECK(parse_game_id("hard-abc").error().code == "game_id.seed");
    CHECK(parse_game_id("hard--5").error().code == "game_id.seed");
    CHECK(parse_game_id("hard-+5").error().code == "game_id.seed");
    CHECK(parse_game_id("hard-5x").error().code == "game_id.seed");
    CHECK(parse_game_id("hard-5 ").error().code == "game_id.seed");
    CHECK(parse_game_id("hard-18446744073709551616").error().code == "game_id.seed");
    CHECK(parse_game_id("hard-000000000000000000001").error().code == "game_id.seed");
    CHECK_FALSE(parse_game_id("insane-5").error().message.empty());
}

TEST_CASE("import: real puzzles in either form get their grade and a share id that imports again",
          "[sudoku][generator]") {
    for (const char* name : {"17_clue.txt", "kaggle_first10000.txt", "se_rated_diabolical.txt"}) {
        for (const std::string& line : astradia::testing::data_lines(name, 3)) {
            INFO(name << ": " << line);
            const auto got = import_puzzle(line);
            REQUIRE(got);
            const Grid expected = parse_grid(line).value();
            CHECK(got->puzzle == expected);
            CHECK(got->id == expected.to_string());
            CHECK(got->id.size() == 81);
            CHECK(got->level == grade_logic(expected).value().level);
            // The same puzzle with zeros and in the 9-line form imports to the same id.
            std::string zeros = got->id;
            for (char& c : zeros) c = c == '.' ? '0' : c;
            std::string lines;
            for (int r = 0; r < 9; ++r) lines += zeros.substr(static_cast<std::size_t>(r) * 9, 9) + "\n";
            CHECK(import_puzzle(zeros).value().id == got->id);
            CHECK(import_puzzle(lines).value().id == got->id);
            CHECK(import_puzzle(got->id).value().level == got->level);
        }
    }
    // A generated puzzle imports at the level it was made for.
    const Generated hard = generate(Level::hard, 42).value();
    CHECK(import_puzzle(hard.puzzle.to_string()).value().level == Level::hard);
}

TEST_CASE("import: malformed, contradictory and improper puzzles are refused with a reason",
          "[sudoku][generator]") {
    const std::string good = "..43..2.9..5..9..1.7..6..43..6..2.8719...74...5..83...6.....1.5..35.869..4291.3..";
    CHECK(import_puzzle(good.substr(0, 80)).error().code == "sudoku.length");
    std::string longer = good;
    longer.push_back('1');
    CHECK(import_puzzle(longer).error().code == "sudoku.length");
    CHECK(import_puzzle("").error().code == "sudoku.length");
    std::string letter = good;  // (edited in place: GCC 12 at -O3 misreads "x" + substr() as an overlap)
    letter[0] = 'x';
    CHECK(import_puzzle(letter).error().code == "sudoku.character");
    std::string twice = good;
    twice[0] = '4';  // row 1 already has a 4
    CHECK(import_puzzle(twice).error().code == "sudoku.duplicate");
    // No repeated digit, yet r1c9 has no candidate: 1-8 are in its row, 9 in its column.
    std::string stuck(81, '.');
    for (int c = 0; c < 8; ++c) stuck[static_cast<std::size_t>(c)] = static_cast<char>('1' + c);
    stuck[17] = '9';
    const auto no_solution = import_puzzle(stuck);
    REQUIRE_FALSE(no_solution);
    CHECK(no_solution.error().code == "sudoku.unsolvable");
    CHECK(no_solution.error().message == "the puzzle has no solution");
    const auto empty = import_puzzle(std::string(81, '.'));
    REQUIRE_FALSE(empty);
    CHECK(empty.error().code == "sudoku.multiple");
    CHECK(empty.error().message == "the puzzle has more than one solution");
}
