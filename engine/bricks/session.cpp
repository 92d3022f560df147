// Purpose: implementation of the Bricks session (history, undo, best score, saves).
#include "engine/bricks/session.hpp"

#include <algorithm>

#include "engine/bricks/record.hpp"
#include "engine/bricks/replay.hpp"
#include "engine/core/sealed.hpp"

namespace astradia::bricks {

Session::Session() : Session(classic_rules(), 0) {}

Session::Session(Ruleset rules, std::uint64_t seed, std::uint64_t best_before)
    : rules_(std::make_shared<const Ruleset>(std::move(rules))), seed_(seed), best_before_(best_before) {
    states_.push_back(bricks::new_game(*rules_, seed_));
}

void Session::new_game(std::uint64_t seed) {
    best_before_ = best_score();
    seed_ = seed;
    moves_.clear();
    states_.clear();
    states_.push_back(bricks::new_game(*rules_, seed_));
}

std::uint64_t Session::best_score() const { return std::max(best_before_, state().score); }

Expected<State> Session::place(const Move& move) {
    Expected<State> next = bricks::place(*rules_, state(), move);
    if (!next) return next;
    moves_.push_back(move);
    states_.push_back(*next);
    return next;
}

bool Session::undo() {
    if (moves_.empty()) return false;
    moves_.pop_back();
    states_.pop_back();
    return true;
}

Json Session::payload() const {
    Json payload = record_to_json(*rules_, seed_, moves_, state(), "state");
    payload["best"] = best_score();
    return payload;
}

Expected<Session> Session::load(const Sealed& opened) {
    JsonReader r("bricks.format");
    const std::uint64_t best = r.u64(opened.payload, "best", "payload");
    if (r.failed()) return r.error();
    Expected<LoadedRecord> record = load_record(opened.payload, "state", /*keep_states=*/true);
    if (!record) return record.error();
    if (best < record->final_state.score) {
        return make_error("bricks.mismatch", "The recorded best score (payload.best) is lower than the game's own score.");
    }
    Session session(std::move(record->rules), record->seed, best);
    session.moves_ = std::move(record->moves);
    session.states_ = std::move(record->states);
    return session;
}

int Session::clear_streak() const {
    int n = 0;
    for (std::size_t i = states_.size() - 1; i > 0 && states_[i].last_lines > 0; --i) ++n;
    return n;
}

CellShapes Session::cell_shapes() const {
    CellShapes shapes = no_shapes();
    for (std::size_t i = 0; i < moves_.size(); ++i) track_shapes(*rules_, shapes, states_[i], moves_[i], states_[i + 1]);
    return shapes;
}

std::string Session::replay() const {
    return seal_document(kReplayDocument, record_to_json(*rules_, seed_, moves_, state(), "final"));
}

}  // namespace astradia::bricks
