// Purpose: the games reload from storage through their contract: after "Delete my data"
// (every key removed) both games drop what they held, so nothing deleted comes back with
// the next save, and their statistics start from zero; after another tab saved (a second
// store over the same folder) the newer game replaces the one in memory; with nothing
// changed a reload disturbs nothing (the game, its clock and the selection stay).
#include <GLFW/glfw3.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "shell/game/bricks_screen.hpp"
#include "shell/game/sudoku_screen.hpp"
#include "shell/i18n.hpp"
#include "tests/shell/headless_ui.hpp"

using namespace astradia;
using namespace astradia::shell;
using astradia::shell::testing::ScreenWorld;

namespace {

// What the legal widget's "Delete my data" does to this device's storage: every key goes.
void delete_everything(const TempUserDir& dir) {
    const std::string cmd = "rm -f '" + dir.path + "'/*.json";
    REQUIRE(std::system(cmd.c_str()) == 0);
}

Json hook_of(const GameScreen& game, double now) {
    Json hook = Json::object();
    game.describe(hook, now);
    return hook;
}

}  // namespace

TEST_CASE("reload: after Delete my data both games forget everything, and play starts from scratch",
          "[shell][reload]") {
    ScreenWorld w(390, 844);
    const GameContext ctx{&w.store, &w.settings};
    SudokuScreen sudoku(ctx);
    BricksScreen bricks(ctx);
    REQUIRE(sudoku.reload().damaged == nullptr);
    REQUIRE(bricks.reload().damaged == nullptr);
    REQUIRE(sudoku.start("easy-11", w.now));
    bricks.start(77);
    REQUIRE(bricks.open_link("", w.now).show);
    // A finished Bricks game and an abandoned Sudoku game are in the statistics.
    bricks.start(78);
    REQUIRE(sudoku.start("medium-12", w.now));
    REQUIRE(sudoku.stats().levels[0].played == 1);
    REQUIRE(hook_of(bricks, w.now)["bricks"]["seed"] == 78);

    delete_everything(w.dir);
    const Reloaded rs = sudoku.reload();
    const Reloaded rb = bricks.reload();
    CHECK(rs.replaced);
    CHECK(rb.replaced);
    CHECK(rs.damaged == nullptr);
    CHECK(rb.damaged == nullptr);
    CHECK_FALSE(sudoku.has_game());
    CHECK_FALSE(bricks.has_game());
    CHECK(sudoku.stats() == sudoku::Statistics{});
    CHECK(bricks.stats() == bricks::Stats{});
    CHECK(hook_of(sudoku, w.now)["sudoku"].is_null());
    CHECK(hook_of(bricks, w.now)["bricks"].is_null());

    // Further play starts from scratch: the only things stored are the new games, with
    // statistics that know nothing of before.
    REQUIRE(sudoku.start("hard-13", w.now));
    REQUIRE(bricks.open_link("90", w.now).show);
    Store fresh;
    const Opened<sudoku::Statistics> st = fresh.open(SudokuScreen::kStats);
    REQUIRE(st.value);
    int played = 0;
    for (const auto& l : st.value->levels) played += l.played;
    CHECK(played == 1);
    const Opened<bricks::Stats> bs = fresh.open(BricksScreen::kStats);
    CHECK((!bs.value || bs.value->games == 0));
    const Opened<bricks::Session> bg = fresh.open(BricksScreen::kGame);
    REQUIRE(bg.value);
    CHECK(bg.value->seed() == 90);
    CHECK(bg.value->state().placements == 0);
}

TEST_CASE("reload: another tab's newer game replaces the one in memory, and no change disturbs nothing",
          "[shell][reload]") {
    ScreenWorld w(1280, 800);
    SudokuScreen here(GameContext{&w.store, &w.settings});
    REQUIRE(here.reload().damaged == nullptr);
    REQUIRE(here.start("easy-21", w.now));
    here.enter(w.now);
    // Move the selection with the keyboard: screen state that a reload must keep.
    w.ui.frame(std::vector<int>{GLFW_KEY_RIGHT}, [&](const Ui& u) { (void)here.frame(u, w.now); });
    const int selected = hook_of(here, w.now)["sudoku"]["selected"].get<int>();
    REQUIRE(selected == 41);

    // Nothing changed: nothing replaced, the selection and the running clock stay.
    const Reloaded same = here.reload();
    CHECK_FALSE(same.replaced);
    CHECK(hook_of(here, w.now)["sudoku"]["selected"] == selected);
    CHECK(here.next_redraw_ms(w.now + 500).has_value());  // the clock still runs

    // Another tab (its own store over the same folder) starts a different game.
    Store other_store;
    SudokuScreen other(GameContext{&other_store, &w.settings});
    REQUIRE(other.reload().damaged == nullptr);
    REQUIRE(other.start("expert-22", w.now + 1000));
    const Reloaded r = here.reload();
    CHECK(r.replaced);
    CHECK(here.game_id() == "expert-22");
    CHECK(hook_of(here, w.now)["sudoku_stats"] == hook_of(other, w.now)["sudoku_stats"]);
}
