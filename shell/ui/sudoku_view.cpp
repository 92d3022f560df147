// Purpose: drawing the Sudoku screen and reading its input (see sudoku_view.hpp).
#include "shell/ui/sudoku_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <GLFW/glfw3.h>

#include "engine/sudoku/generator.hpp"
#include "shell/i18n.hpp"

namespace astradia::shell {
namespace {

using sudoku::kCells;

// CSS px. One corner radius for controls (buttons, keys, tools, the board, the hint
// panel) and one for sheets and dialogs, as the widget kit uses.
constexpr float kRadius = 10;
constexpr float kTopBar = 57;      // the top bar and its rule (portrait)
constexpr float kRow = 44;         // a row of controls: the smallest touch target
constexpr float kStatusH = 40;     // mistakes, clock, pause
constexpr float kToolsH = 64;      // an icon over its caption
constexpr float kToolsTightH = 50; // icons alone (captions do not fit)
constexpr float kPadMin = 56, kPadMax = 96;
constexpr float kGap = 8;
constexpr float kPi = 3.14159265f;

ImU32 mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}
ImU32 with_alpha(ImU32 c, float a) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    v.w *= a;
    return ImGui::ColorConvertFloat4ToU32(v);
}

void centred_text(ImDrawList* dl, ImFont* f, float size, ImVec2 centre, ImU32 col, const char* text) {
    const ImVec2 ts = f->CalcTextSizeA(size, 1e9f, 0, text);
    dl->AddText(f, size, ImVec2(std::round(centre.x - ts.x / 2), std::round(centre.y - ts.y / 2)), col, text);
}

float text_w(ImFont* f, const char* text) { return f->CalcTextSizeA(f->FontSize, 1e9f, 0, text).x; }

bool in_peers(int a, int b) {
    return sudoku::row_of(a) == sudoku::row_of(b) || sudoku::col_of(a) == sudoku::col_of(b) ||
           sudoku::box_of(a) == sudoku::box_of(b);
}

// ---- the tool bar's tools ------------------------------------------------------------------

enum class Icon { undo, redo, erase, notes, auto_notes, hint, pause, resume };

struct Tool {
    const char* caption;
    Icon icon;
    SudokuIntent::Kind kind;
};
// Captions are the tools' names (and their labels in the test hook).
std::array<Tool, 6> tool_list() {
    return {{{tr("sudoku.undo"), Icon::undo, SudokuIntent::undo},
             {tr("sudoku.redo"), Icon::redo, SudokuIntent::redo},
             {tr("sudoku.erase"), Icon::erase, SudokuIntent::erase},
             {tr("sudoku.notes"), Icon::notes, SudokuIntent::toggle_notes},
             {tr("sudoku.auto_notes"), Icon::auto_notes, SudokuIntent::auto_notes},
             {tr("sudoku.hint"), Icon::hint, SudokuIntent::hint}}};
}
// The width (device px) a tool needs for its caption.
float tool_need(const Ui& ui, const Tool& t) { return std::max(ui.px(kRow), text_w(ui.fonts->small, t.caption) + ui.px(6)); }
// Whether the six tools fit one row of `width` with their captions.
bool captions_fit(const Ui& ui, float width, int per_row) {
    const auto list = tool_list();
    for (int row = 0; row * per_row < 6; ++row) {
        float need = ui.px(4) * static_cast<float>(per_row - 1);
        for (int i = row * per_row; i < std::min(6, (row + 1) * per_row); ++i) need += tool_need(ui, list[static_cast<std::size_t>(i)]);
        if (need > width) return false;
    }
    return true;
}

// An icon in a square of `size` around `c`, drawn with lines (no icon font).
void draw_icon(ImDrawList* dl, Icon icon, ImVec2 c, float size, ImU32 col, float stroke) {
    const float r = size * 0.5f;
    switch (icon) {
        case Icon::undo:
        case Icon::redo: {
            const float dir = icon == Icon::undo ? 1.0f : -1.0f;
            // An arc over the top, ending in an arrow head on the left (undo) or right (redo).
            const float a0 = icon == Icon::undo ? kPi * 1.05f : -kPi * 0.05f;
            const float a1 = icon == Icon::undo ? kPi * 2.25f : -kPi * 1.25f;
            const ImVec2 centre(c.x, c.y + r * 0.15f);
            dl->PathArcTo(centre, r * 0.62f, a0, a1, 24);
            dl->PathStroke(col, 0, stroke);
            const ImVec2 tip(centre.x - dir * r * 0.62f, centre.y + r * 0.02f);
            dl->AddLine(tip, ImVec2(tip.x - dir * r * 0.3f, tip.y - r * 0.32f), col, stroke);
            dl->AddLine(tip, ImVec2(tip.x + dir * r * 0.34f, tip.y - r * 0.26f), col, stroke);
            break;
        }
        case Icon::erase: {
            // An eraser at an angle over a base line.
            const ImVec2 p[4] = {ImVec2(c.x - r * 0.75f, c.y + r * 0.15f), ImVec2(c.x - r * 0.05f, c.y - r * 0.6f),
                                 ImVec2(c.x + r * 0.65f, c.y + 0.05f * r), ImVec2(c.x - r * 0.1f, c.y + r * 0.7f)};
            dl->AddPolyline(p, 4, col, ImDrawFlags_Closed, stroke);
            dl->AddLine(ImVec2(c.x - r * 0.42f, c.y - r * 0.22f), ImVec2(c.x + r * 0.3f, c.y + r * 0.42f), col, stroke);
            dl->AddLine(ImVec2(c.x - r * 0.1f, c.y + r * 0.7f), ImVec2(c.x + r * 0.8f, c.y + r * 0.7f), col, stroke);
            break;
        }
        case Icon::notes: {
            // A pencil, tip down-left.
            const ImVec2 a(c.x + r * 0.55f, c.y - r * 0.75f), b(c.x + r * 0.8f, c.y - r * 0.5f);
            const ImVec2 d(c.x - r * 0.45f, c.y + r * 0.5f), e(c.x - r * 0.7f, c.y + r * 0.25f);
            const ImVec2 tip(c.x - r * 0.8f, c.y + r * 0.8f);
            const ImVec2 body[4] = {a, b, d, e};
            dl->AddPolyline(body, 4, col, ImDrawFlags_Closed, stroke);
            dl->AddLine(d, tip, col, stroke);
            dl->AddLine(e, tip, col, stroke);
            dl->AddLine(ImVec2(c.x + r * 0.3f, c.y - r * 0.5f), ImVec2(c.x + r * 0.55f, c.y - r * 0.25f), col, stroke);
            break;
        }
        case Icon::auto_notes: {
            // A cell with its nine candidates as dots.
            dl->AddRect(ImVec2(c.x - r * 0.8f, c.y - r * 0.8f), ImVec2(c.x + r * 0.8f, c.y + r * 0.8f), col, r * 0.2f, 0, stroke);
            for (int i = 0; i < 9; ++i) {
                dl->AddCircleFilled(ImVec2(c.x + (i % 3 - 1) * r * 0.45f, c.y + (i / 3 - 1) * r * 0.45f), std::max(1.0f, r * 0.1f), col, 8);
            }
            break;
        }
        case Icon::hint: {
            // A light bulb.
            const ImVec2 bulb(c.x, c.y - r * 0.2f);
            dl->AddCircle(bulb, r * 0.5f, col, 20, stroke);
            dl->AddLine(ImVec2(c.x - r * 0.25f, c.y + r * 0.45f), ImVec2(c.x + r * 0.25f, c.y + r * 0.45f), col, stroke);
            dl->AddLine(ImVec2(c.x - r * 0.18f, c.y + r * 0.72f), ImVec2(c.x + r * 0.18f, c.y + r * 0.72f), col, stroke);
            dl->AddLine(ImVec2(c.x - r * 0.2f, c.y + r * 0.3f), ImVec2(c.x - r * 0.25f, c.y + r * 0.45f), col, stroke);
            dl->AddLine(ImVec2(c.x + r * 0.2f, c.y + r * 0.3f), ImVec2(c.x + r * 0.25f, c.y + r * 0.45f), col, stroke);
            break;
        }
        case Icon::pause:
            dl->AddRectFilled(ImVec2(c.x - r * 0.45f, c.y - r * 0.55f), ImVec2(c.x - r * 0.12f, c.y + r * 0.55f), col, r * 0.08f);
            dl->AddRectFilled(ImVec2(c.x + r * 0.12f, c.y - r * 0.55f), ImVec2(c.x + r * 0.45f, c.y + r * 0.55f), col, r * 0.08f);
            break;
        case Icon::resume:
            dl->AddTriangleFilled(ImVec2(c.x - r * 0.4f, c.y - r * 0.6f), ImVec2(c.x + r * 0.6f, c.y),
                                  ImVec2(c.x - r * 0.4f, c.y + r * 0.6f), col);
            break;
    }
}

