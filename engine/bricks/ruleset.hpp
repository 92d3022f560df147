// Purpose: the Bricks ruleset as data: board size, the shapes with their draw
// weights, the tray size and the line-clear bonus. The genre's reference game is
// default_rules(); a variant (another board, other weights or shapes) is another
// RulesetSpec, never a fork of the code. Ruleset adds the tables the engine and the
// autoplayer use (cell masks of every placement, the anchors where a shape fits).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/bricks/bits.hpp"
#include "engine/core/expected.hpp"
#include "engine/core/json_reader.hpp"

namespace astradia::bricks {

constexpr int kMaxSide = 16;     // rows and columns: 1..16, and rows*cols <= 128
constexpr int kMaxBoardCells = 128;
constexpr int kMaxTray = 5;      // pieces offered at a time: 1..5
constexpr int kMaxShapes = 64;

// A shape as text: rows separated by '/', '#' a cell, '.' a gap, e.g. "##/#." (a
// small corner). Its bounding box is tight: the first and last row and column
// each hold a cell.
struct ShapeSpec {
    std::string name;     // 1..16 of [A-Za-z0-9_-], unique within a ruleset
    std::string pattern;  // see above
    int weight = 1;       // relative draw weight, 1..10000
    bool operator==(const ShapeSpec&) const = default;
};

struct RulesetSpec {
    int rows = 10;
    int cols = 10;
    int tray_size = 3;   // pieces offered together; all must be placed before the next
    int line_bonus = 5;  // r lines cleared by one placement score line_bonus*r*(r+1)
    std::vector<ShapeSpec> shapes;
    bool operator==(const RulesetSpec&) const = default;
};

// The genre's reference facts: 10x10, 19 shapes, weights totalling 42, tray of 3,
// bonus 5*r*(r+1).
RulesetSpec classic_spec();

struct Shape {
    std::string name;
    int weight = 0;
    int height = 0;
    int width = 0;
    int size = 0;                  // number of cells
    std::vector<int> row_of;       // each cell's row within the bounding box
    std::vector<int> col_of;       // ... and column
    std::vector<int> offsets;      // each cell's bit offset from the anchor: row*cols + col
    Bits mask;                     // the cells with the anchor at cell 0
    Bits anchors;                  // anchors (top-left of the bounding box) inside the board
    int family = 0;                // shapes equal up to a quarter turn share a family (numbered
                                   // 0, 1, ... in order of first appearance): a line of three
                                   // standing or lying, the four small corners
};

// A placement: the piece's cells on the board and the lines it touches.
struct Placement {
    Bits mask;
    std::uint16_t rows = 0;  // bit r: the placement has a cell in row r
    std::uint16_t cols = 0;  // bit c: ... in column c
};

class Ruleset {
public:
    // Validates a spec and builds its tables. Error code bricks.rules with a
    // sentence naming the first problem (size, shape pattern, weight, name).
    static Expected<Ruleset> make(RulesetSpec spec);

    const RulesetSpec& spec() const { return spec_; }
    int rows() const { return spec_.rows; }
    int cols() const { return spec_.cols; }
    int cells() const { return spec_.rows * spec_.cols; }
    int tray_size() const { return spec_.tray_size; }
    int shape_count() const { return static_cast<int>(shapes_.size()); }
    int family_count() const { return family_count_; }
    const Shape& shape(int s) const { return shapes_[static_cast<std::size_t>(s)]; }
    int total_weight() const { return total_weight_; }
    // Index of the shape with this name, or -1.
    int find_shape(std::string_view name) const;

    Bits full() const { return full_; }
    Bits row_mask(int r) const { return row_masks_[static_cast<std::size_t>(r)]; }
    Bits col_mask(int c) const { return col_masks_[static_cast<std::size_t>(c)]; }
    // Precondition: shape(s).anchors.test(anchor).
    const Placement& placement(int s, int anchor) const {
        return placements_[static_cast<std::size_t>(s * cells() + anchor)];
    }
    // Anchors where shape s fits on a board whose free cells are `free`.
    Bits fitting_anchors(int s, Bits free) const {
        const Shape& sh = shape(s);
        Bits a = sh.anchors;
        for (int off : sh.offsets) a &= free.shr(off);
        return a;
    }
    // Bonus for clearing `lines` lines with one placement.
    std::uint64_t line_bonus(int lines) const {
        return static_cast<std::uint64_t>(spec_.line_bonus) * static_cast<std::uint64_t>(lines) *
               static_cast<std::uint64_t>(lines + 1);
    }
    // Maps a uniform number in [0, total_weight) to a shape by the draw weights.
    int shape_for_draw(std::uint32_t x) const;

private:
    RulesetSpec spec_;
    std::vector<Shape> shapes_;
    std::vector<Placement> placements_;
    std::vector<Bits> row_masks_;
    std::vector<Bits> col_masks_;
    std::vector<std::uint32_t> cumulative_;  // running total of weights
    std::vector<std::uint8_t> draw_table_;   // x -> shape, when the total weight is small
    Bits full_;
    int total_weight_ = 0;
    int family_count_ = 0;
};

// The classic ruleset, built once.
const Ruleset& classic_rules();

// {"rows":10,"cols":10,"tray":3,"line_bonus":5,"shapes":[{"name":..,"cells":..,"weight":..}]}
Json rules_to_json(const RulesetSpec& spec);
// Reads the form above through a JsonReader and validates it. Errors: bricks.format
// (a field missing, of the wrong type or out of range) or bricks.rules (see make).
Expected<Ruleset> rules_from_json(const Json& value);

}  // namespace astradia::bricks
