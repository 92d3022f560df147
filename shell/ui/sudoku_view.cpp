// Purpose: drawing the Sudoku screen and reading its input (see sudoku_view.hpp).
#include "shell/ui/sudoku_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <GLFW/glfw3.h>

#include "shell/i18n.hpp"

namespace astradia::shell {
namespace {

using sudoku::kCells;

constexpr float kTopBar = 57;     // CSS px: the top bar and its rule
constexpr float kStatus = 44;     // the status line
constexpr float kHintRoom = 160;   // under the pad: a hint of three lines and its buttons
constexpr float kBelowBoard = 300;  // tools (two rows), pad and hint text under the board (stacked layout)

ImU32 mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

void centred_text(ImDrawList* dl, ImFont* f, float size, ImVec2 centre, ImU32 col, const char* text) {
    const ImVec2 ts = f->CalcTextSizeA(size, 1e9f, 0, text);
    dl->AddText(f, size, ImVec2(std::round(centre.x - ts.x / 2), std::round(centre.y - ts.y / 2)), col, text);
}

bool in_peers(int a, int b) {
    return sudoku::row_of(a) == sudoku::row_of(b) || sudoku::col_of(a) == sudoku::col_of(b) ||
           sudoku::box_of(a) == sudoku::box_of(b);
}

struct HintMarks {
    std::bitset<kCells> cells;     // the pattern
    std::bitset<kCells> targets;   // cells something happens to
    std::array<std::uint16_t, kCells> removed{};  // digits eliminated, per cell
    std::array<std::uint8_t, kCells> placed{};    // digit placed, per cell
};

HintMarks marks_of(const sudoku::Hint* hint) {
    HintMarks m;
    if (hint == nullptr) return m;
    for (auto c : hint->step.cells) m.cells.set(c);
    for (const auto& p : hint->step.placements) {
        m.targets.set(p.cell);
        m.placed[p.cell] = p.digit;
    }
    for (const auto& e : hint->step.eliminations) {
        m.targets.set(e.cell);
        m.removed[e.cell] = static_cast<std::uint16_t>(m.removed[e.cell] | (1u << (e.digit - 1)));
    }
    for (const auto& n : hint->step.chain) m.cells.set(n.cell);
    return m;
}

void draw_board(const Ui& ui, const SudokuViewModel& m, const SudokuLayout& L, std::vector<SudokuIntent>& out) {
    const Palette& p = *ui.pal;
    const sudoku::State& st = *m.state;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = L.board;
    const float cs = L.cell;

    if (m.paused) {
        // The board is hidden while paused (and is no target: its buttons take the clicks).
        dl->AddRectFilled(o, ImVec2(o.x + L.board_size, o.y + L.board_size), p.card, ui.px(6));
        dl->AddRect(o, ImVec2(o.x + L.board_size, o.y + L.board_size), p.grid_thick, ui.px(6), 0, ui.px(2.5f));
        centred_text(dl, ui.fonts->title, ui.fonts->title->FontSize * 0.8f,
                     ImVec2(o.x + L.board_size / 2, o.y + L.board_size / 2 - ui.px(24)), p.text, tr("sudoku.paused"));
        // Its own ID scope: the status line has a "Resume" button too, and two items with
        // one ID answer clicks as one.
        ImGui::PushID("paused-board");
        ImGui::SetCursorScreenPos(ImVec2(o.x + L.board_size / 2 - ui.px(80), o.y + L.board_size / 2 + ui.px(12)));
        if (button(ui, tr("sudoku.resume"), ButtonKind::primary, 160)) out.push_back({SudokuIntent::resume});
        // Export: the puzzle's 81 cells to the clipboard, to play elsewhere or share.
        ImGui::SetCursorScreenPos(ImVec2(o.x + L.board_size / 2 - ui.px(120), ImGui::GetCursorScreenPos().y + ui.px(8)));
        if (button(ui, m.copied ? tr("sudoku.copied") : tr("sudoku.copy"), ButtonKind::secondary, 240)) {
            out.push_back({SudokuIntent::copy_puzzle});
        }
        ImGui::PopID();
        return;
    }

    ImGui::SetCursorScreenPos(o);
    const bool clicked = ImGui::InvisibleButton("##board", ImVec2(L.board_size, L.board_size));
    add_target("board");
    if (clicked && !m.won && !m.lost) {
        const ImVec2 mp = ImGui::GetIO().MousePos;
        const int c = std::clamp(static_cast<int>((mp.x - o.x) / cs), 0, 8);
        const int r = std::clamp(static_cast<int>((mp.y - o.y) / cs), 0, 8);
        out.push_back({SudokuIntent::select, sudoku::cell_at(r, c)});
    }

    dl->AddRectFilled(o, ImVec2(o.x + L.board_size, o.y + L.board_size), p.cell, ui.px(6));

    const HintMarks hm = marks_of(m.hint);
    const int sel = m.selected;
    const int sel_digit = m.armed != 0 ? m.armed : (sel >= 0 ? st.digit(sel) : 0);
    const Settings& set = *m.settings;
    for (int cell = 0; cell < kCells; ++cell) {
        const ImVec2 a(o.x + sudoku::col_of(cell) * cs, o.y + sudoku::row_of(cell) * cs);
        const ImVec2 b(a.x + cs, a.y + cs);
        const int d = st.digit(cell);
        ImU32 bg = 0;
        if (set.highlight_peers && sel >= 0 && m.armed == 0 && in_peers(cell, sel)) bg = p.cell_peer;
        if (set.highlight_same_digit && sel_digit != 0 && d == sel_digit) bg = p.cell_same;
        if (hm.cells.test(cell)) bg = p.cell_hint;
        if (hm.targets.test(cell)) bg = mix(p.cell_hint, p.cell_selected, 0.35f);
        if (set.show_conflicts && m.conflicts.test(cell)) bg = p.cell_conflict;
        if (cell == sel) bg = p.cell_selected;
        if (bg != 0) dl->AddRectFilled(a, b, bg);

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
        dl->AddLine(ImVec2(o.x + i * cs, o.y), ImVec2(o.x + i * cs, o.y + L.board_size), p.grid_thin, ui.px(1));
        dl->AddLine(ImVec2(o.x, o.y + i * cs), ImVec2(o.x + L.board_size, o.y + i * cs), p.grid_thin, ui.px(1));
    }
    for (int i = 3; i < 9; i += 3) {
        dl->AddLine(ImVec2(o.x + i * cs, o.y), ImVec2(o.x + i * cs, o.y + L.board_size), p.grid_thick, ui.px(2.5f));
        dl->AddLine(ImVec2(o.x, o.y + i * cs), ImVec2(o.x + L.board_size, o.y + i * cs), p.grid_thick, ui.px(2.5f));
    }
    dl->AddRect(o, ImVec2(o.x + L.board_size, o.y + L.board_size), p.grid_thick, ui.px(6), 0, ui.px(2.5f));
}

// A pad key: the digit large, how many are left small; greyed when all nine are placed.
bool pad_key(const Ui& ui, int digit, int left, ImVec2 size, bool armed, bool notes_mode, bool enabled) {
    const Palette& p = *ui.pal;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const char label[2] = {static_cast<char>('0' + digit), 0};
    if (!enabled) ImGui::BeginDisabled();
    const bool pressed = ImGui::InvisibleButton(label, size);
    if (!enabled) ImGui::EndDisabled();
    add_target(label, enabled, armed);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 b(a.x + size.x, a.y + size.y);
    const ImU32 bg = armed ? p.accent : hovered ? p.card_hover : p.card;
    dl->AddRectFilled(a, b, bg, ui.px(10));
    dl->AddRect(a, b, armed ? p.accent : p.card_border, ui.px(10), 0, ui.px(1));
    const ImU32 fg = !enabled ? mix(p.text_muted, p.card, 0.35f) : armed ? p.accent_text : notes_mode ? p.note : p.entry;
    const float fs = std::min(ui.fonts->digits->FontSize, size.y * 0.62f);
    centred_text(dl, ui.fonts->digits, fs, ImVec2(a.x + size.x / 2, a.y + size.y * 0.42f), fg, label);
    if (enabled) {
        const std::string n = std::to_string(left);
        centred_text(dl, ui.fonts->small, ui.fonts->small->FontSize, ImVec2(a.x + size.x / 2, a.y + size.y * 0.82f),
                     armed ? p.accent_text : p.text_muted, n.c_str());
    }
    if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible) {
        dl->AddRect(a, b, p.focus, ui.px(10), 0, ui.px(2));
    }
    return pressed && enabled;
}

// Keys in the order they were pressed (several can arrive within one frame: a digit,
// a move, another digit must land in the right cells).
void keyboard(const SudokuViewModel& m, std::vector<SudokuIntent>& out) {
    if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) || m.won || m.lost) return;
    constexpr int kCommand = GLFW_MOD_CONTROL | GLFW_MOD_SUPER;
    bool paused = m.paused;
    int sel = m.selected < 0 ? 40 : m.selected;
    for (const KeyPress& k : frame_keys()) {
        const bool command = (k.mods & kCommand) != 0;
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
            out.push_back({SudokuIntent::hint});
        } else if (k.key == GLFW_KEY_ESCAPE) {
            out.push_back({m.hint ? SudokuIntent::dismiss_hint : SudokuIntent::back});
        }
    }
}

