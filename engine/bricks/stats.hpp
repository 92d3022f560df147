// Purpose: Bricks statistics as their own value type (games, total and best score,
// lines, placements; the average follows), updated by a pure function when a game
// ends and stored as a sealed "bricks-stats" document.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/bricks/game.hpp"
#include "engine/core/document.hpp"
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

// The payload of a "bricks-stats" document.
Json stats_payload(const Stats& stats);
// Reads an opened "bricks-stats" envelope. Errors: bricks.format (a field missing or of
// the wrong type) or bricks.mismatch (inconsistent figures, e.g. a best score above the
// total, or scores without games).
Expected<Stats> load_stats(const Sealed& opened);

// A player's Bricks statistics: kind "bricks-stats".
inline constexpr DocumentType<Stats> kStatsDocument{"bricks-stats", 1, &load_stats};

}  // namespace astradia::bricks
