// Purpose: drawing the start screen (see start_view.hpp).
#include "shell/ui/start_view.hpp"

#include <algorithm>

#include <GLFW/glfw3.h>

#include "shell/i18n.hpp"

namespace astradia::shell {
namespace {

// A miniature Sudoku board: 3x3 boxes with thick lines and a few digits.
void draw_sudoku_icon(ImDrawList* dl, ImVec2 p, float size, const Ui& ui) {
    const Palette& pal = *ui.pal;
    const float cell = size / 9.0f;
    dl->AddRectFilled(p, ImVec2(p.x + size, p.y + size), pal.cell, size * 0.06f);
    for (int i = 1; i < 9; ++i) {
        const float thick = (i % 3 == 0) ? size * 0.022f : size * 0.008f;
        const ImU32 col = (i % 3 == 0) ? pal.grid_thick : pal.grid_thin;
        dl->AddLine(ImVec2(p.x + i * cell, p.y), ImVec2(p.x + i * cell, p.y + size), col, thick);
        dl->AddLine(ImVec2(p.x, p.y + i * cell), ImVec2(p.x + size, p.y + i * cell), col, thick);
    }
    dl->AddRect(p, ImVec2(p.x + size, p.y + size), pal.grid_thick, size * 0.06f, 0, size * 0.03f);
    static const char* kDigits = "5.3..7...6..195....98....6.";
    const float fs = cell * 0.8f;
    for (int i = 0; kDigits[i] != 0; ++i) {
        if (kDigits[i] == '.') continue;
        const char text[2] = {kDigits[i], 0};
        const ImVec2 ts = ui.fonts->bold->CalcTextSizeA(fs, 1e9f, 0, text);
        dl->AddText(ui.fonts->bold, fs,
                    ImVec2(p.x + (i % 9) * cell + (cell - ts.x) / 2, p.y + (i / 9) * cell + (cell - ts.y) / 2),
                    pal.entry, text);
    }
}

// A miniature Bricks board: a 6x6 grid with a few placed pieces.
void draw_bricks_icon(ImDrawList* dl, ImVec2 p, float size, const Ui& ui) {
    const int n = 6;
    const float gap = size * 0.02f;
    const float cell = (size - gap * (n + 1)) / n;
    static const char* kBoard = "..AA....AA..B.....BCCC.DB....DEEEE.D";
    for (int r = 0; r < n; ++r) {
        for (int c = 0; c < n; ++c) {
            const ImVec2 a(p.x + gap + c * (cell + gap), p.y + gap + r * (cell + gap));
            const char k = kBoard[r * n + c];
            dl->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), k == '.' ? ui.pal->slot : ui.pal->bricks[k - 'A'],
                              cell * 0.18f);
        }
    }
}

// A card: background drawn behind its content once the content's height is known.
struct Card {
    ImDrawList* dl;
    ImVec2 start;
    float width;
    ImU32 accent;
    Card(const Ui& ui, float w, ImU32 accent_colour) : dl(ImGui::GetWindowDrawList()), width(w), accent(accent_colour) {
        start = ImGui::GetCursorScreenPos();
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(start.x + ui.px(18), start.y + ui.px(18)));
        ImGui::BeginGroup();
        ImGui::PushItemWidth(w - ui.px(36));
    }
    void end(const Ui& ui) {
        ImGui::PopItemWidth();
        ImGui::EndGroup();
        const float bottom = ImGui::GetItemRectMax().y + ui.px(18);
        dl->ChannelsSetCurrent(0);
        const ImVec2 b(start.x + width, bottom);
        dl->AddRectFilled(start, b, accent, ui.px(16));
        dl->AddRectFilled(ImVec2(start.x + ui.px(6), start.y), b, ui.pal->card, ui.px(16), ImDrawFlags_RoundCornersRight);
        dl->AddRect(start, b, ui.pal->card_border, ui.px(16), 0, ui.px(ui.theme == Theme::high_contrast ? 2 : 1));
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(start.x, bottom));
        ImGui::Dummy(ImVec2(width, 0));
    }
};