// A badge at the top right of a tool: "ON"/"OFF" or a count.
void badge(const Ui& ui, ImDrawList* dl, ImVec2 top_right, const char* text, bool strong) {
    const Palette& p = *ui.pal;
    ImFont* f = ui.fonts->small;
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e9f, 0, text);
    const float h = f->FontSize + ui.px(2);
    const float w = std::max(h, ts.x + ui.px(8));
    const ImVec2 a(top_right.x - w, top_right.y), b(top_right.x, top_right.y + h);
    dl->AddRectFilled(a, b, strong ? p.accent : p.card_border, h / 2);
    dl->AddText(f, f->FontSize, ImVec2(std::round(a.x + (w - ts.x) / 2), std::round(a.y + (h - ts.y) / 2)),
                strong ? p.accent_text : p.text, text);
}

// One tool: an invisible button over an icon, its caption under it (when `captions`),
// and a badge. Returns true when pressed.
bool tool_button(const Ui& ui, const Tool& t, Rect r, bool enabled, bool on, bool captions, const char* badge_text,
                 bool badge_strong) {
    const Palette& p = *ui.pal;
    ImGui::SetCursorScreenPos(ImVec2(r.x, r.y));
    if (!enabled) ImGui::BeginDisabled();
    const bool pressed = ImGui::InvisibleButton(t.caption, ImVec2(r.w, r.h));
    if (!enabled) ImGui::EndDisabled();
    add_target(t.caption, enabled, on);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(r.x, r.y), b(r.right(), r.bottom());
    if (on) {
        dl->AddRectFilled(a, b, mix(p.card, p.accent, 0.18f), ui.px(kRadius));
    } else if (hovered && enabled) {
        dl->AddRectFilled(a, b, p.card_hover, ui.px(kRadius));
    }
    const ImU32 col = !enabled ? mix(p.text_muted, p.card, 0.4f) : on ? p.accent : p.text;
    const float icon = ui.px(24);
    const float icon_y = captions ? r.y + ui.px(6) + icon / 2 : r.y + r.h / 2;
    draw_icon(dl, t.icon, ImVec2(r.x + r.w / 2, icon_y), icon, col, std::max(1.5f, ui.px(2)));
    if (captions) {
        ImFont* f = ui.fonts->small;
        centred_text(dl, f, f->FontSize, ImVec2(r.x + r.w / 2, r.bottom() - ui.px(6) - f->FontSize / 2), col, t.caption);
    }
    if (badge_text != nullptr) badge(ui, dl, ImVec2(r.x + r.w / 2 + icon * 0.5f + ui.px(20), r.y), badge_text, badge_strong);
    if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible) dl->AddRect(a, b, p.focus, ui.px(kRadius), 0, ui.px(2));
    return pressed && enabled;
}

