// Purpose: the logic engine on real puzzle sets: no step ever contradicts the solution
// (both step orders, the grader's sweeps too), every unique puzzle gets solved, and the
// grader's levels and scores hold their promises (pinned examples, level = the simplest
// techniques that suffice, agreement with Sudoku Explainer ratings on held-out puzzles).
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/sudoku/agreement.hpp"
#include "engine/sudoku/logic.hpp"
#include "engine/sudoku/solver.hpp"
#include "engine/sudoku/techniques.hpp"
#include "tests/engine/sudoku/data_sets.hpp"

using namespace astradia::sudoku;

namespace {

// How much of the data sets a build checks: everything in optimised builds, a
// slice where each grade costs 10-50 times more (-O0, sanitizers).
#if defined(NDEBUG)
constexpr std::size_t kEvery = 1;
#elif defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kEvery = 20;
#else
constexpr std::size_t kEvery = 8;
#endif

// `count` lines of a data set, every `every`-th from line `from` (data_lines requires them all).
std::vector<std::string> load_lines(const std::string& name, std::size_t count, std::size_t from = 0,
                                    std::size_t every = kEvery) {
    return astradia::testing::data_lines(name, count, from, every);
}

Grid grid(std::string_view text) {
    auto g = parse_grid(text);
    REQUIRE(g.ok());
    return *g;
}

// Solves with logic, checking every step (and, in rating order, every sweep) against
// the solution. Returns the number of steps.
int checked_solve(const Grid& puzzle, const Grid& solution, StepOrder order) {
    LogicMemo memo;
    const LogicOptions options{.order = order, .memo = &memo};
    Candidates c = candidates_of(puzzle);
    int steps = 0;
    while (!c.solved()) {
        std::optional<Step> s = next_step(c, options);
        REQUIRE(s);
        INFO("step " << steps << ": " << technique_id(s->technique));
        REQUIRE(step_agrees(*s, solution));
        if (order == StepOrder::rating && s->rating >= 66 && steps % 4 == 0) {  // (a sample: sweeps are costly)
            const Analysis a = analyze(c);
            Step merged;
            if (sweep_chains(c, a, s->rating, merged)) REQUIRE(step_agrees(merged, solution));
            if (sweep_forcing_chains(c, a, s->rating, merged)) REQUIRE(step_agrees(merged, solution));
            if (sweep_trials(c, a, s->rating, merged)) REQUIRE(step_agrees(merged, solution));
        }
        apply_step(c, *s);
        ++steps;
    }
    REQUIRE(c.values == solution);
    return steps;
}

void check_set(const std::string& name, std::size_t count) {
    int puzzles = 0;
    for (const std::string& line : load_lines(name, count)) {
        INFO(name << ": " << line);
        const Grid puzzle = grid(line);
        Grid solution;
        REQUIRE(count_solutions(puzzle, 2, &solution) == 1);
        checked_solve(puzzle, solution, StepOrder::level);
        checked_solve(puzzle, solution, StepOrder::rating);
        ++puzzles;
    }
    CHECK(puzzles > 0);
}

}  // namespace

TEST_CASE("logic: no step contradicts the solution, SE-rated puzzles", "[sudoku][logic][data]") {
    check_set("se_rated_diabolical.txt", 1000 / kEvery);
}

TEST_CASE("logic: no step contradicts the solution, unbiased and 17-clue puzzles", "[sudoku][logic][data]") {
    check_set("unbiased_first1000.txt", 1000 / kEvery);
    check_set("17_clue.txt", 800 / kEvery);
}

TEST_CASE("logic: no step contradicts the solution, magictour and the hardest", "[sudoku][logic][data]") {
    check_set("magictour_top1465.txt", 200 / kEvery);
    check_set("forum_hardest_1905_11plus.txt", 24 / kEvery);
}

TEST_CASE("grade: pinned levels and scores", "[sudoku][logic][grade]") {
    struct Pin {
        const char* puzzle;
        Level level;
        int rating;
        Technique hardest;
    };
    const Pin pins[] = {
        {".2.4.......6..913.....152......8....3.....5..8...647...147.28.5.....1.9..........", Level::easy, 23,
         Technique::naked_single},
        {"1...6.5....678.3..7.9.2.4.62...4...5.9.....21.....7.3...2...8..64..7....9..4.....", Level::medium, 34,
         Technique::hidden_pair},
        {"12.4...........3...8.1...6......1.9.56.8.243.9..........76...8.6...189.....75.1..", Level::hard, 40,
         Technique::hidden_triple},
        {"....64.89.5.8..2...8..2...139.......5.4.....8...91..7..3.......6...8..13948.3..2.", Level::expert, 55,
         Technique::wxyz_wing},
        {"4..6..3...1..2..6...8..7..19..8..5...4..5..1......2..75.....6...3..8..4......9..5", Level::extreme, 94,
         Technique::trial_and_error},
        {".83.2..9....8..1...293....8....987...7.....6...674....3....698...2..5....1..3.54.", Level::extreme, 72,
         Technique::aic},
    };
    for (const Pin& p : pins) {
        INFO(p.puzzle);
        auto g = grade_logic(grid(p.puzzle));
        REQUIRE(g.ok());
        CHECK(g->level == p.level);
        CHECK(g->rating == p.rating);
        CHECK(g->hardest == p.hardest);
        CHECK(g->solved);
        CHECK(level_within(grid(p.puzzle), p.level) == p.level);
        if (p.level != Level::easy) CHECK_FALSE(level_within(grid(p.puzzle), static_cast<Level>(static_cast<int>(p.level) - 1)));
    }
}

