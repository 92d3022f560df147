// Purpose: the autoplayer's board evaluation: a linear function of features that
// say how well a board will take the pieces still to come (free space, isolated
// cells, row and column transitions, the weighted share of shapes that fit
// nowhere, the biggest shape and the longest lines, how many ways the likely shapes
// fit, cells no common block can cover). Shapes are read from the ruleset: each is
// split into horizontal and vertical runs once, so "where does every shape fit" is
// a few dozen 128-bit shifts per board.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/bricks/bits.hpp"
#include "engine/bricks/ruleset.hpp"
#include "engine/core/expected.hpp"

namespace astradia::bricks {

enum Feature : int {
    kFreeCells,       // empty cells
    kIsolated,        // empty cells with no empty neighbour (only a single fills them)
    kRowTransitions,  // filled/empty changes between horizontal neighbours
    kColTransitions,  // ... between vertical neighbours
    kNoFitShare,      // weighted share of shapes (by draw weight) that fit nowhere
    kNoFitBiggest,    // 1 when the shape with the largest bounding box fits nowhere
    kNoFitLongest,    // number of longest straight shapes (5-lines) that fit nowhere
    kMobility,        // weighted mean over shapes of n/(n+4), n = positions where it fits
    kBiggestSpots,    // n/(n+4) for the biggest shape
    kNarrowCells,     // empty cells the most likely block (2x2 or larger) cannot cover
    kUncoveredBig,    // empty cells the biggest shape cannot cover
    kRegions,         // connected empty regions (4-neighbourhood): fragmentation
    kBorderFilled,    // filled cells on the board's outer ring
    kLineFill,        // sum over rows and columns of (filled share)^2: filled cells gathered in few lines
    kNoBiggestTwice,  // 1 when the biggest shape cannot go in two places at once (two in one tray)
    kPoints,          // points scored by a plan (cells + line bonuses); used by the search
    kFeatureCount
};

// Names as the tuner and the docs use them ("free_cells", "isolated", ...).
std::string_view feature_name(int feature);

struct Weights {
    std::array<double, kFeatureCount> w{};
    bool operator==(const Weights&) const = default;
};

// "name=value,name=value,...": every feature, in order (the tuner's output form).
std::string weights_to_text(const Weights& weights);
// Reads that form; names may come in any order and missing ones are 0. Error
// bricks.weights naming the first unknown name or malformed number.
Expected<Weights> weights_from_text(std::string_view text);

// The default weights: hand-set round values, kept because they reach the strength goal
// (docs/DECISIONS.md, "Bricks engine"); `astradia bricks tune` searches for better ones.
Weights tuned_weights();

using Features = std::array<double, kFeatureCount>;

class Evaluator {
public:
    // `rules` must outlive the evaluator.
    Evaluator(const Ruleset& rules, const Weights& weights);

    // Every feature of a board (kPoints is 0: it belongs to a plan, not a board).
    Features features(Bits board) const;
    // Weighted sum of features(board): higher is better.
    double full(Bits board) const;
    // The cheap part only (free cells, isolated cells, transitions): a pre-filter.
    double quick(Bits board) const;

    const Weights& weights() const { return weights_; }

private:
    struct Segment {
        std::uint8_t run;  // index into the run table: horizontal runs 1..16, vertical 17..32
        std::uint8_t off;  // bit offset of the run's first cell from the anchor
    };
    struct ShapeInfo {
        std::vector<Segment> segments;
        std::vector<int> offsets;
        Bits anchors;
        double prob = 0;
        bool longest = false;
    };

    const Ruleset* rules_;
    Weights weights_;
    std::vector<ShapeInfo> shapes_;
    int max_h_ = 1;            // longest horizontal run any shape needs
    int max_v_ = 1;            // ... vertical
    int biggest_ = -1;         // the shape with the largest bounding box (ties: most cells)
    int common_block_ = -1;    // the most likely other shape at least 2x2, or -1
    std::array<Bits, kMaxSide + 1> hmask_{};  // cells where a horizontal run of length k fits
    Bits not_first_col_;
    Bits not_last_col_;
    Bits not_last_row_;
    Bits border_;
    std::vector<Bits> biggest_overlap_;  // per anchor: the biggest shape's anchors that overlap it
    std::array<double, kMaxBoardCells + 1> saturate_{};  // n/(n+4): exact on every platform
};

}  // namespace astradia::bricks
