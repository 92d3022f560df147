// Purpose: drawing the Bricks screen and reading its input (see bricks_view.hpp).
#include "shell/ui/bricks_view.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>

#include <GLFW/glfw3.h>

#include "shell/i18n.hpp"

namespace astradia::shell {
namespace {

constexpr float kTopBar = 57;
constexpr float kScore = 72;
constexpr float kGap = 12;  // between tray slots

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
    const auto alpha = static_cast<unsigned>(46.0f * static_cast<float>((colour >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f);
    dl->AddRectFilled(p, ImVec2(q.x, p.y + (q.y - p.y) * 0.28f), IM_COL32(255, 255, 255, alpha), r,
                      ImDrawFlags_RoundCornersTop);
}

void draw_shape(ImDrawList* dl, const bricks::Shape& shape, ImVec2 top_left, float cell, ImU32 colour) {
    for (int i = 0; i < shape.size; ++i) {
        brick(dl, ImVec2(top_left.x + static_cast<float>(shape.col_of[static_cast<std::size_t>(i)]) * cell,
                         top_left.y + static_cast<float>(shape.row_of[static_cast<std::size_t>(i)]) * cell),
              cell, colour);
    }
}

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
        if (m.paused) {
            if (k.key == GLFW_KEY_ESCAPE && !k.repeat) out.push_back({BricksIntent::resume});
            continue;
        }
        if (k.key >= GLFW_KEY_1 && k.key < GLFW_KEY_1 + m.rules->tray_size() && !k.repeat) {
            out.push_back({BricksIntent::choose, k.key - GLFW_KEY_1});
        } else if (k.key == GLFW_KEY_H && !k.repeat && !m.dragging) {
            out.push_back({BricksIntent::hint});
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
        } else if (k.key == GLFW_KEY_ESCAPE && !k.repeat && !m.dragging) {
            // Escape pauses (like the genre's best): leaving takes a second, deliberate choice.
            out.push_back({BricksIntent::pause});
        }
    }
}

// Text centred at `c` on a rounded pill (for call-outs and the game-over line).
void pill_text(ImDrawList* dl, ImFont* font, float size, ImVec2 c, const char* text, ImU32 fg, ImU32 bg,
               const Ui& ui) {
    const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0, text);
    const ImVec2 pad(ui.px(14), ui.px(8));
    dl->AddRectFilled(ImVec2(c.x - ts.x / 2 - pad.x, c.y - ts.y / 2 - pad.y),
                      ImVec2(c.x + ts.x / 2 + pad.x, c.y + ts.y / 2 + pad.y), bg, ui.px(kRadiusControl));
    dl->AddText(font, size, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), fg, text);
}

// A slot arrangement for the tray in a box: in a row or a column, whichever gives the larger
// pieces; the slots share the whole box (each a larger target), the pieces in them are sized
// as for a slot of at most 170 CSS px. Returns the tray cell size; fills the slots.
float arrange_tray(BricksLayout& L, const Ui& ui, int n, float x, float y, float w, float h, bool row_only) {
    const float nf = static_cast<float>(n);
    const float row_w = (w - kGap * (nf - 1)) / nf;
    const float col_h = (h - kGap * (nf - 1)) / nf;
    const float row_cell = std::min({row_w, h, 170.0f}) / 5.6f;
    const float col_cell = std::min({w, col_h, 170.0f}) / 5.6f;
    const bool in_row = row_only || row_cell >= col_cell;
    for (int i = 0; i < n; ++i) {
        const float fi = static_cast<float>(i);
        L.slot[static_cast<std::size_t>(i)] = in_row ? ImVec2(ui.px(x + fi * (row_w + kGap)), ui.px(y))
                                                     : ImVec2(ui.px(x), ui.px(y + fi * (col_h + kGap)));
    }
    L.slot_size = in_row ? ImVec2(ui.px(row_w), ui.px(h)) : ImVec2(ui.px(w), ui.px(col_h));
    return ui.px(in_row ? row_cell : col_cell);
}

}  // namespace

