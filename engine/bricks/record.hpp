// Purpose: the parts of a recorded game that saves and replays share: the move
// list as text, the summary of a state (board, score, counters, tray) as JSON, and
// the check that replaying the moves from the seed reproduces that summary. A
// record is trusted only after that check: a loader never returns a game whose
// stored state disagrees with its own history.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/bricks/game.hpp"
#include "engine/bricks/ruleset.hpp"
#include "engine/core/expected.hpp"
#include "engine/core/json_reader.hpp"

namespace astradia::bricks {

// Upper bound on recorded moves (a 4 MB document holds about a million).
constexpr std::size_t kMaxRecordedMoves = 1'000'000;

// Moves as text: one token per move, separated by single spaces; a token is the
// piece slot (0-4), the row and the column as hexadecimal digits, e.g. "03a".
std::string moves_to_text(const std::vector<Move>& moves);
// Error bricks.format naming the first bad token (1-based) when the text is malformed.
Expected<std::vector<Move>> moves_from_text(std::string_view text);

// Replays `moves` from a new game with `seed`. Returns the final state, or Error
// bricks.history ("move N (...) is illegal: <reason>") for the first illegal move.
// When `states` is given it receives every state, the initial one first.
Expected<State> replay_moves(const Ruleset& rules, std::uint64_t seed, const std::vector<Move>& moves,
                             std::vector<State>* states = nullptr);

// {"board":[rows],"score":..,"placements":..,"lines":..,"trays":..,"tray":[name|null..],"over":..}
Json summary_to_json(const Ruleset& rules, const State& state);
// Compares a stored summary with a state recomputed from the history. Errors:
// bricks.format (the summary is malformed) or bricks.mismatch naming the first
// field that differs (the document was edited or is corrupt).
Expected<bool> check_summary(const Ruleset& rules, const Json& summary, const State& state,
                             std::string_view path);

// A complete record read from a payload: rules, seed, moves and the recomputed
// final state (with every intermediate one when keep_states). Fields read: "rules",
// "seed", "moves" and the summary under `summary_key`. Errors: bricks.format,
// bricks.rules, bricks.history, bricks.mismatch.
struct LoadedRecord {
    Ruleset rules;
    std::uint64_t seed = 0;
    std::vector<Move> moves;
    State final_state;
    std::vector<State> states;  // when kept: states[i] is the state before moves[i]
};
Expected<LoadedRecord> load_record(const Json& payload, std::string_view summary_key, bool keep_states);
// The payload fields of a record (rules, seed, moves, summary under summary_key).
Json record_to_json(const Ruleset& rules, std::uint64_t seed, const std::vector<Move>& moves,
                    const State& final_state, std::string_view summary_key);

}  // namespace astradia::bricks