void tool_bar(const Ui& ui, const SudokuViewModel& m, const SudokuLayout& L, std::vector<SudokuIntent>& out) {
    const bool on = !m.paused && !m.won && !m.lost;
    const auto list = tool_list();
    const int per_row = L.tools_per_row;
    const int rows = (6 + per_row - 1) / per_row;
    const float gap = ui.px(4);
    const float row_h = (L.tools.h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    const bool captions = row_h >= ui.px(kToolsH) - 1 && captions_fit(ui, L.tools.w, per_row);
    const std::string hints = std::to_string(m.state->hints_used);
    for (int row = 0; row < rows; ++row) {
        const int first = row * per_row, last = std::min(6, first + per_row);
        // Each tool as wide as its caption needs, plus an equal share of the rest.
        float need = 0;
        for (int i = first; i < last; ++i) need += captions ? tool_need(ui, list[static_cast<std::size_t>(i)]) : ui.px(kRow);
        const float spare = std::max(0.0f, L.tools.w - need - gap * static_cast<float>(last - first - 1)) /
                            static_cast<float>(last - first);
        float x = L.tools.x;
        for (int i = first; i < last; ++i) {
            const Tool& t = list[static_cast<std::size_t>(i)];
            const float w = (captions ? tool_need(ui, t) : ui.px(kRow)) + spare;
            const Rect r{std::round(x), L.tools.y + static_cast<float>(row) * (row_h + gap), std::round(w), row_h};
            bool enabled = on;
            if (t.kind == SudokuIntent::undo) enabled = on && m.can_undo;
            if (t.kind == SudokuIntent::redo) enabled = on && m.can_redo;
            const bool notes = t.kind == SudokuIntent::toggle_notes;
            const bool hint = t.kind == SudokuIntent::hint;
            const char* b = notes ? tr(m.notes_mode ? "sudoku.on" : "sudoku.off") : hint ? hints.c_str() : nullptr;
            if (tool_button(ui, t, r, enabled, notes && m.notes_mode, captions, b, notes && m.notes_mode)) {
                out.push_back({t.kind});
            }
            x += w + gap;
        }
    }
}

// ---- the board ------------------------------------------------------------------------------

struct HintMarks {
    std::bitset<kCells> focus;     // stage 1: where to look
    std::bitset<kCells> cells;     // the pattern
    std::bitset<kCells> targets;   // cells something happens to
    std::array<std::uint16_t, kCells> removed{};  // digits eliminated, per cell
    std::array<std::uint8_t, kCells> placed{};    // digit placed, per cell
};

HintMarks marks_of(const sudoku::Hint* hint, sudoku::HintStage stage) {
    HintMarks m;
    if (hint == nullptr) return m;
    // Where to look stays lit through the later stages; the pattern joins it.
    for (auto c : hint->focus) m.focus.set(c);
    if (stage == sudoku::HintStage::look) return m;
    for (auto c : hint->pattern) m.cells.set(c);
    if (stage == sudoku::HintStage::technique) return m;
    for (auto c : hint->step.cells) m.cells.set(c);
    for (const auto& p : hint->step.placements) {
        m.targets.set(p.cell);
        m.placed[p.cell] = p.digit;
    }
    for (const auto& e : hint->step.eliminations) {
        m.targets.set(e.cell);
        m.removed[e.cell] = static_cast<std::uint16_t>(m.removed[e.cell] | (1u << (e.digit - 1)));
    }
    return m;
}

// The win moment: each box lights up in turn (0..1 for box b at t seconds).
float flash(int box, double t) {
    const double peak = 0.12 + box * 0.09;
    return static_cast<float>(std::max(0.0, 1.0 - std::fabs(t - peak) / 0.16));
}

void draw_board(const Ui& ui, const SudokuViewModel& m, const SudokuLayout& L, std::vector<SudokuIntent>& out) {
    const Palette& p = *ui.pal;
    const sudoku::State& st = *m.state;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o(L.board.x, L.board.y);
    const float size = L.board.w;
    const float cs = L.cell;
    const float radius = ui.px(kRadius);

    if (m.paused) {
        // The board is hidden while paused (and is no target: its buttons take the clicks).
        dl->AddRectFilled(o, ImVec2(o.x + size, o.y + size), p.card, radius);
        dl->AddRect(o, ImVec2(o.x + size, o.y + size), p.grid_thick, radius, 0, ui.px(2.5f));
        centred_text(dl, ui.fonts->title, ui.fonts->title->FontSize * 0.8f,
                     ImVec2(o.x + size / 2, o.y + size / 2 - ui.px(40)), p.text, tr("sudoku.paused"));
        // Its own ID scope: the status row has a "Resume" control too, and two items with
        // one ID answer clicks as one.
        ImGui::PushID("paused-board");
        const float bw = std::min(ui.px(240), size - ui.px(24));
        ImGui::SetCursorScreenPos(ImVec2(o.x + (size - bw) / 2, o.y + size / 2 - ui.px(4)));
        if (button(ui, tr("sudoku.resume"), ButtonKind::primary, bw / ui.s)) out.push_back({SudokuIntent::resume});
        // Export: the puzzle's 81 cells to the clipboard, to play elsewhere or share.
        ImGui::SetCursorScreenPos(ImVec2(o.x + (size - bw) / 2, ImGui::GetCursorScreenPos().y + ui.px(4)));
        if (button(ui, m.copied ? tr("sudoku.copied") : tr("sudoku.copy"), ButtonKind::secondary, bw / ui.s)) {
            out.push_back({SudokuIntent::copy_puzzle});
        }
        ImGui::PopID();
        return;
    }

    ImGui::SetCursorScreenPos(o);
    const bool clicked = ImGui::InvisibleButton("##board", ImVec2(size, size));
    add_target("board");
    if (clicked && !m.won && !m.lost && !m.asking) {
        const ImVec2 mp = ImGui::GetIO().MousePos;
        const int c = std::clamp(static_cast<int>((mp.x - o.x) / cs), 0, 8);
        const int r = std::clamp(static_cast<int>((mp.y - o.y) / cs), 0, 8);
        out.push_back({SudokuIntent::select, sudoku::cell_at(r, c)});
    }

    dl->AddRectFilled(o, ImVec2(o.x + size, o.y + size), p.cell, radius);

    const HintMarks hm = marks_of(m.hint, m.hint_stage);
    const bool over = m.won || m.lost;
    const int sel = over ? -1 : m.selected;
    const int sel_digit = over ? 0 : m.armed != 0 ? m.armed : (sel >= 0 ? st.digit(sel) : 0);
    const Settings& set = *m.settings;
    for (int cell = 0; cell < kCells; ++cell) {
        const ImVec2 a(o.x + sudoku::col_of(cell) * cs, o.y + sudoku::row_of(cell) * cs);
        const ImVec2 b(a.x + cs, a.y + cs);
        const int d = st.digit(cell);
        ImU32 bg = 0;
        if (set.highlight_peers && sel >= 0 && m.armed == 0 && in_peers(cell, sel)) bg = p.cell_peer;
        if (set.highlight_same_digit && sel_digit != 0 && d == sel_digit) bg = p.cell_same;
        if (hm.focus.test(cell)) bg = p.cell_hint;
        if (hm.cells.test(cell)) bg = p.cell_hint;
        if (hm.targets.test(cell)) bg = mix(p.cell_hint, p.cell_selected, 0.35f);
        if (set.show_conflicts && m.conflicts.test(cell)) bg = p.cell_conflict;
        if (cell == sel) bg = p.cell_selected;
        if (bg != 0) {
            // The board's corner cells keep its rounded corners.
            const ImDrawFlags corner = cell == 0 ? ImDrawFlags_RoundCornersTopLeft
                                       : cell == 8 ? ImDrawFlags_RoundCornersTopRight
                                       : cell == 72 ? ImDrawFlags_RoundCornersBottomLeft
                                       : cell == 80 ? ImDrawFlags_RoundCornersBottomRight
                                                    : ImDrawFlags_RoundCornersNone;
            dl->AddRectFilled(a, b, bg, corner == ImDrawFlags_RoundCornersNone ? 0 : radius, corner);
        }
        if (m.win_seconds >= 0) {
            const float f = flash(sudoku::box_of(cell), m.win_seconds);
            if (f > 0) dl->AddRectFilled(a, b, with_alpha(p.accent, 0.55f * f));
        }

        const ImVec2 centre(a.x + cs / 2, a.y + cs / 2);
        if (d != 0) {
            char text[2] = {static_cast<char>('0' + d), 0};
            const bool given = st.givens[cell] != 0;
            ImU32 col = given ? p.given : p.entry;
            if (!given && (d != st.solution[cell] || (set.show_conflicts && m.conflicts.test(cell)))) col = p.danger;
            centred_text(dl, ui.fonts->digits, ui.fonts->digits->FontSize, centre, col, text);
            if (given) {  // givens are bolder: a second pass one device pixel over
                const ImVec2 ts = ui.fonts->digits->CalcTextSizeA(ui.fonts->digits->FontSize, 1e9f, 0, text);
                dl->AddText(ui.fonts->digits, ui.fonts->digits->FontSize,
                            ImVec2(std::round(centre.x - ts.x / 2) + std::max(1.0f, ui.s * 0.6f),
                                   std::round(centre.y - ts.y / 2)),
                            col, text);
            }
        } else {
            const std::uint16_t notes = st.board.notes[cell];
            const std::uint8_t place = hm.placed[cell];
            if (place != 0) {
                char text[2] = {static_cast<char>('0' + place), 0};
                centred_text(dl, ui.fonts->digits, ui.fonts->digits->FontSize, centre, mix(p.entry, p.cell, 0.45f), text);
            }
            if (notes != 0 || hm.removed[cell] != 0) {
                ImFont* f = ui.fonts->small;
                const float fs = std::min(f->FontSize, cs / 3.0f * 1.05f);
                for (int k = 1; k <= 9; ++k) {
                    const bool noted = (notes >> (k - 1)) & 1u;
                    const bool removed = (hm.removed[cell] >> (k - 1)) & 1u;
                    if (!noted && !removed) continue;
                    const ImVec2 nc(a.x + ((k - 1) % 3 + 0.5f) * cs / 3, a.y + ((k - 1) / 3 + 0.5f) * cs / 3);
                    if (k == sel_digit && set.highlight_same_digit) {
                        dl->AddCircleFilled(nc, cs / 6.4f, p.cell_selected, 16);
                    }
                    char text[2] = {static_cast<char>('0' + k), 0};
                    centred_text(dl, f, fs, nc, removed ? p.danger : p.note, text);
                    if (removed) {
                        dl->AddLine(ImVec2(nc.x - cs / 9, nc.y + cs / 9), ImVec2(nc.x + cs / 9, nc.y - cs / 9), p.danger,
                                    ui.px(1.5f));
                    }
                }
            }
        }
    }
    // Grid lines: thin between cells, thick around boxes and the board.
    for (int i = 1; i < 9; ++i) {
        if (i % 3 == 0) continue;
        dl->AddLine(ImVec2(o.x + i * cs, o.y), ImVec2(o.x + i * cs, o.y + size), p.grid_thin, ui.px(1));
        dl->AddLine(ImVec2(o.x, o.y + i * cs), ImVec2(o.x + size, o.y + i * cs), p.grid_thin, ui.px(1));
    }
    for (int i = 3; i < 9; i += 3) {
        dl->AddLine(ImVec2(o.x + i * cs, o.y), ImVec2(o.x + i * cs, o.y + size), p.grid_thick, ui.px(2.5f));
        dl->AddLine(ImVec2(o.x, o.y + i * cs), ImVec2(o.x + size, o.y + i * cs), p.grid_thick, ui.px(2.5f));
    }
    dl->AddRect(o, ImVec2(o.x + size, o.y + size), p.grid_thick, radius, 0, ui.px(2.5f));
}

// ---- the pad ------------------------------------------------------------------------------

// A pad key: the digit large, how many are left small; greyed when all nine are placed.
bool pad_key(const Ui& ui, int digit, int left, Rect r, bool armed, bool notes_mode, bool enabled) {
    const Palette& p = *ui.pal;
    const char label[2] = {static_cast<char>('0' + digit), 0};
    ImGui::SetCursorScreenPos(ImVec2(r.x, r.y));
    if (!enabled) ImGui::BeginDisabled();
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(r.w, r.h));
    if (!enabled) ImGui::EndDisabled();
    add_target(label, enabled, armed);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(r.x, r.y), b(r.right(), r.bottom());
    const ImU32 bg = armed ? p.accent : hovered && enabled ? p.card_hover : p.card;
    dl->AddRectFilled(a, b, bg, ui.px(kRadius));
    dl->AddRect(a, b, armed ? p.accent : p.card_border, ui.px(kRadius), 0, ui.px(1));
    const ImU32 fg = !enabled ? mix(p.text_muted, p.card, 0.35f) : armed ? p.accent_text : notes_mode ? p.note : p.entry;
    const float fs = std::min(ui.fonts->digits->FontSize, r.h * 0.58f);
    centred_text(dl, ui.fonts->digits, fs, ImVec2(r.x + r.w / 2, r.y + r.h * 0.42f), fg, label);
    if (enabled) {
        const std::string n = std::to_string(left);
        ImFont* f = ui.fonts->small;
        centred_text(dl, f, f->FontSize, ImVec2(r.x + r.w / 2, std::min(r.y + r.h * 0.82f, r.bottom() - f->FontSize * 0.6f)),
                     armed ? p.accent_text : p.text_muted, n.c_str());
    }
    if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible) dl->AddRect(a, b, p.focus, ui.px(kRadius), 0, ui.px(2));
    return pressed && enabled;
}

