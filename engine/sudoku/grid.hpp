// Purpose: the Sudoku grid value type, its geometry (rows, columns, boxes, peers) and
// the puzzle parser shared by the solver, the logic engine, the generator, the
// session and the CLI. Cells are numbered 0..80 row-major; digits are 1..9, 0 = empty.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/core/expected.hpp"

namespace astradia::sudoku {

constexpr int kCells = 81;

constexpr int row_of(int cell) { return cell / 9; }
constexpr int col_of(int cell) { return cell % 9; }
constexpr int box_of(int cell) { return (cell / 27) * 3 + (cell % 9) / 3; }
constexpr int cell_at(int row, int col) { return row * 9 + col; }

// The 27 houses: 0..8 rows, 9..17 columns, 18..26 boxes; each lists its 9 cells.
const std::array<std::array<std::uint8_t, 9>, 27>& houses();
// The 20 peers of each cell (same row, column or box, excluding the cell).
const std::array<std::array<std::uint8_t, 20>, 81>& peers();

struct Grid {
    std::array<std::uint8_t, kCells> cells{};  // 0 = empty, 1..9 = digit

    std::uint8_t operator[](int cell) const { return cells[static_cast<std::size_t>(cell)]; }
    std::uint8_t& operator[](int cell) { return cells[static_cast<std::size_t>(cell)]; }
    bool operator==(const Grid&) const = default;

    int filled() const;            // number of non-empty cells
    bool complete() const { return filled() == kCells; }
    // 81 characters, '.' for empty (the form the data files use).
    std::string to_string() const;
};

// True when no digit repeats in any row, column or box (empty cells ignored).
bool consistent(const Grid& grid);
// True when `solution` is complete, consistent, and agrees with every given of `puzzle`.
bool solves(const Grid& puzzle, const Grid& solution);

// Parses a puzzle. Accepts 81 cells of '1'-'9' with '.' or '0' for empty, with any
// whitespace or line breaks in between, and the 9-line form, which may also use '|'
// column separators and separator lines made only of '-', '+', '=', '|' and spaces.
// Errors (code, then message):
//   sudoku.length     "expected 81 cells, found N"
//   sudoku.character  "bad character 'x' at position N (line L, column C)"
//   sudoku.duplicate  "digit D appears twice in row R (r1c2 and r1c7)" (or column/box)
Expected<Grid> parse_grid(std::string_view text);

// "r3c7": the name players use for a cell (1-based).
std::string cell_name(int cell);

}  // namespace astradia::sudoku
