// Purpose: what a player's actions mean as moves, decided once for every front end: a
// digit entered in a cell (placed, taken out again, or noted), and a hint applied. The
// shell maps keys, taps and buttons to these calls and plays what they return.
#pragma once

#include <array>
#include <optional>

#include "engine/sudoku/hint.hpp"
#include "engine/sudoku/session.hpp"

namespace astradia::sudoku {

// The move for `digit` (1..9) entered in `cell` (0..80): in notes mode a note; the digit
// the cell already holds takes it out; else the digit is placed (keep_peer_notes: the
// player's "remove notes when a digit is placed" is off). nullopt for a given cell, a
// cell or digit out of range.
std::optional<Move> digit_move(const State& state, int cell, int digit, bool notes_mode, bool keep_peer_notes);

// How many of each digit are still to place, [1..9] (index 0 unused): nine less the
// givens and the player's digits that are right. A wrong digit does not count as placed
// (the player still has that digit to find a place for), so a digit key never greys out
// while one of its nine is wrong. What a digit pad shows on each key.
std::array<int, 10> digits_left(const State& state);

// The move that applies a hint: a wrong entry is erased, a note that leaves out the right
// digit gets it back, a step's first placement is placed. nullopt when the hint has
// nothing to apply (a step that only eliminates candidates, a solved grid).
std::optional<Move> hint_move(const Hint& hint);

}  // namespace astradia::sudoku