void pad(const Ui& ui, const SudokuViewModel& m, const SudokuLayout& L, std::vector<SudokuIntent>& out) {
    const int per_row = L.pad_per_row;
    const int rows = (9 + per_row - 1) / per_row;
    const float gap = ui.px(per_row == 9 ? 4 : 6);
    const float kw = (L.pad.w - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    const float kh = (L.pad.h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    const bool on = !m.paused && !m.won && !m.lost;
    for (int d = 1; d <= 9; ++d) {
        const int i = d - 1;
        const Rect r{std::round(L.pad.x + static_cast<float>(i % per_row) * (kw + gap)),
                     std::round(L.pad.y + static_cast<float>(i / per_row) * (kh + gap)), std::floor(kw), std::floor(kh)};
        const int left = m.left[static_cast<std::size_t>(d)];
        if (pad_key(ui, d, left, r, m.armed == d, m.notes_mode, on && left > 0)) {
            out.push_back({SudokuIntent::digit_key, -1, d, true});
        }
    }
}

// ---- status, menu ---------------------------------------------------------------------------

// A square button with an icon (the pause control). Returns true when pressed.
bool icon_button(const Ui& ui, const char* label, Icon icon, Rect r, bool enabled) {
    const Palette& p = *ui.pal;
    ImGui::SetCursorScreenPos(ImVec2(r.x, r.y));
    if (!enabled) ImGui::BeginDisabled();
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(r.w, r.h));
    if (!enabled) ImGui::EndDisabled();
    add_target(label, enabled);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (ImGui::IsItemHovered() && enabled) dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), p.card_hover, ui.px(kRadius));
    draw_icon(dl, icon, ImVec2(r.x + r.w / 2, r.y + r.h / 2), ui.px(20), enabled ? p.accent : p.text_muted, ui.px(2));
    return pressed && enabled;
}

void status_row(const Ui& ui, const SudokuViewModel& m, const SudokuLayout& L, std::vector<SudokuIntent>& out,
                SudokuDrawn& drawn) {
    const Palette& p = *ui.pal;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* f = ui.fonts->body;
    const Rect r = L.status;
    // Pause at the right end, the clock before it, mistakes at the left; the mistakes'
    // short form when the long one would reach the clock.
    const Rect pause{r.right() - ui.px(kRow), r.y + (r.h - ui.px(kRow)) / 2, ui.px(kRow), ui.px(kRow)};
    const bool over = m.won || m.lost;
    if (icon_button(ui, tr(m.paused ? "sudoku.resume" : "sudoku.pause"), m.paused ? Icon::resume : Icon::pause, pause,
                    !over && !m.asking)) {
        out.push_back({m.paused ? SudokuIntent::resume : SudokuIntent::pause});
    }
    float right = pause.x - ui.px(4);
    const float y = r.y + (r.h - f->FontSize) / 2;
    if (!m.time_text.empty()) {
        const float tw = ui.fonts->bold->CalcTextSizeA(f->FontSize, 1e9f, 0, m.time_text.c_str()).x;
        right -= tw;
        dl->AddText(ui.fonts->bold, f->FontSize, ImVec2(right, y), p.text, m.time_text.c_str());
        drawn.clock = Rect{right, y, tw, f->FontSize};
        right -= ui.px(12);
    }
    const std::string n = std::to_string(m.state->mistakes), limit = std::to_string(m.state->rules.mistake_limit);
    const bool limited = m.state->rules.mistake_limit > 0;
    std::string text = limited ? fill(tr("sudoku.mistakes_of"), {{"n", n}, {"limit", limit}})
                               : fill(tr("sudoku.mistakes"), {{"n", n}});
    if (r.x + text_w(f, text.c_str()) > right) {
        text = limited ? fill(tr("sudoku.mistakes_short_of"), {{"n", n}, {"limit", limit}})
                       : fill(tr("sudoku.mistakes_short"), {{"n", n}});
    }
    dl->AddText(f, f->FontSize, ImVec2(r.x, y), m.state->mistakes > 0 ? p.danger : p.text_muted, text.c_str());
    drawn.mistakes = Rect{r.x, y, text_w(f, text.c_str()), f->FontSize};
}

// The top row: "← Menu" and the title (the portrait top bar, or the side panel's first row).
void menu_row(const Ui& ui, const SudokuViewModel& m, const SudokuLayout& L, std::vector<SudokuIntent>& out,
              SudokuDrawn& drawn) {
    const Palette& p = *ui.pal;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Rect r = L.menu;
    if (!L.side) dl->AddLine(ImVec2(r.x, r.bottom()), ImVec2(r.right(), r.bottom()), p.card_border, ui.px(1));
    const float pad = L.side ? 0 : ui.px(ui.phone() ? 8 : 16);
    ImGui::SetCursorScreenPos(ImVec2(r.x + pad, r.y + (r.h - ui.px(kRow)) / 2));
    const std::string back = std::string("\u2190 ") + tr("nav.menu");
    // Escape is read with the other keys (it closes a hint first).
    if (button(ui, back.c_str(), ButtonKind::ghost)) out.push_back({SudokuIntent::back});
    const float after = ImGui::GetItemRectMax().x + ui.px(8);
    ImFont* font = ui.fonts->bold;
    const float fs = font->FontSize * 1.05f;
    const float tw = font->CalcTextSizeA(fs, 1e9f, 0, m.title.c_str()).x;
    const float tx = L.side ? std::max(after, r.right() - tw) : std::max(after, r.x + (r.w - tw) / 2);
    dl->AddText(font, fs, ImVec2(tx, r.y + (r.h - fs) / 2), p.text, m.title.c_str());
    drawn.title = Rect{tx, r.y + (r.h - fs) / 2, tw, fs};
}

