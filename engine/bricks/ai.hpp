// Purpose: the Bricks hint and autoplayer. A Planner searches the orders of the
// tray's remaining pieces and their positions, scoring final boards with the
// Evaluator (evaluate.hpp) plus the points the plan scores. A transposition table
// merges orders that reach the same board. SearchOptions bound the work: at each
// placement but the last only the best `beam` positions per shape (by a cheap
// pre-evaluation) are followed, and only the best `last` final positions get the
// full evaluation; zero means "all", an exhaustive search. When the bounded search
// finds no way to place every piece, the planner retries with a four times wider
// beam and then (trays of up to three pieces) exhaustively.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "engine/bricks/evaluate.hpp"
#include "engine/bricks/game.hpp"
#include "engine/bricks/ruleset.hpp"
#include "engine/core/expected.hpp"

namespace astradia::bricks {

struct SearchOptions {
    int beam = 0;  // positions per shape followed at every placement but the last (0 = all)
    int last = 0;  // final positions per node given the full evaluation (0 = all)
};

// The in-frame hint: bounded so that a full tray plans well inside a frame in wasm.
SearchOptions hint_options();
// The benchmark autoplayer: a wider search (slower, stronger).
SearchOptions autoplay_options();

struct Plan {
    std::vector<Move> moves;  // the remaining pieces in the order to place them
    double value = 0;         // evaluation of the final board plus weighted points
    bool complete = false;    // every remaining piece gets placed
};

struct SearchCounters {
    std::uint64_t nodes = 0;   // positions expanded
    std::uint64_t leaves = 0;  // final boards given the full evaluation
};

class Planner {
public:
    // `rules` must outlive the planner.
    explicit Planner(const Ruleset& rules, const Weights& weights = tuned_weights(),
                     SearchOptions options = hint_options());

    // The best way found to place the tray's remaining pieces. When no order places
    // all of them, the plan places as many as possible (complete = false); an empty
    // plan means no remaining piece fits (the game is over).
    Plan plan(const State& state);

    // The first move of plan(state). Error bricks.game_over when the game is over.
    Expected<Move> hint(const State& state);

    const Evaluator& evaluator() const { return eval_; }
    // Counters of the last plan().
    const SearchCounters& counters() const { return counters_; }

private:
    struct Entry {
        std::uint64_t lo = 0;
        std::uint64_t hi = 0;
        double value = 0;
        std::uint32_t generation = 0;  // valid when equal to the planner's generation
        std::uint8_t remaining = 0;    // tray slots still to place
        std::uint8_t slot = 0;         // best first slot from here
        std::uint8_t anchor = 0;       // ... and its anchor
    };
    struct Result {
        double value;
        int slot;    // -1: no piece fits
        int anchor;
    };
    struct Child {
        double key;   // pre-evaluation + weighted points: the beam's order
        double points;
        Bits board;
        int slot;
        int anchor;
    };

    Result search(Bits board, unsigned remaining);
    double leaf(Bits board);
    Entry* probe(Bits board, unsigned remaining, bool& found);
    void next_generation();

    const Ruleset* rules_;
    Evaluator eval_;
    SearchOptions options_;
    SearchOptions active_;
    std::array<int, kMaxTray> tray_{};
    std::array<std::vector<Child>, kMaxTray + 1> scratch_;  // per depth
    std::vector<Entry> table_;
    std::uint32_t generation_ = 0;
    SearchCounters counters_;
};

}  // namespace astradia::bricks
