// Purpose: what a player reads for a step of the logic engine, in English and Russian:
// the sentence that explains it (what the pattern is, why it works, what it places or
// removes, in words: digits, rows, columns, boxes, and cells as players name them, "row 3,
// column 7"), and the stages a hint comes in before that sentence: where to look, then
// the technique by its name. Russian cases and numerals agree.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

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

// A hint's first two stages for a step: where to look (a house, a cell, or the
// highlighted pattern: `focus` are the cells to highlight then), and which technique, by
// its name, with what it is (the pattern's cells, `pattern`, highlighted then; for a
// single, whose pattern is its answer, the house again). The third stage is explain()'s
// sentence. Never fails.
struct Stages {
    Sentence look;
    std::vector<std::uint8_t> focus;
    Sentence technique;
    std::vector<std::uint8_t> pattern;
};
Stages explain_stages(const Step& step);

// A cell as the sentences name it: "row 3, column 7"; "клетка (строка 3, столбец 7)".
std::string cell_words_en(int cell);
std::string cell_words_ru(int cell);

// Russian plural of a noun after a number: form1 for 1, 21, ... ("клетка"), form2 for
// 2-4, 22-24, ... ("клетки"), form5 otherwise ("клеток").
const char* ru_plural(int n, const char* form1, const char* form2, const char* form5);

}  // namespace astradia::sudoku