// ---- the hint panel -------------------------------------------------------------------------

Rect hint_panel(const Ui& ui, const SudokuViewModel& m, Rect area, std::vector<SudokuIntent>& out) {
    if (m.hint == nullptr) return {};
    const Palette& p = *ui.pal;
    const bool ru = language() == Lang::ru;
    const int stage = static_cast<int>(m.hint_stage);
    const std::string& text = m.hint->text(m.hint_stage, ru);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float inset = ui.px(14);
    ImFont* f = ui.fonts->body;
    const float wrap = area.w - 2 * inset;
    const std::string heading = fill(tr("sudoku.hint_stage"), {{"n", std::to_string(stage)}, {"of", std::to_string(sudoku::kHintStages)}});
    const ImVec2 hs = ui.fonts->small->CalcTextSizeA(ui.fonts->small->FontSize, 1e9f, 0, heading.c_str());
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e9f, wrap, text.c_str());
    const float h = std::min(area.h, inset + hs.y + ui.px(6) + ts.y + ui.px(12) + ui.px(kRow) + inset);
    const ImVec2 a(area.x, area.y);
    ImVec2 b(area.right(), area.y + h);
    // The buttons: close, and the next stage (or, on the last, the move itself); side by
    // side, or the next one above when both do not fit a narrow panel.
    const char* next = stage == 1 ? tr("sudoku.hint_which") : stage == 2 ? tr("sudoku.hint_answer") : tr("sudoku.apply_hint");
    const bool has_next = stage < sudoku::kHintStages || m.hint_applicable;
    const float nw = text_w(ui.fonts->bold, next) + ui.px(32);
    const float cw = text_w(ui.fonts->body, tr("sudoku.got_it")) + ui.px(32);
    const bool stacked = has_next && nw + cw + ui.px(8) > wrap;
    if (stacked) b.y = std::min(area.bottom(), b.y + ui.px(kRow + 6));
    dl->AddRectFilled(a, b, p.warning_bg, ui.px(kRadius));
    dl->AddText(ui.fonts->small, ui.fonts->small->FontSize, ImVec2(a.x + inset, a.y + inset), p.text_muted, heading.c_str());
    dl->AddText(f, f->FontSize, ImVec2(a.x + inset, a.y + inset + hs.y + ui.px(6)), p.text, text.c_str(), nullptr, wrap);
    const float by = b.y - inset - ui.px(kRow);
    if (has_next) {
        ImGui::SetCursorScreenPos(ImVec2(stacked ? a.x + inset : b.x - inset - nw, stacked ? by - ui.px(kRow + 6) : by));
        if (button(ui, next, ButtonKind::primary, (stacked ? wrap : nw) / ui.s)) {
            out.push_back({stage < sudoku::kHintStages ? SudokuIntent::hint_next : SudokuIntent::apply_hint});
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(a.x + inset, by));
    if (button(ui, tr("sudoku.got_it"), ButtonKind::ghost)) out.push_back({SudokuIntent::dismiss_hint});
    return Rect{a.x, a.y, b.x - a.x, b.y - a.y};
}

// ---- dialogs --------------------------------------------------------------------------------

void end_overlay(const Ui& ui, const SudokuViewModel& m, std::vector<SudokuIntent>& out) {
    if (m.won) {
        if (m.win_seconds >= 0 && m.win_seconds < kWinFlashSeconds && !m.reduce_motion) return;  // the boxes flash first
        std::vector<DialogRow> rows;
        std::vector<DialogLine> lines;
        lines.push_back({m.title});
        if (m.new_record) lines.push_back({tr("sudoku.new_record"), true});
        rows.push_back(DialogRow{tr("sudoku.summary.time"), m.result_time});
        const std::string mistakes = m.state->rules.mistake_limit > 0
                                         ? fill(tr("sudoku.summary.of"), {{"n", std::to_string(m.state->mistakes)},
                                                                         {"limit", std::to_string(m.state->rules.mistake_limit)}})
                                         : std::to_string(m.state->mistakes);
        rows.push_back(DialogRow{tr("sudoku.summary.mistakes"), mistakes});
        rows.push_back(DialogRow{tr("sudoku.summary.hints"), std::to_string(m.state->hints_used)});
        if (!m.best_time.empty()) rows.push_back(DialogRow{tr("sudoku.summary.best"), m.best_time});
        if (!m.streak_text.empty()) rows.push_back(DialogRow{tr(m.daily ? "sudoku.summary.daily_streak" : "sudoku.summary.streak"), m.streak_text});
        const int chosen = m.daily ? result_dialog(ui, "##sudoku-won", tr("sudoku.won"), lines, rows, tr("nav.menu"), nullptr)
                                   : result_dialog(ui, "##sudoku-won", tr("sudoku.won"), lines, rows, tr("start.new_game"),
                                                   tr("nav.menu"));
        if (chosen == 1) out.push_back({m.daily ? SudokuIntent::menu : SudokuIntent::new_game});
        if (chosen == 2) out.push_back({SudokuIntent::menu});
        return;
    }
    if (m.lost) {
        // A lost daily puzzle is tried again (a new game would take the other slot's place).
        switch (result_dialog(ui, "##sudoku-lost", tr("sudoku.lost"), {{tr(m.daily ? "sudoku.lost_daily" : "sudoku.lost_detail")}},
                              tr(m.daily ? "sudoku.try_again" : "start.new_game"), tr("nav.menu"))) {
            case 1: out.push_back({SudokuIntent::new_game}); break;
            case 2: out.push_back({SudokuIntent::menu}); break;
            default: break;
        }
    }
}

void ask_overlay(const Ui& ui, const SudokuViewModel& m, std::vector<SudokuIntent>& out) {
    if (!m.asking) return;
    switch (result_dialog(ui, "##sudoku-replace", tr("sudoku.replace.title"), {{m.ask_text}}, tr("sudoku.replace.yes"),
                          tr("sudoku.replace.no"))) {
        case 1: out.push_back({SudokuIntent::replace}); break;
        case 2: out.push_back({SudokuIntent::keep}); break;
        default: break;
    }
}

// ---- keys -----------------------------------------------------------------------------------

