// Purpose: the start screen with the real games' cards (the registry, as the app draws
// them), and every other view, drawn headless at the sizes players use in both languages,
// watched for controls that share an ImGui ID (HeadlessUi fails a frame with a clash). Each
// card answers its own buttons: Bricks' "New game" starts Bricks, with or without a game to
// continue (it once shared Sudoku's ID and did nothing), Sudoku's opens its level sheet.
// The layout check: at every size (the small native window at scale 2) and in both
// languages, no control of the start screen, Settings, Statistics, How to play, About and
// the Bricks screen (playing, paused, game over) is cut off at the sides or overlaps another,
// and the Bricks screen fits without scrolling.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "shell/bridge.hpp"
#include "shell/game/bricks_screen.hpp"
#include "shell/game/registry.hpp"
#include "shell/game/sudoku_screen.hpp"
#include "shell/i18n.hpp"
#include "shell/settings.hpp"
#include "shell/ui/id_check.hpp"
#include "shell/ui/info_views.hpp"
#include "shell/ui/start_view.hpp"
#include "tests/shell/headless_ui.hpp"

#include <GLFW/glfw3.h>

using namespace astradia;
using namespace astradia::shell;
using astradia::shell::testing::HeadlessUi;

namespace {

struct Size {
    float w, h;
    float scale = 1;
};
// Phone, landscape phone, tablet, desktop, a small native window (at scale 2, as on a HiDPI desktop).
const std::vector<Size> kSizes = {{390, 844}, {844, 390}, {820, 1180}, {1280, 800}, {640, 400, 2}};

// The start screen as the app draws it: the registry's games, each card in its group.
struct StartScreen {
    TempUserDir dir;
    Store store;
    Settings settings;
    std::vector<std::unique_ptr<GameScreen>> games = make_games(GameContext{&store, &settings});
    HeadlessUi ui;
    double now = 1000;
    GameScreen* chosen = nullptr;  // the card that answered the last click, and how
    GameEntry entry;

    explicit StartScreen(Size s) : ui(s.w, s.h, s.scale) {
        for (const auto& g : games) REQUIRE(g->reload().damaged == nullptr);
    }
    GameScreen& game(std::string_view name) {
        for (const auto& g : games) {
            if (g->name() == name) return *g;
        }
        FAIL("no game " << name);
        return *games.front();
    }
    void frame() {
        now += 100;
        StartModel m;
        m.version = "test";
        m.cards = static_cast<int>(games.size());
        ui.frame(std::vector<int>{}, [&](const Ui& u) {
            (void)draw_start_view(u, m, [&](int i, float width) {
                GameScreen& g = *games[static_cast<std::size_t>(i)];
                const TargetGroup group(std::string(g.name()).c_str());
                GameEntry e = g.draw_card(u, width, now);
                if (e.show || !e.notice.empty()) {
                    chosen = &g;
                    entry = std::move(e);
                }
            });
        });
    }
    // Clicks a card's button; true when it was there to click.
    bool click(const std::string& group, const std::string& label) {
        chosen = nullptr;
        entry = {};
        frame();
        frame();
        return HeadlessUi::click_in(group, label, [&] { frame(); });
    }
};

}  // namespace

TEST_CASE("the duplicate-ID check is on in native test builds", "[views]") {
    REQUIRE(id_check::available());
}

