// Purpose: the Sudoku screen fits every size players use, headless and natively scaled:
// a 390x844 phone, an 844x390 landscape phone, an 820x1180 tablet, a 1280x800 desktop and
// the native window at 640x400 CSS px (1280x800 at scale 2), in English and Russian; in
// play, with notes on, with each stage of a hint open, paused, asking before a game is
// replaced, won and lost; and the start card's level and daily sheets. In every frame no
// control is off screen, clipped (its label wider than itself) or overlapping another,
// touch targets are 44 CSS px tall, and the title, the mistakes and the clock overlap
// nothing. The landscape phone's pad is on screen without scrolling.
#include <GLFW/glfw3.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/sudoku/solver.hpp"
#include "shell/game/registry.hpp"
#include "shell/game/sudoku_screen.hpp"
#include "shell/i18n.hpp"
#include "shell/ui/start_view.hpp"
#include "tests/shell/headless_ui.hpp"

using namespace astradia;
using namespace astradia::shell;
using astradia::shell::testing::HeadlessUi;

namespace {

struct Size {
    float w, h, scale;
};
const std::vector<Size> kSizes = {{390, 844, 1}, {844, 390, 1}, {820, 1180, 1}, {1280, 800, 1}, {640, 400, 2}};

struct Box {
    std::string what;
    float x, y, w, h;
};
bool overlap(const Box& a, const Box& b) {
    return a.x < b.x + b.w - 0.5f && b.x < a.x + a.w - 0.5f && a.y < b.y + b.h - 0.5f && b.y < a.y + a.h - 0.5f;
}
Box box_of(const std::string& what, const Json& r) {
    return Box{what, r["x"].get<float>(), r["y"].get<float>(), r["w"].get<float>(), r["h"].get<float>()};
}

// Targets that draw an icon, not their label.
bool icon_only(const std::string& label) {
    const std::set<std::string> icons = {"board", tr("sudoku.pause"), tr("sudoku.resume")};
    return icons.count(label) > 0;
}
bool tool(const std::string& label) {
    for (const char* k : {"sudoku.undo", "sudoku.redo", "sudoku.erase", "sudoku.notes", "sudoku.auto_notes", "sudoku.hint"}) {
        if (label == tr(k)) return true;
    }
    return false;
}

// Checks the last frame's targets (those in `layer`, when given: a dialog over the rest)
// and the texts in `texts`.
void check_frame(const Ui& ui, const std::string& state, const std::vector<Box>& texts,
                 const std::function<bool(const Target&)>& layer = nullptr) {
    INFO("state: " << state);
    std::vector<Box> boxes;
    for (const Target& t : targets()) {
        if (layer && !layer(t)) continue;
        INFO("\"" << t.label << "\" at " << t.x << "," << t.y << " " << t.w << "x" << t.h);
        CHECK(t.x >= -0.5f);
        CHECK(t.y >= -0.5f);
        CHECK(t.x + t.w <= ui.width_css + 0.5f);
        CHECK(t.y + t.h <= ui.height_css + 0.5f);
        CHECK(t.h >= 44 - 0.5f);
        // Tools draw their caption only when it fits (a row of full height); else an icon.
        if (!icon_only(t.label) && !(tool(t.label) && t.h < 60)) {
            // The label's width in the widest face the widgets use for it.
            ImFont* f = tool(t.label) ? ui.fonts->small : ui.fonts->bold;
            const float need = f->CalcTextSizeA(f->FontSize, 1e9f, 0, t.label.c_str()).x / ui.s;
            CHECK(need <= t.w + 0.5f);
        }
        boxes.push_back(Box{t.label, t.x, t.y, t.w, t.h});
    }
    for (const Box& t : texts) {
        if (t.w <= 0) continue;
        INFO("text " << t.what);
        CHECK(t.x >= -0.5f);
        CHECK(t.x + t.w <= ui.width_css + 0.5f);
        boxes.push_back(t);
    }
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        for (std::size_t j = i + 1; j < boxes.size(); ++j) {
            INFO("\"" << boxes[i].what << "\" and \"" << boxes[j].what << "\"");
            CHECK_FALSE(overlap(boxes[i], boxes[j]));
        }
    }
}