// Keys in the order they were pressed (several can arrive within one frame: a digit,
// a move, another digit must land in the right cells).
void keyboard(const SudokuViewModel& m, std::vector<SudokuIntent>& out) {
    if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
    constexpr int kCommand = GLFW_MOD_CONTROL | GLFW_MOD_SUPER;
    if (m.asking) {
        for (const KeyPress& k : frame_keys()) {
            if (k.key == GLFW_KEY_ESCAPE && !k.repeat) out.push_back({SudokuIntent::keep});
        }
        return;
    }
    if (m.won || m.lost) {
        for (const KeyPress& k : frame_keys()) {
            if (k.key == GLFW_KEY_ESCAPE && !k.repeat) out.push_back({SudokuIntent::menu});
        }
        return;
    }
    bool paused = m.paused;
    bool hint = m.hint != nullptr;
    int sel = m.selected < 0 ? 40 : m.selected;
    for (const KeyPress& k : frame_keys()) {
        const bool command = (k.mods & kCommand) != 0;
        if (k.key == GLFW_KEY_ESCAPE && !k.repeat) {
            // Escape closes a hint first, then leaves.
            out.push_back({hint ? SudokuIntent::dismiss_hint : SudokuIntent::back});
            hint = false;
            continue;
        }
        if (k.key == GLFW_KEY_P && !command && !k.repeat) {
            out.push_back({paused ? SudokuIntent::resume : SudokuIntent::pause});
            paused = !paused;
            continue;
        }
        if (paused) continue;
        if (command) {
            if (k.key == GLFW_KEY_Z) out.push_back({(k.mods & GLFW_MOD_SHIFT) ? SudokuIntent::redo : SudokuIntent::undo});
            if (k.key == GLFW_KEY_Y) out.push_back({SudokuIntent::redo});
            continue;  // other shortcuts belong to the browser or the system
        }
        int r = sudoku::row_of(sel), c = sudoku::col_of(sel);
        switch (k.key) {
            case GLFW_KEY_LEFT: case GLFW_KEY_A: c = (c + 8) % 9; break;
            case GLFW_KEY_RIGHT: case GLFW_KEY_D: c = (c + 1) % 9; break;
            case GLFW_KEY_UP: case GLFW_KEY_W: r = (r + 8) % 9; break;
            case GLFW_KEY_DOWN: case GLFW_KEY_S: r = (r + 1) % 9; break;
            default: break;
        }
        if (sudoku::cell_at(r, c) != sel) {
            sel = sudoku::cell_at(r, c);
            out.push_back({SudokuIntent::select, sel});
            continue;
        }
        if (k.repeat) continue;  // holding a digit or a letter does not repeat it
        if (k.key >= GLFW_KEY_1 && k.key <= GLFW_KEY_9) {
            out.push_back({SudokuIntent::digit_key, -1, k.key - GLFW_KEY_0});
        } else if (k.key >= GLFW_KEY_KP_1 && k.key <= GLFW_KEY_KP_9) {
            out.push_back({SudokuIntent::digit_key, -1, k.key - GLFW_KEY_KP_0});
        } else if (k.key == GLFW_KEY_0 || k.key == GLFW_KEY_KP_0 || k.key == GLFW_KEY_DELETE ||
                   k.key == GLFW_KEY_BACKSPACE) {
            out.push_back({SudokuIntent::erase});
        } else if (k.key == GLFW_KEY_N) {
            out.push_back({SudokuIntent::toggle_notes});
        } else if (k.key == GLFW_KEY_H) {
            // H opens a hint, and on an open one asks for its next stage.
            out.push_back({hint ? SudokuIntent::hint_next : SudokuIntent::hint});
            hint = true;
        }
    }
}

Rect rect_css(const Ui& ui, float x, float y, float w, float h) {
    return Rect{std::round(ui.px(x)), std::round(ui.px(y)), std::round(ui.px(w)), std::round(ui.px(h))};
}

}  // namespace

SudokuLayout sudoku_layout(const Ui& ui) {
    SudokuLayout L;
    const float w = ui.width_css, h = ui.height_css;
    L.side = w > h * 1.05f;
    if (!L.side) {
        // Portrait: the top bar; then status, board, tools and pad in one column as wide as
        // the board. Height left over widens the gaps a little and gives the pad taller
        // keys; the hint panel takes the tools' and the pad's place while it is open.
        const float m = w < 600 ? 8 : 16;
        const float fixed = kTopBar + kGap + kStatusH + kGap + kGap + kToolsH + kGap + kPadMin + m;
        float size = std::min(w - 2 * m, h - fixed);
        size = std::max(180.0f, std::floor(size / 9) * 9);
        float spare = std::max(0.0f, h - fixed - size);
        const float pad_h = std::min(kPadMax, kPadMin + spare);
        spare -= pad_h - kPadMin;
        // What is left widens the gaps between the parts (a little), then a quarter goes
        // above the status row and the rest below the pad (where a thumb rests).
        const float board_gap = std::min(24.0f, spare * 0.25f), tools_gap = std::min(12.0f, spare * 0.1f);
        spare -= board_gap + tools_gap;
        const float above = spare / 4;
        const float x = std::floor((w - size) / 2);
        L.menu = rect_css(ui, 0, 0, w, kTopBar - 1);
        float y = kTopBar + kGap + above;
        L.status = rect_css(ui, x, y, size, kStatusH);
        y += kStatusH + kGap;
        L.board = rect_css(ui, x, y, size, size);
        y += size + kGap + board_gap;
        L.tools = rect_css(ui, x, y, size, kToolsH);
        L.tools_per_row = 6;
        if (!captions_fit(ui, L.tools.w, 6)) L.tools = rect_css(ui, x, y, size, kToolsTightH);
        y += L.tools.h / ui.s + kGap + tools_gap;
        L.pad = rect_css(ui, x, y, size, pad_h);
        L.pad_per_row = 9;
        L.hint = rect_css(ui, x, L.tools.y / ui.s, size, h - m - L.tools.y / ui.s);
        L.hint_covers_pad = true;
    } else {
        // Landscape: the board as tall as the window allows, on the left; on the right a
        // panel with the menu row, status, tools and a 3x3 pad, top-aligned with the board.
        const float m = h < 500 ? 10 : 16;
        float size = std::min({h - 2 * m, w * 0.6f, 900.0f});
        size = std::max(180.0f, std::floor(size / 9) * 9);
        const float pw = std::min(w - size - 3 * m, 460.0f);
        const float x0 = std::floor((w - size - m - pw) / 2);
        const float y0 = std::floor((h - size) / 2);
        const float px0 = x0 + size + m;
        L.board = rect_css(ui, x0, y0, size, size);
        float y = y0;
        L.menu = rect_css(ui, px0, y, pw, kRow);
        y += kRow + 2;
        L.status = rect_css(ui, px0, y, pw, kStatusH);
        y += kStatusH + 4;
        const Rect panel = rect_css(ui, px0, 0, pw, 0);
        L.tools_per_row = captions_fit(ui, panel.w, 6) || !captions_fit(ui, panel.w, 3) ? 6 : 3;
        const float bottom = y0 + size;
        // Captions under the icons unless the pad would be left too little height.
        const int rows = L.tools_per_row == 6 ? 1 : 2;
        float tools_h = rows * kToolsH + (rows - 1) * 4;
        if (bottom - (y + tools_h + kGap) < 3 * kRow + 2 * 6) tools_h = rows * kToolsTightH + (rows - 1) * 4;
        if (!captions_fit(ui, panel.w, L.tools_per_row)) {
            L.tools_per_row = 6;
            tools_h = kToolsTightH;
        }
        L.tools = rect_css(ui, px0, y, pw, tools_h);
        y += tools_h + kGap;
        const float key_h = std::clamp((bottom - y - 2 * 6) / 3, kRow, kPadMax);
        L.pad = rect_css(ui, px0, y, pw, 3 * key_h + 2 * 6);
        L.pad_per_row = 3;
        y += 3 * key_h + 2 * 6 + kGap;
        // The hint panel goes under the pad when there is room for a long one; else it
        // takes the tools' and the pad's place.
        L.hint_covers_pad = bottom - y < 200;
        L.hint = L.hint_covers_pad ? rect_css(ui, px0, L.tools.y / ui.s, pw, bottom - L.tools.y / ui.s)
                                   : rect_css(ui, px0, y, pw, std::max(bottom, h - m) - y);
    }
    L.cell = L.board.w / 9;
    return L;
}

float sudoku_digit_css(const Ui& ui) {
    const SudokuLayout L = sudoku_layout(ui);
    return std::round(L.cell / ui.s * 0.62f / 2) * 2;
}

