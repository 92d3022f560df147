// Purpose: drawing the settings, statistics, help and about screens (see info_views.hpp).
#include "shell/ui/info_views.hpp"

#include <algorithm>

#include "shell/i18n.hpp"

namespace astradia::shell {

SettingsAction draw_settings_view(const Ui& ui, Settings* s, bool privacy_available) {
    SettingsAction out;
    begin_screen("##settings", ui);
    out.back = top_bar(ui, tr("settings.title"), tr("nav.back"));
    begin_column(ui, 560);

    section(ui, tr("settings.appearance"));
    paragraph(ui, tr("settings.theme"), true);
    const char* themes[] = {tr("settings.theme.system"), tr("settings.theme.light"), tr("settings.theme.dark"),
                            tr("settings.theme.contrast")};
    int theme = static_cast<int>(s->theme);
    if (choice(ui, "theme", &theme, themes, 4)) {
        s->theme = static_cast<ThemeChoice>(theme);
        out.changed = true;
    }
    paragraph(ui, tr("settings.language"), true);
    const char* languages[] = {tr("settings.language.system"), "English", "Русский"};
    int lang = static_cast<int>(s->language);
    if (choice(ui, "language", &lang, languages, 3)) {
        s->language = static_cast<LanguageChoice>(lang);
        out.changed = true;
    }
    paragraph(ui, tr("settings.motion"), true);
    const char* motions[] = {tr("settings.motion.system"), tr("settings.motion.full"), tr("settings.motion.reduced")};
    int motion = static_cast<int>(s->motion);
    if (choice(ui, "motion", &motion, motions, 3)) {
        s->motion = static_cast<MotionChoice>(motion);
        out.changed = true;
    }

    section(ui, tr("settings.sudoku"));
    out.changed |= toggle(ui, tr("settings.highlight_peers"), &s->highlight_peers);
    out.changed |= toggle(ui, tr("settings.highlight_same"), &s->highlight_same_digit);
    out.changed |= toggle(ui, tr("settings.show_conflicts"), &s->show_conflicts);
    out.changed |= toggle(ui, tr("settings.auto_remove_notes"), &s->auto_remove_notes);
    out.changed |= toggle(ui, tr("settings.show_timer"), &s->show_timer);
    paragraph(ui, tr("settings.mistake_limit"), true);
    const char* limits[] = {tr("settings.mistake_limit.off"), "1", "3", "5"};
    static const int kLimits[] = {0, 1, 3, 5};
    int li = 0;
    for (int i = 0; i < 4; ++i) {
        if (kLimits[i] == s->mistake_limit) li = i;
    }
    if (choice(ui, "limit", &li, limits, 4)) {
        s->mistake_limit = kLimits[li];
        out.changed = true;
    }
    paragraph(ui, tr("settings.input_mode"), true);
    const char* modes[] = {tr("settings.input_mode.cell_first"), tr("settings.input_mode.digit_first")};
    int mode = static_cast<int>(s->input_mode);
    if (choice(ui, "input", &mode, modes, 2)) {
        s->input_mode = static_cast<InputMode>(mode);
        out.changed = true;
    }

    section(ui, tr("settings.bricks"));
    out.changed |= toggle(ui, tr("settings.bricks_hint"), &s->bricks_hint);

    // Sound effects for both games: off until turned on (issue 17).
    section(ui, tr("settings.sound"));
    out.changed |= toggle(ui, tr("settings.sound_on"), &s->sound);
    if (s->sound) {
        paragraph(ui, tr("settings.volume"), true);
        const char* volumes[] = {"25 %", "50 %", "75 %", "100 %"};
        int vi = std::clamp((s->volume + 12) / 25 - 1, 0, 3);
        if (choice(ui, "volume", &vi, volumes, 4)) {
            s->volume = (vi + 1) * 25;
            out.changed = true;
        }
    }

    if (privacy_available) {
        section(ui, tr("settings.data"));
        if (button(ui, tr("settings.privacy_choices"), ButtonKind::secondary, -1)) out.privacy_choices = true;
    }
    end_column(ui);
    end_screen();
    return out;
}

bool draw_statistics_view(const Ui& ui, const std::function<void()>& sections) {
    begin_screen("##statistics", ui);
    const bool back = top_bar(ui, tr("nav.statistics"), tr("nav.back"));
    begin_column(ui, 560);
    sections();
    end_column(ui);
    end_screen();
    return back;
}

bool draw_help_view(const Ui& ui, const std::function<void()>& sections) {
    begin_screen("##help", ui);
    const bool back = top_bar(ui, tr("nav.help"), tr("nav.back"));
    begin_column(ui, 640);
    sections();
    end_column(ui);
    end_screen();
    return back;
}

std::string draw_support_section(const Ui& ui, const char* version, const std::string& unopened) {
    section(ui, tr("about.support"));
    paragraph(ui, tr("about.support_body"), true);
    const bool pressed = button(ui, tr("about.support_open"), ButtonKind::secondary, -1);
    if (!unopened.empty()) {
        paragraph(ui, tr("link.no_browser"));
        paragraph(ui, unopened.c_str());
        if (button(ui, tr("link.copy"), ButtonKind::secondary, -1)) ImGui::SetClipboardText(unopened.c_str());
    }
    if (!pressed) return {};
    return "/support/?lang=" + std::string(language_code(language())) + "&version=" + version;
}

AboutAction draw_about_view(const Ui& ui, const char* version, const std::string& unopened) {
    AboutAction out;
    begin_screen("##about", ui);
    out.back = top_bar(ui, tr("about.title"), tr("nav.back"));
    begin_column(ui, 640);
    ImGui::PushFont(ui.fonts->title);
    ImGui::TextUnformatted(tr("app.name"));
    ImGui::PopFont();
    paragraph(ui, fill(tr("start.version"), {{"version", version}}).c_str(), true);
    paragraph(ui, tr("about.body"));
    paragraph(ui, tr("about.browsers"), true);

    section(ui, tr("about.legal"));
    const std::string lang(language_code(language()));
    const char* docs[][2] = {{"about.terms", "terms"}, {"about.privacy", "privacy"}, {"about.sale", "sale"}};
    for (const auto& d : docs) {
        if (button(ui, tr(d[0]), ButtonKind::secondary, -1)) out.open_url = "/legal/astradia/" + lang + "/" + d[1] + "/";
    }

    const std::string support = draw_support_section(ui, version, unopened);
    if (!support.empty()) out.open_url = support;

    section(ui, tr("about.licences"));
    const char* libs[][2] = {
        {"Dear ImGui 1.86", "MIT \u00A9 Omar Cornut"},
        {"nlohmann/json 3.11", "MIT \u00A9 Niels Lohmann"},
        {"stb (stb_truetype, stb_rect_pack)", "MIT / public domain \u00A9 Sean Barrett"},
        {"DejaVu Sans", "Bitstream Vera licence; DejaVu changes public domain"},
        {"Emscripten runtime and GLFW for the web", "MIT / University of Illinois NCSA"},
        {"musl libc", "MIT"},
        {"LLVM libc++ and libc++abi", "Apache 2.0 with LLVM exception"},
    };
    for (const auto& l : libs) value_row(ui, l[0], l[1]);
    end_column(ui);
    end_screen();
    return out;
}

}  // namespace astradia::shell