void status_line(const Ui& ui, const SudokuViewModel& m, ImVec2 a, float width) {
    const Palette& p = *ui.pal;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* f = ui.fonts->body;
    const std::string mistakes =
        m.state->rules.mistake_limit > 0
            ? fill(tr("sudoku.mistakes_of"), {{"n", std::to_string(m.state->mistakes)},
                                             {"limit", std::to_string(m.state->rules.mistake_limit)}})
            : fill(tr("sudoku.mistakes"), {{"n", std::to_string(m.state->mistakes)}});
    const float y = a.y + (ui.px(kStatus) - f->FontSize) / 2;
    dl->AddText(f, f->FontSize, ImVec2(a.x, y), m.state->mistakes > 0 ? p.danger : p.text_muted, mistakes.c_str());
    if (!m.time_text.empty()) {
        const ImVec2 ts = ui.fonts->bold->CalcTextSizeA(f->FontSize, 1e9f, 0, m.time_text.c_str());
        dl->AddText(ui.fonts->bold, f->FontSize, ImVec2(a.x + width - ts.x, y), p.text, m.time_text.c_str());
    }
}

void tools(const Ui& ui, const SudokuViewModel& m, float width, int per_row, std::vector<SudokuIntent>& out) {
    const bool on = !m.paused;
    const float gap = ui.px(8);
    const float w = (width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row) / ui.s;
    // Notes mode shows as a filled button with a check mark (not by colour alone).
    const std::string notes = (m.notes_mode ? "\u2713 " : "") + std::string(tr("sudoku.notes"));
    struct Tool {
        const char* label;
        SudokuIntent::Kind kind;
        bool enabled;
        ButtonKind style;
    } list[] = {
        {tr("sudoku.undo"), SudokuIntent::undo, on && m.can_undo, ButtonKind::secondary},
        {tr("sudoku.erase"), SudokuIntent::erase, on, ButtonKind::secondary},
        {notes.c_str(), SudokuIntent::toggle_notes, on, m.notes_mode ? ButtonKind::primary : ButtonKind::secondary},
        {tr("sudoku.hint"), SudokuIntent::hint, on, ButtonKind::secondary},
        {tr("sudoku.redo"), SudokuIntent::redo, on && m.can_redo, ButtonKind::secondary},
        {tr("sudoku.auto_notes"), SudokuIntent::auto_notes, on, ButtonKind::secondary},
    };
    for (int i = 0; i < 6; ++i) {
        if (i % per_row != 0) ImGui::SameLine(0, gap);
        if (button(ui, list[i].label, list[i].style, w, list[i].enabled)) out.push_back({list[i].kind});
    }
}

