// Purpose: the app draws until the screen settles (shell/ui/settle.hpp). The Sudoku win
// dialog by a click on the pad, as a desktop browser delivers it (the press and the release
// before one frame, so ImGui sees the click a frame later, and the dialog sizes itself in
// its first frame and shows in its second): the loop, driven like App::frame, draws until
// the dialog is on screen and the test hook's targets are the ones shown; a fixed three
// frames after the input (the old rule) stopped before it. And the settling itself: a
// minimum of frames after input, then until two frames in a row are the same, bounded.
#include <algorithm>
#include <GLFW/glfw3.h>

#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <imgui_internal.h>  // whether a window was drawn in the last frame

#include "engine/sudoku/solver.hpp"
#include "shell/game/sudoku_screen.hpp"
#include "shell/i18n.hpp"
#include "shell/ui/settle.hpp"
#include "tests/shell/headless_ui.hpp"

using namespace astradia;
using namespace astradia::shell;
using astradia::shell::testing::ScreenWorld;

TEST_CASE("settle: at least a few frames after input, then until two frames are the same", "[shell][settle]") {
    Settle s;
    s.activity();
    int frames = 0;
    while (s.needs_frame()) {
        s.drawn(42);  // the same picture every time
        ++frames;
    }
    CHECK(frames == Settle::kMinFrames);
    s.activity();
    frames = 0;
    std::uint64_t picture = 1;
    while (s.needs_frame()) {
        s.drawn(frames < 5 ? ++picture : picture);  // changes for five frames, then rests
        ++frames;
    }
    CHECK(frames == 6);
    CHECK(s.settled());
    s.activity();
    frames = 0;
    while (s.needs_frame()) s.drawn(static_cast<std::uint64_t>(++frames));  // never rests
    CHECK(frames == Settle::kMaxFrames);
    s.wake();  // a timer: one frame, and more only while it changes
    CHECK(s.needs_frame());
    s.drawn(static_cast<std::uint64_t>(frames));
    CHECK_FALSE(s.needs_frame());
}

namespace {

struct World : ScreenWorld {
    World() : ScreenWorld(1280, 800) {}
};

// Whether the last frame drew the window `name` on screen (an auto-sized window is laid
// out, hidden, in its first frame: its targets are reported, but nothing is seen), with
// the target `label` inside it.
bool shows(const char* name, const std::string& label) {
    ImGuiWindow* w = ImGui::FindWindowByName(name);
    if (w == nullptr || !w->Active || w->Hidden) return false;
    for (const Target& t : targets()) {
        if (t.label == label && t.x >= w->Pos.x && t.y >= w->Pos.y && t.x + t.w <= w->Pos.x + w->Size.x &&
            t.y + t.h <= w->Pos.y + w->Size.y) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("settle: the win dialog shows after the last digit is clicked on the pad, with no more input",
          "[shell][settle][sudoku]") {
    // Frames 16 ms apart, and as a loaded machine draws them: one turn of the loop late by
    // 80 ms, at a moment near the flash's end (the frames after the flash look alike, so the
    // loop has settled; the late turn may come only once the flash's timer has stopped).
    struct Case {
        MotionChoice motion;
        bool old_rule;
        double late_at;  // ms after the click when one turn comes 80 ms late, or < 0
    };
    std::vector<Case> cases;
    for (const MotionChoice motion : {MotionChoice::reduced, MotionChoice::full}) {
        cases.push_back({motion, false, -1});
        cases.push_back({motion, true, -1});
        for (double at = 1000; at <= 1120; at += 6) cases.push_back({motion, false, at});
    }
    for (const Case& run : cases) {
        const MotionChoice motion = run.motion;
        const bool old_rule = run.old_rule;
        {
            INFO("motion " << static_cast<int>(motion) << ", three frames only " << old_rule << ", a turn late at "
                           << run.late_at << " ms");
            World w;
            w.settings.motion = motion;
            SudokuScreen screen(GameContext{&w.store, &w.settings});
            REQUIRE(screen.start("easy-14", w.now));
            // Fill every empty cell but the last through the keyboard, then select the last.
            Json hook = Json::object();
            screen.describe(hook, w.now);
            const auto givens = sudoku::parse_grid(hook["sudoku"]["givens"].get<std::string>());
            REQUIRE(givens);
            const auto solution = sudoku::solve(*givens);
            REQUIRE(solution);
            int last = -1;
            std::vector<KeyPress> keys;
            int at = 40;
            auto go = [&](int to) {
                for (; at / 9 < to / 9; at += 9) keys.push_back({GLFW_KEY_DOWN, 0, false});
                for (; at / 9 > to / 9; at -= 9) keys.push_back({GLFW_KEY_UP, 0, false});
                for (; at % 9 < to % 9; ++at) keys.push_back({GLFW_KEY_RIGHT, 0, false});
                for (; at % 9 > to % 9; --at) keys.push_back({GLFW_KEY_LEFT, 0, false});
            };
            for (int c = 0; c < 81; ++c) {
                if ((*givens)[c] != 0) continue;
                if (last >= 0) {
                    go(last);
                    keys.push_back({GLFW_KEY_0 + (*solution)[last], 0, false});
                }
                last = c;
            }
            go(last);
            const auto draw = [&](const std::vector<KeyPress>& k) {
                w.now += 16;
                w.ui.frame(k, [&](const Ui& u) { (void)screen.frame(u, w.now); });
            };
            draw(keys);
            draw({});
            // The pad's key for the last digit, under the mouse.
            const std::string label(1, static_cast<char>('0' + (*solution)[last]));
            const Target* key = nullptr;
            for (const Target& t : targets()) {
                if (t.label == label) key = &t;
            }
            REQUIRE(key != nullptr);
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2(key->x + key->w / 2, key->y + key->h / 2);
            draw({});
            // The browser's mousedown and mouseup before one frame: that frame sees the
            // button down, the next sees it up (the click) with no new input event.
            Settle settle;
            settle.activity();
            int drawn = 0;
            io.MouseDown[0] = true;
            const double clicked = w.now;
            bool late = false;
            for (;;) {
                // As App::frame, each turn: time passes (16 ms, or once 80 ms), the screen's timer
                // (the flash asks for every frame), then a frame or sleep until the timer runs out.
                const bool late_now = !late && run.late_at >= 0 && w.now - clicked >= run.late_at;
                late = late || late_now;
                w.now += late_now ? 80 : 16;
                const std::optional<double> tick = screen.next_redraw_ms(w.now);
                if (!old_rule) settle.timer(tick, w.now);
                if (!settle.needs_frame()) {
                    if (!tick || old_rule) break;
                    settle.sleeping(tick, w.now);
                    w.now += std::max(*tick - 16, 0.0);
                    continue;
                }
                w.ui.frame(std::vector<KeyPress>{}, [&](const Ui& u) { (void)screen.frame(u, w.now); });
                io.MouseDown[0] = false;
                settle.drawn(frame_fingerprint(ImGui::GetDrawData()));
                ++drawn;
                if (old_rule && drawn == 3) break;
                REQUIRE(drawn < 400);
            }
            Json after = Json::object();
            screen.describe(after, w.now);
            CHECK(after["sudoku"]["status"] == "won");
            // The last frame drawn shows the dialog: its buttons are targets of that frame.
            CHECK(shows("##sudoku-won", tr("start.new_game")) == !old_rule);
            if (!old_rule) {
                CHECK(shows("##sudoku-won", tr("nav.menu")));
                CHECK(settle.settled());
            }
        }
    }
}
