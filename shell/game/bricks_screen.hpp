// Purpose: Bricks' game screen (the GameScreen contract): owns the game session, the
// statistics and their saved documents, the hint planner, and the UI state undo would not
// restore (the piece in hand, the keyboard's chosen piece and position, the board's
// colours, the pause, the feedback: clear wave, score pop-ups and call-outs, the two steps
// of game over); turns the view's intents into moves, saves after every move, plays the
// sound effects, opens Bricks links, and reports the game to the test hook. The session
// rules; the view draws.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/bricks/ai.hpp"
#include "engine/bricks/session.hpp"
#include "engine/bricks/stats.hpp"
#include "engine/core/json_reader.hpp"
#include "shell/game/game_screen.hpp"
#include "shell/ui/bricks_view.hpp"

namespace astradia::shell {

class BricksScreen final : public GameScreen {
public:
    static constexpr StoredDocument<bricks::Session> kGame{"bricks.game", bricks::kGameDocument};
    static constexpr StoredDocument<bricks::Stats> kStats{"bricks.stats", bricks::kStatsDocument};

    explicit BricksScreen(GameContext context) : ctx_(context) {}

    // --- the GameScreen contract ---
    std::string_view name() const override { return "bricks"; }
    Reloaded reload() override;
    bool has_game() const override { return session_ != nullptr; }
    // rest: a seed (1 to 19 decimal digits), or "" for the game in progress (a new one if none).
    GameEntry open_link(std::string_view rest, double now_ms) override;
    std::string link() const override;
    GameEntry draw_card(const Ui& ui, float width, double now_ms) override;
    void draw_statistics(const Ui& ui) const override;
    void draw_help(const Ui& ui) const override;
    void enter(double) override {}
    void leave(double now_ms) override;
    GameFrame frame(const Ui& ui, double now_ms) override;
    std::optional<double> next_redraw_ms(double now_ms) const override;
    void describe(Json& hook, double now_ms) const override;

    // --- for tests and the card ---
    bool playing() const { return session_ && !session_->state().over; }
    bool paused() const { return paused_; }
    std::uint64_t seed() const { return session_ ? session_->seed() : 0; }
    const bricks::Stats& stats() const { return stats_; }
    // A new game (the unfinished one, if any, counts as finished in the statistics).
    void start(std::uint64_t seed);
    void start_random();
    // The fields of the bricks_over statistics event for the game now (server/stats/events.py):
    // score, placements and lines, and for a game started on this page visit also the hints asked
    // and its duration in seconds since its first frame (a game resumed from a save has neither).
    Json over_event(double now_ms) const;

private:
    void place(const bricks::Move& move, double now_ms);
    const std::optional<bricks::Move>& shown_hint() const;  // by the setting or the Hint button
    bool over_dialog(double now_ms) const;
    void finish_game(double now_ms);
    void save_game();
    void save_stats();
    BricksPreview preview_at(int slot, int row, int col) const;

    void drop_game();
    Json state_json(double now_ms) const;

    GameContext ctx_;
    bool loaded_ = false;  // reload() has run once
    std::unique_ptr<bricks::Session> session_;
    bricks::Stats stats_;
    std::unique_ptr<bricks::Planner> planner_;  // reads session_'s rules: reset with the session
    std::optional<bricks::Move> hint_;
    std::uint32_t hint_for_ = ~0u;   // the placement count the hint was planned for
    bricks::CellShapes shapes_ = bricks::no_shapes();  // drawing state: which shape each brick came from
    // The piece in hand
    int held_ = -1;
    bool dragging_ = false;
    bool touch_drag_ = false;
    ImVec2 grab_;
    ImVec2 pointer_;
    int kb_row_ = 0;
    int kb_col_ = 0;
    BricksPreview preview_;
    bool paused_ = false;            // Escape: the pause sheet is up
    std::uint32_t hint_asked_ = ~0u; // the placement count at which the Hint button was pressed
    // For the statistics: whether this game started on this visit, its first frame, hints asked
    bool started_here_ = false;
    std::optional<double> first_frame_ms_;
    int hints_asked_ = 0;
    // Feedback
    bricks::Bits clearing_;
    bricks::CellShapes clearing_shapes_ = bricks::no_shapes();  // the colours of the cleared bricks
    float clear_col_ = 0;            // where the wave starts: the placed piece's centre, in cells
    float clear_row_ = 0;
    double clear_started_ = -1e9;
    struct Pop {
        std::string text;
        float col, row;
        double started;
        bool callout;
    };
    std::vector<Pop> pops_;
    double over_at_ = -1e9;          // when the game ended on screen (a loaded finished game, or the
                                     // player tapped to go on: long enough ago for the dialog)
    bool recorded_ = false;          // this game's end is in the statistics
    bool new_record_ = false;
    std::uint64_t best_before_ = 0;
    BricksLayout layout_;
    float scale_ = 1;                // device px per CSS px, for the test hook's geometry
};

}  // namespace astradia::shell
