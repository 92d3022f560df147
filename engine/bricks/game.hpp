// Purpose: the Bricks game state as a value and its one pure transition. A Move
// names a tray slot and the board cell where the piece's bounding box starts;
// place(rules, state, move) returns the next state (piece placed, full rows and
// columns cleared at once, score added, tray refilled from the state's own Rng
// after its last piece, game over detected) or an Error saying why it is illegal.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/bricks/bits.hpp"
#include "engine/bricks/ruleset.hpp"
#include "engine/core/expected.hpp"
#include "engine/core/random.hpp"

namespace astradia::bricks {

constexpr std::int8_t kEmptySlot = -1;  // a tray slot whose piece was placed

struct Move {
    int piece = 0;  // tray slot, 0..tray_size-1
    int row = 0;    // top row of the piece's bounding box
    int col = 0;    // left column of the piece's bounding box
    bool operator==(const Move&) const = default;
};

struct State {
    Bits board;                                  // filled cells
    std::array<std::int8_t, kMaxTray> tray{};    // shape index per slot, kEmptySlot once placed
    std::uint64_t score = 0;
    std::uint32_t placements = 0;                // pieces placed in this game
    std::uint32_t lines = 0;                     // rows + columns cleared in this game
    std::uint32_t trays = 0;                     // trays drawn in this game
    Rng::State rng{};                            // the generator that draws the next tray
    bool over = false;                           // none of the remaining pieces fits
    // What the last placement did (for line-clear feedback): cells cleared, lines, points.
    Bits last_cleared;
    std::uint8_t last_lines = 0;
    std::uint32_t last_points = 0;

    bool operator==(const State&) const = default;
};

// A fresh game: empty board, the first tray drawn from Rng(seed).
State new_game(const Ruleset& rules, std::uint64_t seed);

// The next state after `move`, or an Error (code, then meaning):
//   bricks.game_over       the game is over
//   bricks.no_such_piece   piece is not a tray slot (0..tray_size-1)
//   bricks.already_placed  that slot's piece was placed already
//   bricks.off_board       the piece would stick out of the board
//   bricks.overlap         the piece would cover a filled cell
Expected<State> place(const Ruleset& rules, const State& state, const Move& move);

// The same transition without checks, for search and benchmarks. Preconditions:
// the slot holds a piece, anchor = row*cols + col is one of its anchors, and the
// placement is free. Returns the lines cleared.
int place_unchecked(const Ruleset& rules, State& state, int piece, int anchor);

// Places `mask` (touching `rows` and `cols`) on `board`, clears every full row and
// column at once and returns the number of lines cleared; `cleared` gets their cells.
int drop_and_clear(const Ruleset& rules, Bits& board, const Placement& p, Bits& cleared);

// What placing tray slot `move.piece` with its top-left at (move.row, move.col) would do,
// without doing it (a drag's preview): whether the piece is on the board there, whether it
// fits, the cells it would cover and the cells of the rows and columns it would clear.
struct Preview {
    bool on_board = false;  // a piece in that slot, with its bounding box inside the board
    bool fits = false;      // on the board and every cell free
    Bits cells;             // the cells it would cover (when on the board)
    Bits clearing;          // the cells of the lines it would clear (when it fits)
};
Preview preview(const Ruleset& rules, const State& state, const Move& move);

// Which shape covers each board cell (kEmptySlot where a cell is empty), e.g. to colour
// bricks by shape. track_shapes updates it for one placement that took `before` to `after`.
using CellShapes = std::array<std::int8_t, kMaxBoardCells>;
CellShapes no_shapes();
void track_shapes(const Ruleset& rules, CellShapes& shapes, const State& before, const Move& move, const State& after);

// True when some remaining tray piece fits somewhere on the board.
bool any_piece_fits(const Ruleset& rules, const State& state);
// True when tray slot `slot` holds a piece that fits somewhere on the board (false for an
// empty slot or one outside the tray).
bool piece_fits(const Ruleset& rules, const State& state, int slot);
// Number of tray slots still holding a piece.
int pieces_left(const Ruleset& rules, const State& state);

// The board as text, one line per row, '#' filled and '.' empty (rows joined by '\n').
std::string board_text(const Ruleset& rules, Bits board);
// The board as one string per row (the form saves use).
std::vector<std::string> board_rows(const Ruleset& rules, Bits board);

}  // namespace astradia::bricks
