// Purpose: the Bricks session, the one object a front end drives: it owns the
// ruleset, the seed, the move history with every state (so undo of the last
// placement restores board, score, tray and Rng exactly), the best score, and
// serialisation to a sealed "bricks-game" save or a "bricks-replay". Loading
// replays the history and rejects any save whose stored state disagrees with it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/bricks/game.hpp"
#include "engine/bricks/ruleset.hpp"
#include "engine/core/document.hpp"
#include "engine/core/expected.hpp"

namespace astradia::bricks {

class Session {
public:
    // A new game with the classic rules and seed 0.
    Session();
    // A new game; best_before is the best score of earlier games (from Stats).
    Session(Ruleset rules, std::uint64_t seed, std::uint64_t best_before = 0);

    // Starts over with the same rules and the best score kept.
    void new_game(std::uint64_t seed);

    const Ruleset& rules() const { return *rules_; }
    const State& state() const { return states_.back(); }
    std::uint64_t seed() const { return seed_; }
    const std::vector<Move>& moves() const { return moves_; }
    // max(best of earlier games, this game's score): undo takes back a best too.
    std::uint64_t best_score() const;

    // Plays a move; on an illegal move returns the Error of place() and changes nothing.
    Expected<State> place(const Move& move);
    bool can_undo() const { return !moves_.empty(); }
    // Takes back the last placement; false when there is none.
    bool undo();

    // A "bricks-game" save's payload: rules, seed, moves, the current state, the best
    // score; save() seals it (kGameDocument).
    Json payload() const;
    std::string save() const;
    // Reads a save's opened envelope (open_document(kGameDocument, text) opens its text).
    // Errors: bricks.format, bricks.rules, bricks.history (a recorded move is illegal) or
    // bricks.mismatch (the stored state or best score disagrees with the history).
    static Expected<Session> load(const Sealed& opened);

    // Which shape covers each board cell now (from the history, nothing replayed).
    CellShapes cell_shapes() const;
    // How many placements in a row, ending with the last one, cleared at least one line
    // (0 when the last placement cleared nothing, or there is none): the streak players
    // are told about. Feedback only: the score does not depend on it.
    int clear_streak() const;

    // A sealed "bricks-replay" of this game so far (see replay.hpp).
    std::string replay() const;

private:
    std::shared_ptr<const Ruleset> rules_;
    std::uint64_t seed_ = 0;
    std::uint64_t best_before_ = 0;
    std::vector<Move> moves_;
    std::vector<State> states_;  // states_[i] before moves_[i]; back() is the current state
};

// A game in progress, saved after every placement: kind "bricks-game".
inline constexpr DocumentType<Session> kGameDocument{"bricks-game", 1, &Session::load};

inline std::string Session::save() const { return seal_document(kGameDocument, payload()); }

}  // namespace astradia::bricks
