// Purpose: Bricks replays: ruleset + seed + moves + the recorded final summary, as
// a sealed "bricks-replay" document. Loading replays every move and checks that it
// reproduces the recorded board, score, counters and tray; any difference is an
// error, so a replay that opens is a game that really happened under those rules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/bricks/game.hpp"
#include "engine/bricks/ruleset.hpp"
#include "engine/core/document.hpp"
#include "engine/core/expected.hpp"

namespace astradia::bricks {

struct Replay {
    Ruleset rules;
    std::uint64_t seed = 0;
    std::vector<Move> moves;
    State final_state;  // recomputed from the moves and checked against the record
};

// A sealed "bricks-replay" document of `moves` played from `seed` under `rules`.
// Returns Error bricks.history when a move is illegal (nothing to record then).
Expected<std::string> save_replay(const Ruleset& rules, std::uint64_t seed, const std::vector<Move>& moves);

// Verifies a replay's opened envelope (open_document(kReplayDocument, text) opens its
// text). Errors: bricks.format, bricks.rules, bricks.history (a move is illegal) or
// bricks.mismatch (the recorded final board, score, counters or tray differ from what
// the moves produce).
Expected<Replay> load_replay(const Sealed& opened);

// A finished (or interrupted) game to verify and watch again: kind "bricks-replay".
inline constexpr DocumentType<Replay> kReplayDocument{"bricks-replay", 1, &load_replay};

}  // namespace astradia::bricks