// `room`: the height the keys may grow to on a tall screen (0: their own size).
void pad(const Ui& ui, const SudokuViewModel& m, float width, int per_row, std::vector<SudokuIntent>& out,
         float room = 0) {
    int counts[10] = {};
    for (int c = 0; c < kCells; ++c) ++counts[m.state->digit(c)];
    const float gap = ui.px(per_row == 9 ? 4 : 8);
    const float kw = (width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    float kh = per_row == 9 ? std::max(ui.px(58), kw * 1.25f) : std::min(kw * 0.8f, ui.px(76));
    if (per_row == 9) kh = std::clamp(room, kh, std::max(kh, ui.px(80)));
    for (int d = 1; d <= 9; ++d) {
        if ((d - 1) % per_row != 0) ImGui::SameLine(0, gap);
        const int left = 9 - counts[d];
        if (pad_key(ui, d, left, ImVec2(kw, kh), m.armed == d, m.notes_mode, !m.paused && left > 0)) {
            out.push_back({SudokuIntent::digit_key, -1, d, true});
        }
    }
}

void hint_panel(const Ui& ui, const SudokuViewModel& m, float width, std::vector<SudokuIntent>& out) {
    if (m.hint == nullptr) return;
    const Palette& p = *ui.pal;
    const std::string& text = language() == Lang::ru ? m.hint->text_ru : m.hint->text_en;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(a.x + ui.px(14), a.y + ui.px(12)));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(a.x + width - ui.px(14) - ImGui::GetWindowPos().x);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    if (m.hint_applicable && button(ui, tr("sudoku.apply_hint"), ButtonKind::primary)) {
        out.push_back({SudokuIntent::apply_hint});
    }
    if (m.hint_applicable) ImGui::SameLine();
    if (button(ui, tr("sudoku.got_it"), ButtonKind::ghost)) out.push_back({SudokuIntent::dismiss_hint});
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + ui.px(12);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(a, ImVec2(a.x + width, bottom), p.warning_bg, ui.px(12));
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(a.x, bottom + ui.px(8)));
    ImGui::Dummy(ImVec2(0, 0));
}

