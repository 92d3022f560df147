// Purpose: drawing the settings, statistics, help and about screens (see info_views.hpp).
#include "shell/ui/info_views.hpp"

#include <algorithm>
#include <cstdio>

#include "shell/i18n.hpp"

namespace astradia::shell {
namespace {

const char* const kLevelKeys[] = {"level.easy", "level.medium", "level.hard", "level.expert", "level.extreme"};

// A two-column table row: label left, value right; when both do not fit on one line
// (a licence on a phone), the value goes under the label, wrapped, so nothing overlaps.
void row(const Ui& ui, const char* label, const std::string& value) {
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* f = ui.fonts->body;
    ImFont* b = ui.fonts->bold;
    const float size = f->FontSize;
    const float line = size * 1.6f;
    const ImVec2 ls = f->CalcTextSizeA(size, 1e9f, 0, label);
    const ImVec2 vs = b->CalcTextSizeA(size, 1e9f, 0, value.c_str());
    if (ls.x + ui.px(16) + vs.x <= w) {
        dl->AddText(f, size, a, ui.pal->text_muted, label);
        dl->AddText(b, size, ImVec2(a.x + w - vs.x, a.y), ui.pal->text, value.c_str());
        ImGui::Dummy(ImVec2(w, line));
        return;
    }
    const ImVec2 lw = f->CalcTextSizeA(size, 1e9f, w, label);
    dl->AddText(f, size, a, ui.pal->text_muted, label, nullptr, w);
    const ImVec2 vw = b->CalcTextSizeA(size, 1e9f, w, value.c_str());
    dl->AddText(b, size, ImVec2(a.x, a.y + lw.y + size * 0.15f), ui.pal->text, value.c_str(), nullptr, w);
    ImGui::Dummy(ImVec2(w, lw.y + size * 0.15f + vw.y + (line - size)));
}

}  // namespace

std::string format_duration(long long ms) {
    const long long total = std::max(0LL, ms / 1000);
    char buf[32];
    if (total >= 3600) {
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", total / 3600, (total / 60) % 60, total % 60);
    } else {
        std::snprintf(buf, sizeof buf, "%lld:%02lld", total / 60, total % 60);
    }
    return buf;
}

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

    if (privacy_available) {
        section(ui, tr("settings.data"));
        if (button(ui, tr("settings.privacy_choices"), ButtonKind::secondary, -1)) out.privacy_choices = true;
    }
    end_column(ui);
    end_screen();
    return out;
}

bool draw_statistics_view(const Ui& ui, const sudoku::Statistics& st, const std::string& today,
                          const BricksSummary& bricks) {
    begin_screen("##statistics", ui);
    const bool back = top_bar(ui, tr("nav.statistics"), tr("nav.back"));
    begin_column(ui, 560);
    section(ui, tr("settings.sudoku"));
    row(ui, tr("stats.daily_streak"), std::to_string(sudoku::daily_streak_on(st, today)));
    row(ui, tr("stats.daily_best_streak"), std::to_string(st.daily.best_streak));
    row(ui, tr("stats.daily_solved"), std::to_string(st.daily.solved));
    for (sudoku::Level level : sudoku::kLevels) {
        const sudoku::LevelStats& l = st.at(level);
        section(ui, tr(kLevelKeys[static_cast<int>(level)]));
        if (l.played == 0) {
            paragraph(ui, tr("stats.none_yet"), true);
            continue;
        }
        row(ui, tr("stats.played"), std::to_string(l.played));
        row(ui, tr("stats.won"), std::to_string(l.won) + " (" + std::to_string(l.won * 100 / l.played) + "%)");
        row(ui, tr("stats.best_time"), l.won ? format_duration(l.best_ms) : "\u2013");
        row(ui, tr("stats.average_time"), l.won ? format_duration(l.average_ms()) : "\u2013");
        row(ui, tr("stats.streak"), std::to_string(l.streak));
        row(ui, tr("stats.best_streak"), std::to_string(l.best_streak));
    }
    if (bricks.available) {
        section(ui, tr("start.bricks.name"));
        row(ui, tr("stats.bricks_games"), std::to_string(bricks.games));
        row(ui, tr("stats.bricks_best"), std::to_string(bricks.best));
        row(ui, tr("stats.bricks_average"), std::to_string(bricks.average));
        row(ui, tr("stats.bricks_lines"), std::to_string(bricks.lines));
    }
    end_column(ui);
    end_screen();
    return back;
}

bool draw_help_view(const Ui& ui) {
    begin_screen("##help", ui);
    const bool back = top_bar(ui, tr("nav.help"), tr("nav.back"));
    begin_column(ui, 640);
    section(ui, tr("start.sudoku.name"));
    paragraph(ui, tr("help.sudoku.rules"));
    paragraph(ui, tr("help.sudoku.tools"));
    section(ui, tr("help.keyboard"));
    const char* keys[][2] = {{"help.key.move", "\u2190 \u2191 \u2192 \u2193 / W A S D"},
                             {"help.key.digit", "1\u20139"},
                             {"help.key.erase", "0 / Delete / Backspace"},
                             {"help.key.notes", "N"},
                             {"help.key.undo", "Ctrl+Z / Ctrl+Y"},
                             {"help.key.hint", "H"},
                             {"help.key.pause", "P"}};
    for (const auto& k : keys) row(ui, tr(k[0]), k[1]);
    section(ui, tr("start.bricks.name"));
    paragraph(ui, tr("help.bricks.rules"));
    paragraph(ui, tr("help.bricks.scoring"));
    paragraph(ui, tr("help.bricks.keys"));
    end_column(ui);
    end_screen();
    return back;
}

AboutAction draw_about_view(const Ui& ui, const char* version) {
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
    for (const auto& l : libs) row(ui, l[0], l[1]);
    end_column(ui);
    end_screen();
    return out;
}

}  // namespace astradia::shell
