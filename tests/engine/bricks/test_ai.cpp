// Purpose: the Bricks evaluation and planner: features measured on hand-made
// boards, plans that are legal and complete, the one order that works found,
// partial plans when not every piece can go, game over, and a golden plan that
// pins the search natively and in wasm.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "board_helpers.hpp"
#include "engine/bricks/ai.hpp"

using namespace astradia::bricks;
using bricks_test::board_of;
using bricks_test::state_of;

namespace {
std::vector<std::string> rows(const char* row, int n) { return std::vector<std::string>(static_cast<std::size_t>(n), row); }

// Applies a plan with the checked transition; false if any move is illegal.
bool apply_all(const Ruleset& rules, State& s, const Plan& plan) {
    for (const Move& m : plan.moves) {
        auto next = place(rules, s, m);
        if (!next) return false;
        s = *next;
    }
    return true;
}
}  // namespace

TEST_CASE("evaluation features measure what they say", "[bricks][ai]") {
    const Ruleset& rules = classic_rules();
    const Evaluator eval(rules, tuned_weights());
    // Empty board: everything fits everywhere.
    Features f = eval.features(Bits{});
    CHECK(f[kFreeCells] == 100);
    CHECK(f[kIsolated] == 0);
    CHECK(f[kRowTransitions] == 0);
    CHECK(f[kColTransitions] == 0);
    CHECK(f[kNoFitShare] == 0);
    CHECK(f[kNoFitBiggest] == 0);
    CHECK(f[kNoFitLongest] == 0);
    CHECK(f[kNarrowCells] == 0);
    CHECK(f[kUncoveredBig] == 0);
    CHECK(f[kRegions] == 1);
    CHECK(f[kBorderFilled] == 0);
    CHECK(f[kLineFill] == 0);
    CHECK(f[kNoBiggestTwice] == 0);
    CHECK(f[kMobility] > 0.9);

    // Full but for one lone cell and a pair: one isolated cell; only dot and the
    // 2-lines fit (weights 2 + 3 of 42 for the pair).
    std::vector<std::string> b = rows("##########", 10);
    b[0][0] = '.';
    b[5][5] = '.';
    b[5][6] = '.';
    f = eval.features(board_of(rules, b));
    CHECK(f[kFreeCells] == 3);
    CHECK(f[kIsolated] == 1);
    CHECK(f[kRowTransitions] == 1 + 2);
    CHECK(f[kColTransitions] == 1 + 2 + 2);
    CHECK(f[kNoFitShare] == Approx(1.0 - (2 + 3) / 42.0));
    CHECK(f[kNoFitBiggest] == 1);
    CHECK(f[kNoFitLongest] == 2);
    CHECK(f[kNarrowCells] == 3);
    CHECK(f[kUncoveredBig] == 3);
    CHECK(f[kRegions] == 2);
    CHECK(f[kBorderFilled] == 36 - 1);
    CHECK(f[kNoBiggestTwice] == 1);

    // A horizontal corridor two rows high: no vertical 3+ line, no 3x3, yet 2x2 fits.
    std::vector<std::string> corridor = rows("##########", 10);
    corridor[4] = "..........";
    corridor[5] = "..........";
    f = eval.features(board_of(rules, corridor));
    CHECK(f[kNoFitBiggest] == 1);
    CHECK(f[kNoFitLongest] == 1);  // h5 fits, v5 does not
    CHECK(f[kNarrowCells] == 0);
    CHECK(f[kUncoveredBig] == 20);
    CHECK(f[kRegions] == 1);
    CHECK(f[kBorderFilled] == 20 + 12);
    corridor[4] = "#########.";  // split into two regions joined by nothing
    corridor[5] = ".#########";
    CHECK(eval.features(board_of(rules, corridor))[kRegions] == 2);
    CHECK(eval.full(Bits{}) > eval.full(board_of(rules, corridor)));

    // Filled cells gathered in one line score more than spread ones.
    f = eval.features(board_of(rules, {"#####....."}));
    CHECK(f[kLineFill] == Approx(0.5 * 0.5 + 5 * 0.1 * 0.1));
    CHECK(f[kLineFill] > eval.features(board_of(rules, {"#.........", ".#........", "..#.......", "...#......", "....#....."}))[kLineFill]);

    // The 3x3 square twice: two separate 3x3 holes, or only one.
    std::vector<std::string> two = rows("##########", 10);
    for (int r = 0; r < 3; ++r) two[static_cast<std::size_t>(r)] = "...####...";
    CHECK(eval.features(board_of(rules, two))[kNoBiggestTwice] == 0);
    two[0] = "...#######";
    CHECK(eval.features(board_of(rules, two))[kNoBiggestTwice] == 1);
    CHECK(eval.features(board_of(rules, two))[kNoFitBiggest] == 0);
}

