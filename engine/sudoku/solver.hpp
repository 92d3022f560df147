// Purpose: the Sudoku solver: counts solutions (the uniqueness check), finds the first
// one, and completes a partial grid at random for the generator. A band-based bitboard
// solver (see solver.cpp and docs/DECISIONS.md "Sudoku solver"); single thread, no
// allocation, the same results natively and in wasm.
#pragma once

#include <optional>

#include "engine/core/random.hpp"
#include "engine/sudoku/grid.hpp"

namespace astradia::sudoku {

// Counts solutions, stopping at `limit` (limit 2 is the uniqueness check: 0, 1 or 2).
// When `first` is not null and a solution exists, it receives the first one found. Never fails.
// A puzzle that breaks the rules (a repeated digit, a cell value above 9) has 0 solutions;
// limit <= 0 returns 0 without searching.
int count_solutions(const Grid& puzzle, int limit, Grid* first = nullptr);

// The first solution, or std::nullopt when there is none.
std::optional<Grid> solve(const Grid& puzzle);

// A random complete valid grid consistent with `partial` (pass an empty Grid for a fresh one),
// deterministic for the Rng state and identical natively and in wasm; nullopt if `partial` has no solution.
std::optional<Grid> random_solution(const Grid& partial, Rng& rng);

}  // namespace astradia::sudoku