std::vector<SudokuIntent> draw_sudoku_view(const Ui& ui, const SudokuViewModel& m, SudokuDrawn* drawn_out) {
    std::vector<SudokuIntent> out;
    SudokuDrawn drawn;
    begin_screen("##sudoku", ui);
    const SudokuLayout L = sudoku_layout(ui);
    drawn.layout = L;
    menu_row(ui, m, L, out, drawn);
    status_row(ui, m, L, out, drawn);
    draw_board(ui, m, L, out);
    const bool hint_open = m.hint != nullptr && !m.paused && !m.won && !m.lost;
    if (!hint_open || !L.hint_covers_pad) {
        tool_bar(ui, m, L, out);
        pad(ui, m, L, out);
    }
    if (hint_open) drawn.hint_panel = hint_panel(ui, m, L.hint, out);
    keyboard(m, out);
    end_screen();
    end_overlay(ui, m, out);
    ask_overlay(ui, m, out);
    if (drawn_out != nullptr) *drawn_out = drawn;
    return out;
}

const char* level_label(sudoku::Level level) { return tr("level." + std::string(sudoku::level_name(level))); }

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

// A sheet: a modal popup centred on the screen, `width` CSS px at most.
bool begin_sheet(const Ui& ui, const char* id, float width) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float sheet_w = std::min(vp->Size.x - ui.px(24), ui.px(width));
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(sheet_w, 0));
    const float pad = ui.height_css < 520 ? 12 : 20;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(pad), ui.px(pad)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ui.px(kRadiusPanel));
    const bool open = ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                                              ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleVar(2);
    return open;
}

void heading(const Ui& ui, const char* text) {
    ImGui::PushFont(ui.fonts->bold);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.pal->text);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// Two digits, zero-padded (a month or a day). Built from chars: GCC 12 at -O3 reports a false
// -Wrestrict overlap inside "0" + std::string (libstdc++'s insert), which -Werror turns into a failed build.
std::string two(int n) { return n >= 0 && n < 10 ? std::string{'0', static_cast<char>('0' + n)} : std::to_string(n); }
std::string iso(int y, int m, int d) { return std::to_string(y) + "-" + two(m) + "-" + two(d); }

// The month's calendar: a row of weekday names, then the days (Monday first). A solved day
// is filled, today is ringed, the picked day is outlined in the accent colour; days after
// today cannot be picked. Returns the day tapped ("YYYY-MM-DD"), or "".
std::string calendar(const Ui& ui, const SudokuCardModel& m, float width) {
    const Palette& p = *ui.pal;
    const float cw = std::floor(width / 7);
    const float ch = ui.px(kRow);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 o = ImGui::GetCursorScreenPos();
    ImFont* small = ui.fonts->small;
    for (int i = 0; i < 7; ++i) {
        const char* name = tr("weekday.short." + std::to_string(i + 1));
        centred_text(dl, small, small->FontSize, ImVec2(o.x + (i + 0.5f) * cw, o.y + small->FontSize * 0.7f),
                     i >= 5 ? p.danger : p.text_muted, name);
    }
    o.y += small->FontSize * 1.6f;
    const auto first = sudoku::days_from_date(iso(m.month_year, m.month, 1));
    const int lead = first ? sudoku::weekday_of(*first) : 0;
    const int days = sudoku::days_in_month(m.month_year, m.month);
    std::string picked;
    for (int d = 1; d <= days; ++d) {
        const int slot = lead + d - 1;
        const ImVec2 a(o.x + static_cast<float>(slot % 7) * cw, o.y + static_cast<float>(slot / 7) * ch);
        const std::string date = iso(m.month_year, m.month, d);
        const bool future = date > m.today;
        const bool solved = m.stats != nullptr && sudoku::daily_solved(*m.stats, date);
        const std::string label = std::to_string(d);
        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(d);
        if (future) ImGui::BeginDisabled();
        const bool pressed = ImGui::InvisibleButton("##day", ImVec2(cw, ch));
        if (future) ImGui::EndDisabled();
        ImGui::PopID();
        add_target(label, !future, date == m.picked);
        if (pressed && !future) picked = date;
        const ImVec2 c(a.x + cw / 2, a.y + ch / 2);
        const float r = std::min(cw, ch) / 2 - ui.px(2);
        ImU32 fg = future ? mix(p.text_muted, p.card, 0.4f) : p.text;
        if (solved) {
            dl->AddCircleFilled(c, r, p.accent, 24);
            fg = p.accent_text;
        } else if (ImGui::IsItemHovered() && !future) {
            dl->AddCircleFilled(c, r, p.card_hover, 24);
        }
        if (date == m.today) dl->AddCircle(c, r, p.text, 24, ui.px(1.5f));
        if (date == m.picked) dl->AddCircle(c, r + ui.px(1.5f), p.accent, 24, ui.px(2.5f));
        centred_text(dl, ui.fonts->body, ui.fonts->body->FontSize, c, fg, label.c_str());
    }
    const int rows = (lead + days + 6) / 7;
    ImGui::SetCursorScreenPos(ImVec2(o.x, o.y + static_cast<float>(rows) * ch));
    ImGui::Dummy(ImVec2(width, 0));
    return picked;
}

// The daily sheet's body: the month with arrows, the calendar, the day picked with its
// level, Play (or Continue), the streak, Close.
void daily_sheet(const Ui& ui, const SudokuCardModel& m, SudokuCardAction& action) {
    const bool short_screen = ui.height_css < 560;
    const float cal_w = ui.px(7 * kRow);
    const float row_w = short_screen ? cal_w : ImGui::GetContentRegionAvail().x;
    // The month, with arrows to the months before and back.
    const std::string month = std::string(tr("month.name." + std::to_string(m.month))) + " " + std::to_string(m.month_year);
    ImGui::BeginGroup();
    const bool latest = iso(m.month_year, m.month, 1) >= m.today.substr(0, 8) + "01";
    if (button(ui, "\u2190##month-back", ButtonKind::ghost, kRow, m.can_go_back)) action.kind = SudokuCardAction::month_back;
    ImGui::SameLine(0, 0);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float mid = row_w - 2 * ui.px(kRow);
    const float mw = text_w(ui.fonts->bold, month.c_str());
    ImGui::GetWindowDrawList()->AddText(ui.fonts->bold, ui.fonts->bold->FontSize,
                                        ImVec2(std::round(at.x + (mid - mw) / 2), at.y + (ui.px(kRow) - ui.fonts->bold->FontSize) / 2),
                                        ui.pal->text, month.c_str());
    ImGui::Dummy(ImVec2(mid, ui.px(kRow)));
    ImGui::SameLine(0, 0);
    // Forward only when a later month has days to play (no disabled arrow on the latest).
    if (latest) {
        ImGui::Dummy(ImVec2(ui.px(kRow), ui.px(kRow)));
    } else if (button(ui, "\u2192##month-forward", ButtonKind::ghost, kRow)) {
        action.kind = SudokuCardAction::month_forward;
    }
    const std::string tapped = calendar(ui, m, row_w);
    if (!tapped.empty()) {
        action.kind = SudokuCardAction::pick;
        action.date = tapped;
    }
    ImGui::EndGroup();
    if (short_screen) ImGui::SameLine(0, ui.px(16));
    ImGui::BeginGroup();
    const float side_w = short_screen ? ui.px(220) : row_w;
    ImGui::PushItemWidth(side_w);
    if (short_screen) heading(ui, tr("start.daily"));
    // The picked day, its level (the week's rhythm: Sundays are Extreme), and what to do.
    const auto d = sudoku::parse_daily(m.picked);
    const std::string level = d ? level_label(d->level) : "";
    const std::string when = m.picked == m.today ? std::string(tr("daily.today")) : long_date(m.picked);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + side_w);
    paragraph(ui, fill(tr("daily.day_level"), {{"day", when}, {"level", level}}).c_str());
    const bool solved = m.stats != nullptr && sudoku::daily_solved(*m.stats, m.picked);
    const bool in_progress = m.daily_in_progress == m.picked;
    if (solved) paragraph(ui, tr("daily.solved"), true);
    if (m.stats != nullptr) {
        paragraph(ui, fill(tr("daily.streak"), {{"days", plural("unit.days", sudoku::daily_streak_on(*m.stats, m.today))}}).c_str(), true);
    }
    ImGui::PopTextWrapPos();
    const std::string play = in_progress ? std::string(tr("start.continue")) + " \u00B7 " + m.daily_in_progress_time
                             : solved    ? std::string(tr("daily.play_again"))
                                         : std::string(tr("daily.play"));
    if (button(ui, (play + "##play-daily").c_str(), ButtonKind::primary, side_w / ui.s, d.ok())) {
        action.kind = SudokuCardAction::play_daily;
        action.date = m.picked;
        ImGui::CloseCurrentPopup();
    }
    if (button(ui, tr("nav.close"), ButtonKind::ghost, side_w / ui.s) || key_pressed(GLFW_KEY_ESCAPE, false)) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::PopItemWidth();
    ImGui::EndGroup();
}

}  // namespace

