// Purpose: the Bricks screen's controller: owns the game session, the statistics,
// the hint planner, and the UI state undo would not restore (the piece in hand, the
// keyboard's chosen piece and position, the board's colours, the clear animation);
// turns the view's intents into moves, saves after every move, and reports the game
// to the test hook. The session rules; the view draws.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>

#include "engine/bricks/ai.hpp"
#include "engine/bricks/session.hpp"
#include "engine/bricks/stats.hpp"
#include "engine/core/json_reader.hpp"
#include "shell/settings.hpp"
#include "shell/storage.hpp"
#include "shell/ui/bricks_view.hpp"
#include "shell/ui/ui.hpp"

namespace astradia::shell {

struct BricksServices {
    Store* store = nullptr;
    const Settings* settings = nullptr;
    void (*on_store)(void* app, StoreHealth health) = nullptr;
    void* app = nullptr;
};

class BricksScreen {
public:
    static constexpr StoredDocument<bricks::Session> kGame{"bricks.game", bricks::kGameDocument};
    static constexpr StoredDocument<bricks::Stats> kStats{"bricks.stats", bricks::kStatsDocument};

    explicit BricksScreen(BricksServices services);

    // Loads the saved game and statistics. Returns the damage found (each damaged
    // document was set aside by the store), if any.
    std::optional<Error> load();

    bool has_game() const { return session_ != nullptr; }
    bool playing() const { return session_ && !session_->state().over; }
    std::uint64_t seed() const { return session_ ? session_->seed() : 0; }
    std::uint64_t best() const { return stats_.best; }
    const bricks::Stats& stats() const { return stats_; }

    // A new game (the unfinished one, if any, counts as finished in the statistics).
    void start(std::uint64_t seed);
    void start_random();

    void frame(const Ui& ui, double now_ms, bool* leave);
    // Milliseconds until the screen must redraw by itself (during the clear animation), or nullopt.
    std::optional<double> next_redraw_ms(double now_ms) const;
    Json state_json() const;

private:
    void place(const bricks::Move& move, double now_ms);
    void finish_game();
    void save_game();
    void save_stats();
    BricksPreview preview_at(int slot, int row, int col) const;

    BricksServices svc_;
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
    // Feedback
    bricks::Bits clearing_;
    double clear_started_ = -1e9;
    bool recorded_ = false;          // this game's end is in the statistics
    bool new_record_ = false;
    std::uint64_t best_before_ = 0;
    BricksLayout layout_;
    float scale_ = 1;                // device px per CSS px, for the test hook's geometry
};

}  // namespace astradia::shell