TEST_CASE("start screen: each card's New game starts its own game at every size", "[views]") {
    for (const Lang lang : {Lang::en, Lang::ru}) {
        set_language(lang);
        for (const Size size : kSizes) {
            for (const bool saved : {false, true}) {
                INFO("size " << size.w << "x" << size.h << ", saved games " << saved << ", language "
                             << language_code(lang));
                StartScreen s(size);
                auto& bricks = static_cast<BricksScreen&>(s.game("bricks"));
                auto& sudoku = static_cast<SudokuScreen&>(s.game("sudoku"));
                std::uint64_t old_seed = 0;
                if (saved) {
                    bricks.start(12345);
                    old_seed = bricks.seed();
                    REQUIRE(sudoku.start("medium-5", s.now));
                }
                // Bricks: New game starts a fresh Bricks game.
                REQUIRE(s.click("bricks", tr("start.new_game")));
                CHECK(s.chosen == &bricks);
                CHECK(s.entry.show);
                CHECK(bricks.playing());
                CHECK(bricks.seed() != old_seed);
                // Bricks: Continue resumes the game there is.
                REQUIRE(s.click("bricks", tr("start.continue")));
                CHECK(s.chosen == &bricks);
                CHECK(s.entry.show);
                // Sudoku: New game opens the level sheet (nothing starts yet), a level starts it.
                REQUIRE(s.click("sudoku", tr("start.new_game")));
                CHECK(s.chosen == nullptr);
                REQUIRE(s.click("sudoku", tr("level.hard")));
                CHECK(s.chosen == &sudoku);
                CHECK(s.entry.show);
                CHECK(sudoku.game_id().rfind("hard-", 0) == 0);
                // Sudoku: the daily puzzle's sheet (its calendar), then Play starts today's,
                // and the game in progress stays in its own slot.
                const std::string before = sudoku.game_id();
                REQUIRE(s.click("sudoku", tr("start.daily")));
                CHECK(s.chosen == nullptr);
                REQUIRE(s.click("sudoku", tr("daily.play")));
                CHECK(s.chosen == &sudoku);
                CHECK(sudoku.game_id() == "daily-" + bridge::local_date());
                s.frame();
                const std::string resume = std::string(tr("start.continue")) + " \u00B7 " + tr("level.hard");
                REQUIRE(HeadlessUi::click_where(
                    [&](const Target& t) { return t.group == "sudoku" && t.label.rfind(resume, 0) == 0; },
                    [&] { s.frame(); }, false));
                CHECK(sudoku.game_id() == before);
            }
        }
    }
    set_language(Lang::en);
}

TEST_CASE("settings and statistics and help and about: no two controls share an ID at any size", "[views]") {
    for (const Lang lang : {Lang::en, Lang::ru}) {
        set_language(lang);
        for (const Size size : kSizes) {
            INFO("size " << size.w << "x" << size.h << ", language " << language_code(lang));
            StartScreen s(size);  // the games' sections, with some play behind them
            auto& sudoku = static_cast<SudokuScreen&>(s.game("sudoku"));
            REQUIRE(sudoku.start("easy-3", s.now));
            static_cast<BricksScreen&>(s.game("bricks")).start(9);
            HeadlessUi& ui = s.ui;
            Settings settings;
            for (int i = 0; i < 3; ++i) {
                ui.frame(std::vector<int>{}, [&](const Ui& u) { (void)draw_settings_view(u, &settings, true); });
            }
            for (int i = 0; i < 3; ++i) {
                ui.frame(std::vector<int>{}, [&](const Ui& u) {
                    (void)draw_statistics_view(u, [&] {
                        for (const auto& g : s.games) g->draw_statistics(u);
                    });
                });
            }
            for (int i = 0; i < 3; ++i) {
                ui.frame(std::vector<int>{}, [&](const Ui& u) {
                    (void)draw_help_view(u, [&] {
                        for (const auto& g : s.games) g->draw_help(u);
                    });
                });
            }
            for (int i = 0; i < 3; ++i) {
                ui.frame(std::vector<int>{}, [&](const Ui& u) { (void)draw_about_view(u, "test"); });
            }
            // The last frame drew controls (at least "Back"), and none of them clashed.
            CHECK(std::any_of(targets().begin(), targets().end(),
                              [](const Target& t) { return t.label == std::string("\u2190 ") + tr("nav.back"); }));
            CHECK(id_check::clashes().empty());
        }
    }
    set_language(Lang::en);
}

