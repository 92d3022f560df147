// Purpose: drawing the start screen (see start_view.hpp).
#include "shell/ui/start_view.hpp"

#include <algorithm>

#include <imgui.h>

#include "shell/ui/theme.hpp"

namespace astradia::shell {
namespace {

struct Card {
    const char* id;
    const char* name;
    const char* blurb;
    ImU32 accent;
    StartChoice choice;
};

// A miniature Sudoku board: 3x3 boxes with thick lines and a few digits.
void draw_sudoku_icon(ImDrawList* dl, ImVec2 p, float size, const Palette& pal, const Fonts& f) {
    const float cell = size / 9.0f;
    dl->AddRectFilled(p, ImVec2(p.x + size, p.y + size), pal.card, size * 0.06f);
    for (int i = 1; i < 9; ++i) {
        const float thick = (i % 3 == 0) ? size * 0.022f : size * 0.008f;
        const ImU32 col = (i % 3 == 0) ? pal.text : pal.card_border;
        dl->AddLine(ImVec2(p.x + i * cell, p.y), ImVec2(p.x + i * cell, p.y + size), col, thick);
        dl->AddLine(ImVec2(p.x, p.y + i * cell), ImVec2(p.x + size, p.y + i * cell), col, thick);
    }
    dl->AddRect(p, ImVec2(p.x + size, p.y + size), pal.text, size * 0.06f, 0, size * 0.03f);
    static const char* kDigits = "5.3..7...6..195....98....6.";
    const float fs = cell * 0.8f;
    for (int i = 0; kDigits[i] != 0; ++i) {
        if (kDigits[i] == '.') continue;
        const int r = i / 9, c = i % 9;
        const char text[2] = {kDigits[i], 0};
        const ImVec2 ts = f.bold->CalcTextSizeA(fs, 1e9f, 0, text);
        dl->AddText(f.bold, fs, ImVec2(p.x + c * cell + (cell - ts.x) / 2, p.y + r * cell + (cell - ts.y) / 2),
                    pal.accent, text);
    }
}

// A miniature Bricks board: a 6x6 grid with a few placed pieces.
void draw_bricks_icon(ImDrawList* dl, ImVec2 p, float size, const Palette& pal) {
    const int n = 6;
    const float gap = size * 0.02f;
    const float cell = (size - gap * (n + 1)) / n;
    static const char* kBoard =
        "..AA.."
        "..AA.."
        "B....."
        "BCCC.D"
        "B....D"
        "EEEE.D";
    const ImU32 colours[] = {pal.accent_alt, IM_COL32(34, 197, 94, 255), IM_COL32(168, 85, 247, 255),
                             pal.accent, IM_COL32(234, 179, 8, 255)};
    for (int r = 0; r < n; ++r) {
        for (int c = 0; c < n; ++c) {
            const ImVec2 a(p.x + gap + c * (cell + gap), p.y + gap + r * (cell + gap));
            const ImVec2 b(a.x + cell, a.y + cell);
            const char k = kBoard[r * n + c];
            dl->AddRectFilled(a, b, k == '.' ? pal.card_border : colours[k - 'A'], cell * 0.18f);
        }
    }
}

bool draw_card(const Card& card, ImVec2 size, const StartViewInput& in, const Palette& pal) {
    const float s = in.scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(card.id, size);
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 q(p.x + size.x, p.y + size.y);
    // An accent edge on the left: the accent card shape, covered by the body from 6 px in.
    dl->AddRectFilled(p, q, card.accent, 14 * s);
    dl->AddRectFilled(ImVec2(p.x + 6 * s, p.y), q, hovered ? pal.card_hover : pal.card, 14 * s,
                      ImDrawFlags_RoundCornersRight);
    dl->AddRect(p, q, hovered ? card.accent : pal.card_border, 14 * s, 0, (hovered ? 2.0f : 1.0f) * s);

    const float icon = std::min(size.y - 40 * s, 96 * s);
    const ImVec2 ip(p.x + 24 * s, p.y + (size.y - icon) / 2);
    if (card.choice == StartChoice::sudoku) {
        draw_sudoku_icon(dl, ip, icon, pal, *in.fonts);
    } else {
        draw_bricks_icon(dl, ip, icon, pal);
    }
    const float tx = ip.x + icon + 20 * s;
    const float wrap = q.x - tx - 16 * s;
    float ty = p.y + 22 * s;
    dl->AddText(in.fonts->bold, in.fonts->bold->FontSize * 1.2f, ImVec2(tx, ty), pal.text, card.name);
    ty += in.fonts->bold->FontSize * 1.2f + 6 * s;
    dl->AddText(in.fonts->body, in.fonts->body->FontSize, ImVec2(tx, ty), pal.text_muted, card.blurb, nullptr, wrap);
    return pressed;
}

}  // namespace

StartChoice draw_start_view(const StartViewInput& in) {
    const float s = in.scale;
    const Palette& pal = palette(in.dark);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("##start", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);

    const float avail = ImGui::GetContentRegionAvail().x;
    const bool wide = avail >= 760 * s;
    const float column = wide ? std::min(avail, 880 * s) : std::min(avail, 560 * s);
    const float left = (avail - column) / 2;
    const float card_h = 150 * s;
    const float content_h = 40 * s + 44 * s + 40 * s + (wide ? card_h : 2 * card_h + 16 * s) + 60 * s;
    const float top = std::max(24 * s, (vp->Size.y - content_h) * 0.4f);
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + left, top));
    const float x0 = ImGui::GetCursorPosX();

    ImGui::PushFont(in.fonts->title);
    ImGui::TextUnformatted("Astradia");
    ImGui::PopFont();
    ImGui::SetCursorPosX(x0);
    ImGui::PushStyleColor(ImGuiCol_Text, pal.text_muted);
    ImGui::PushTextWrapPos(x0 + column);
    ImGui::TextUnformatted("Two classic puzzles, free in your browser. Pick a game.");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 20 * s));

    const Card cards[] = {
        {"##sudoku", "Sudoku classic", "9\u00D79 with one solution, five levels, notes, hints and a daily puzzle.",
         pal.accent, StartChoice::sudoku},
        {"##bricks", "Bricks 1010", "Place blocks on a 10\u00D710 board; fill rows and columns to clear them.",
         pal.accent_alt, StartChoice::bricks},
    };
    StartChoice choice = StartChoice::none;
    const float gap = 16 * s;
    const ImVec2 card_size(wide ? (column - gap) / 2 : column, card_h);
    for (int i = 0; i < 2; ++i) {
        ImGui::SetCursorPosX(wide && i == 1 ? x0 + card_size.x + gap : x0);
        if (draw_card(cards[i], card_size, in, pal)) choice = cards[i].choice;
        if (wide && i == 0) {
            ImGui::SameLine(0, 0);
        } else {
            ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
        }
    }

    ImGui::SetCursorPosX(x0);
    ImGui::PushFont(in.fonts->small);
    ImGui::PushStyleColor(ImGuiCol_Text, pal.text_muted);
    ImGui::Text("Version %s", in.version);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::End();
    return choice;
}

}  // namespace astradia::shell
