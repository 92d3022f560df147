// Purpose: the sentence a player reads for a step of the logic engine, in English and
// Russian: what the pattern is, why it works and what it places or removes, in words
// (digits, cells like "r3c7", rows, columns, boxes), with Russian cases and numerals
// agreeing.
#pragma once

#include <string>

#include "engine/sudoku/step.hpp"

namespace astradia::sudoku {

struct Sentence {
    std::string en;
    std::string ru;
};

// One sentence for a step found on `before` (the candidates it was found on; some
// techniques quote a cell's candidates). Never fails: a step with missing details gets
// a plainer sentence.
Sentence explain(const Step& step, const Candidates& before);

// Russian plural of a noun after a number: form1 for 1, 21, ... ("клетка"), form2 for
// 2-4, 22-24, ... ("клетки"), form5 otherwise ("клеток").
const char* ru_plural(int n, const char* form1, const char* form2, const char* form5);

}  // namespace astradia::sudoku
