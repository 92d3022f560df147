// Purpose: the Sudoku screen's drawing and input: the board (thick box lines, givens
// distinct from entries, notes as a 3x3 mini-grid, highlights of the selected cell's
// row/column/box and of equal digits, conflicts and wrong digits in red, the hint's
// pattern), the digit pad with remaining counts, the tools, the status line, and the
// pause and end-of-game overlays. Reads a view model; returns intents. Never changes
// game state itself (the screen turns intents into moves).
#pragma once

#include <bitset>
#include <string>
#include <vector>

#include "engine/sudoku/hint.hpp"
#include "engine/sudoku/session.hpp"
#include "engine/sudoku/statistics.hpp"
#include "shell/settings.hpp"
#include "shell/ui/ui.hpp"

namespace astradia::shell {

// Where things go for a viewport (device px). The app also uses it to size the digit font.
struct SudokuLayout {
    ImVec2 board;          // top-left of the board
    float board_size = 0;  // the board is square
    float cell = 0;        // board_size / 9
    bool side_panel = false;  // tools and pad to the right of the board (wide screens)
};
SudokuLayout sudoku_layout(const Ui& ui);
// The digit font size (CSS px) that draws this layout's digits 1:1.
float sudoku_digit_css(const Ui& ui);

struct SudokuViewModel {
    const sudoku::State* state = nullptr;
    std::bitset<sudoku::kCells> conflicts;
    const Settings* settings = nullptr;
    int selected = 40;
    bool notes_mode = false;
    int armed = 0;                         // digit-first mode: the digit to write (0 = none)
    const sudoku::Hint* hint = nullptr;    // the hint on show, if any
    bool hint_applicable = false;          // the hint has a move to play
    bool paused = false;
    bool copied = false;                   // the puzzle was just copied (the button says so)
    bool can_undo = false;
    bool can_redo = false;
    std::string title;                     // "Medium" or "Daily · 21 November"
    std::string time_text;                 // "4:12"
    // End of game
    bool won = false;
    bool lost = false;
    bool new_record = false;
    std::string result_time;
    std::string best_time;
};

struct SudokuIntent {
    enum Kind {
        select, digit_key, erase, toggle_notes, undo, redo, hint, apply_hint, dismiss_hint, auto_notes,
        pause, resume, copy_puzzle, back, new_game, menu
    } kind;
    int cell = -1;
    int digit = 0;
    bool from_pad = false;  // a digit pressed on the pad (not typed)
};

std::vector<SudokuIntent> draw_sudoku_view(const Ui& ui, const SudokuViewModel& m);

// "Easy", "Лёгкий": a level as the player reads it.
const char* level_label(sudoku::Level level);

// The start screen's Sudoku card: Continue (when there is a game), New game (a sheet of
// levels and "Paste a puzzle"), the daily puzzle.
struct SudokuCardModel {
    std::string continue_label;  // "Medium · 4:12" when a game can be continued, else ""
    std::string daily_label;     // "Daily puzzle"
    bool daily_done = false;     // today's is solved
};
struct SudokuCardAction {
    enum Kind { none, continue_game, new_game, daily, paste } kind = none;
    sudoku::Level level = sudoku::Level::easy;  // new_game
};
SudokuCardAction draw_sudoku_card(const Ui& ui, float width, const SudokuCardModel& m);

// Sudoku's part of Statistics (daily streaks, then each level) and of How to play.
void draw_sudoku_statistics(const Ui& ui, const sudoku::Statistics& stats, const std::string& today);
void draw_sudoku_help(const Ui& ui);

}  // namespace astradia::shell
