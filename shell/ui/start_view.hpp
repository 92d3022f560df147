// Purpose: the start screen: the studio's two games as cards, the version and the
// links that will lead to settings, statistics and the legal pages.
#pragma once

#include "shell/ui/fonts.hpp"

namespace astradia::shell {

enum class StartChoice { none, sudoku, bricks };

struct StartViewInput {
    const Fonts* fonts = nullptr;
    float scale = 1;   // device px per CSS px
    bool dark = false;
    const char* version = "";
};

// Draws the start screen over the whole window; returns what the player chose
// this frame (none if nothing).
StartChoice draw_start_view(const StartViewInput& in);

}  // namespace astradia::shell
