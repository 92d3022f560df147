// Purpose: App, the game app's top level: owns the window, fonts, theme, settings,
// statistics and the screens; loads and saves through the Store; decides each frame
// whether anything needs drawing (an idle app draws nothing); and answers the test
// hook. main() calls frame() from the platform's loop.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/sudoku/statistics.hpp"
#include "shell/bridge.hpp"
#include "shell/consent.hpp"
#include "shell/game/bricks_screen.hpp"
#include "shell/game/sudoku_screen.hpp"
#include "shell/platform/window.hpp"
#include "shell/settings.hpp"
#include "shell/storage.hpp"
#include "shell/ui/fonts.hpp"
#include "shell/ui/theme.hpp"

namespace astradia::shell {

struct AppOptions {
    std::string screenshot;  // native: write this PNG after `frames` frames, then quit
    int frames = 3;
    int width = 1280;
    int height = 800;
    float scale = 0;         // > 0 forces the UI scale (device px per CSS px)
    std::string screen;      // native: start on this screen ("settings", "about", ...)
};

enum class Screen { start, sudoku, bricks, settings, statistics, help, about };

class App {
public:
    explicit App(AppOptions options);

    // Opens the window, loads settings and statistics, builds the fonts. Returns false
    // (and prints why) when the window cannot be opened.
    bool start();
    // Handles input and draws one frame when something changed. Returns false when
    // the app should quit (native only).
    bool frame();
    int exit_code() const { return exit_code_; }

private:
    void draw(const Ui& ui);
    Ui make_ui() const;
    void navigate(Screen s);
    void show(Screen s);  // replaces the screen on top (start -> game)
    void route_hash();
    void start_bricks(const std::string& seed_text);  // #bricks/<seed>: that game
    void screen_changed();
    void start_sudoku(const std::string& id);
    // Shows the game just started, or the notice `notice_key` with the reason it could not start.
    void enter_sudoku(const Expected<bool>& started, const char* notice_key);
    // A puzzle pasted on the start screen (or read from the clipboard): played, or the
    // reason it cannot be, in the start screen's notice.
    void import_pasted(const bridge::Pasted& pasted);
    void back();
    void apply_settings();
    void load_statistics();
    void save_settings();
    void save_statistics();
    void report(StoreHealth health);
    void report_corrupt(const char* what_key);
    std::string state_json() const;

    AppOptions options_;
    Window window_;
    Fonts fonts_;
    Store store_;
    Settings settings_;
    sudoku::Statistics sudoku_stats_;
    SudokuScreen sudoku_;
    BricksScreen bricks_;
    std::optional<GameConsent> consent_;  // the widget's record, read through the bridge
    Theme theme_ = Theme::light;
    std::vector<Screen> stack_{Screen::start};
    std::string notice_;           // one sentence about storage, shown on the start screen
    StoreHealth health_ = StoreHealth::ok;
    int frames_drawn_ = 0;
    std::vector<float> frame_ms_;  // CPU time of the last frames drawn (a ring of 600)
    std::size_t frame_ms_next_ = 0;
    int settle_frames_ = 3;        // frames still to draw after the last activity
    int exit_code_ = 0;
};

}  // namespace astradia::shell