namespace {

bool overlap(const Target& a, const Target& b) {
    return a.x < b.x + b.w - 0.5f && b.x < a.x + a.w - 0.5f && a.y < b.y + b.h - 0.5f && b.y < a.y + a.h - 0.5f;
}

// Checks the targets of the last frame at `size`: none cut off at the sides, none over
// another (of those in `layer`, when a dialog is up: the ones under it are covered), and with
// `fit` every one inside the window (a game screen: no scrolling). A scrolling column's
// targets are checked where they are visible.
void check_layout(const Size& size, const std::string& screen, bool fit, const std::vector<std::string>& layer = {}) {
    INFO("screen " << screen);
    std::vector<Target> shown;
    for (const Target& t : targets()) {
        INFO("target \"" << t.label << "\" at " << t.x << "," << t.y << " size " << t.w << "x" << t.h);
        CHECK(t.x >= -0.5f);
        CHECK(t.x + t.w <= size.w + 0.5f);
        if (fit) {
            CHECK(t.y >= -0.5f);
            CHECK(t.y + t.h <= size.h + 0.5f);
        }
        const bool visible = t.y + t.h > 0 && t.y < size.h;
        const bool in_layer = layer.empty() || std::find(layer.begin(), layer.end(), t.label) != layer.end();
        if (visible && in_layer) shown.push_back(t);
    }
    CHECK_FALSE(shown.empty());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        for (std::size_t j = i + 1; j < shown.size(); ++j) {
            INFO("\"" << shown[i].label << "\" and \"" << shown[j].label << "\"");
            CHECK_FALSE(overlap(shown[i], shown[j]));
        }
    }
}

}  // namespace

TEST_CASE("layout: every screen fits each size in both languages, nothing cut off or overlapping", "[views]") {
    for (const Lang lang : {Lang::en, Lang::ru}) {
        set_language(lang);
        for (const Size size : kSizes) {
            for (const bool touch : {false, true}) {
                INFO("size " << size.w << "x" << size.h << " at scale " << size.scale << ", language "
                             << language_code(lang) << ", touch screen " << touch);
                StartScreen s(size);
                s.ui.context().touch_screen = touch;
                auto& bricks = static_cast<BricksScreen&>(s.game("bricks"));
                REQUIRE(static_cast<SudokuScreen&>(s.game("sudoku")).start("easy-3", s.now));
                bricks.start(9);
                for (int i = 0; i < 3; ++i) s.frame();
                check_layout(size, "start", false);
                HeadlessUi& ui = s.ui;
                Settings settings;
                settings.sound = true;  // the volume row too
                for (int i = 0; i < 3; ++i) {
                    ui.frame(std::vector<int>{}, [&](const Ui& u) { (void)draw_settings_view(u, &settings, true); });
                }
                check_layout(size, "settings", false);
                for (int i = 0; i < 3; ++i) {
                    ui.frame(std::vector<int>{}, [&](const Ui& u) {
                        (void)draw_statistics_view(u, [&] {
                            for (const auto& g : s.games) g->draw_statistics(u);
                        });
                    });
                }
                check_layout(size, "statistics", false);
                for (int i = 0; i < 3; ++i) {
                    ui.frame(std::vector<int>{}, [&](const Ui& u) {
                        (void)draw_help_view(u, [&] {
                            for (const auto& g : s.games) g->draw_help(u);
                        });
                    });
                }
                check_layout(size, "help", false);
                for (int i = 0; i < 3; ++i) {
                    ui.frame(std::vector<int>{}, [&](const Ui& u) { (void)draw_about_view(u, "test"); });
                }
                check_layout(size, "about", false);
                // The Bricks screen: playing, then paused (its sheet over the board).
                const auto bricks_frame = [&](const std::vector<int>& keys) {
                    s.now += 50;
                    ui.frame(keys, [&](const Ui& u) { (void)bricks.frame(u, s.now); });
                };
                for (int i = 0; i < 3; ++i) bricks_frame({});
                check_layout(size, "bricks", true);
                bricks_frame({GLFW_KEY_ESCAPE});
                for (int i = 0; i < 3; ++i) bricks_frame({});
                REQUIRE(bricks.paused());
                check_layout(size, "bricks paused", true, {tr("bricks.resume"), tr("nav.menu")});
            }
        }
    }
    set_language(Lang::en);
}