struct Screen {
    TempUserDir dir;
    Store store;
    Settings settings;
    HeadlessUi ui;
    Ui u;
    double now = 1000;
    std::unique_ptr<SudokuScreen> screen;
    explicit Screen(Size s) : ui(s.w, s.h, s.scale) {
        u.width_css = s.w;
        u.height_css = s.h;
        settings.motion = MotionChoice::reduced;
        screen = std::make_unique<SudokuScreen>(GameContext{&store, &settings});
        REQUIRE(screen->reload().damaged == nullptr);
    }
    void frame(const std::vector<int>& keys = {}) {
        now += 100;
        ui.frame(keys, [&](const Ui& x) {
            u = x;
            (void)screen->frame(x, now);
        });
    }
    Json state() const {
        Json hook = Json::object();
        screen->describe(hook, now);
        return hook["sudoku"];
    }
    std::vector<Box> texts() const {
        const Json l = state()["layout"];
        return {box_of("title", l["title"]), box_of("mistakes", l["mistakes"]), box_of("clock", l["clock"])};
    }
    void click(const std::string& label) {
        REQUIRE(HeadlessUi::click(label, [&] { frame(); }));
    }
};

bool in(const std::vector<std::string>& labels, const Target& t) {
    return std::find(labels.begin(), labels.end(), t.label) != labels.end();
}

}  // namespace

TEST_CASE("sudoku layout: every control fits, unclipped and apart, at every size, in every state", "[shell][sudoku][layout]") {
    for (const Lang lang : {Lang::en, Lang::ru}) {
        set_language(lang);
        for (const Size size : kSizes) {
            INFO("size " << size.w << "x" << size.h << " at " << size.scale << ", " << language_code(lang));
            Screen s(size);
            REQUIRE(s.screen->start("medium-7", s.now));
            s.frame();
            s.frame();
            check_frame(s.u, "playing", s.texts());
            // The pad is on screen whole, without scrolling (the landscape phone's was not).
            const Json layout = s.state()["layout"];
            CHECK(layout["side"].get<bool>() == (size.w > size.h));
            const Box pad = box_of("pad", layout["pad"]);
            CHECK(pad.y + pad.h <= size.h + 0.5f);
            int keys = 0;
            for (const Target& t : targets()) keys += t.label.size() == 1 && t.label[0] >= '1' && t.label[0] <= '9';
            CHECK(keys == 9);
            // A long clock and mistakes: still apart.
            s.now += 3600.0 * 1000 * 2;
            s.frame({GLFW_KEY_N});
            s.frame();
            check_frame(s.u, "notes on, two hours", s.texts());
            // Each stage of a hint.
            s.frame({GLFW_KEY_H});
            s.frame();
            for (int stage = 1; stage <= 3; ++stage) {
                REQUIRE(s.state()["hint"]["stage"] == stage);
                check_frame(s.u, "hint stage " + std::to_string(stage), s.texts());
                const Box panel = box_of("hint", s.state()["layout"]["hint_panel"]);
                CHECK(panel.y + panel.h <= size.h + 0.5f);
                s.frame({GLFW_KEY_H});
                s.frame();
            }
            s.frame({GLFW_KEY_ESCAPE});
            // Paused: the board's buttons.
            s.frame({GLFW_KEY_P});
            s.frame();
            check_frame(s.u, "paused", s.texts());
            s.frame({GLFW_KEY_P});
            // Asking before a replacement (a note is progress).
            s.frame({GLFW_KEY_N, GLFW_KEY_4});
            REQUIRE(s.screen->open_link("hard-9", s.now).show);
            s.frame();
            s.frame();
            check_frame(s.u, "asking", {},
                        [](const Target& t) { return in({tr("sudoku.replace.yes"), tr("sudoku.replace.no")}, t); });
            s.frame({GLFW_KEY_ESCAPE});
        }
    }
    set_language(Lang::en);
}