TEST_CASE("weights read and write as name=value text", "[bricks][ai]") {
    const Weights w = tuned_weights();
    auto back = weights_from_text(weights_to_text(w));
    REQUIRE(back.ok());
    for (int i = 0; i < kFeatureCount; ++i) CHECK(back->w[static_cast<std::size_t>(i)] == Approx(w.w[static_cast<std::size_t>(i)]).epsilon(1e-5));
    auto partial = weights_from_text("isolated=-2.5,points=0.1");
    REQUIRE(partial.ok());
    CHECK(partial->w[kIsolated] == -2.5);
    CHECK(partial->w[kFreeCells] == 0);
    CHECK(weights_from_text("bogus=1").error().code == "bricks.weights");
    CHECK(weights_from_text("isolated=").error().code == "bricks.weights");
    CHECK(weights_from_text("isolated=1x").error().code == "bricks.weights");
    CHECK(weights_from_text("isolated").error().code == "bricks.weights");
}

TEST_CASE("plans are legal and place the whole tray", "[bricks][ai]") {
    const Ruleset& rules = classic_rules();
    Planner planner(rules);
    State s = new_game(rules, 31);
    for (int tray = 0; tray < 20 && !s.over; ++tray) {
        const Plan plan = planner.plan(s);
        REQUIRE(plan.complete);
        REQUIRE(plan.moves.size() == 3);
        REQUIRE(apply_all(rules, s, plan));
    }
    CHECK(s.placements == 60);
    auto hint = planner.hint(s);
    REQUIRE(hint.ok());
    CHECK(place(rules, s, *hint).ok());
}

TEST_CASE("the planner finds the one order that works", "[bricks][ai]") {
    const Ruleset& rules = classic_rules();
    // Only the last column is free: the 3x3 square fits only after the 5-line
    // clears five rows.
    for (SearchOptions options : {hint_options(), autoplay_options(), SearchOptions{}}) {
        Planner planner(rules, tuned_weights(), options);
        State s = state_of(rules, board_of(rules, rows("#########.", 10)), {"sq3", "v5", "dot"});
        const Plan plan = planner.plan(s);
        REQUIRE(plan.complete);
        REQUIRE(plan.moves.size() == 3);
        CHECK(plan.moves[0].piece == 1);
        CHECK(apply_all(rules, s, plan));
    }
}

TEST_CASE("when not every piece fits the plan places as many as it can", "[bricks][ai]") {
    const Ruleset& rules = classic_rules();
    // One 3x3 hole (top left), three cells in the last column, three in the last row.
    std::vector<std::string> b = rows("##########", 10);
    for (int r = 0; r < 3; ++r) b[static_cast<std::size_t>(r)] = "...######.";
    b[9] = "...#######";
    Planner planner(rules);
    State s = state_of(rules, board_of(rules, b), {"sq3", "sq3", "dot"});
    const Plan plan = planner.plan(s);
    CHECK_FALSE(plan.complete);
    REQUIRE(plan.moves.size() == 2);
    CHECK(apply_all(rules, s, plan));
    CHECK(s.over);

    // Nothing fits at all: an empty plan, and the hint says the game is over.
    std::vector<std::string> checker;
    for (int r = 0; r < 10; ++r) checker.push_back(r % 2 == 0 ? "#.#.#.#.#." : ".#.#.#.#.#");
    State dead = state_of(rules, board_of(rules, checker), {"h2", "v2", "sq2"});
    CHECK(planner.plan(dead).moves.empty());
    auto hint = planner.hint(dead);
    REQUIRE_FALSE(hint.ok());
    CHECK(hint.error().code == "bricks.game_over");
}

TEST_CASE("a fixed evaluation gives the same plan on every platform (golden)", "[bricks][ai]") {
    const Ruleset& rules = classic_rules();
    Weights w;
    w.w[kFreeCells] = 1;
    w.w[kIsolated] = -2;
    w.w[kRowTransitions] = -0.25;
    w.w[kColTransitions] = -0.75;
    w.w[kNoFitShare] = -30;
    w.w[kMobility] = 3;
    w.w[kPoints] = 0.1;
    Planner planner(rules, w, SearchOptions{.beam = 5, .last = 3});
    State s = new_game(rules, 1);
    std::string trace;
    for (int tray = 0; tray < 8; ++tray) {
        const Plan plan = planner.plan(s);
        REQUIRE(plan.complete);
        for (const Move& m : plan.moves) trace += std::to_string(m.piece) + std::to_string(m.row) + std::to_string(m.col) + " ";
        REQUIRE(apply_all(rules, s, plan));
    }
    CHECK(trace == "000 231 152 030 251 170 090 270 140 051 100 210 210 041 171 051 100 211 190 294 099 030 180 292 ");
    CHECK(s.score == 215);
}
