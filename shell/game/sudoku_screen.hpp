// Purpose: Sudoku's game screen (the GameScreen contract): owns the player's games (two
// slots: the game in progress, and the daily puzzle's, so a daily never replaces a game),
// the Sudoku statistics and their saved documents, and the UI state that undo would not
// restore (notes mode, the armed digit, the hint on show and its stage, the question
// before a game with progress is replaced, the win moment, the daily sheet's month);
// turns the view's intents into moves (engine/sudoku/input decides what they mean), saves
// after every move and selection, records statistics, opens Sudoku links, the daily
// puzzle and pasted puzzles. The view draws; the session rules.
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
#include "shell/ui/sudoku_view.hpp"

namespace astradia::shell {

// The fields of a Sudoku game's end for the site's statistics (sudoku_won, sudoku_lost or
// sudoku_abandoned; server/stats/events.py): level, daily, duration (s), hints, mistakes, undos.
Json sudoku_end_event(const sudoku::Session& session, double now_ms);

class SudokuScreen final : public GameScreen {
public:
    static constexpr StoredDocument<sudoku::Session> kGame{"sudoku.game", sudoku::kGameDocument};
    static constexpr StoredDocument<sudoku::Session> kDaily{"sudoku.daily", sudoku::kGameDocument};
    static constexpr StoredDocument<sudoku::Statistics> kStats{"sudoku.stats", sudoku::kStatisticsDocument};

    explicit SudokuScreen(GameContext context) : ctx_(context) {}

    // --- the GameScreen contract ---
    std::string_view name() const override { return "sudoku"; }
    Reloaded reload() override;
    bool has_game() const override { return slot().session.has_value(); }
    // rest: a game id ("hard-42", "daily-2026-11-21", a puzzle's 81 cells), or "" for the
    // game on screen. A different game where one with progress is kept asks first.
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
    bool playing() const { return playing(slot()); }
    const sudoku::Statistics& stats() const { return stats_; }
    // The shareable id of the game on screen: "<level>-<seed>", "daily-YYYY-MM-DD" or 81 cells.
    const std::string& game_id() const;
    // Whether the screen is asking before it replaces a game with progress.
    bool asking() const { return pending_.has_value(); }
    // Starts a new game from an id (see open_link) in its slot, without asking; an
    // unfinished game it replaces counts as abandoned. Errors: those of the id parsers,
    // the generator and import_puzzle.
    Expected<bool> start(const std::string& id, double now_ms);
    // A new game at a level with a seed drawn from the clock.
    Expected<bool> start_level(sudoku::Level level, double now_ms);

private:
    // A game kept in storage, and what the screen knows about its end.
    struct Slot {
        StoredDocument<sudoku::Session> doc;
        std::optional<sudoku::Session> session;
        bool recorded_end = false;      // statistics already took this game's end
        bool new_record = false;
        std::int64_t previous_best = 0;
        double won_at = -1;             // when it was won on this screen (the win moment), or < 0
    };
    enum SlotId { main_slot = 0, daily_slot = 1 };
    // A game ready to start once the player agrees to replace the one in its slot.
    struct Pending {
        SlotId slot;
        std::string id;
        sudoku::Grid puzzle;
        sudoku::Level level;
    };

    static bool playing(const Slot& s) { return s.session && s.session->state().status == sudoku::Status::playing; }
    const Slot& slot() const { return slots_[active_]; }
    Slot& slot() { return slots_[active_]; }
    static SlotId slot_for(const std::string& id);
    // The puzzle an id names, without starting it.
    static Expected<Pending> prepare(const std::string& id);
    // Opens a prepared game: starts it, or asks first when it would replace progress.
    GameEntry offer(Pending p, double now_ms);
    // What every start shares: the session, the statistics, a fresh screen state, a save.
    Expected<bool> begin(SlotId id, const sudoku::Grid& puzzle, sudoku::Level level, const std::string& game_id,
                         double now_ms);
    void reset_screen_state();
    void play(const sudoku::Move& move, double now_ms, bool from_hint = false);
    void input_digit(int digit, bool from_pad, double now_ms);
    void enter_digit(int cell, int digit, double now_ms);  // the move a digit in that cell means, played
    void select(int cell);
    void save(double now_ms);
    void save_stats();
    void finish_if_over(double now_ms);
    void report_end(const sudoku::Session& session, std::string_view event, double now_ms) const;
    void show_hint();
    std::optional<sudoku::Move> hint_move() const;
    bool reduce_motion() const;
    Json state_json(double now_ms) const;

    GameContext ctx_;
    bool loaded_ = false;  // reload() has run once
    Slot slots_[2] = {Slot{kGame, {}, false, false, 0, -1}, Slot{kDaily, {}, false, false, 0, -1}};
    SlotId active_ = main_slot;
    sudoku::Statistics stats_;
    bool notes_mode_ = false;
    int armed_ = 0;
    std::optional<sudoku::Hint> hint_;
    sudoku::HintStage hint_stage_ = sudoku::HintStage::look;
    bool user_paused_ = false;
    bool selection_dirty_ = false;  // the selection changed since the last save
    std::optional<Pending> pending_;
    double copied_at_ = -1e9;       // when the puzzle was last copied
    // The daily sheet: the month shown and the day picked.
    int daily_year_ = 0, daily_month_ = 0;
    std::string daily_pick_;
    // What the last How to play showed for this device: taps (true) or keys (for the hook).
    mutable std::optional<bool> help_touch_;
    // Where the last frame put things (device px), and its scale, for the hook.
    SudokuDrawn drawn_;
    float drawn_scale_ = 1;
};

}  // namespace astradia::shell
