// Purpose: the contract every game's screen keeps with the app, so that the app (navigation,
// settings, notices, the test hook) knows no game by name: the games are a list
// (shell/game/registry.cpp), and adding one touches that list. A game's screen owns its
// session, its statistics and its saved documents; it draws its card on the start screen,
// its section of Statistics and of How to play, and its part of the test hook; it opens its
// own links (#<name>/...), and it reloads from storage when another tab or the legal
// widget's "Delete my data" changed it. Its frame returns what happened; it never calls
// back into the app.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/core/expected.hpp"
#include "engine/core/json_reader.hpp"
#include "shell/bridge.hpp"
#include "shell/settings.hpp"
#include "shell/storage.hpp"
#include "shell/ui/ui.hpp"

namespace astradia::shell {

// What a game's screen is given when it is made (the app owns both, and outlives it).
struct GameContext {
    Store* store = nullptr;
    const Settings* settings = nullptr;
};

// The answer to "open this game" (a link, a card's button, a paste): show its screen, or
// tell the player why not in one sentence (the start screen's notice), or neither.
struct GameEntry {
    bool show = false;
    std::string notice;
    static GameEntry shown() { return GameEntry{true, {}}; }
    static GameEntry refused(std::string why) { return GameEntry{false, std::move(why)}; }
};

// What reloading from storage did.
struct Reloaded {
    bool replaced = false;          // the game in memory was replaced or dropped
    const char* damaged = nullptr;  // the string key naming what was damaged (and set aside),
                                    // for the notice ("storage.what.sudoku"); nullptr when none
};

// What a frame of the game's screen asks the app to do.
struct GameFrame {
    bool leave = false;     // back to the start screen
    std::string copy_text;  // put this text on the clipboard
};

class GameScreen {
public:
    virtual ~GameScreen() = default;

    // The game's name in links (#sudoku/...), in the test hook, in usage counters and in
    // the target group of its start-screen card: lower-case letters, fixed.
    virtual std::string_view name() const = 0;

    // Reads what the game keeps from storage again, where it differs from what this screen
    // last read or wrote (Store::changed): at start, after another tab saved, or after the
    // legal widget's "Delete my data" removed it. What it held in memory is dropped first,
    // so nothing deleted comes back with the next save.
    virtual Reloaded reload() = 0;
    // Whether a game is loaded (one to show, finished or not).
    virtual bool has_game() const = 0;

    // Opens "#<name>/<rest>" (`rest` may be empty: the game in progress, or a new one).
    virtual GameEntry open_link(std::string_view rest, double now_ms) = 0;
    // The link of the game on screen, without '#' ("sudoku/hard-42"), for the address bar.
    virtual std::string link() const = 0;
    // Text pasted on the start screen (or a refused clipboard read): a game that takes
    // pasted text (Sudoku: a puzzle) answers; the others return nullopt.
    virtual std::optional<GameEntry> paste(const bridge::Pasted&, double) { return std::nullopt; }

    // The game's card on the start screen (its name, what it is, its buttons), drawn inside
    // its TargetGroup, `width` device px wide. Returns the card's answer to a button.
    virtual GameEntry draw_card(const Ui& ui, float width, double now_ms) = 0;
    // Its section of the Statistics screen, and of How to play.
    virtual void draw_statistics(const Ui& ui) const = 0;
    virtual void draw_help(const Ui& ui) const = 0;

    // The screen is shown / stops being shown (another screen, or the page was hidden).
    virtual void enter(double now_ms) = 0;
    virtual void leave(double now_ms) = 0;
    // Draws the screen and applies the player's input.
    virtual GameFrame frame(const Ui& ui, double now_ms) = 0;
    // Milliseconds until the screen must be drawn again by itself (a clock, an animation),
    // or nullopt when nothing changes without input.
    virtual std::optional<double> next_redraw_ms(double now_ms) const = 0;
    // The CSS px size at which the screen draws digits, so the app builds that font 1:1.
    virtual float digit_css(const Ui&) const { return 40.0f; }

    // Its part of the test hook's state (window.astradia.state()): it adds its own keys.
    virtual void describe(Json& hook, double now_ms) const = 0;
};

}  // namespace astradia::shell
