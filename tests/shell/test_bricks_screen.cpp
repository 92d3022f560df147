// Purpose: the Bricks screen driven like a player, headless (an ImGui context without
// a window): a whole game by keyboard following the engine's hint, with the feedback of
// every placement checked against the engine (the "+N" pop-up, call-outs for several lines
// and for a streak, the clear, the sounds, the dimmed tray), its end shown in two steps (the
// board and why, then the dialog) and recorded, "Play again" pressed on the game-over
// dialog, and the next game's hint planned on the next game's rules (the planner once
// outlived the session whose rules it read: a use after free that corrupted the wasm heap);
// Escape pauses instead of leaving; the Hint button; the bricks_over statistics event's fields.
// Run under ASan on native-asan.
#include <GLFW/glfw3.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/bricks/ai.hpp"
#include "engine/bricks/game.hpp"
#include "engine/bricks/session.hpp"
#include "shell/audio.hpp"
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
    void frame(BricksScreen& screen, const std::vector<int>& keys = {}, double step = 400) {
        CHECK_FALSE(frame_result(screen, keys, step).leave);
    }
    GameFrame frame_result(BricksScreen& screen, const std::vector<int>& keys = {}, double step = 400) {
        now += step;
        GameFrame r;
        ui.frame(keys, [&](const Ui& u) { r = screen.frame(u, now); });
        CHECK(store.health() == StoreHealth::ok);
        return r;
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
    audio::configure(true, 75);
    const audio::Log sounds = audio::log();
    int clears = 0, streaks = 0, multi = 0;

    int moves = 0;
    for (;;) {
        f.frame(screen);
        const Json j = f.state(screen);
        // The tray: each piece says whether it fits (dimmed when not), as the engine says.
        for (int slot = 0; slot < reference.rules().tray_size(); ++slot) {
            if (j["tray"][static_cast<std::size_t>(slot)].is_null()) continue;
            REQUIRE(j["tray"][static_cast<std::size_t>(slot)]["fits"] == bricks::piece_fits(reference.rules(), reference.state(), slot));
        }
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
        // The feedback of this placement: its points rise from it; several lines and a streak
        // get call-outs; a clear is animated for a moment.
        const bricks::State& now = reference.state();
        const Json fb = f.state(screen);
        REQUIRE(fb["streak"] == reference.clear_streak());
        std::vector<std::string> texts;
        for (const Json& p : fb["pops"]) texts.push_back(p["text"].get<std::string>());
        CHECK(std::find(texts.begin(), texts.end(), "+" + std::to_string(now.last_points)) != texts.end());
        const std::string lines = plural("bricks.callout.lines", now.last_lines);
        const std::string streak = fill(tr("bricks.callout.streak"), {{"n", std::to_string(reference.clear_streak())}});
        CHECK((std::find(texts.begin(), texts.end(), lines) != texts.end()) == (now.last_lines >= 2));
        CHECK((std::find(texts.begin(), texts.end(), streak) != texts.end()) == (reference.clear_streak() >= 2));
        CHECK(fb["clearing"] == (now.last_lines > 0));
        clears += now.last_lines > 0;
        multi += now.last_lines >= 2;
        streaks += reference.clear_streak() >= 2;
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
    // The game had clears, streaks and a clear of several lines, each called out above.
    CHECK(clears > 0);
    CHECK(streaks > 0);
    INFO("placements that cleared two lines or more: " << multi);
    // A sound for every placement (a clear or a plain placement) and one at the end.
    const auto played = [&](audio::Effect e) {
        return audio::log().played[static_cast<std::size_t>(e)] - sounds.played[static_cast<std::size_t>(e)];
    };
    CHECK(played(audio::Effect::clear) == clears);
    CHECK(played(audio::Effect::place) == moves - clears);
    CHECK(played(audio::Effect::win) + played(audio::Effect::game_over) == 1);
    audio::configure(false, 75);

    // Game over, first the board and why: every piece left is shown as having no room.
    const Json ended = f.state(screen);
    CHECK(ended["result"] == "board");
    for (const Json& piece : ended["tray"]) {
        if (!piece.is_null()) CHECK(piece["fits"] == false);
    }
    // ... and it waits for its moment (the app sleeps till then), or a tap goes on at once.
    // (past the last pop-up, before the dialog)
    const std::optional<double> wait = screen.next_redraw_ms(f.now + kBricksPopMs);
    REQUIRE(wait);
    CHECK(*wait > 0);
    CHECK(*wait <= kBricksOverBoardMs);
    REQUIRE(HeadlessUi::click("bricks-board", [&] { f.frame(screen, {}, 10); }));
    CHECK(f.state(screen)["result"] == "dialog");
    // The dialog sizes itself in its first frame: the screen keeps drawing a moment after it comes up.
    REQUIRE(screen.next_redraw_ms(f.now));
    CHECK(*screen.next_redraw_ms(f.now) == 0.0);
    CHECK_FALSE(screen.next_redraw_ms(f.now + 1000));

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

TEST_CASE("bricks screen: Escape pauses instead of leaving, and leaving takes a second choice", "[shell][bricks]") {
    Fixture f;
    BricksScreen screen(f.context());
    screen.start(77);
    f.frame(screen);
    // Escape with no piece in hand: the pause sheet, not the menu.
    CHECK_FALSE(f.frame_result(screen, {GLFW_KEY_ESCAPE}).leave);
    f.frame(screen);
    CHECK(screen.paused());
    CHECK(f.state(screen)["paused"] == true);
    // Escape again resumes; so does the sheet's Resume.
    f.frame(screen, {GLFW_KEY_ESCAPE});
    CHECK_FALSE(screen.paused());
    f.frame(screen, {GLFW_KEY_ESCAPE});
    REQUIRE(screen.paused());
    f.click(screen, tr("bricks.resume"));
    CHECK_FALSE(screen.paused());
    // Escape with a piece chosen puts the piece back first.
    f.frame(screen, {GLFW_KEY_1});
    f.frame(screen, {GLFW_KEY_ESCAPE});
    CHECK(f.state(screen)["held"] == -1);
    CHECK_FALSE(screen.paused());
    // The sheet's Menu leaves (the game stays saved).
    f.frame(screen, {GLFW_KEY_ESCAPE});
    f.frame(screen);
    bool left = false;
    const std::vector<Target> drawn = targets();
    for (const Target& t : drawn) {
        if (t.label == tr("nav.menu")) {
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2(t.x + t.w / 2, t.y + t.h / 2);
            f.frame(screen);
            io.MouseDown[0] = true;
            f.frame(screen);
            io.MouseDown[0] = false;
            left = f.frame_result(screen).leave;
            break;
        }
    }
    CHECK(left);
    CHECK(f.store.open(BricksScreen::kGame).value);
}

TEST_CASE("bricks screen: the Hint button shows the suggested move until the next placement", "[shell][bricks]") {
    Fixture f;
    f.settings.bricks_hint = false;
    BricksScreen screen(f.context());
    screen.start(12);
    f.frame(screen);
    CHECK(f.state(screen)["hint"].is_null());
    f.click(screen, tr("bricks.hint"));
    f.frame(screen);
    const bricks::Move hint = shown_hint(f.state(screen));
    CHECK(hint == reference_hint(12));
    // Play it by keyboard: the next position has no hint until asked again.
    f.frame(screen, {GLFW_KEY_1 + hint.piece});
    f.frame(screen);
    const Json held = f.state(screen);
    f.frame(screen, keys_to(held["preview"]["row"].get<int>(), held["preview"]["col"].get<int>(), hint.row, hint.col));
    f.frame(screen);
    CHECK(f.state(screen)["placements"] == 1);
    CHECK(f.state(screen)["hint"].is_null());
    // H asks too.
    f.frame(screen, {GLFW_KEY_H});
    f.frame(screen);
    CHECK(f.state(screen)["hint"].is_object());
    f.frame(screen, {GLFW_KEY_H});  // asked again for the same position: still one hint
    // The bricks_over event's fields (natively nothing is sent): the two hints asked, and the
    // seconds since the game's first frame.
    const Json event = screen.over_event(f.now + 60000);
    CHECK(event["placements"] == 1);
    CHECK(event["hints"] == 2);
    CHECK(event["duration"].get<std::int64_t>() > 60);
    CHECK(event["duration"].get<std::int64_t>() < 70);
    // A game resumed from a save started on another visit: no hints or duration to tell.
    BricksScreen reloaded(f.context());
    REQUIRE(reloaded.reload().damaged == nullptr);
    f.frame(reloaded);
    const Json resumed = reloaded.over_event(f.now);
    CHECK(resumed["placements"] == 1);
    CHECK_FALSE(resumed.contains("hints"));
    CHECK_FALSE(resumed.contains("duration"));
}
