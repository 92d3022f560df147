// Purpose: hints: the next thing a player should know about their current grid. A wrong
// digit or a note that rules out the right digit comes first; otherwise the next logical
// step from the candidates the player has, with the pattern to highlight, told in three
// stages in English and Russian: where to look, which technique (by its name), and the
// answer (one sentence that names the cells and what to do).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/expected.hpp"
#include "engine/sudoku/explain.hpp"
#include "engine/sudoku/grid.hpp"
#include "engine/sudoku/step.hpp"

namespace astradia::sudoku {

enum class HintKind {
    step,         // the next logical step (Hint::step)
    wrong_entry,  // a digit the player entered is wrong: step.cells = {cell}, step.digits = that digit
    wrong_note,   // a cell's notes leave out its right digit: step.cells = {cell}, step.digits = the digit left out
    solved,       // nothing to do: the grid is complete and right
};

// The stages of a hint, in the order a player asks for them.
enum class HintStage { look = 1, technique = 2, answer = 3 };
constexpr int kHintStages = 3;

struct Hint {
    HintKind kind = HintKind::step;
    Step step;            // what to draw: cells, digits, houses, chain, placements, eliminations
    std::string text_en;  // the answer: one sentence for the player
    std::string text_ru;
    Sentence look;                     // stage 1: where to look ("Look at row 3.")
    std::vector<std::uint8_t> focus;   // ... and the cells highlighted then
    Sentence technique;                // stage 2: the technique by name, and what it is
    std::vector<std::uint8_t> pattern; // ... and the cells highlighted then

    // What a stage says, in English or Russian.
    const std::string& text(HintStage stage, bool russian) const;
};

// The hint for a player's grid. `givens` are the puzzle's clues; `entries` the digits the
// player put in the other cells (entries on given cells are ignored when equal); `notes`
// the player's pencil marks, bit d-1 = digit d (a cell without notes counts as "every
// digit its peers allow"); `solution` the puzzle's solution.
// Mistakes come first, in cell order: a wrong entry, then notes that exclude the right
// digit. Otherwise the step is found on the player's candidates (their notes, minus
// digits already placed in a peer; full candidates where they have no notes), simplest
// level first, and is always consistent with the solution.
// Errors: hint.value (a cell holds a number above 9), hint.solution (the solution is not
// a complete valid grid agreeing with the givens), hint.entry (an entry overwrites a
// given with another digit).
Expected<Hint> next_hint(const Grid& givens, const Grid& entries, const std::array<std::uint16_t, kCells>& notes,
                         const Grid& solution);

}  // namespace astradia::sudoku