void end_overlay(const Ui& ui, const SudokuViewModel& m, std::vector<SudokuIntent>& out) {
    if (!m.won && !m.lost) return;
    std::vector<DialogLine> lines;
    if (m.won) {
        lines.push_back({fill(tr("sudoku.won_detail"), {{"level", m.title}, {"time", m.result_time}})});
        if (m.new_record) {
            lines.push_back({tr("sudoku.new_record"), true});
        } else if (!m.best_time.empty()) {
            lines.push_back({fill(tr("sudoku.best_time"), {{"time", m.best_time}})});
        }
    } else {
        lines.push_back({tr("sudoku.lost_detail")});
    }
    switch (result_dialog(ui, "##sudoku-end", tr(m.won ? "sudoku.won" : "sudoku.lost"), lines, tr("start.new_game"),
                          tr("nav.menu"))) {
        case 1: out.push_back({SudokuIntent::new_game}); break;
        case 2: out.push_back({SudokuIntent::menu}); break;
        default: break;
    }
}

}  // namespace

SudokuLayout sudoku_layout(const Ui& ui) {
    SudokuLayout L;
    const float w = ui.width_css, h = ui.height_css;
    L.side_panel = w >= 760 && w > h * 1.05f;
    float size = 0;
    float x = 0, y = kTopBar + 8;
    if (L.side_panel) {
        size = std::min({h - kTopBar - 40, w * 0.58f, 720.0f});
        const float panel = std::min(400.0f, w - size - 72);
        x = (w - size - 24 - panel) / 2;
        y = kTopBar + (h - kTopBar - size) / 2;
    } else {
        size = std::min({w - 24, h - kTopBar - kStatus - kBelowBoard, 640.0f});
        size = std::max(size, 200.0f);
        x = (w - size) / 2;
        y = kTopBar + kStatus;
    }
    size = std::floor(size / 9) * 9;  // whole CSS pixels per cell
    L.board_size = ui.px(size);
    L.cell = L.board_size / 9;
    L.board = ImVec2(std::round(ui.px(x)), std::round(ui.px(y)));
    return L;
}

