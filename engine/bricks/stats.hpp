// Purpose: Bricks statistics as their own value type (games, total and best score,
// lines, placements; the average follows), updated by a pure function when a game
// ends and stored as a sealed "bricks-stats" document.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/bricks/game.hpp"
#include "engine/core/expected.hpp"

namespace astradia::bricks {

struct Stats {
    std::uint64_t games = 0;
    std::uint64_t total_score = 0;
    std::uint64_t best = 0;
    std::uint64_t lines = 0;
    std::uint64_t placements = 0;

    // Mean score per game; 0 before the first game.
    double average() const { return games == 0 ? 0.0 : static_cast<double>(total_score) / static_cast<double>(games); }
    bool operator==(const Stats&) const = default;
};

// The statistics after one more finished (or abandoned) game ending in `final_state`.
Stats record_game(const Stats& stats, const State& final_state);

constexpr int kStatsVersion = 1;
// A sealed "bricks-stats" document.
std::string save_stats(const Stats& stats);
// Opens a "bricks-stats" document. Errors: save.* (see unseal), bricks.format (a
// field missing or of the wrong type) or bricks.mismatch (inconsistent figures,
// e.g. a best score above the total, or scores without games).
Expected<Stats> load_stats(std::string_view text);

}  // namespace astradia::bricks