TEST_CASE("touch: a flick keeps a list scrolling with momentum, slowing to rest, and a touch stops it", "[views]") {
    HeadlessUi ui(390, 600);
    ui.context().touch_screen = true;
    ui.context().touch = true;
    Settings settings;
    bool coasting = false;
    const auto frame = [&] {
        ui.frame(std::vector<int>{}, [&](const Ui& u) { (void)draw_settings_view(u, &settings, true); });
        coasting = redraw_requested();
    };
    const auto first_y = [] {
        for (const Target& t : targets()) {
            if (t.label == tr("settings.theme.system")) return t.y;
        }
        FAIL("no theme choice drawn");
        return 0.0f;
    };
    for (int i = 0; i < 3; ++i) frame();
    const float start = first_y();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(200, 500);
    io.MouseDown[0] = true;
    frame();
    for (int i = 1; i <= 6; ++i) {
        io.MousePos = ImVec2(200, 500.0f - 30.0f * static_cast<float>(i));
        frame();
    }
    // The finger leaves while still moving (30 px a frame at 60 frames a second: the window
    // measures it from the touch events' times).
    io.MouseDown[0] = false;
    ui.context().fling = -1800;
    frame();
    ui.context().fling = 0;
    const float released = first_y();
    CHECK(released < start - 60);
    CHECK(coasting);  // the list goes on by itself: the app must draw the next frame
    // It coasts on, slower and slower, and stops.
    float last = released, step = 1e9f;
    int frames = 0;
    while (coasting && frames < 600) {
        frame();
        const float y = first_y();
        CHECK(y <= last);
        CHECK(last - y <= step + 0.5f);  // never faster than before
        step = last - y;
        last = y;
        ++frames;
    }
    CHECK_FALSE(coasting);
    CHECK(last < released - 20);
    CHECK(frames > 5);
    // A new flick, then a finger on the glass: the list stops at once.
    io.MousePos = ImVec2(200, 300);
    io.MouseDown[0] = true;
    frame();
    for (int i = 1; i <= 4; ++i) {
        io.MousePos = ImVec2(200, 300.0f + 30.0f * static_cast<float>(i));
        frame();
    }
    io.MouseDown[0] = false;
    ui.context().fling = 1800;
    frame();
    ui.context().fling = 0;
    REQUIRE(coasting);
    io.MouseDown[0] = true;
    frame();
    CHECK_FALSE(coasting);
    io.MouseDown[0] = false;
    frame();
    CHECK_FALSE(coasting);
    // A finger that rests before it lifts (no speed left) leaves the list where it is.
    io.MouseDown[0] = true;
    frame();
    io.MousePos = ImVec2(200, 200);
    frame();
    io.MouseDown[0] = false;
    frame();
    const float put = first_y();
    frame();
    CHECK_FALSE(coasting);
    CHECK(first_y() == put);
}

TEST_CASE("a dialog that sizes itself reports its buttons only once it shows, where it shows them", "[views]") {
    HeadlessUi h(1280, 800);
    const std::vector<DialogLine> lines = {DialogLine{"Solved in 4:02", false}};
    const auto draw = [&](const Ui& ui) {
        begin_screen("under", ui);
        end_screen();
        result_dialog(ui, "won", "You won", lines, "New game", "Menu");
    };
    const auto button = [] {
        const std::vector<Target>& all = targets();
        const auto it = std::find_if(all.begin(), all.end(), [](const Target& t) { return t.label == "New game"; });
        return it == all.end() ? std::optional<Target>() : std::optional<Target>(*it);
    };
    // Its first frame lays it out hidden, at a provisional place: nothing of it is reported.
    h.frame(std::vector<int>{}, draw);
    CHECK_FALSE(button().has_value());
    // Shown: centred on the screen, and it stays there.
    h.frame(std::vector<int>{}, draw);
    const std::optional<Target> shown = button();
    REQUIRE(shown.has_value());
    CHECK(shown->x + shown->w / 2 == Approx(640).margin(1));
    h.frame(std::vector<int>{}, draw);
    const std::optional<Target> again = button();
    REQUIRE(again.has_value());
    CHECK(again->x == shown->x);
    CHECK(again->y == shown->y);
}