SudokuCardAction draw_sudoku_card(const Ui& ui, float width, const SudokuCardModel& m) {
    SudokuCardAction action;
    Card card(ui, width, ui.pal->accent);
    const float inner = card.inner_width();
    card_header(ui, inner, tr("start.sudoku.name"), tr("start.sudoku.blurb"), draw_sudoku_icon);
    const bool saved = !m.continue_label.empty();
    if (saved) {
        const std::string label = std::string(tr("start.continue")) + " \u00B7 " + m.continue_label;
        if (button(ui, label.c_str(), ButtonKind::primary, inner / ui.s)) action.kind = SudokuCardAction::continue_game;
    }
    const int p = button_pair(ui, inner, tr("start.new_game"), saved ? ButtonKind::secondary : ButtonKind::primary,
                              tr("start.daily"), ButtonKind::secondary);
    if (p == 1) ImGui::OpenPopup("##levels");
    if (p == 2) {
        ImGui::OpenPopup("##daily");
        action.kind = SudokuCardAction::open_daily;
    }
    // Today's daily puzzle: its level before it starts (the week's rhythm), or that it is done.
    const std::string today = m.today_done ? std::string(tr("start.daily_done"))
                                           : fill(tr("start.daily_level"), {{"level", level_label(m.today_level)}});
    paragraph(ui, today.c_str(), true);

    // The level sheet.
    if (begin_sheet(ui, "##levels", 420)) {
        heading(ui, tr("start.new_game"));
        ImGui::Dummy(ImVec2(0, ui.px(6)));
        // A short screen (a landscape phone): two levels to a row.
        const bool short_screen = ui.height_css < 560;
        const auto& levels = sudoku::kLevels;
        for (std::size_t i = 0; i < levels.size(); i += short_screen ? 2 : 1) {
            int chosen = 0;
            if (short_screen && i + 1 < levels.size()) {
                chosen = button_pair(ui, ImGui::GetContentRegionAvail().x, level_label(levels[i]), ButtonKind::secondary,
                                     level_label(levels[i + 1]), ButtonKind::secondary);
            } else if (button(ui, level_label(levels[i]), ButtonKind::secondary, -1)) {
                chosen = 1;
            }
            if (chosen != 0) {
                action.kind = SudokuCardAction::new_game;
                action.level = levels[i + static_cast<std::size_t>(chosen - 1)];
                ImGui::CloseCurrentPopup();
            }
        }
        // Import: a puzzle from elsewhere, through the clipboard (on a short screen beside Close).
        ImGui::Dummy(ImVec2(0, ui.px(4)));
        int last = 0;
        if (short_screen) {
            last = button_pair(ui, ImGui::GetContentRegionAvail().x, tr("start.paste"), ButtonKind::secondary, tr("nav.close"),
                               ButtonKind::ghost);
            paragraph(ui, tr("start.paste_help"), true);
        } else {
            if (button(ui, tr("start.paste"), ButtonKind::secondary, -1)) last = 1;
            paragraph(ui, tr("start.paste_help"), true);
            if (button(ui, tr("nav.close"), ButtonKind::ghost, -1)) last = 2;
        }
        if (last == 1) {
            action.kind = SudokuCardAction::paste;
            ImGui::CloseCurrentPopup();
        }
        if (last == 2 || key_pressed(GLFW_KEY_ESCAPE, false)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    // The daily sheet: the calendar.
    if (begin_sheet(ui, "##daily", ui.height_css < 560 ? 620 : 400)) {
        if (ui.height_css >= 560) heading(ui, tr("start.daily"));
        daily_sheet(ui, m, action);
        ImGui::EndPopup();
    }
    card.end(ui);
    return action;
}

void draw_sudoku_statistics(const Ui& ui, const sudoku::Statistics& st, const std::string& today) {
    section(ui, tr("settings.sudoku"));
    value_row(ui, tr("stats.daily_streak"), std::to_string(sudoku::daily_streak_on(st, today)));
    value_row(ui, tr("stats.daily_best_streak"), std::to_string(st.daily.best_streak));
    value_row(ui, tr("stats.daily_solved"), std::to_string(st.daily.solved));
    for (sudoku::Level level : sudoku::kLevels) {
        const sudoku::LevelStats& l = st.at(level);
        section(ui, level_label(level));
        if (l.played == 0) {
            paragraph(ui, tr("stats.none_yet"), true);
            continue;
        }
        value_row(ui, tr("stats.played"), std::to_string(l.played));
        value_row(ui, tr("stats.won"), std::to_string(l.won) + " (" + std::to_string(l.won * 100 / l.played) + "%)");
        value_row(ui, tr("stats.best_time"), l.won ? format_duration(l.best_ms) : "\u2013");
        value_row(ui, tr("stats.average_time"), l.won ? format_duration(l.average_ms()) : "\u2013");
        value_row(ui, tr("stats.streak"), std::to_string(l.streak));
        value_row(ui, tr("stats.best_streak"), std::to_string(l.best_streak));
    }
}

void draw_sudoku_help(const Ui& ui, bool touch_device) {
    section(ui, tr("start.sudoku.name"));
    paragraph(ui, tr("help.sudoku.rules"));
    paragraph(ui, tr("help.sudoku.tools"));
    paragraph(ui, tr("help.sudoku.hints"));
    if (touch_device) {
        // A phone or tablet without a keyboard: what the taps do, not keys it does not have.
        section(ui, tr("help.touch"));
        paragraph(ui, tr("help.sudoku.touch"));
        return;
    }
    paragraph(ui, tr("help.sudoku.paste"));
    section(ui, tr("help.keyboard"));
    const char* keys[][2] = {{"help.key.move", "\u2190 \u2191 \u2192 \u2193 / W A S D"},
                             {"help.key.digit", "1\u20139"},
                             {"help.key.erase", "0 / Delete / Backspace"},
                             {"help.key.notes", "N"},
                             {"help.key.undo", "Ctrl+Z / Ctrl+Y"},
                             {"help.key.hint", "H"},
                             {"help.key.pause", "P"},
                             {"help.key.back", "Esc"}};
    for (const auto& k : keys) value_row(ui, tr(k[0]), k[1]);
}

}  // namespace astradia::shell
