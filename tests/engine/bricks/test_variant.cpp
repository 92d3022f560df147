// Purpose: a variant ruleset (8x8 board, a tray of two, other shapes and weights)
// runs through the same engine, planner, saves and replays without code changes.
#include <catch2/catch.hpp>

#include "board_helpers.hpp"
#include "engine/bricks/ai.hpp"
#include "engine/bricks/replay.hpp"
#include "engine/bricks/session.hpp"

using namespace astradia::bricks;

namespace {
Ruleset variant() {
    RulesetSpec spec;
    spec.rows = 8;
    spec.cols = 8;
    spec.tray_size = 2;
    spec.line_bonus = 3;
    spec.shapes = {{"dot", "#", 1}, {"bar", "####", 3}, {"post", "#/#/#", 2}, {"tee", "###/.#.", 4}, {"zig", "##./.##", 2}};
    return Ruleset::make(spec).value();
}
}  // namespace

TEST_CASE("a variant ruleset plays, scores and clears by its own rules", "[bricks][variant]") {
    const Ruleset rules = variant();
    CHECK(rules.cells() == 64);
    CHECK(rules.total_weight() == 12);
    // Clearing one row of 8 with a bar: 4 cells + 3*1*2 bonus.
    State st = bricks_test::state_of(rules, bricks_test::board_of(rules, {"####....", "", "", "", "", "", "", ""}), {"bar", "tee"});
    auto next = place(rules, st, Move{0, 0, 4});
    REQUIRE(next.ok());
    CHECK(next->score == 4 + 6);
    CHECK(next->board.none());
    CHECK(next->tray[1] == rules.find_shape("tee"));
    // The tray of two refills after two placements.
    auto after = place(rules, *next, Move{1, 3, 3});
    REQUIRE(after.ok());
    CHECK(after->trays == 2);
    CHECK(pieces_left(rules, *after) == 2);
    CHECK(place(rules, *after, Move{2, 0, 0}).error().code == "bricks.no_such_piece");
    CHECK(place(rules, *after, Move{0, 7, 7}).error().code == "bricks.off_board");
}

TEST_CASE("the planner, saves and replays work on the variant", "[bricks][variant]") {
    const Ruleset rules = variant();
    Session session(rules, 12);
    Planner planner(session.rules());
    int placed = 0;
    while (!session.state().over && placed < 60) {
        const Plan plan = planner.plan(session.state());
        REQUIRE_FALSE(plan.moves.empty());
        for (const Move& m : plan.moves) {
            REQUIRE(session.place(m).ok());
            ++placed;
            if (session.state().over) break;
        }
    }
    CHECK(session.state().placements == static_cast<std::uint32_t>(placed));
    auto loaded = open_document(kGameDocument, session.save());
    REQUIRE(loaded.ok());
    CHECK(loaded->rules().spec() == rules.spec());
    CHECK(loaded->state() == session.state());
    auto replay = open_document(kReplayDocument, session.replay());
    REQUIRE(replay.ok());
    CHECK(replay->final_state == session.state());
    CHECK(replay->rules.rows() == 8);
}
