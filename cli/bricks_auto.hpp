// Purpose: autoplayer games for the `astradia bricks` bench and tune commands:
// one game to its end (or a cap), many games on worker threads natively (one at a
// time in wasm), and the CPU clock the figures are quoted in.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/bricks/ai.hpp"
#include "engine/bricks/ruleset.hpp"

namespace astradia::cli {

struct GameResult {
    std::uint64_t seed = 0;
    std::uint64_t score = 0;
    std::uint32_t placements = 0;
    bool capped = false;  // stopped at the cap, not by game over
    double cpu = 0;       // seconds of CPU time
};

struct AutoplayLimits {
    std::uint64_t max_score = UINT64_MAX;
    std::uint32_t max_placements = UINT32_MAX;
};

// Parses a decimal unsigned integer (digits only, no overflow); false otherwise.
bool parse_u64(const std::string& text, std::uint64_t& out);

// Seconds of CPU time used by the calling thread (wasm: the node process's CPU
// time, from process.cpuUsage()).
double cpu_seconds();
double wall_seconds();

// One autoplayer game from `seed` to game over or a limit.
GameResult autoplay(const bricks::Ruleset& rules, const bricks::Weights& weights, bricks::SearchOptions options,
                    std::uint64_t seed, AutoplayLimits limits);

// games[i] = autoplay(..., seeds[i], ...), computed on `jobs` threads natively (wasm:
// one); the results do not depend on `jobs`. `progress` prints one line per game.
std::vector<GameResult> autoplay_many(const bricks::Ruleset& rules, const bricks::Weights& weights,
                                      bricks::SearchOptions options, const std::vector<std::uint64_t>& seeds,
                                      AutoplayLimits limits, int jobs, bool progress);

}  // namespace astradia::cli

namespace astradia::cli {
// `astradia bricks tune ...` (bricks_tune.cpp).
int run_bricks_tune(const std::vector<std::string>& args);
}  // namespace astradia::cli
