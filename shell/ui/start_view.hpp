// Purpose: the start screen: the app's name, a notice (storage, a broken link), one card
// per game (each game draws its own, side by side when the window is wide), links to
// statistics, settings, help and about, and the version.
#pragma once

#include <functional>
#include <string>

#include "shell/ui/ui.hpp"

namespace astradia::shell {

struct StartModel {
    std::string notice;       // one sentence, or empty
    const char* version = "";
    int cards = 0;            // how many game cards
    bool privacy_choices = false;  // the page's legal widget can show its privacy choices
};

struct StartAction {
    enum Kind { none, settings, statistics, help, about, dismiss_notice, privacy_choices } kind = none;
};

// Draws the start screen; `card(i, width)` draws the i-th card, `width` device px wide,
// at the cursor.
StartAction draw_start_view(const Ui& ui, const StartModel& model, const std::function<void(int, float)>& card);

}  // namespace astradia::shell
