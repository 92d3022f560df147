// Purpose: the player's settings (valid by default), and their JSON form for the
// store. UI preferences, not game state: undo never touches them.
#pragma once

#include "engine/core/document.hpp"
#include "engine/core/expected.hpp"
#include "engine/core/json_reader.hpp"

namespace astradia::shell {

enum class ThemeChoice { system = 0, light = 1, dark = 2, high_contrast = 3 };
enum class LanguageChoice { system = 0, en = 1, ru = 2 };
enum class InputMode { cell_first = 0, digit_first = 1 };
// Animations (a Sudoku win's flash): as the system prefers (prefers-reduced-motion on the
// web), always, or reduced (no movement; the result shows at once).
enum class MotionChoice { system = 0, full = 1, reduced = 2 };

struct Settings {
    ThemeChoice theme = ThemeChoice::system;
    LanguageChoice language = LanguageChoice::system;
    MotionChoice motion = MotionChoice::system;
    // Sudoku
    bool highlight_peers = true;
    bool highlight_same_digit = true;
    bool show_conflicts = true;
    bool auto_remove_notes = true;
    int mistake_limit = 3;  // 0 = no limit
    InputMode input_mode = InputMode::cell_first;
    bool show_timer = true;
    // Bricks
    bool bricks_hint = false;
    // Sound effects (both games): off until the player turns them on
    bool sound = false;
    int volume = 75;         // percent (Settings offers 25, 50, 75, 100)

    bool operator==(const Settings&) const = default;
};

inline constexpr int kMaxMistakeLimit = 9;

// Whether animations are reduced now: the player's Motion choice, or the host's preference
// (prefers-reduced-motion on the web) when the choice is "like the system". The one rule
// every screen follows.
inline bool motion_reduced(MotionChoice choice, bool host_prefers_reduced) {
    return choice == MotionChoice::reduced || (choice == MotionChoice::system && host_prefers_reduced);
}

Json settings_to_json(const Settings& s);
// Reads settings; an unknown or out-of-range value is an Error (code settings.format). The
// sound keys may be missing (settings saved before them): sound stays off.
Expected<Settings> settings_from_json(const Json& j);
inline Expected<Settings> load_settings(const Sealed& opened) { return settings_from_json(opened.payload); }

// The player's settings: kind "settings"; the payload is settings_to_json's.
inline constexpr DocumentType<Settings> kSettingsDocument{"settings", 1, &load_settings};

}  // namespace astradia::shell
