// Purpose: every view drawn headless at the sizes players use, in both languages, watched
// for controls that share an ImGui ID (HeadlessUi fails a frame with a clash); and the
// start screen's cards answer their own buttons: Bricks' "New game" starts Bricks, with or
// without a game to continue (it once shared Sudoku's ID and did nothing).
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/sudoku/statistics.hpp"
#include "shell/i18n.hpp"
#include "shell/settings.hpp"
#include "shell/ui/id_check.hpp"
#include "shell/ui/info_views.hpp"
#include "shell/ui/start_view.hpp"
#include "tests/shell/headless_ui.hpp"

using namespace astradia;
using namespace astradia::shell;
using astradia::shell::testing::HeadlessUi;

namespace {

struct Size {
    float w, h;
};
// Phone, landscape phone, tablet, desktop, a small native window.
const std::vector<Size> kSizes = {{390, 844}, {844, 390}, {820, 1180}, {1280, 800}, {640, 400}};

StartModel start_model(bool saved) {
    StartModel m;
    m.sudoku_saved = saved;
    m.sudoku_saved_label = saved ? "Medium \u00B7 4:12" : "";
    m.daily_label = tr("start.daily");
    m.bricks_saved = saved;
    m.bricks_best = saved ? 1234 : 0;
    m.notice = saved ? "A saved game was damaged and set aside." : "";
    m.version = "test";
    return m;
}

// Draws the start screen until `pressed` says what the last frame's action was.
struct StartScreen {
    HeadlessUi ui;
    StartModel model;
    StartAction last;
    StartScreen(Size s, bool saved) : ui(s.w, s.h), model(start_model(saved)) {}
    void frame() {
        ui.frame(std::vector<int>{}, [&](const Ui& u) {
            const StartAction a = draw_start_view(u, model);
            if (a.kind != StartAction::none) last = a;
        });
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
                INFO("size " << size.w << "x" << size.h << ", saved game " << saved << ", language "
                             << language_code(lang));
                StartScreen s(size, saved);
                s.frame();
                s.frame();
                // Bricks: New game starts Bricks.
                REQUIRE(HeadlessUi::click_in("bricks", tr("start.new_game"), [&] { s.frame(); }));
                CHECK(s.last.kind == StartAction::bricks_new);
                // Bricks: Continue, when there is a game.
                if (saved) {
                    s.last = {};
                    REQUIRE(HeadlessUi::click_in("bricks", tr("start.continue"), [&] { s.frame(); }));
                    CHECK(s.last.kind == StartAction::bricks_continue);
                }
                // Sudoku: New game opens the level sheet, and a level starts Sudoku.
                s.last = {};
                REQUIRE(HeadlessUi::click_in("sudoku", tr("start.new_game"), [&] { s.frame(); }));
                CHECK(s.last.kind == StartAction::none);
                s.frame();
                s.frame();
                REQUIRE(HeadlessUi::click_in("sudoku", tr("level.hard"), [&] { s.frame(); }));
                CHECK(s.last.kind == StartAction::sudoku_new);
                CHECK(s.last.level == 2);
                s.frame();
                // Sudoku: the daily puzzle.
                s.last = {};
                REQUIRE(HeadlessUi::click_in("sudoku", tr("start.daily"), [&] { s.frame(); }));
                CHECK(s.last.kind == StartAction::sudoku_daily);
            }
        }
    }
    set_language(Lang::en);
}

TEST_CASE("settings and statistics and help and about: no two controls share an ID at any size", "[views]") {
    sudoku::Statistics stats;
    sudoku::record_start(stats, sudoku::Level::easy);
    sudoku::record_win(stats, sudoku::Level::easy, 123456, std::string_view("2026-12-06"));
    const BricksSummary bricks{true, 3, 900, 400, 12};
    for (const Lang lang : {Lang::en, Lang::ru}) {
        set_language(lang);
        for (const Size size : kSizes) {
            INFO("size " << size.w << "x" << size.h << ", language " << language_code(lang));
            HeadlessUi ui(size.w, size.h);
            Settings settings;
            for (int i = 0; i < 3; ++i) {
                ui.frame(std::vector<int>{}, [&](const Ui& u) { (void)draw_settings_view(u, &settings, true); });
            }
            for (int i = 0; i < 3; ++i) {
                ui.frame(std::vector<int>{},
                         [&](const Ui& u) { (void)draw_statistics_view(u, stats, "2026-12-06", bricks); });
            }
            for (int i = 0; i < 3; ++i) ui.frame(std::vector<int>{}, [&](const Ui& u) { (void)draw_help_view(u); });
            for (int i = 0; i < 3; ++i) {
                ui.frame(std::vector<int>{}, [&](const Ui& u) { (void)draw_about_view(u, "test"); });
            }
            // The last frame drew controls (at least "Back"), and none of them clashed.
            CHECK(std::any_of(targets().begin(), targets().end(), [](const Target& t) { return t.label == std::string("\u2190 ") + tr("nav.back"); }));
            CHECK(id_check::clashes().empty());
        }
    }
    set_language(Lang::en);
}