ImU32 bricks_shape_colour(const Ui& ui, const bricks::Ruleset& rules, int shape) {
    const auto n = static_cast<int>(std::size(ui.pal->bricks));
    return ui.pal->bricks[rules.shape(shape).family % n];
}

BricksLayout bricks_layout(const Ui& ui, const bricks::Ruleset& rules) {
    BricksLayout L;
    const float w = ui.width_css, h = ui.height_css;
    const int n = rules.tray_size();
    // Landscape (a desktop, a phone or tablet on its side, a small native window): side by side.
    L.side_panel = w > h * 1.05f;
    const float cols = static_cast<float>(rules.cols());
    float size = 0, x = 0, y = 0;
    float tray_cell = 0;
    if (L.side_panel) {
        size = std::min({h - kTopBar - 32, w * 0.56f, 720.0f});
        size = std::floor(size / cols) * cols;
        const float panel = std::min(400.0f, w - size - 64);
        x = std::floor((w - size - 24 - panel) / 2);
        y = std::floor(kTopBar + (h - kTopBar - size) / 2);
        const float px0 = x + size + 24;
        L.score = ImVec2(ui.px(px0), ui.px(y));
        L.score_width = ui.px(panel);
        tray_cell = arrange_tray(L, ui, n, px0, y + kScore + 16, panel, size - kScore - 16, false);
    } else {
        // Portrait: score, board, tray, centred in the height (no band of empty screen).
        const float slot_w = (std::min(w - 24, 760.0f) - kGap * static_cast<float>(n - 1)) / static_cast<float>(n);
        // A tall phone gives the tray the height it can use (bigger targets for the thumb).
        const float tray_h = std::clamp(h - kTopBar - kScore - 16 - std::min(w - 24, 760.0f) - 16 - 60, 100.0f,
                                        std::min(180.0f, slot_w * 1.4f));
        size = std::min({w - 24, h - kTopBar - kScore - 16 - tray_h - 16, 760.0f});
        size = std::max(size, 200.0f);
        size = std::floor(size / cols) * cols;
        x = std::floor((w - size) / 2);
        const float content = kScore + size + 16 + tray_h;
        y = std::floor(kTopBar + std::max(0.0f, (h - kTopBar - content) / 2) + kScore);
        L.score = ImVec2(ui.px(x), ui.px(y - kScore + 8));
        L.score_width = ui.px(size);
        tray_cell = arrange_tray(L, ui, n, x, y + size + 16, size, tray_h, true);
    }
    L.board_size = ui.px(size);
    L.cell = L.board_size / cols;
    L.board = ImVec2(std::round(ui.px(x)), std::round(ui.px(y)));
    // A tray piece: at most 5 cells across a slot, never larger than 60% of a board cell.
    L.tray_cell = std::min(tray_cell, L.cell * 0.6f);
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
    const auto colour = [&](int shape) { return bricks_shape_colour(ui, rules, shape); };
    begin_screen("##bricks", ui);
    const ImVec2 bar = ImGui::GetCursorScreenPos();
    if (top_bar(ui, tr("start.bricks.name"), tr("nav.menu"), false) && m.held < 0) out.push_back({BricksIntent::back});
    {
        // The suggested move, on demand: a button in the top bar's right end.
        const ImVec2 after = ImGui::GetCursorScreenPos();
        const char* label = tr("bricks.hint");
        const float bw = ui.fonts->body->CalcTextSizeA(ui.fonts->body->FontSize, 1e9f, 0, label).x + ui.px(32);
        ImGui::SetCursorScreenPos(
            ImVec2(bar.x + ImGui::GetWindowWidth() - bw - ui.px(ui.phone() ? 8 : 16), bar.y + ui.px(6)));
        if (button(ui, label, ButtonKind::ghost, 0, m.hint_available)) out.push_back({BricksIntent::hint});
        ImGui::SetCursorScreenPos(after);
    }
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
                      ImVec2(o.x + L.board_size + ui.px(6), o.y + L.board_size + ui.px(6)), p.card,
                      ui.px(kRadiusPanel));
    ImGui::SetCursorScreenPos(o);
    ImGui::InvisibleButton("##bricks-board", ImVec2(L.board_size, L.board_size));
    add_target("bricks-board");
    // The wave of a clear: each cleared brick goes after a delay that grows with its distance
    // from the placed piece, so the eye follows the lines away from the move.
    float wave = 0;
    for (int i = 0; i < rules.cells(); ++i) {
        if (!m.clearing_now.test(i)) continue;
        wave = std::max(wave, std::hypot(static_cast<float>(i % cols) + 0.5f - m.clear_origin_col,
                                         static_cast<float>(i / cols) + 0.5f - m.clear_origin_row));
    }
    const float full_ms = static_cast<float>(kBricksClearMs);
    const float delay_span = 220.0f, fade_ms = full_ms - delay_span;
    for (int i = 0; i < rules.cells(); ++i) {
        const ImVec2 a(o.x + static_cast<float>(i % cols) * L.cell, o.y + static_cast<float>(i / cols) * L.cell);
        const int shape = (*m.shapes)[static_cast<std::size_t>(i)];
        const float inset = std::max(1.0f, L.cell * 0.05f);
        dl->AddRectFilled(ImVec2(a.x + inset, a.y + inset), ImVec2(a.x + L.cell - inset, a.y + L.cell - inset),
                          p.slot, L.cell * 0.16f);
        if (st.board.test(i) && shape != bricks::kEmptySlot) brick(dl, a, L.cell, colour(shape));
        if (m.preview.fits && m.preview.clearing.test(i)) {
            dl->AddRectFilled(a, ImVec2(a.x + L.cell, a.y + L.cell), p.line_clear, L.cell * 0.12f);
        }
        if (m.preview.fits && m.preview.cells.test(i)) brick(dl, a, L.cell, p.ghost_ok);
        if (m.clearing_now.test(i)) {
            const int was = m.clearing_shapes[static_cast<std::size_t>(i)];
            const ImU32 c = was >= 0 ? colour(was) : p.line_clear;
            if (ui.reduce_motion) {
                // Reduced motion: the bricks fade where they are, all at once.
                const float t = std::clamp(m.clear_ms / static_cast<float>(kBricksClearReducedMs), 0.0f, 1.0f);
                if (t < 1) brick(dl, a, L.cell, with_alpha(c, 1 - t));
            } else {
                const float d = std::hypot(static_cast<float>(i % cols) + 0.5f - m.clear_origin_col,
                                           static_cast<float>(i / cols) + 0.5f - m.clear_origin_row);
                const float delay = wave > 0 ? delay_span * d / wave : 0;
                const float t = std::clamp((m.clear_ms - delay) / fade_ms, 0.0f, 1.0f);
                if (t < 1) {
                    // It flashes light, then shrinks to its centre and fades.
                    const float shrink = L.cell * 0.5f * t * t;
                    const ImVec2 pa(a.x + shrink, a.y + shrink);
                    brick(dl, pa, L.cell - 2 * shrink, with_alpha(c, 1 - t));
                    const float flash = std::max(0.0f, 1 - t / 0.35f) * 0.7f;
                    if (flash > 0) {
                        dl->AddRectFilled(pa, ImVec2(pa.x + L.cell - 2 * shrink, pa.y + L.cell - 2 * shrink),
                                          IM_COL32(255, 255, 255, static_cast<int>(255 * flash)), L.cell * 0.16f);
                    }
                }
            }
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
        const bool enabled = shape_i >= 0 && !m.over && !m.paused;
        if (!enabled) ImGui::BeginDisabled();
        ImGui::InvisibleButton("##slot", L.slot_size);
        const bool activated = ImGui::IsItemActivated();
        if (!enabled) ImGui::EndDisabled();
        add_target("piece " + std::to_string(slot + 1), enabled, m.held == slot);
        ImGui::PopID();
        const bool chosen = m.held == slot;
        const bool fits = m.fits[static_cast<std::size_t>(slot)];
        const bool stuck = m.over && shape_i >= 0;  // game over: this one has no room
        dl->AddRectFilled(s, ImVec2(s.x + L.slot_size.x, s.y + L.slot_size.y), chosen ? p.card_hover : p.card,
                          ui.px(kRadiusControl));
        const ImU32 edge = stuck ? p.danger
                           : chosen ? p.accent
                           : (m.hint && m.hint->piece == slot ? with_alpha(p.accent, 0.7f) : p.card_border);
        dl->AddRect(s, ImVec2(s.x + L.slot_size.x, s.y + L.slot_size.y), edge, ui.px(kRadiusControl), 0,
                    ui.px(chosen || stuck ? 2.5f : 1));
        if (shape_i < 0) continue;
        const bricks::Shape& sh = rules.shape(shape_i);
        const ImVec2 origin = tray_piece_origin(L, slot, sh);
        const bool lifted = chosen && m.dragging;
        // A piece that fits nowhere on the board is dimmed: the player sees what is left to play.
        if (!lifted) draw_shape(dl, sh, origin, L.tray_cell, fits ? colour(shape_i) : with_alpha(colour(shape_i), 0.3f));
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
            draw_shape(fg, sh, tl, L.cell, with_alpha(colour(shape_i), m.preview.fits ? 0.92f : 0.75f));
        }
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) out.push_back({BricksIntent::drop, m.held});
    }

    // --- "+N" and call-outs, rising from where the piece went ---
    for (const BricksPop& pop : m.pops) {
        const float rise = ui.reduce_motion ? 0 : L.cell * (pop.callout ? 0.6f : 1.0f) * pop.t;
        const float alpha = 1 - pop.t * pop.t;
        const ImVec2 c(o.x + pop.col * L.cell, o.y + pop.row * L.cell - rise);
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        // The title font (40 CSS px) drawn smaller stays sharp; the body font drawn larger would blur.
        if (pop.callout) {
            pill_text(fg, ui.fonts->title, ui.fonts->title->FontSize * 0.75f, c, pop.text.c_str(),
                      with_alpha(p.accent_text, alpha), with_alpha(p.accent, 0.92f * alpha), ui);
        } else {
            pill_text(fg, ui.fonts->title, ui.fonts->title->FontSize * 0.6f, c, pop.text.c_str(), with_alpha(p.text, alpha),
                      with_alpha(p.card, 0.85f * alpha), ui);
        }
    }

    keyboard(m, out);

    // --- game over, first step: the board as it ended and why ---
    if (m.over && !m.over_dialog) {
        pill_text(ImGui::GetForegroundDrawList(), ui.fonts->bold, ui.fonts->bold->FontSize,
                  ImVec2(o.x + L.board_size / 2, o.y + L.board_size / 2), tr("bricks.no_room"), p.text,
                  with_alpha(p.card, 0.95f), ui);
        // A tap or a key goes straight on to the result.
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) || !frame_keys().empty()) out.push_back({BricksIntent::show_result});
    }
    end_screen();

    if (m.paused && !m.over) {
        switch (result_dialog(ui, "##bricks-pause", tr("bricks.paused"), {{tr("bricks.paused_saved")}}, tr("bricks.resume"),
                              tr("nav.menu"))) {
            case 1: out.push_back({BricksIntent::resume}); break;
            case 2: out.push_back({BricksIntent::menu}); break;
            default: break;
        }
    }
    if (m.over && m.over_dialog) {
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
            // The pieces' families, coloured as on the board: square, line of 2, lines of 3, line of 4.
            static const int kFamily[] = {5, 1, 2, 2, 3};
            dl->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), k == '.' ? ui.pal->slot : ui.pal->bricks[kFamily[k - 'A']],
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
    if (!ui.touch_screen) paragraph(ui, tr("help.bricks.keys"));
}

}  // namespace astradia::shell
