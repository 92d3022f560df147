// Purpose: colours of the UI (light, dark, high contrast), applied to ImGui's style
// and shared with the views that draw boards by hand.
#pragma once

#include <imgui.h>

namespace astradia::shell {

enum class Theme { light, dark, high_contrast };

struct Palette {
    ImVec4 background;
    ImU32 text;
    ImU32 text_muted;
    ImU32 accent;        // Sudoku blue: primary buttons, selection
    ImU32 accent_text;   // text on accent
    ImU32 accent_alt;    // Bricks orange
    ImU32 card;
    ImU32 card_hover;
    ImU32 card_border;
    ImU32 focus;
    ImU32 danger;        // conflicts, mistakes
    ImU32 success;       // a piece fits, a win
    ImU32 warning_bg;    // notices
    // Sudoku board
    ImU32 cell;
    ImU32 cell_peer;     // the selected cell's row, column and box
    ImU32 cell_same;     // cells holding the selected digit
    ImU32 cell_selected;
    ImU32 cell_conflict;
    ImU32 cell_hint;
    ImU32 grid_thin;
    ImU32 grid_thick;
    ImU32 given;
    ImU32 entry;
    ImU32 note;
    // Bricks board
    ImU32 slot;          // an empty board cell
    ImU32 bricks[9];     // piece colours, one per shape family (the classic rules have 9); each
                         // at least 3:1 against an empty cell (4.5:1 in high contrast)
    ImU32 ghost_ok;
    ImU32 line_clear;
};

const Palette& palette(Theme theme);
bool is_dark(Theme theme);

// Sets ImGui's colours and sizes for the theme at `scale` device px per CSS px.
void apply_theme(Theme theme, float scale);

}  // namespace astradia::shell
