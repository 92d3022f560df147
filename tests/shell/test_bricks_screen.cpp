// Purpose: the Bricks screen driven like a player, headless (an ImGui context without
// a window): a whole game by keyboard following the engine's hint, its end recorded,
// "Play again" pressed on the game-over dialog, and the next game's hint planned on
// the next game's rules (the planner once outlived the session whose rules it read:
// a use after free that corrupted the wasm heap). Run under ASan on native-asan.
#include <GLFW/glfw3.h>

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/bricks/ai.hpp"
#include "engine/bricks/game.hpp"
#include "engine/bricks/session.hpp"
#include "shell/game/bricks_screen.hpp"
#include "shell/i18n.hpp"
#include "tests/shell/headless_ui.hpp"

using namespace astradia;
using namespace astradia::shell;
using astradia::shell::testing::HeadlessUi;
using astradia::shell::testing::ScreenWorld;

namespace {

struct Fixture : ScreenWorld {
    Fixture() : ScreenWorld(390, 844) { settings.bricks_hint = true; }
    GameContext context() { return GameContext{&store, &settings}; }
    // One frame of the screen with these keys pressed (and the mouse as it is); every save
    // it made went through.
    void frame(BricksScreen& screen, const std::vector<int>& keys = {}) {
        now += 400;  // past the clear animation every frame
        GameFrame r;
        ui.frame(keys, [&](const Ui& u) { r = screen.frame(u, now); });
        CHECK_FALSE(r.leave);
        CHECK(store.health() == StoreHealth::ok);
    }
    // The screen's part of the test hook.
    Json state(const BricksScreen& screen) const {
        Json hook = Json::object();
        screen.describe(hook, now);
        return hook["bricks"];
    }
    // Presses and releases the primary button on the target labelled `label`.
    void click(BricksScreen& screen, const std::string& label) {
        frame(screen);  // a window that sizes itself to its content is placed in its second frame
        REQUIRE(HeadlessUi::click(label, [&] { frame(screen); }));
    }
};

// The keys that move the keyboard's piece from (row, col) to (to_row, to_col), then place it.
std::vector<int> keys_to(int row, int col, int to_row, int to_col) {
    std::vector<int> keys;
    for (; row < to_row; ++row) keys.push_back(GLFW_KEY_DOWN);
    for (; row > to_row; --row) keys.push_back(GLFW_KEY_UP);
    for (; col < to_col; ++col) keys.push_back(GLFW_KEY_RIGHT);
    for (; col > to_col; --col) keys.push_back(GLFW_KEY_LEFT);
    keys.push_back(GLFW_KEY_ENTER);
    // A key after the piece is down, in the same frame: nothing is held any more, so
    // it must do nothing (it once read the tray at slot -1).
    keys.push_back(GLFW_KEY_LEFT);
    return keys;
}

// The engine's hint for the first move of a fresh game of `seed`.
bricks::Move reference_hint(std::uint64_t seed) {
    bricks::Session s(bricks::classic_rules(), seed);
    bricks::Planner planner(s.rules());
    auto h = planner.hint(s.state());
    REQUIRE(h);
    return *h;
}

// The hint the screen reports in its state.
bricks::Move shown_hint(const Json& state) {
    REQUIRE(state["hint"].is_object());
    return bricks::Move{state["hint"]["piece"].get<int>(), state["hint"]["row"].get<int>(),
                        state["hint"]["col"].get<int>()};
}

}  // namespace

TEST_CASE("bricks screen: a whole game by keyboard with the hint, then play again and reload",
          "[shell][bricks]") {
    Fixture f;
    BricksScreen screen(f.context());
    REQUIRE(screen.reload().damaged == nullptr);
    screen.start(4820);
    bricks::Session reference(bricks::classic_rules(), 4820);
    bricks::Planner planner(reference.rules());

    int moves = 0;
    for (;;) {
        f.frame(screen);
        const Json j = f.state(screen);
        REQUIRE(j["board"] == bricks::board_rows(reference.rules(), reference.state().board));
        REQUIRE(j["placements"] == reference.state().placements);
        if (j["over"].get<bool>()) break;
        REQUIRE(moves < 500);
        // The screen shows the engine's hint for this position.
        auto expected = planner.hint(reference.state());
        REQUIRE(expected);
        const bricks::Move hint = shown_hint(j);
        REQUIRE(hint == *expected);
        // Choose the piece (keys 1..3), see where the keyboard put it, walk it there, place it.
        f.frame(screen, {GLFW_KEY_1 + hint.piece});
        f.frame(screen);
        const Json held = f.state(screen);
        REQUIRE(held["held"] == hint.piece);
        REQUIRE(held["preview"]["valid"].get<bool>());
        f.frame(screen, keys_to(held["preview"]["row"].get<int>(), held["preview"]["col"].get<int>(), hint.row,
                                hint.col));
        REQUIRE(reference.place(hint));
        ++moves;
        // Every move is saved: the stored game is the one on screen.
        const Opened<bricks::Session> stored = f.store.open(BricksScreen::kGame);
        REQUIRE(stored.value);
        CHECK(stored.value->state().placements == reference.state().placements);
    }
    // The game the browser test plays to its end (seed 4820): the same moves, the same end.
    CHECK(moves == 74);
    CHECK(reference.state().score == 547);
    CHECK(f.state(screen)["score"] == 547);
    CHECK(screen.stats().games == 1);
    CHECK(screen.stats().best == 547);

    // "Play again" on the game-over dialog: a new game, planned on its own rules.
    f.click(screen, tr("bricks.again"));
    const Json again = f.state(screen);
    REQUIRE_FALSE(again["over"].get<bool>());
    REQUIRE(again["placements"] == 0);
    const auto seed = again["seed"].get<std::uint64_t>();
    f.frame(screen);
    const Json next = f.state(screen);
    CHECK(shown_hint(next) == reference_hint(seed));
    CHECK(next["best"] == 547);

    // A reload (a new screen over the same storage) resumes that game and its statistics.
    BricksScreen reloaded(f.context());
    REQUIRE(reloaded.reload().damaged == nullptr);
    f.frame(reloaded);
    CHECK(f.state(reloaded)["seed"] == seed);
    CHECK(f.state(reloaded)["board"] == next["board"]);
    CHECK(reloaded.stats().games == 1);
    CHECK(reloaded.stats().best == 547);
}

TEST_CASE("bricks screen: each new game plans its hints with its own rules", "[shell][bricks]") {
    Fixture f;
    BricksScreen screen(f.context());
    for (std::uint64_t seed : {11u, 12u, 13u}) {
        screen.start(seed);
        f.frame(screen);
        CHECK(shown_hint(f.state(screen)) == reference_hint(seed));
    }
}
