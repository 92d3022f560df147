// Purpose: the informational screens: settings, statistics, how to play, about.
#pragma once

#include <functional>
#include <string>

#include "shell/settings.hpp"
#include "shell/ui/ui.hpp"

namespace astradia::shell {

struct SettingsAction {
    bool back = false;
    bool changed = false;         // *settings was edited: apply and save
    bool privacy_choices = false; // open the legal widget's preferences
};
SettingsAction draw_settings_view(const Ui& ui, Settings* settings, bool privacy_available);

// Statistics and How to play: a top bar and a column in which `sections` draws each game's
// part (GameScreen::draw_statistics, draw_help). Return true when back was pressed.
bool draw_statistics_view(const Ui& ui, const std::function<void()>& sections);
bool draw_help_view(const Ui& ui, const std::function<void()>& sections);

// The Support section (Help and About): a line on what support answers and "Write to support".
// Returns the support page's address (in the game's language, with the version) when tapped, else "".
// `unopened`: an address the host could not open (no browser), shown under the button as a notice
// with the address in full and a button that copies it.
std::string draw_support_section(const Ui& ui, const char* version, const std::string& unopened = {});

struct AboutAction {
    bool back = false;
    std::string open_url;  // a legal page or the support page to open
};
AboutAction draw_about_view(const Ui& ui, const char* version, const std::string& unopened = {});

}  // namespace astradia::shell