TEST_CASE("sudoku layout: the win summary and the lost dialog fit at every size", "[shell][sudoku][layout]") {
    for (const Lang lang : {Lang::en, Lang::ru}) {
        set_language(lang);
        for (const Size size : kSizes) {
            INFO("size " << size.w << "x" << size.h << " at " << size.scale << ", " << language_code(lang));
            Screen s(size);
            REQUIRE(s.screen->start("easy-3", s.now));
            s.frame();
            const Json st = s.state();
            const auto givens = sudoku::parse_grid(st["givens"].get<std::string>());
            REQUIRE(givens);
            const auto solution = sudoku::solve(*givens);
            REQUIRE(solution);
            // Every digit through the keyboard, cell by cell.
            int at = st["selected"].get<int>();
            for (int c = 0; c < 81; ++c) {
                if ((*givens)[c] != 0) continue;
                std::vector<int> keys;
                for (; at / 9 < c / 9; at += 9) keys.push_back(GLFW_KEY_DOWN);
                for (; at / 9 > c / 9; at -= 9) keys.push_back(GLFW_KEY_UP);
                for (; at % 9 < c % 9; ++at) keys.push_back(GLFW_KEY_RIGHT);
                for (; at % 9 > c % 9; --at) keys.push_back(GLFW_KEY_LEFT);
                keys.push_back(GLFW_KEY_0 + (*solution)[c]);
                s.frame(keys);
            }
            s.frame();
            s.frame();
            REQUIRE(s.state()["status"] == "won");
            check_frame(s.u, "won", {}, [](const Target& t) { return in({tr("start.new_game"), tr("nav.menu")}, t); });
            // Lost: three wrong digits in a new game.
            s.click(tr("start.new_game"));
            s.frame();
            const Json g = s.state();
            const auto gv = sudoku::parse_grid(g["givens"].get<std::string>());
            const auto sol = sudoku::solve(*gv);
            at = g["selected"].get<int>();
            int wrong = 0;
            for (int c = 0; c < 81 && wrong < 3; ++c) {
                if ((*gv)[c] != 0) continue;
                std::vector<int> keys;
                for (; at / 9 < c / 9; at += 9) keys.push_back(GLFW_KEY_DOWN);
                for (; at / 9 > c / 9; at -= 9) keys.push_back(GLFW_KEY_UP);
                for (; at % 9 < c % 9; ++at) keys.push_back(GLFW_KEY_RIGHT);
                for (; at % 9 > c % 9; --at) keys.push_back(GLFW_KEY_LEFT);
                keys.push_back(GLFW_KEY_0 + (*sol)[c] % 9 + 1);
                s.frame(keys);
                ++wrong;
            }
            s.frame();
            s.frame();
            REQUIRE(s.state()["status"] == "lost");
            check_frame(s.u, "lost", {}, [](const Target& t) { return in({tr("start.new_game"), tr("nav.menu")}, t); });
        }
    }
    set_language(Lang::en);
}

TEST_CASE("sudoku layout: the level and daily sheets fit at every size", "[shell][sudoku][layout]") {
    for (const Lang lang : {Lang::en, Lang::ru}) {
        set_language(lang);
        for (const Size size : kSizes) {
            INFO("size " << size.w << "x" << size.h << " at " << size.scale << ", " << language_code(lang));
            TempUserDir dir;
            Store store;
            Settings settings;
            std::vector<std::unique_ptr<GameScreen>> games = make_games(GameContext{&store, &settings});
            for (const auto& g : games) REQUIRE(g->reload().damaged == nullptr);
            HeadlessUi ui(size.w, size.h, size.scale);
            Ui u;
            double now = 1000;
            const auto frame = [&] {
                now += 100;
                StartModel m;
                m.version = "test";
                m.cards = static_cast<int>(games.size());
                ui.frame(std::vector<int>{}, [&](const Ui& x) {
                    u = x;
                    (void)draw_start_view(x, m, [&](int i, float width) {
                        GameScreen& g = *games[static_cast<std::size_t>(i)];
                        const TargetGroup group(std::string(g.name()).c_str());
                        (void)g.draw_card(x, width, now);
                    });
                });
            };
            frame();
            frame();
            const auto sheet = [](const Target& t) { return t.group == "sudoku" && t.y > 0; };
            REQUIRE(HeadlessUi::click_in("sudoku", tr("start.new_game"), frame));
            frame();
            frame();
            std::vector<std::string> levels;
            for (sudoku::Level l : sudoku::kLevels) levels.push_back(level_label(l));
            levels.push_back(tr("start.paste"));
            levels.push_back(tr("nav.close"));
            check_frame(u, "levels", {}, [&](const Target& t) { return sheet(t) && in(levels, t); });
            REQUIRE(HeadlessUi::click_in("sudoku", tr("nav.close"), frame));
            REQUIRE(HeadlessUi::click_in("sudoku", tr("start.daily"), frame));
            frame();
            frame();
            // The calendar: the days, the months' arrows, Play, Close.
            std::vector<std::string> daily = {"\u2190", "\u2192", tr("daily.play"), tr("nav.close")};
            for (int d = 1; d <= 31; ++d) daily.push_back(std::to_string(d));
            int days = 0;
            for (const Target& t : targets()) days += t.group == "sudoku" && t.label.size() <= 2 && t.label[0] >= '1' && t.label[0] <= '9';
            CHECK(days >= 28);
            check_frame(u, "daily", {}, [&](const Target& t) { return sheet(t) && in(daily, t); });
        }
    }
    set_language(Lang::en);
}
