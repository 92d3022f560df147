// Purpose: the start screen: Sudoku (continue, new game at a level, today's daily
// puzzle, a puzzle pasted from the clipboard) and Bricks (continue, new game, best score), links to statistics,
// settings, help and about, and any notice about storage.
#pragma once

#include <string>

#include "shell/ui/ui.hpp"

namespace astradia::shell {

struct StartModel {
    bool sudoku_saved = false;       // a game to continue
    std::string sudoku_saved_label;  // "Medium · 4:12"
    std::string daily_label;         // "Daily puzzle · 21 November"
    bool daily_done = false;
    bool bricks_saved = false;
    long bricks_best = 0;
    std::string notice;              // one sentence, or empty
    const char* version = "";
};

struct StartAction {
    enum Kind {
        none, sudoku_continue, sudoku_new, sudoku_daily, sudoku_paste, bricks_continue, bricks_new,
        settings, statistics, help, about, dismiss_notice
    } kind = none;
    int level = 0;  // for sudoku_new
};

StartAction draw_start_view(const Ui& ui, const StartModel& model);

}  // namespace astradia::shell
