// Purpose: checks on the sentences players read (hints, explanations): a cell is named as
// a player names it, by its row and its column ("row 3, column 7", "rows 2 and 7,
// column 3", "in row 3 ... only in column 7"; in Russian the same with «строка»,
// «столбец» in any case), and never in solver shorthand ("r3c7").
#pragma once

#include <regex>
#include <set>
#include <string>

#include "engine/sudoku/grid.hpp"

namespace astradia::sudoku::testing {

// The numbers a sentence gives after words starting with `row_word` or `col_word`
// ("row 3", "rows 2 and 7", "columns 4, 5 and 6"; "строке 3", "столбцах 2 и 5").
inline void numbers_after(const std::string& text, const std::string& word, const char* and_word, std::set<int>& out) {
    const std::regex list(word + "[^ ]* ([1-9](?:(?:, | " + and_word + " )[1-9])*)");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), list); it != std::sregex_iterator(); ++it) {
        for (char c : (*it)[1].str()) {
            if (c >= '1' && c <= '9') out.insert(c - '0');
        }
    }
}

// Whether the English sentence names `cell` by its row and its column.
inline bool names_cell_en(const std::string& text, int cell) {
    std::set<int> rows, cols;
    numbers_after(text, "(?:r|R)ow", "and", rows);
    numbers_after(text, "(?:c|C)olumn", "and", cols);
    return rows.count(row_of(cell) + 1) && cols.count(col_of(cell) + 1);
}
inline bool names_cell_ru(const std::string& text, int cell) {
    std::set<int> rows, cols;
    numbers_after(text, "(?:с|С)трок", "и", rows);
    numbers_after(text, "(?:с|С)толб", "и", cols);
    return rows.count(row_of(cell) + 1) && cols.count(col_of(cell) + 1);
}

// Solver shorthand such as "r3c7" (or "R3C7").
inline bool has_shorthand(const std::string& text) { return std::regex_search(text, std::regex("[rR][1-9][cC][1-9]")); }

}  // namespace astradia::sudoku::testing