TEST_CASE("grade: errors for grids that break the rules", "[sudoku][logic][grade]") {
    Grid g = grid("53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79");
    Grid dup = g;
    dup[2] = 5;  // a second 5 in row 1
    CHECK(grade_logic(dup).error().code == "sudoku.duplicate");
    Grid bad = g;
    bad[2] = 12;
    CHECK(grade_logic(bad).error().code == "sudoku.value");
    // A cell with no candidate left: 1..8 in its row, 9 in its column.
    Grid dead;
    for (int i = 0; i < 8; ++i) dead[i] = static_cast<std::uint8_t>(i + 1);
    dead[cell_at(4, 8)] = 9;
    CHECK(grade_logic(dead).error().code == "sudoku.unsolvable");
    CHECK_FALSE(grade_logic(dead).error().message.empty());
    // No contradiction in sight, but no solution either (a search finds that out).
    CHECK(grade_logic(grid("12345678.........9...............................................................")).error().code ==
          "sudoku.unsolvable");
    CHECK(grade_logic(Grid{}).error().code == "sudoku.multiple");
    CHECK(grade_logic(grid(".....6....59.....82....8....45........3........6..3.54...325..6..................")).error().code ==
          "sudoku.multiple");
}

TEST_CASE("grade: the level is the simplest that suffices, the score the hardest step", "[sudoku][logic][grade]") {
    for (const std::string& line : load_lines("unbiased_first1000.txt", 300 / kEvery)) {
        INFO(line);
        const Grid puzzle = grid(line);
        auto g = grade_logic(puzzle);
        REQUIRE(g.ok());
        REQUIRE(g->solved);
        // Solvable within its level, not within the one below.
        CHECK(level_within(puzzle, g->level) == g->level);
        if (g->level != Level::easy) {
            CHECK_FALSE(level_within(puzzle, static_cast<Level>(static_cast<int>(g->level) - 1)));
        }
        // Easy means singles only: 1.0 to 2.3.
        CHECK((g->level == Level::easy) == (g->rating <= 23));
        CHECK(g->rating >= 10);
        CHECK(g->rating <= 110);
    }
}

TEST_CASE("grade: agrees with Sudoku Explainer on puzzles it was not calibrated on", "[sudoku][logic][grade][data]") {
    // Calibration used the first half of the set; this checks a slice of the second.
    // (A correlation needs enough pairs to mean something: at least 120 in every build.)
    const std::size_t count = kEvery == 1 ? 400 : 120;
    const auto puzzles = load_lines("se_rated_diabolical.txt", count, 15000, 1);
    const auto ratings = load_lines("se_rated_diabolical.se_ratings.txt", count, 15000, 1);
    REQUIRE(puzzles.size() == ratings.size());
    std::vector<double> ours, theirs;
    for (std::size_t i = 0; i < puzzles.size(); ++i) {
        auto g = grade_logic(grid(puzzles[i]));
        REQUIRE(g.ok());
        ours.push_back(g->score());
        theirs.push_back(std::stod(ratings[i]));
    }
    const double rho = spearman(ours, theirs);
    const double share = share_within(ours, theirs, 0.5);
    INFO("spearman " << rho << ", within 0.5: " << share);
    CHECK(rho >= 0.8);
    CHECK(share >= 0.8);
}

TEST_CASE("agreement: rank correlation and closeness", "[sudoku][logic]") {
    CHECK(spearman({1, 2, 3, 4}, {10, 20, 30, 40}) == Approx(1.0));
    CHECK(spearman({1, 2, 3, 4}, {4, 3, 2, 1}) == Approx(-1.0));
    CHECK(spearman({1, 2, 2, 3}, {1, 2, 2, 3}) == Approx(1.0));  // ties share a rank
    CHECK(spearman({1, 2, 3}, {5, 5, 5}) == 0);                  // constant: no correlation
    CHECK(spearman({1}, {1}) == 0);
    CHECK(spearman({1, 2}, {1}) == 0);
    CHECK(share_within({5.5, 7.2, 8.0}, {5.6, 7.8, 8.5}, 0.5) == Approx(2.0 / 3));
    CHECK(share_within({}, {}, 0.5) == 0);
}