float sudoku_digit_css(const Ui& ui) {
    const SudokuLayout L = sudoku_layout(ui);
    return std::round(L.cell / ui.s * 0.62f / 2) * 2;
}

std::vector<SudokuIntent> draw_sudoku_view(const Ui& ui, const SudokuViewModel& m) {
    std::vector<SudokuIntent> out;
    begin_screen("##sudoku", ui);
    if (top_bar(ui, m.title.c_str(), tr("nav.menu")) && !m.hint) out.push_back({SudokuIntent::back});
    const SudokuLayout L = sudoku_layout(ui);

    if (L.side_panel) {
        draw_board(ui, m, L, out);
        const float px0 = L.board.x + L.board_size + ui.px(24);
        const float pw = std::min(ui.px(400), ImGui::GetWindowWidth() - px0 - ui.px(24));
        status_line(ui, m, ImVec2(px0, L.board.y), pw);
        ImGui::SetCursorScreenPos(ImVec2(px0, L.board.y + ui.px(kStatus)));
        ImGui::BeginGroup();
        if (button(ui, tr(m.paused ? "sudoku.resume" : "sudoku.pause"), ButtonKind::secondary, pw / ui.s,
                   !m.won && !m.lost)) {
            out.push_back({m.paused ? SudokuIntent::resume : SudokuIntent::pause});
        }
        ImGui::Dummy(ImVec2(0, ui.px(4)));
        tools(ui, m, pw, 2, out);
        ImGui::Dummy(ImVec2(0, ui.px(8)));
        pad(ui, m, pw, 3, out);
        ImGui::Dummy(ImVec2(0, ui.px(8)));
        hint_panel(ui, m, pw, out);
        ImGui::EndGroup();
    } else {
        const float x0 = L.board.x;
        const float width = L.board_size;
        status_line(ui, m, ImVec2(x0, L.board.y - ui.px(kStatus)), width - ui.px(96));
        // The pause control sits at the end of the status line.
        ImGui::SetCursorScreenPos(ImVec2(x0 + width - ui.px(88), L.board.y - ui.px(kStatus)));
        if (button(ui, tr(m.paused ? "sudoku.resume" : "sudoku.pause"), ButtonKind::ghost, 88, !m.won && !m.lost)) {
            out.push_back({m.paused ? SudokuIntent::resume : SudokuIntent::pause});
        }
        draw_board(ui, m, L, out);
        ImGui::SetCursorScreenPos(ImVec2(x0, L.board.y + L.board_size + ui.px(10)));
        ImGui::BeginGroup();
        tools(ui, m, width, 3, out);
        ImGui::Dummy(ImVec2(0, ui.px(2)));
        // A tall phone gives the spare height to the keys (easier to hit), keeping
        // room under them for a hint of three lines.
        const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
        pad(ui, m, width, 9, out, bottom - ImGui::GetCursorScreenPos().y - ui.px(kHintRoom));
        ImGui::Dummy(ImVec2(0, ui.px(4)));
        hint_panel(ui, m, width, out);
        ImGui::EndGroup();
    }
    keyboard(m, out);
    end_screen();
    end_overlay(ui, m, out);
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
                              m.daily_label.c_str(), ButtonKind::secondary);
    if (p == 1) ImGui::OpenPopup("##levels");
    if (p == 2) action.kind = SudokuCardAction::daily;
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
        for (sudoku::Level level : sudoku::kLevels) {
            if (button(ui, level_label(level), ButtonKind::secondary, -1)) {
                action.kind = SudokuCardAction::new_game;
                action.level = level;
                ImGui::CloseCurrentPopup();
            }
        }
        // Import: a puzzle from elsewhere, through the clipboard.
        ImGui::Dummy(ImVec2(0, ui.px(4)));
        if (button(ui, tr("start.paste"), ButtonKind::secondary, -1)) {
            action.kind = SudokuCardAction::paste;
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

void draw_sudoku_help(const Ui& ui) {
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
    for (const auto& k : keys) value_row(ui, tr(k[0]), k[1]);
}

}  // namespace astradia::shell