void card_header(const Ui& ui, float inner_w, const char* name, const char* blurb, bool sudoku) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float icon = ui.px(ui.phone() ? 64 : 80);
    if (sudoku) {
        draw_sudoku_icon(dl, p, icon, ui);
    } else {
        draw_bricks_icon(dl, p, icon, ui);
    }
    const float tx = p.x + icon + ui.px(16);
    const float wrap = inner_w - icon - ui.px(16);
    ImFont* title = ui.fonts->bold;
    dl->AddText(title, title->FontSize * 1.2f, ImVec2(tx, p.y), ui.pal->text, name);
    const float by = p.y + title->FontSize * 1.2f + ui.px(6);
    dl->AddText(ui.fonts->body, ui.fonts->body->FontSize, ImVec2(tx, by), ui.pal->text_muted, blurb, nullptr, wrap);
    const float blurb_h = ui.fonts->body->CalcTextSizeA(ui.fonts->body->FontSize, 1e9f, wrap, blurb).y;
    ImGui::Dummy(ImVec2(inner_w, std::max(icon, by - p.y + blurb_h)));
    ImGui::Dummy(ImVec2(0, ui.px(4)));
}

// Two buttons side by side sharing the width, or stacked when too narrow.
int button_pair(const Ui& ui, float w, const char* a, ButtonKind ka, const char* b, ButtonKind kb) {
    const float gap = ui.px(10);
    const float half = (w - gap) / 2 / ui.s;
    int pressed = 0;
    if (button(ui, a, ka, half)) pressed = 1;
    ImGui::SameLine(0, gap);
    if (button(ui, b, kb, half)) pressed = 2;
    return pressed;
}

}  // namespace

