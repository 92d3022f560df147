// Purpose: the Sudoku screen driven like a player, headless (an ImGui context without a
// window), under the sanitizers on native-asan: a whole puzzle by keyboard with a wrong
// digit undone and redone, notes, a hint and a pause on the way; the win recorded in the
// statistics; a reload resumes the finished game as it was.
#include <GLFW/glfw3.h>

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/sudoku/grid.hpp"
#include "engine/sudoku/solver.hpp"
#include "shell/game/sudoku_screen.hpp"
#include "shell/i18n.hpp"
#include "tests/shell/headless_ui.hpp"
#include "tests/shell/temp_user_dir.hpp"

using namespace astradia;
using namespace astradia::shell;
using astradia::shell::testing::HeadlessUi;

namespace {

struct Fixture {
    TempUserDir dir;
    Store store;
    sudoku::Statistics stats;
    Settings settings;
    int saves = 0;
    int stats_changes = 0;
    HeadlessUi ui{1440, 900};
    double now = 1000;

    Fixture() { set_language(Lang::en); }
    SudokuServices services() {
        SudokuServices s;
        s.store = &store;
        s.stats = &stats;
        s.settings = &settings;
        s.on_store = [](void* f, StoreHealth h) {
            CHECK(h == StoreHealth::ok);
            ++static_cast<Fixture*>(f)->saves;
        };
        s.on_stats = [](void* f) { ++static_cast<Fixture*>(f)->stats_changes; };
        s.app = this;
        return s;
    }
    void frame(SudokuScreen& screen, const std::vector<KeyPress>& keys = {}) {
        now += 250;
        ui.frame(keys, [&](const Ui& u) { CHECK_FALSE(screen.frame(u, now).leave); });
    }
    Json state(const SudokuScreen& screen) const { return screen.state_json(now); }
};

KeyPress key(int k, int mods = 0) { return KeyPress{k, mods, false}; }

// Arrow keys from cell `from` to cell `to` (row-major 0..80), then `then`.
std::vector<KeyPress> go(int from, int to, std::vector<KeyPress> then) {
    std::vector<KeyPress> keys;
    for (int r = from / 9; r < to / 9; ++r) keys.push_back(key(GLFW_KEY_DOWN));
    for (int r = from / 9; r > to / 9; --r) keys.push_back(key(GLFW_KEY_UP));
    for (int c = from % 9; c < to % 9; ++c) keys.push_back(key(GLFW_KEY_RIGHT));
    for (int c = from % 9; c > to % 9; --c) keys.push_back(key(GLFW_KEY_LEFT));
    keys.insert(keys.end(), then.begin(), then.end());
    return keys;
}

int digit_key(int d) { return GLFW_KEY_0 + d; }

}  // namespace

TEST_CASE("sudoku screen: a whole puzzle by keyboard, with undo, notes, a hint and a pause, then a reload",
          "[shell][sudoku]") {
    Fixture f;
    SudokuScreen screen(f.services());
    REQUIRE_FALSE(screen.load());
    REQUIRE(screen.start("medium-42", f.now));
    f.frame(screen);
    const Json start = f.state(screen);
    REQUIRE(start["status"] == "playing");
    auto givens = sudoku::parse_grid(start["givens"].get<std::string>());
    REQUIRE(givens);
    const std::optional<sudoku::Grid> solution = sudoku::solve(*givens);
    REQUIRE(solution);
    int empty = -1;
    for (int c = 0; c < 81 && empty < 0; ++c) {
        if ((*givens)[c] == 0) empty = c;
    }
    REQUIRE(empty >= 0);
    const int right = (*solution)[empty];
    const int wrong = right % 9 + 1;
    const int at = f.state(screen)["selected"].get<int>();

    // A wrong digit counts a mistake; Ctrl+Z takes it back, Ctrl+Y puts it back, Ctrl+Z again.
    f.frame(screen, go(at, empty, {key(digit_key(wrong))}));
    Json j = f.state(screen);
    CHECK(j["selected"] == empty);
    CHECK(j["entries"].get<std::string>()[static_cast<std::size_t>(empty)] == static_cast<char>('0' + wrong));
    CHECK(j["mistakes"] == 1);
    f.frame(screen, {key(GLFW_KEY_Z, GLFW_MOD_CONTROL)});
    CHECK(f.state(screen)["entries"] == start["entries"]);
    CHECK(f.state(screen)["can_redo"] == true);
    f.frame(screen, {key(GLFW_KEY_Y, GLFW_MOD_CONTROL)});
    CHECK(f.state(screen)["entries"].get<std::string>()[static_cast<std::size_t>(empty)] == static_cast<char>('0' + wrong));
    f.frame(screen, {key(GLFW_KEY_Z, GLFW_MOD_CONTROL)});
    CHECK(f.state(screen)["entries"] == start["entries"]);

    // Notes mode: N, a digit writes a note (bit d-1 of the cell's notes), N again.
    f.frame(screen, {key(GLFW_KEY_N), key(digit_key(right))});
    j = f.state(screen);
    CHECK(j["notes_mode"] == true);
    CHECK((j["notes"][static_cast<std::size_t>(empty)].get<int>() & (1 << (right - 1))) != 0);
    f.frame(screen, {key(GLFW_KEY_N)});
    CHECK(f.state(screen)["notes_mode"] == false);

    // A hint shows a step with its sentence; a pause hides the board and stops the clock.
    f.frame(screen, {key(GLFW_KEY_H)});
    j = f.state(screen);
    REQUIRE(j["hint"].is_object());
    CHECK_FALSE(j["hint"]["text_en"].get<std::string>().empty());
    f.frame(screen, {key(GLFW_KEY_P)});
    const Json paused = f.state(screen);
    CHECK(paused["paused"] == true);
    f.frame(screen);
    CHECK(f.state(screen)["elapsed_ms"] == paused["elapsed_ms"]);
    f.frame(screen, {key(GLFW_KEY_P)});
    CHECK(f.state(screen)["paused"] == false);

    // Every empty cell, in reading order, one frame each (from wherever the selection is:
    // the hint moved it to its cell).
    for (int c = 0; c < 81; ++c) {
        if ((*givens)[c] != 0) continue;
        const Json now = f.state(screen);
        REQUIRE(now["status"] == "playing");
        f.frame(screen, go(now["selected"].get<int>(), c, {key(digit_key((*solution)[c]))}));
        REQUIRE(f.state(screen)["selected"] == c);
    }
    f.frame(screen);
    j = f.state(screen);
    CHECK(j["status"] == "won");
    CHECK(j["entries"].get<std::string>().find('0') == std::string::npos);
    CHECK(j["conflicts"].empty());
    CHECK(j["mistakes"] == 1);
    const sudoku::LevelStats& medium = f.stats.levels[static_cast<std::size_t>(sudoku::Level::medium)];
    CHECK(medium.played == 1);
    CHECK(medium.won == 1);
    CHECK(medium.best_ms > 0);
    CHECK(f.stats_changes >= 2);  // the start and the win
    CHECK(f.saves >= 50);         // every move saved

    // A reload (a new screen over the same storage) shows the finished game as it was.
    SudokuScreen reloaded(f.services());
    REQUIRE_FALSE(reloaded.load());
    f.frame(reloaded);
    const Json back = f.state(reloaded);
    CHECK(back["id"] == "medium-42");
    CHECK(back["status"] == "won");
    CHECK(back["entries"] == j["entries"]);
    CHECK(back["elapsed_ms"] == j["elapsed_ms"]);
}
