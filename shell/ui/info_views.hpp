// Purpose: the informational screens: settings, statistics, how to play, about.
#pragma once

#include <string>

#include "engine/sudoku/statistics.hpp"
#include "shell/settings.hpp"
#include "shell/ui/ui.hpp"

namespace astradia::shell {

struct SettingsAction {
    bool back = false;
    bool changed = false;         // *settings was edited: apply and save
    bool privacy_choices = false; // open the legal widget's preferences
};
SettingsAction draw_settings_view(const Ui& ui, Settings* settings, bool privacy_available);

struct BricksSummary {           // filled from the Bricks engine's statistics
    bool available = false;
    long games = 0;
    long best = 0;
    long average = 0;
    long lines = 0;
};
// Returns true when back was pressed.
bool draw_statistics_view(const Ui& ui, const sudoku::Statistics& sudoku, const std::string& today,
                          const BricksSummary& bricks);
bool draw_help_view(const Ui& ui);

struct AboutAction {
    bool back = false;
    std::string open_url;  // a legal page to open
};
AboutAction draw_about_view(const Ui& ui, const char* version);

// "4:07" or "1:02:33" for a duration in milliseconds.
std::string format_duration(long long ms);

}  // namespace astradia::shell
