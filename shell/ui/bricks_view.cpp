// Purpose: drawing the Bricks screen and reading its input (see bricks_view.hpp).
#include "shell/ui/bricks_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <GLFW/glfw3.h>

#include "shell/i18n.hpp"

namespace astradia::shell {
namespace {

constexpr float kTopBar = 57;
constexpr float kScore = 72;

ImU32 with_alpha(ImU32 c, float a) {
    const auto alpha = static_cast<unsigned>(static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF) * a);
    return (c & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

// One brick: a rounded square with a lighter top edge, inset so neighbours show a seam.
void brick(ImDrawList* dl, ImVec2 a, float cell, ImU32 colour) {
    const float inset = std::max(1.0f, cell * 0.05f);
    const ImVec2 p(a.x + inset, a.y + inset);
    const ImVec2 q(a.x + cell - inset, a.y + cell - inset);
    const float r = cell * 0.16f;
    dl->AddRectFilled(p, q, colour, r);
    dl->AddRectFilled(p, ImVec2(q.x, p.y + (q.y - p.y) * 0.28f), IM_COL32(255, 255, 255, 46), r,
                      ImDrawFlags_RoundCornersTop);
}

void draw_shape(ImDrawList* dl, const bricks::Shape& shape, ImVec2 top_left, float cell, ImU32 colour) {
    for (int i = 0; i < shape.size; ++i) {
        brick(dl, ImVec2(top_left.x + static_cast<float>(shape.col_of[static_cast<std::size_t>(i)]) * cell,
                         top_left.y + static_cast<float>(shape.row_of[static_cast<std::size_t>(i)]) * cell),
              cell, colour);
    }
}

ImU32 shape_colour(const Ui& ui, int shape) { return ui.pal->bricks[shape % 6]; }

// The top-left of a tray piece drawn centred in its slot.
ImVec2 tray_piece_origin(const BricksLayout& L, int slot, const bricks::Shape& shape) {
    const ImVec2 s = L.slot[static_cast<std::size_t>(slot)];
    return ImVec2(std::round(s.x + (L.slot_size.x - static_cast<float>(shape.width) * L.tray_cell) / 2),
                  std::round(s.y + (L.slot_size.y - static_cast<float>(shape.height) * L.tray_cell) / 2));
}

void keyboard(const BricksViewModel& m, std::vector<BricksIntent>& out) {
    if (m.over) return;
    for (const KeyPress& k : frame_keys()) {
        if ((k.mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER)) != 0) continue;
        if (k.key >= GLFW_KEY_1 && k.key < GLFW_KEY_1 + m.rules->tray_size() && !k.repeat) {
            out.push_back({BricksIntent::choose, k.key - GLFW_KEY_1});
        } else if (m.held >= 0 && !m.dragging) {
            switch (k.key) {
                case GLFW_KEY_LEFT: case GLFW_KEY_A: out.push_back({BricksIntent::nudge, m.held, {}, 0, -1}); break;
                case GLFW_KEY_RIGHT: case GLFW_KEY_D: out.push_back({BricksIntent::nudge, m.held, {}, 0, 1}); break;
                case GLFW_KEY_UP: case GLFW_KEY_W: out.push_back({BricksIntent::nudge, m.held, {}, -1, 0}); break;
                case GLFW_KEY_DOWN: case GLFW_KEY_S: out.push_back({BricksIntent::nudge, m.held, {}, 1, 0}); break;
                case GLFW_KEY_ENTER: case GLFW_KEY_KP_ENTER: case GLFW_KEY_SPACE:
                    if (!k.repeat) out.push_back({BricksIntent::place_chosen, m.held});
                    break;
                case GLFW_KEY_ESCAPE: out.push_back({BricksIntent::cancel, m.held}); break;
                default: break;
            }
        } else if (k.key == GLFW_KEY_ESCAPE && !k.repeat) {
            out.push_back({BricksIntent::back});
        }
    }
}

}  // namespace

BricksLayout bricks_layout(const Ui& ui, const bricks::Ruleset& rules) {
    BricksLayout L;
    const float w = ui.width_css, h = ui.height_css;
    const int n = rules.tray_size();
    L.side_panel = w >= 760 && w > h * 1.05f;
    const float cols = static_cast<float>(rules.cols());
    float size = 0, x = 0, y = 0;
    if (L.side_panel) {
        size = std::min({h - kTopBar - 48, w * 0.56f, 680.0f});
        const float panel = std::min(380.0f, w - size - 72);
        x = (w - size - 32 - panel) / 2;
        y = kTopBar + (h - kTopBar - size) / 2;
        const float px0 = x + size + 32;
        L.score = ImVec2(ui.px(px0), ui.px(y));
        L.score_width = ui.px(panel);
        const float slot_w = panel;
        const float slot_h = std::min((size - kScore - 24) / static_cast<float>(n) - 12, 170.0f);
        for (int i = 0; i < n; ++i) {
            L.slot[static_cast<std::size_t>(i)] =
                ImVec2(ui.px(px0), ui.px(y + kScore + 24 + static_cast<float>(i) * (slot_h + 12)));
        }
        L.slot_size = ImVec2(ui.px(slot_w), ui.px(slot_h));
    } else {
        const float tray_h = std::min(150.0f, (w - 24) / static_cast<float>(n));
        size = std::min({w - 24, h - kTopBar - kScore - tray_h - 40, 640.0f});
        size = std::max(size, 220.0f);
        x = (w - size) / 2;
        y = kTopBar + kScore;
        L.score = ImVec2(ui.px(x), ui.px(kTopBar + 8));
        L.score_width = ui.px(size);
        const float gap = 10;
        const float slot_w = (size - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
        for (int i = 0; i < n; ++i) {
            L.slot[static_cast<std::size_t>(i)] =
                ImVec2(ui.px(x + static_cast<float>(i) * (slot_w + gap)), ui.px(y + size + 16));
        }
        L.slot_size = ImVec2(ui.px(slot_w), ui.px(tray_h));
    }
    size = std::floor(size / cols) * cols;
    L.board_size = ui.px(size);
    L.cell = L.board_size / cols;
    L.board = ImVec2(std::round(ui.px(x)), std::round(ui.px(y)));
    // A tray piece: at most 5 cells across a slot, never larger than 60% of a board cell.
    L.tray_cell = std::min({L.slot_size.x / 5.6f, L.slot_size.y / 5.6f, L.cell * 0.6f});
    return L;
}

std::optional<Anchor> snap(const BricksLayout& L, const bricks::Shape& shape, ImVec2 pointer, ImVec2 grab, float lift) {
    const float x = pointer.x - grab.x * L.cell - L.board.x;
    const float y = pointer.y - lift - grab.y * L.cell - L.board.y;
    const int col = static_cast<int>(std::floor(x / L.cell + 0.5f));
    const int row = static_cast<int>(std::floor(y / L.cell + 0.5f));
    const int cols = static_cast<int>(std::lround(L.board_size / L.cell));
    if (row < 0 || col < 0 || row + shape.height > cols || col + shape.width > cols) return std::nullopt;
    return Anchor{row, col};
}

std::vector<BricksIntent> draw_bricks_view(const Ui& ui, const BricksViewModel& m) {
    std::vector<BricksIntent> out;
    const Palette& p = *ui.pal;
    const bricks::Ruleset& rules = *m.rules;
    const bricks::State& st = *m.state;
    const BricksLayout L = bricks_layout(ui, rules);
    begin_screen("##bricks", ui);
    if (top_bar(ui, tr("start.bricks.name"), tr("nav.menu")) && m.held < 0) out.push_back({BricksIntent::back});
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // --- score ---
    {
        const std::string score = std::to_string(st.score);
        const std::string best = fill(tr("start.best"), {{"score", std::to_string(std::max(m.best, st.score))}});
        ImFont* big = ui.fonts->digits;
        const float fs = std::min(big->FontSize, ui.px(40));
        dl->AddText(ui.fonts->small, ui.fonts->small->FontSize, L.score, p.text_muted, tr("bricks.score"));
        dl->AddText(big, fs, ImVec2(L.score.x, L.score.y + ui.fonts->small->FontSize + ui.px(2)), p.text,
                    score.c_str());
        const ImVec2 bs = ui.fonts->body->CalcTextSizeA(ui.fonts->body->FontSize, 1e9f, 0, best.c_str());
        dl->AddText(ui.fonts->body, ui.fonts->body->FontSize,
                    ImVec2(L.score.x + L.score_width - bs.x, L.score.y + ui.fonts->small->FontSize + ui.px(10)),
                    m.new_record ? p.success : p.text_muted, best.c_str());
    }

    // --- the board ---
    const int cols = rules.cols();
    const ImVec2 o = L.board;
    dl->AddRectFilled(ImVec2(o.x - ui.px(6), o.y - ui.px(6)),
                      ImVec2(o.x + L.board_size + ui.px(6), o.y + L.board_size + ui.px(6)), p.card, ui.px(12));
    ImGui::SetCursorScreenPos(o);
    ImGui::InvisibleButton("##bricks-board", ImVec2(L.board_size, L.board_size));
    add_target("bricks-board");
    for (int i = 0; i < rules.cells(); ++i) {
        const ImVec2 a(o.x + static_cast<float>(i % cols) * L.cell, o.y + static_cast<float>(i / cols) * L.cell);
        const int shape = (*m.shapes)[static_cast<std::size_t>(i)];
        if (st.board.test(i) && shape != bricks::kEmptySlot) {
            brick(dl, a, L.cell, shape_colour(ui, shape));
        } else {
            const float inset = std::max(1.0f, L.cell * 0.05f);
            dl->AddRectFilled(ImVec2(a.x + inset, a.y + inset), ImVec2(a.x + L.cell - inset, a.y + L.cell - inset),
                              p.slot, L.cell * 0.16f);
        }
        if (m.preview.fits && m.preview.clearing.test(i)) {
            dl->AddRectFilled(a, ImVec2(a.x + L.cell, a.y + L.cell), p.line_clear, L.cell * 0.12f);
        }
        if (m.preview.fits && m.preview.cells.test(i)) brick(dl, a, L.cell, p.ghost_ok);
        if (m.clear_t < 1 && m.clearing_now.test(i)) {
            // The cleared lines flash and shrink away.
            const float k = 1 - m.clear_t;
            const float shrink = L.cell * 0.5f * m.clear_t;
            dl->AddRectFilled(ImVec2(a.x + shrink, a.y + shrink), ImVec2(a.x + L.cell - shrink, a.y + L.cell - shrink),
                              with_alpha(p.line_clear, 0.4f + 0.6f * k), L.cell * 0.16f);
        }
    }
    if (m.hint && !m.dragging && !m.over) {
        const int slot = m.hint->piece;
        const int shape_i = st.tray[static_cast<std::size_t>(slot)];
        if (shape_i >= 0) {
            const bricks::Shape& sh = rules.shape(shape_i);
            for (int i = 0; i < sh.size; ++i) {
                const ImVec2 a(o.x + static_cast<float>(m.hint->col + sh.col_of[static_cast<std::size_t>(i)]) * L.cell,
                               o.y + static_cast<float>(m.hint->row + sh.row_of[static_cast<std::size_t>(i)]) * L.cell);
                dl->AddRect(ImVec2(a.x + ui.px(2), a.y + ui.px(2)), ImVec2(a.x + L.cell - ui.px(2), a.y + L.cell - ui.px(2)),
                            with_alpha(p.accent, 0.9f), L.cell * 0.16f, 0, ui.px(3));
            }
        }
    }

    // --- the tray ---
    for (int slot = 0; slot < rules.tray_size(); ++slot) {
        const ImVec2 s = L.slot[static_cast<std::size_t>(slot)];
        const int shape_i = st.tray[static_cast<std::size_t>(slot)];
        ImGui::SetCursorScreenPos(s);
        ImGui::PushID(slot);
        const bool enabled = shape_i >= 0 && !m.over;
        if (!enabled) ImGui::BeginDisabled();
        ImGui::InvisibleButton("##slot", L.slot_size);
        const bool activated = ImGui::IsItemActivated();
        if (!enabled) ImGui::EndDisabled();
        add_target("piece " + std::to_string(slot + 1), enabled, m.held == slot);
        ImGui::PopID();
        const bool chosen = m.held == slot;
        dl->AddRectFilled(s, ImVec2(s.x + L.slot_size.x, s.y + L.slot_size.y), chosen ? p.card_hover : p.card,
                          ui.px(12));
        dl->AddRect(s, ImVec2(s.x + L.slot_size.x, s.y + L.slot_size.y),
                    chosen ? p.accent : (m.hint && m.hint->piece == slot ? with_alpha(p.accent, 0.7f) : p.card_border),
                    ui.px(12), 0, ui.px(chosen ? 2.5f : 1));
        if (shape_i < 0) continue;
        const bricks::Shape& sh = rules.shape(shape_i);
        const ImVec2 origin = tray_piece_origin(L, slot, sh);
        const bool lifted = chosen && m.dragging;
        if (!lifted) draw_shape(dl, sh, origin, L.tray_cell, shape_colour(ui, shape_i));
        if (activated && !m.over) {
            // Where in the piece it was taken, in cells (clamped to the piece).
            const ImVec2 mp = ImGui::GetIO().MousePos;
            const float gx = std::clamp((mp.x - origin.x) / L.tray_cell, 0.0f, static_cast<float>(sh.width));
            const float gy = std::clamp((mp.y - origin.y) / L.tray_cell, 0.0f, static_cast<float>(sh.height));
            out.push_back({BricksIntent::pick, slot, ImVec2(gx, gy)});
        }
    }

    // --- the piece in hand ---
    if (m.held >= 0 && m.dragging) {
        const int shape_i = st.tray[static_cast<std::size_t>(m.held)];
        if (shape_i >= 0) {
            const bricks::Shape& sh = rules.shape(shape_i);
            const ImVec2 tl(m.pointer.x - m.grab.x * L.cell, m.pointer.y - m.lift - m.grab.y * L.cell);
            ImDrawList* fg = ImGui::GetForegroundDrawList();
            draw_shape(fg, sh, tl, L.cell, with_alpha(shape_colour(ui, shape_i), m.preview.fits ? 0.92f : 0.75f));
        }
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) out.push_back({BricksIntent::drop, m.held});
    }

    keyboard(m, out);
    end_screen();

    if (m.over) {
        std::vector<DialogLine> lines{{fill(tr("bricks.final_score"), {{"score", std::to_string(st.score)}})}};
        if (m.new_record) {
            lines.push_back({tr("bricks.new_record"), true});
        } else {
            lines.push_back({fill(tr("start.best"), {{"score", std::to_string(m.best)}})});
        }
        switch (result_dialog(ui, "##bricks-over", tr("bricks.over"), lines, tr("bricks.again"), tr("nav.menu"))) {
            case 1: out.push_back({BricksIntent::new_game}); break;
            case 2: out.push_back({BricksIntent::menu}); break;
            default: break;
        }
    }
    return out;
}

namespace {

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

}  // namespace

BricksCardAction draw_bricks_card(const Ui& ui, float width, const BricksCardModel& m) {
    BricksCardAction action = BricksCardAction::none;
    Card card(ui, width, ui.pal->accent_alt);
    const float inner = card.inner_width();
    card_header(ui, inner, tr("start.bricks.name"), tr("start.bricks.blurb"), draw_bricks_icon);
    if (m.can_continue) {
        const int p = button_pair(ui, inner, tr("start.continue"), ButtonKind::primary, tr("start.new_game"),
                                  ButtonKind::secondary);
        if (p == 1) action = BricksCardAction::continue_game;
        if (p == 2) action = BricksCardAction::new_game;
    } else if (button(ui, tr("start.new_game"), ButtonKind::primary, inner / ui.s)) {
        action = BricksCardAction::new_game;
    }
    if (m.best > 0) paragraph(ui, fill(tr("start.best"), {{"score", std::to_string(m.best)}}).c_str(), true);
    card.end(ui);
    return action;
}

void draw_bricks_statistics(const Ui& ui, const bricks::Stats& st) {
    section(ui, tr("start.bricks.name"));
    value_row(ui, tr("stats.bricks_games"), std::to_string(st.games));
    value_row(ui, tr("stats.bricks_best"), std::to_string(st.best));
    value_row(ui, tr("stats.bricks_average"), std::to_string(static_cast<long long>(st.average() + 0.5)));
    value_row(ui, tr("stats.bricks_lines"), std::to_string(st.lines));
}

void draw_bricks_help(const Ui& ui) {
    section(ui, tr("start.bricks.name"));
    paragraph(ui, tr("help.bricks.rules"));
    paragraph(ui, tr("help.bricks.scoring"));
    paragraph(ui, tr("help.bricks.keys"));
}

}  // namespace astradia::shell
