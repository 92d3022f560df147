// Purpose: the Sudoku screen's controller: owns the game session and the UI state that
// undo would not restore (selection, notes mode, the armed digit, the hint on show),
// turns the view's intents into moves, saves after every move, records statistics,
// and reports the game to the test hook. The view draws; the session rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine/core/json_reader.hpp"
#include "engine/sudoku/generator.hpp"
#include "engine/sudoku/hint.hpp"
#include "engine/sudoku/session.hpp"
#include "engine/sudoku/statistics.hpp"
#include "shell/settings.hpp"
#include "shell/storage.hpp"
#include "shell/ui/ui.hpp"

namespace astradia::shell {

// What the screen needs from the app.
struct SudokuServices {
    Store* store = nullptr;
    sudoku::Statistics* stats = nullptr;
    const Settings* settings = nullptr;
    void (*on_store)(void* app, StoreHealth health) = nullptr;  // a save's outcome
    void (*on_stats)(void* app) = nullptr;                      // statistics changed: save them
    void* app = nullptr;
};

struct SudokuFrameResult {
    bool leave = false;     // back to the menu
    std::string copy_text;  // the player asked to copy this (the puzzle's 81 cells) to the clipboard
};

class SudokuScreen {
public:
    static constexpr StoredDocument<sudoku::Session> kGame{"sudoku.game", sudoku::kGameDocument};

    explicit SudokuScreen(SudokuServices services) : svc_(services) {}

    // Loads the saved game, if any. Returns the damage found, if the save was corrupt
    // (it was set aside by the store).
    std::optional<Error> load();

    bool has_game() const { return session_.has_value(); }
    bool playing() const { return session_ && session_->state().status == sudoku::Status::playing; }
    // "Medium · 4:12" for the start screen's Continue button.
    std::string continue_label(double now_ms) const;
    // The shareable id of the current game: "<level>-<seed>" or "daily-YYYY-MM-DD".
    const std::string& game_id() const;

    // Starts a new game from an id ("hard-42", "daily-2026-11-21", or a puzzle's 81 cells
    // as import_puzzle reads them); an unfinished game it replaces counts as abandoned.
    // Errors: those of the id parsers, the generator and import_puzzle.
    Expected<bool> start(const std::string& id, double now_ms);
    // A new game on a puzzle the player brought (already checked by import_puzzle).
    Expected<bool> start_imported(const sudoku::Imported& imported, double now_ms);
    // A new game at a level with a seed drawn from the clock.
    Expected<bool> start_level(sudoku::Level level, double now_ms);

    // Draws the screen and applies the player's input.
    SudokuFrameResult frame(const Ui& ui, double now_ms);
    // Milliseconds until the screen must be redrawn by itself (the timer's next second),
    // or nullopt when nothing changes without input.
    std::optional<double> next_redraw_ms(double now_ms) const;

    void on_hidden(double now_ms);  // the page went to the background: the clock stops
    void on_shown(double now_ms);
    void on_leave(double now_ms);   // leaving the screen pauses the game
    void on_enter(double now_ms);

    Json state_json(double now_ms) const;

private:
    // What every start shares: the session, the statistics, a fresh screen state, a save.
    Expected<bool> begin(const sudoku::Grid& puzzle, sudoku::Level level, const std::string& id, double now_ms);
    void play(const sudoku::Move& move, double now_ms, bool from_hint = false);
    void input_digit(int digit, bool from_pad, double now_ms);
    void enter_digit(int cell, int digit, double now_ms);  // the move a digit in that cell means, played
    void save(double now_ms);
    void finish_if_over(double now_ms);
    void show_hint();
    std::optional<sudoku::Move> hint_move() const;

    SudokuServices svc_;
    std::optional<sudoku::Session> session_;
    int selected_ = 40;
    bool notes_mode_ = false;
    int armed_ = 0;
    std::optional<sudoku::Hint> hint_;
    bool user_paused_ = false;
    bool hidden_ = false;
    bool recorded_end_ = false;     // statistics already took this game's end
    bool new_record_ = false;
    double copied_at_ = -1e9;       // when the puzzle was last copied
    std::int64_t previous_best_ = 0;
};

}  // namespace astradia::shell
