// Purpose: implementation of Bricks replays (save and verified load).
#include "engine/bricks/replay.hpp"

#include "engine/bricks/record.hpp"
#include "engine/core/sealed.hpp"

namespace astradia::bricks {

Expected<std::string> save_replay(const Ruleset& rules, std::uint64_t seed, const std::vector<Move>& moves) {
    Expected<State> final_state = replay_moves(rules, seed, moves);
    if (!final_state) return final_state.error();
    return seal_document(kReplayDocument, record_to_json(rules, seed, moves, *final_state, "final"));
}

Expected<Replay> load_replay(const Sealed& opened) {
    Expected<LoadedRecord> record = load_record(opened.payload, "final", /*keep_states=*/false);
    if (!record) return record.error();
    return Replay{std::move(record->rules), record->seed, std::move(record->moves), record->final_state};
}

}  // namespace astradia::bricks
