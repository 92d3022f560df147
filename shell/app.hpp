// Purpose: App, the game app's top level: owns the window, fonts, theme, settings, the
// store and the games (shell/game/registry: it knows none by name); keeps the navigation
// (the start screen, a game's screen, settings, statistics, help, about), the notices and
// the test hook; routes links, pastes and host events to the games through their contract
// (shell/game/game_screen.hpp); decides each frame whether anything needs drawing (an idle
// app draws nothing). main() calls frame() from the platform's loop.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "shell/game/game_screen.hpp"
#include "shell/platform/window.hpp"
#include "shell/settings.hpp"
#include "shell/storage.hpp"
#include "shell/ui/fonts.hpp"
#include "shell/ui/settle.hpp"
#include "shell/ui/theme.hpp"

namespace astradia::shell {

struct AppOptions {
    std::string screenshot;  // native: write this PNG after `frames` frames, then quit
    int frames = 3;
    int width = 1280;
    int height = 800;
    float scale = 0;         // > 0 forces the UI scale (device px per CSS px)
    std::string screen;      // native: start on this screen ("settings", "about", "sudoku/<id>", ...)
};

class App {
public:
    explicit App(AppOptions options);

    // Opens the window, loads settings and the games, builds the fonts. Returns false
    // (and prints why) when the window cannot be opened.
    bool start();
    // Handles input and draws one frame when something changed. Returns false when
    // the app should quit (native only).
    bool frame();
    int exit_code() const { return exit_code_; }

private:
    enum class Page { start, game, settings, statistics, help, about };
    struct Screen {
        Page page = Page::start;
        GameScreen* game = nullptr;  // Page::game: which
        bool operator==(const Screen&) const = default;
    };

    void draw(const Ui& ui);
    Ui make_ui() const;
    void navigate(Screen s);  // pushes a screen (back() returns)
    void show(Screen s);      // replaces the screen on top (start -> game)
    void back();
    void leaving();           // the screen on top stops being shown
    void screen_changed();
    void set_hash(const std::string& hash);  // the address follows the screen and its game
    // Acts on a game's answer to "open": shows its screen, or the notice saying why not.
    void enter(GameScreen& game, const GameEntry& entry);
    void open_link(const std::string& link);  // "sudoku/hard-42", "bricks", ...
    void reload_all();                        // from storage: at start, after another tab or the widget
    void apply_settings();
    void save_settings();
    void check_storage();
    std::string screen_name() const;
    std::string state_json();  // reads the usage counters through the store

    AppOptions options_;
    Window window_;
    Fonts fonts_;
    Store store_;
    Settings settings_;
    std::vector<std::unique_ptr<GameScreen>> games_;
    Theme theme_ = Theme::light;
    std::vector<Screen> stack_{Screen{}};
    std::string notice_;           // one sentence (storage, a broken link), shown on the start screen
    std::string unopened_url_;     // a link the host could not open (no browser): shown on Help and About
    StoreHealth health_ = StoreHealth::ok;
    bool hidden_ = false;          // the page is in the background
    int frames_drawn_ = 0;
    std::vector<float> frame_ms_;  // CPU time of the last frames drawn (a ring of 600)
    std::size_t frame_ms_next_ = 0;
    Settle settle_;                // whether to draw: after activity, until frames stop changing
    std::string hash_;             // the location fragment last set
    bool touch_screen_ = false;    // the host's main pointer is a finger (apply_settings)
    bool reduce_motion_ = false;   // the player's or the host's choice (apply_settings)
    int exit_code_ = 0;
};

}  // namespace astradia::shell