StartAction draw_start_view(const Ui& ui, const StartModel& m) {
    StartAction action;
    begin_screen("##start", ui);
    const bool side_by_side = ui.width_css >= 820;
    begin_column(ui, side_by_side ? 900 : 560);
    const float w = ImGui::GetContentRegionAvail().x;

    ImGui::Dummy(ImVec2(0, ui.px(ui.phone() ? 8 : 28)));
    ImGui::PushFont(ui.fonts->title);
    ImGui::TextUnformatted(tr("app.name"));
    ImGui::PopFont();
    paragraph(ui, tr("app.tagline"), true);
    ImGui::Dummy(ImVec2(0, ui.px(12)));
    if (!m.notice.empty() && notice(ui, m.notice.c_str(), "##notice")) action.kind = StartAction::dismiss_notice;

    const float gap = ui.px(16);
    const float card_w = side_by_side ? (w - gap) / 2 : w;
    const float inner = card_w - ui.px(36);
    const float top = ImGui::GetCursorScreenPos().y;

    // --- Sudoku --- (each card is a TargetGroup: both have a "New game", which must not share an ID)
    {
        TargetGroup group("sudoku");
        Card card(ui, card_w, ui.pal->accent);
        card_header(ui, inner, tr("start.sudoku.name"), tr("start.sudoku.blurb"), true);
        if (m.sudoku_saved) {
            const std::string label = std::string(tr("start.continue")) + " \u00B7 " + m.sudoku_saved_label;
            if (button(ui, label.c_str(), ButtonKind::primary, inner / ui.s)) action.kind = StartAction::sudoku_continue;
        }
        const int p = button_pair(ui, inner, tr("start.new_game"),
                                  m.sudoku_saved ? ButtonKind::secondary : ButtonKind::primary,
                                  m.daily_label.c_str(), ButtonKind::secondary);
        if (p == 1) ImGui::OpenPopup("##levels");
        if (p == 2) action.kind = StartAction::sudoku_daily;
        if (m.daily_done) paragraph(ui, tr("start.daily_done"), true);

        // The level sheet.
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        const float sheet_w = std::min(vp->Size.x - ui.px(32), ui.px(420));
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Always,
                                ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(sheet_w, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(20), ui.px(20)));
        if (ImGui::BeginPopupModal("##levels", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                                            ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::PushFont(ui.fonts->bold);
            ImGui::TextUnformatted(tr("start.new_game"));
            ImGui::PopFont();
            ImGui::Dummy(ImVec2(0, ui.px(6)));
            static const char* kKeys[] = {"level.easy", "level.medium", "level.hard", "level.expert", "level.extreme"};
            for (int i = 0; i < 5; ++i) {
                if (button(ui, tr(kKeys[i]), ButtonKind::secondary, -1)) {
                    action.kind = StartAction::sudoku_new;
                    action.level = i;
                    ImGui::CloseCurrentPopup();
                }
            }
            // Import: a puzzle from elsewhere, through the clipboard.
            ImGui::Dummy(ImVec2(0, ui.px(4)));
            if (button(ui, tr("start.paste"), ButtonKind::secondary, -1)) {
                action.kind = StartAction::sudoku_paste;
                ImGui::CloseCurrentPopup();
            }
            paragraph(ui, tr("start.paste_help"), true);
            if (button(ui, tr("nav.close"), ButtonKind::ghost, -1) || key_pressed(GLFW_KEY_ESCAPE, false)) {
                ImGui::CloseCurrentPopup();
            }
            ImGui::EndPopup();
        }
        ImGui::PopStyleVar();
        card.end(ui);
    }
    if (side_by_side) {
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + card_w + gap, top));
    } else {
        ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
    }
    // --- Bricks ---
    {
        TargetGroup group("bricks");
        Card card(ui, card_w, ui.pal->accent_alt);
        card_header(ui, inner, tr("start.bricks.name"), tr("start.bricks.blurb"), false);
        // Like Sudoku's: "Continue" only when there is a game to continue (a greyed-out
        // button next to the only real choice read as a second, broken one).
        if (m.bricks_saved) {
            const int p = button_pair(ui, inner, tr("start.continue"), ButtonKind::primary,
                                      tr("start.new_game"), ButtonKind::secondary);
            if (p == 1) action.kind = StartAction::bricks_continue;
            if (p == 2) action.kind = StartAction::bricks_new;
        } else if (button(ui, tr("start.new_game"), ButtonKind::primary, inner / ui.s)) {
            action.kind = StartAction::bricks_new;
        }
        if (m.bricks_best > 0) paragraph(ui, fill(tr("start.best"), {{"score", std::to_string(m.bricks_best)}}).c_str(), true);
        card.end(ui);
    }
    if (side_by_side) ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x, ImGui::GetCursorScreenPos().y));

    // --- links ---
    ImGui::Dummy(ImVec2(0, ui.px(12)));
    const char* links[] = {tr("nav.statistics"), tr("nav.settings"), tr("nav.help"), tr("nav.about")};
    const StartAction::Kind kinds[] = {StartAction::statistics, StartAction::settings, StartAction::help,
                                       StartAction::about};
    float x = 0;
    for (int i = 0; i < 4; ++i) {
        const float bw = ui.fonts->body->CalcTextSizeA(ui.fonts->body->FontSize, 1e9f, 0, links[i]).x + ui.px(32);
        if (i > 0 && x + bw <= w) {
            ImGui::SameLine(0, 0);
        } else {
            x = 0;
        }
        x += bw;
        if (button(ui, links[i], ButtonKind::ghost)) action.kind = kinds[i];
    }
    ImGui::Dummy(ImVec2(0, ui.px(8)));
    ImGui::PushFont(ui.fonts->small);
    paragraph(ui, fill(tr("start.version"), {{"version", m.version}}).c_str(), true);
    ImGui::PopFont();
    end_column(ui);
    end_screen();
    return action;
}

}  // namespace astradia::shell
