// Purpose: the Sudoku screen's drawing and input: the board (thick box lines, givens
// distinct from entries, notes as a 3x3 mini-grid, highlights of the selected cell's
// row/column/box and of equal digits, conflicts and wrong digits in red, a hint's stage),
// the status row (mistakes, clock, pause), the icon tool bar (undo, redo, erase, notes
// with its on/off badge, auto notes, hint with the hints used), the digit pad with what is
// left of each digit, the hint panel (where to look, the technique, the answer), the
// question before a game in progress is replaced, the win moment (the boxes flash in
// turn, then a summary) and the end dialogs; the start-screen card with its level and
// daily-puzzle sheets (a calendar of solved days). Portrait screens stack board, tools and
// pad; landscape ones put them side by side. Reads view models; returns intents. Never
// changes game state itself (the screen turns intents into moves).
#pragma once

#include <array>
#include <bitset>
#include <string>
#include <vector>

#include "engine/sudoku/hint.hpp"
#include "engine/sudoku/session.hpp"
#include "engine/sudoku/statistics.hpp"
#include "shell/settings.hpp"
#include "shell/ui/ui.hpp"

namespace astradia::shell {

// A rectangle in device px.
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

// Where everything goes for a viewport (device px): a pure function of the viewport, so
// the app can size the digit font from it and tests can check it.
struct SudokuLayout {
    bool side = false;   // landscape: board left, everything else in a panel to its right
    Rect menu;           // side layout: the row with "← Menu" (portrait: the top bar)
    Rect status;         // mistakes, clock, pause
    Rect board;          // square
    float cell = 0;      // board.w / 9
    Rect tools;          // the tool bar (one row, or two in a narrow panel)
    int tools_per_row = 6;
    Rect pad;            // the digit keys: 9 in a row (portrait) or 3 by 3 (side)
    int pad_per_row = 9;
    Rect hint;           // where the hint panel goes when it is open
    bool hint_covers_pad = true;  // it replaces tools and pad while open (else it sits below)
};
SudokuLayout sudoku_layout(const Ui& ui);
// The digit font size (CSS px) that draws this layout's digits 1:1.
float sudoku_digit_css(const Ui& ui);

struct SudokuViewModel {
    const sudoku::State* state = nullptr;
    std::bitset<sudoku::kCells> conflicts;
    std::array<int, 10> left{};            // digits still to place (engine: digits_left)
    const Settings* settings = nullptr;
    int selected = 40;
    bool notes_mode = false;
    int armed = 0;                         // digit-first mode: the digit to write (0 = none)
    const sudoku::Hint* hint = nullptr;    // the hint on show, if any
    sudoku::HintStage hint_stage = sudoku::HintStage::look;
    bool hint_applicable = false;          // the hint has a move to play
    bool paused = false;
    bool copied = false;                   // the puzzle was just copied (the button says so)
    bool can_undo = false;
    bool can_redo = false;
    bool reduce_motion = false;            // the player's setting or the system's preference
    std::string title;                     // "Medium" or "Daily · 21 November"
    std::string time_text;                 // "4:12" ("" when the timer is hidden)
    // The question before a game in progress is replaced (a link, a paste, another day).
    bool asking = false;
    std::string ask_text;
    // End of game
    bool won = false;
    bool lost = false;
    bool daily = false;                    // the daily puzzle's game
    double win_seconds = -1;               // since the winning move (the win moment), or < 0
    bool new_record = false;
    std::string result_time;
    std::string best_time;
    std::string streak_text;               // "3 in a row" / "5 days"
};

// How long the win moment's flash lasts before the summary (seconds).
constexpr double kWinFlashSeconds = 1.1;

struct SudokuIntent {
    enum Kind {
        select, digit_key, erase, toggle_notes, undo, redo, hint, hint_next, apply_hint, dismiss_hint, auto_notes,
        pause, resume, copy_puzzle, back, new_game, menu, replace, keep  // new_game: a daily tries again
    } kind;
    int cell = -1;
    int digit = 0;
    bool from_pad = false;  // a digit pressed on the pad (not typed)
};

// What a frame drew where (device px): the layout, and the texts that must not overlap
// (the test hook reports them beside the targets).
struct SudokuDrawn {
    SudokuLayout layout;
    Rect title, mistakes, clock;
    Rect hint_panel;  // zero when no hint is open
};

std::vector<SudokuIntent> draw_sudoku_view(const Ui& ui, const SudokuViewModel& m, SudokuDrawn* drawn = nullptr);

// "Easy", "Лёгкий": a level as the player reads it.
const char* level_label(sudoku::Level level);

// The start screen's Sudoku card: Continue (when there is a game), New game (a sheet of
// levels and "Paste a puzzle"), the daily puzzle (a sheet with the month's calendar: the
// days solved, each day's level, the chosen day's Play or Continue).
struct SudokuCardModel {
    std::string continue_label;  // "Medium · 4:12" when a game can be continued, else ""
    std::string today;           // "YYYY-MM-DD"
    sudoku::Level today_level = sudoku::Level::easy;
    bool today_done = false;     // today's daily is solved
    // The daily sheet
    int month_year = 0, month = 0;         // the month shown
    std::string picked;                    // the day chosen ("YYYY-MM-DD")
    const sudoku::Statistics* stats = nullptr;
    std::string daily_in_progress;         // the daily game kept unfinished ("YYYY-MM-DD"), or ""
    std::string daily_in_progress_time;    // its clock, "4:12"
    bool can_go_back = true;               // an earlier month to show
};
struct SudokuCardAction {
    enum Kind { none, continue_game, new_game, open_daily, paste, month_back, month_forward, pick, play_daily } kind = none;
    sudoku::Level level = sudoku::Level::easy;  // new_game
    std::string date;                           // pick, play_daily
};
SudokuCardAction draw_sudoku_card(const Ui& ui, float width, const SudokuCardModel& m);

// Sudoku's part of Statistics (daily streaks, then each level) and of How to play (the
// rules, the tools, then keys where there is a keyboard or taps on a touch screen).
void draw_sudoku_statistics(const Ui& ui, const sudoku::Statistics& stats, const std::string& today);
void draw_sudoku_help(const Ui& ui, bool touch_device);

}  // namespace astradia::shell
