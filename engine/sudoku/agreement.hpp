// Purpose: how well two difficulty ratings of the same puzzles agree: Spearman's rank
// correlation and the share within a tolerance (the grader's figures against Sudoku
// Explainer, for the benchmark and the tests).
#pragma once

#include <vector>

namespace astradia::sudoku {

// Spearman's rank correlation of x and y (ties get their average rank). Returns 0 for
// fewer than two pairs, different lengths, or a constant series.
double spearman(const std::vector<double>& x, const std::vector<double>& y);

// The share of pairs with |x - y| <= tolerance (plus a hair for rounding). 0 when empty
// or of different lengths.
double share_within(const std::vector<double>& x, const std::vector<double>& y, double tolerance);

}  // namespace astradia::sudoku
