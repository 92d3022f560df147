// Purpose: settings to and from JSON (see settings.hpp).
#include "shell/settings.hpp"

namespace astradia::shell {

Json settings_to_json(const Settings& s) {
    return Json{
        {"theme", static_cast<int>(s.theme)},
        {"language", static_cast<int>(s.language)},
        {"highlight_peers", s.highlight_peers},
        {"highlight_same_digit", s.highlight_same_digit},
        {"show_conflicts", s.show_conflicts},
        {"auto_remove_notes", s.auto_remove_notes},
        {"mistake_limit", s.mistake_limit},
        {"input_mode", static_cast<int>(s.input_mode)},
        {"show_timer", s.show_timer},
        {"bricks_hint", s.bricks_hint},
        {"sound", s.sound},
        {"volume", s.volume},
        {"motion", static_cast<int>(s.motion)},
    };
}

Expected<Settings> settings_from_json(const Json& j) {
    JsonReader r("settings.format");
    Settings s;
    s.theme = static_cast<ThemeChoice>(r.integer(j, "theme", "settings", 0, 3));
    s.language = static_cast<LanguageChoice>(r.integer(j, "language", "settings", 0, 2));
    s.highlight_peers = r.boolean(j, "highlight_peers", "settings");
    s.highlight_same_digit = r.boolean(j, "highlight_same_digit", "settings");
    s.show_conflicts = r.boolean(j, "show_conflicts", "settings");
    s.auto_remove_notes = r.boolean(j, "auto_remove_notes", "settings");
    s.mistake_limit = static_cast<int>(r.integer(j, "mistake_limit", "settings", 0, kMaxMistakeLimit));
    s.input_mode = static_cast<InputMode>(r.integer(j, "input_mode", "settings", 0, 1));
    s.show_timer = r.boolean(j, "show_timer", "settings");
    s.bricks_hint = r.boolean(j, "bricks_hint", "settings");
    // Settings saved before sound existed have none: off, at the default volume.
    if (r.has(j, "sound")) s.sound = r.boolean(j, "sound", "settings");
    if (r.has(j, "volume")) s.volume = static_cast<int>(r.integer(j, "volume", "settings", 0, 100));
    // Settings saved before the motion choice existed have none: like the system.
    if (r.has(j, "motion")) s.motion = static_cast<MotionChoice>(r.integer(j, "motion", "settings", 0, 2));
    if (r.failed()) return r.error();
    return s;
}

}  // namespace astradia::shell
