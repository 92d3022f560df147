// Purpose: Sudoku's game screen (the GameScreen contract): owns the game session, the
// player's Sudoku statistics and their saved documents, and the UI state that undo would
// not restore (selection, notes mode, the armed digit, the hint on show); turns the view's
// intents into moves (engine/sudoku/input decides what they mean), saves after every move,
// records statistics, opens Sudoku links, the daily puzzle and pasted puzzles. The view
// draws; the session rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine/core/json_reader.hpp"
#include "engine/sudoku/generator.hpp"
#include "engine/sudoku/hint.hpp"
#include "engine/sudoku/session.hpp"
#include "engine/sudoku/statistics.hpp"
#include "shell/game/game_screen.hpp"

namespace astradia::shell {

class SudokuScreen final : public GameScreen {
public:
    static constexpr StoredDocument<sudoku::Session> kGame{"sudoku.game", sudoku::kGameDocument};
    static constexpr StoredDocument<sudoku::Statistics> kStats{"sudoku.stats", sudoku::kStatisticsDocument};

    explicit SudokuScreen(GameContext context) : ctx_(context) {}

    // --- the GameScreen contract ---
    std::string_view name() const override { return "sudoku"; }
    Reloaded reload() override;
    bool has_game() const override { return session_.has_value(); }
    // rest: a game id ("hard-42", "daily-2026-11-21", a puzzle's 81 cells), or "" for the
    // game in progress.
    GameEntry open_link(std::string_view rest, double now_ms) override;
    std::string link() const override;
    std::optional<GameEntry> paste(const bridge::Pasted& pasted, double now_ms) override;
    GameEntry draw_card(const Ui& ui, float width, double now_ms) override;
    void draw_statistics(const Ui& ui) const override;
    void draw_help(const Ui& ui) const override;
    void enter(double now_ms) override;
    void leave(double now_ms) override;
    GameFrame frame(const Ui& ui, double now_ms) override;
    std::optional<double> next_redraw_ms(double now_ms) const override;
    float digit_css(const Ui& ui) const override;
    void describe(Json& hook, double now_ms) const override;

    // --- for tests and the card ---
    bool playing() const { return session_ && session_->state().status == sudoku::Status::playing; }
    const sudoku::Statistics& stats() const { return stats_; }
    // The shareable id of the current game: "<level>-<seed>", "daily-YYYY-MM-DD" or 81 cells.
    const std::string& game_id() const;
    // Starts a new game from an id (see open_link); an unfinished game it replaces counts as
    // abandoned. Errors: those of the id parsers, the generator and import_puzzle.
    Expected<bool> start(const std::string& id, double now_ms);
    // A new game at a level with a seed drawn from the clock.
    Expected<bool> start_level(sudoku::Level level, double now_ms);

private:
    // What every start shares: the session, the statistics, a fresh screen state, a save.
    Expected<bool> begin(const sudoku::Grid& puzzle, sudoku::Level level, const std::string& id, double now_ms);
    GameEntry start_entry(const std::string& id, double now_ms, const char* notice_key);
    void reset_screen_state();
    void play(const sudoku::Move& move, double now_ms, bool from_hint = false);
    void input_digit(int digit, bool from_pad, double now_ms);
    void enter_digit(int cell, int digit, double now_ms);  // the move a digit in that cell means, played
    void save(double now_ms);
    void save_stats();
    void finish_if_over(double now_ms);
    void report_end(std::string_view event, double now_ms) const;
    void show_hint();
    std::optional<sudoku::Move> hint_move() const;
    Json state_json(double now_ms) const;

    GameContext ctx_;
    bool loaded_ = false;  // reload() has run once
    std::optional<sudoku::Session> session_;
    sudoku::Statistics stats_;
    int selected_ = 40;
    bool notes_mode_ = false;
    int armed_ = 0;
    std::optional<sudoku::Hint> hint_;
    bool user_paused_ = false;
    bool recorded_end_ = false;     // statistics already took this game's end
    bool new_record_ = false;
    double copied_at_ = -1e9;       // when the puzzle was last copied
    std::int64_t previous_best_ = 0;
};

}  // namespace astradia::shell
