// Purpose: the logic engine: finds the next step a person would take (techniques in
// order of difficulty), solves a puzzle step by step, and grades it: a level by the
// techniques it needs and a score on the Sudoku Explainer scale.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "engine/core/expected.hpp"
#include "engine/sudoku/candidates.hpp"
#include "engine/sudoku/grid.hpp"
#include "engine/sudoku/level.hpp"
#include "engine/sudoku/step.hpp"

namespace astradia::sudoku {

// Which technique comes first when several apply.
enum class StepOrder {
    rating,  // the lowest Sudoku Explainer rating first: the score's path
    level,   // the lowest level first (then rating): the path a player is shown
};

// What a solve remembers between its steps to skip repeated work (optional; the
// grader uses one per path). It only helps while candidates are only ever removed.
struct LogicMemo {
    std::array<std::optional<Candidates>, 3> wing_failed;  // the last fruitless wing search, sizes 3..5
};

struct LogicOptions {
    StepOrder order = StepOrder::level;
    Level max_level = Level::extreme;  // never use a technique above this level
    bool uniqueness = true;            // unique rectangles, BUG: only for puzzles with one solution
    bool trial = true;                 // allow trial and error (the last resort)
    int max_rating = 1000;             // skip techniques whose easiest instance is rated above (x10)
    LogicMemo* memo = nullptr;         // when set, searches that found nothing are not redone in full
};

// The next step for these candidates; nullopt when the grid is solved or no allowed
// technique applies. (On candidates that hold no solution, what it finds is sound but
// vacuous.)
std::optional<Step> next_step(const Candidates& cands, const LogicOptions& options = {});

struct LogicSolve {
    std::vector<Step> steps;  // in order
    Candidates end;           // the candidates after the last step
    bool solved = false;      // false: stuck (no allowed technique applies) or broken
};

// Applies next_step until the grid is solved or nothing applies; never fails
// (LogicSolve::solved tells which).
LogicSolve solve_logically(const Candidates& start, const LogicOptions& options = {});

struct Grade {
    Level level = Level::easy;          // the lowest level whose techniques solve the puzzle
    int rating = 10;                    // x10, Sudoku Explainer scale: the hardest step of the rating path
    Technique hardest = Technique::full_house;  // the technique of that step
    int steps = 0;                      // steps of the rating path
    bool solved = true;                 // false when even trial and error got stuck
    double score() const { return rating / 10.0; }
};

// Grades a puzzle by solving it twice with logic: in rating order for the score, in
// level order for the level. Errors: sudoku.value (a cell above 9), sudoku.duplicate (a
// digit repeats in a house), sudoku.unsolvable (no solution), sudoku.multiple (more than
// one solution: levels and scores are for proper puzzles only).
Expected<Grade> grade_logic(const Grid& puzzle);

// The level of a puzzle, found cheaply: solves in level order without techniques above
// `cap`; returns the level used, or nullopt when the puzzle needs more than `cap`.
std::optional<Level> level_within(const Grid& puzzle, Level cap);

}  // namespace astradia::sudoku
