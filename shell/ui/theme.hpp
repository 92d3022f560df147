// Purpose: colours and metrics of the UI (light and dark), applied to ImGui's style
// and shared with views that draw by hand.
#pragma once

#include <imgui.h>

namespace astradia::shell {

struct Palette {
    ImVec4 background;
    ImU32 text;
    ImU32 text_muted;
    ImU32 accent;       // Sudoku blue
    ImU32 accent_alt;   // Bricks orange
    ImU32 card;
    ImU32 card_hover;
    ImU32 card_border;
    ImU32 focus;
};

const Palette& palette(bool dark);

// Sets ImGui's colours and sizes for the theme at `scale` device px per CSS px.
void apply_theme(bool dark, float scale);

}  // namespace astradia::shell
