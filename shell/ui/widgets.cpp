// Purpose: the widget kit of ui.hpp, drawn with ImGui's draw lists for one look.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include <GLFW/glfw3.h>
#include <imgui_internal.h>  // ClearActiveID (a drag that scrolls is not a tap), context hooks, hidden windows

#include "shell/ui/ui.hpp"

namespace astradia::shell {
namespace {

constexpr float kTarget = 44;  // CSS px: the smallest touch target

// The end of a label's visible text: ImGui ids may follow "##".
const char* label_end(const char* label) {
    const char* hashes = std::strstr(label, "##");
    return hashes != nullptr ? hashes : label + std::strlen(label);
}

ImVec2 add(ImVec2 a, ImVec2 b) { return ImVec2(a.x + b.x, a.y + b.y); }

void draw_focus(const Ui& ui, ImVec2 a, ImVec2 b, float rounding) {
    if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible) {
        const float o = ui.px(3);
        ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - o, a.y - o), ImVec2(b.x + o, b.y + o), ui.pal->focus,
                                            rounding + o, 0, ui.px(2));
    }
}

// A finger scrolls the current window by dragging it (ImGui itself only scrolls with a
// wheel), and a flick goes on with momentum, slowing down as on a phone. The press that
// started a drag no longer counts as a tap on what was under it. The flick's speed is the
// finger's own (Ui::fling, from the touch events' times), so a device that draws frames late
// still coasts as far; the coasting speed (device px per second) and whether this window was
// being dragged are kept in the window's state storage.
void drag_scroll(const Ui& ui) {
    ImGuiStorage* store = ImGui::GetStateStorage();
    const ImGuiID vel_id = ImGui::GetID("##fling-velocity");
    const ImGuiID held_id = ImGui::GetID("##fling-held");
    const ImGuiIO& io = ImGui::GetIO();
    const float max_y = ImGui::GetScrollMaxY();
    float v = store->GetFloat(vel_id, 0);
    bool moving = false;
    constexpr float kSlowing = 3.0f;  // per second: the speed falls to 5 % in one second
    if (ui.touch && max_y > 0 && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, ui.px(8))) {
        ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() - io.MouseDelta.y, 0.0f, max_y));
        ImGui::ClearActiveID();
        store->SetBool(held_id, true);
        v = 0;
        moving = true;
    } else if (io.MouseDown[0]) {
        v = 0;  // a finger on the glass stops a coasting list
    } else {
        if (store->GetBool(held_id, false)) v = -ui.fling;  // the drag ended: it goes on at the finger's speed
        store->SetBool(held_id, false);
        if (std::fabs(v) > ui.px(40)) {
            // Exact for any frame time: the distance a speed decaying at kSlowing covers in dt.
            const float dt = std::min(io.DeltaTime, 0.5f);
            const float decay = std::exp(-kSlowing * dt);
            const float y = ImGui::GetScrollY() + v * (1 - decay) / kSlowing;
            ImGui::SetScrollY(std::clamp(y, 0.0f, max_y));
            v = y <= 0 || y >= max_y ? 0 : v * decay;
            moving = v != 0;
            if (moving) request_redraw();
        } else {
            v = 0;
        }
    }
    store->SetFloat(vel_id, v);
    if (moving && ui.touch_screen && max_y > 0) {
        // The indicator: a thin rounded bar at the right edge, as long as the visible share.
        const ImVec2 a = ImGui::GetWindowPos();
        const float h = ImGui::GetWindowHeight();
        const float bar = std::max(ui.px(32), h * h / (h + max_y));
        const float top = a.y + (h - bar) * std::clamp(ImGui::GetScrollY() / max_y, 0.0f, 1.0f);
        const float x = a.x + ImGui::GetWindowWidth() - ui.px(3);
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(x - ui.px(3), top), ImVec2(x, top + bar),
                                                      ui.pal->card_border, ui.px(2));
    }
}

}  // namespace

namespace {

// What the widgets keep for one frame: the targets drawn, the scale they are measured in,
// the open TargetGroups' names (joined by '/'), the frame's key presses. It belongs to the
// ImGui context (IO.UserData; made on first use, freed by the context's shutdown hook),
// not to the program: two contexts never share it, and it goes with its context.
struct FrameState {
    std::vector<Target> targets;
    float scale = 1;
    std::string group;
    const std::vector<KeyPress>* keys = nullptr;
    bool redraw = false;
};

FrameState& frame_state() {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (ctx->IO.UserData == nullptr) {
        auto* state = new FrameState();
        ctx->IO.UserData = state;
        ImGuiContextHook hook;
        hook.Type = ImGuiContextHookType_Shutdown;
        hook.UserData = state;
        hook.Callback = [](ImGuiContext* c, ImGuiContextHook* h) {
            delete static_cast<FrameState*>(h->UserData);
            c->IO.UserData = nullptr;
        };
        ImGui::AddContextHook(ctx, &hook);
    }
    return *static_cast<FrameState*>(ctx->IO.UserData);
}

}  // namespace

void begin_targets(float scale) {
    FrameState& f = frame_state();
    f.targets.clear();
    f.scale = scale;
    f.group.clear();
    f.redraw = false;
}

void request_redraw() { frame_state().redraw = true; }
bool redraw_requested() { return frame_state().redraw; }

TargetGroup::TargetGroup(const char* name) : outer_size_(frame_state().group.size()) {
    ImGui::PushID(name);
    std::string& group = frame_state().group;
    if (!group.empty()) group += '/';
    group += name;
}

TargetGroup::~TargetGroup() {
    frame_state().group.resize(outer_size_);
    ImGui::PopID();
}

const std::vector<Target>& targets() { return frame_state().targets; }

void add_target(std::string label, bool enabled, bool on) {
    // A window that sizes itself is laid out hidden in its first frame, at a provisional
    // place; what it holds is not on screen until the next frame, so it is not reported.
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    if (window != nullptr && (window->Hidden || (window->RootWindow != nullptr && window->RootWindow->Hidden))) return;
    FrameState& f = frame_state();
    const ImVec2 a = ImGui::GetItemRectMin();
    const ImVec2 b = ImGui::GetItemRectMax();
    const float k = 1.0f / f.scale;
    f.targets.push_back(Target{std::move(label), a.x * k, a.y * k, (b.x - a.x) * k, (b.y - a.y) * k, enabled, on,
                               f.group, ImGui::IsItemFocused()});
}

void set_frame_keys(const std::vector<KeyPress>* keys) { frame_state().keys = keys; }

const std::vector<KeyPress>& frame_keys() {
    static const std::vector<KeyPress> none;
    const std::vector<KeyPress>* keys = frame_state().keys;
    return keys == nullptr || ImGui::GetIO().WantTextInput ? none : *keys;
}

bool key_pressed(int glfw_key, bool repeat, int* mods) {
    for (const KeyPress& k : frame_keys()) {
        if (k.key == glfw_key && (repeat || !k.repeat)) {
            if (mods != nullptr) *mods = k.mods;
            return true;
        }
    }
    return false;
}

void begin_screen(const char* id, const Ui& ui) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    (void)ui;
}

void end_screen() { ImGui::End(); }

bool top_bar(const Ui& ui, const char* title, const char* back_label, bool escape_goes_back) {
    const float h = ui.px(56);
    const float pad = ui.px(ui.phone() ? 8 : 16);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetWindowWidth();
    dl->AddLine(ImVec2(origin.x, origin.y + h), ImVec2(origin.x + width, origin.y + h), ui.pal->card_border,
                ui.px(1));
    bool back = false;
    if (back_label != nullptr) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + (h - ui.px(kTarget)) / 2));
        const std::string label = std::string("\u2190 ") + back_label;
        back = button(ui, label.c_str(), ButtonKind::ghost);
        if (escape_goes_back && !ImGui::IsAnyItemActive() && !ImGui::GetIO().WantTextInput &&
            ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
            back = true;
        }
    }
    ImFont* font = ui.fonts->bold;
    const float fs = font->FontSize * 1.1f;
    const ImVec2 ts = font->CalcTextSizeA(fs, 1e9f, 0, title);
    const float tx = std::max(origin.x + (width - ts.x) / 2,
                              back_label ? origin.x + pad + ui.px(110) : origin.x + pad);
    dl->AddText(font, fs, ImVec2(tx, origin.y + (h - ts.y) / 2), ui.pal->text, title);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + h + ui.px(1)));
    return back;
}

void begin_column(const Ui& ui, float max_css, const char* id) {
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const float margin = ui.px(ui.phone() ? 16 : 24);
    const float w = std::min(avail_w - 2 * margin, ui.px(max_css));
    const float h = ImGui::GetContentRegionAvail().y;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail_w - w) / 2);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, ui.px(16)));
    // A touch screen shows no scroll bar (a finger drags the page, as everywhere on phones);
    // a thin indicator appears while it moves.
    ImGui::BeginChild(id, ImVec2(w, h), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NavFlattened |
                          (ui.touch_screen ? ImGuiWindowFlags_NoScrollbar : 0));
    ImGui::PopStyleVar();
    drag_scroll(ui);
}

void end_column(const Ui& ui) {
    ImGui::Dummy(ImVec2(0, ui.px(24)));
    ImGui::EndChild();
}

bool button(const Ui& ui, const char* label, ButtonKind kind, float width_css, bool enabled) {
    ImFont* font = kind == ButtonKind::primary ? ui.fonts->bold : ui.fonts->body;
    const ImVec2 ts = font->CalcTextSizeA(font->FontSize, 1e9f, 0, label, label_end(label));
    const float w = width_css > 0 ? ui.px(width_css)
                    : width_css < 0 ? ImGui::GetContentRegionAvail().x
                                    : ts.x + ui.px(32);
    const ImVec2 size(w, ui.px(kTarget));
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b = add(a, size);
    if (!enabled) ImGui::BeginDisabled();
    const bool pressed = ImGui::InvisibleButton(label, size);
    if (!enabled) ImGui::EndDisabled();
    add_target(std::string(label, label_end(label)), enabled);
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    const Palette& p = *ui.pal;
    ImU32 bg = 0, fg = p.text, border = 0;
    switch (kind) {
        case ButtonKind::primary:
            bg = p.accent;
            fg = p.accent_text;
            break;
        case ButtonKind::secondary:
            bg = hovered ? p.card_hover : p.card;
            border = p.card_border;
            break;
        case ButtonKind::ghost:
            bg = hovered ? p.card_hover : 0;
            fg = p.accent;
            break;
        case ButtonKind::danger:
            bg = hovered ? p.card_hover : p.card;
            fg = p.danger;
            border = p.danger;
            break;
    }
    if (!enabled) {  // disabled: a quiet outline whatever the kind
        bg = 0;
        border = p.card_border;
        fg = p.text_muted;
    }
    const float r = ui.px(kRadiusControl);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (bg != 0) dl->AddRectFilled(a, b, bg, r);
    if (kind == ButtonKind::primary && enabled && (hovered || held)) dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, held ? 40 : 24), r);
    if (border != 0) dl->AddRect(a, b, border, r, 0, ui.px(ui.theme == Theme::high_contrast ? 2 : 1));
    dl->AddText(font, font->FontSize, ImVec2(a.x + (w - ts.x) / 2, a.y + (size.y - ts.y) / 2), fg, label,
                label_end(label));
    draw_focus(ui, a, b, r);
    return pressed && enabled;
}

bool toggle(const Ui& ui, const char* label, bool* value) {
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 size(w, ui.px(kTarget + 4));
    const bool pressed = ImGui::InvisibleButton(label, size);
    if (pressed) *value = !*value;
    add_target(std::string(label, label_end(label)), true, *value);
    const Palette& p = *ui.pal;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float sw = ui.px(46), sh = ui.px(26);
    const ImVec2 sa(a.x + w - sw, a.y + (size.y - sh) / 2);
    const ImVec2 sb(sa.x + sw, sa.y + sh);
    const float wrap = w - sw - ui.px(16);
    const char* end = label_end(label);
    const ImVec2 ts = ui.fonts->body->CalcTextSizeA(ui.fonts->body->FontSize, 1e9f, wrap, label, end);
    dl->AddText(ui.fonts->body, ui.fonts->body->FontSize, ImVec2(a.x, a.y + (size.y - ts.y) / 2), p.text, label, end,
                wrap);
    dl->AddRectFilled(sa, sb, *value ? p.accent : p.card_border, sh / 2);
    const float knob = sh / 2 - ui.px(3);
    const float kx = *value ? sb.x - sh / 2 : sa.x + sh / 2;
    dl->AddCircleFilled(ImVec2(kx, sa.y + sh / 2), knob, *value ? p.accent_text : p.card, 24);
    if (ui.theme == Theme::high_contrast) dl->AddRect(sa, sb, p.text, sh / 2, 0, ui.px(2));
    draw_focus(ui, a, ImVec2(a.x + w, a.y + size.y), ui.px(kRadiusControl));
    return pressed;
}

bool choice(const Ui& ui, const char* id, int* value, const char* const* labels, int n) {
    ImGui::PushID(id);
    const float w = ImGui::GetContentRegionAvail().x;
    // Each segment is as wide as its label in bold (the chosen one is bold) plus an
    // equal share of what is left, so a long label never spills out of its segment.
    std::vector<float> widths(static_cast<std::size_t>(n));
    float need = 0;
    for (int i = 0; i < n; ++i) {
        widths[static_cast<std::size_t>(i)] =
            ui.fonts->bold->CalcTextSizeA(ui.fonts->bold->FontSize, 1e9f, 0, labels[i]).x + ui.px(24);
        need += widths[static_cast<std::size_t>(i)];
    }
    const bool row = need <= w;
    for (float& width : widths) width += (w - need) / static_cast<float>(n);
    const Palette& p = *ui.pal;
    bool changed = false;
    float x = ImGui::GetCursorScreenPos().x;
    const float y0 = ImGui::GetCursorScreenPos().y;
    for (int i = 0; i < n; ++i) {
        ImGui::PushID(i);
        const float iw = row ? widths[static_cast<std::size_t>(i)] : w;
        const ImVec2 a = row ? ImVec2(x, y0) : ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(a);
        const ImVec2 size(iw, ui.px(kTarget));
        if (ImGui::InvisibleButton("##opt", size) && *value != i) {
            *value = i;
            changed = true;
        }
        add_target(labels[i], true, *value == i);
        const bool on = *value == i;
        const bool hovered = ImGui::IsItemHovered();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 b(a.x + iw, a.y + size.y);
        const float r = ui.px(kRadiusControl);
        const ImDrawFlags corners =
            !row ? ImDrawFlags_RoundCornersAll
                 : i == 0 ? ImDrawFlags_RoundCornersLeft : i == n - 1 ? ImDrawFlags_RoundCornersRight
                                                                     : ImDrawFlags_RoundCornersNone;
        dl->AddRectFilled(a, b, on ? p.accent : hovered ? p.card_hover : p.card, r, corners);
        dl->AddRect(a, b, on ? p.accent : p.card_border, r, corners, ui.px(ui.theme == Theme::high_contrast ? 2 : 1));
        ImFont* f = on ? ui.fonts->bold : ui.fonts->body;
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e9f, 0, labels[i]);
        const float tx = row ? a.x + (iw - ts.x) / 2 : a.x + ui.px(16);
        dl->AddText(f, f->FontSize, ImVec2(tx, a.y + (size.y - ts.y) / 2), on ? p.accent_text : p.text, labels[i]);
        draw_focus(ui, a, b, r);
        x += iw;
        if (!row) ImGui::Dummy(ImVec2(0, ui.px(2)));
        ImGui::PopID();
    }
    if (row) ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, y0 + ui.px(kTarget)));
    ImGui::Dummy(ImVec2(0, ui.px(4)));
    ImGui::PopID();
    return changed;
}

void section(const Ui& ui, const char* title) {
    ImGui::Dummy(ImVec2(0, ui.px(12)));
    ImGui::PushFont(ui.fonts->bold);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.pal->text);
    ImGui::TextUnformatted(title);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, ui.px(2)));
}

void paragraph(const Ui& ui, const char* text, bool muted) {
    ImGui::PushStyleColor(ImGuiCol_Text, muted ? ui.pal->text_muted : ui.pal->text);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

int result_dialog(const Ui& ui, const char* id, const char* title, const std::vector<DialogLine>& lines,
                  const char* primary, const char* secondary) {
    return result_dialog(ui, id, title, lines, {}, primary, secondary);
}

int result_dialog(const Ui& ui, const char* id, const char* title, const std::vector<DialogLine>& lines,
                  const std::vector<DialogRow>& rows, const char* primary, const char* secondary) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const std::string dim = std::string(id) + "-dim";
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0.45f));
    ImGui::Begin(dim.c_str(), nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::End();
    ImGui::PopStyleColor();
    const float w = std::min(vp->Size.x - ui.px(32), ui.px(400));
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    // A short screen (a landscape phone): a smaller title, less padding, the buttons side by side.
    const bool short_screen = ui.height_css < 520;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(24), ui.px(short_screen ? 14 : 24)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ui.px(kRadiusPanel));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(ui.pal->card));
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::SetWindowFocus();
    ImGui::PushFont(short_screen ? ui.fonts->bold : ui.fonts->title);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(title);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    for (const DialogLine& line : lines) {
        if (line.highlight) {
            ImGui::PushStyleColor(ImGuiCol_Text, ui.pal->success);
            ImGui::PushFont(ui.fonts->bold);
            paragraph(ui, line.text.c_str());
            ImGui::PopFont();
            ImGui::PopStyleColor();
        } else {
            paragraph(ui, line.text.c_str());
        }
    }
    for (const DialogRow& row : rows) value_row(ui, row.label.c_str(), row.value);
    ImGui::Dummy(ImVec2(0, ui.px(short_screen ? 2 : 8)));
    int chosen = 0;
    if (secondary != nullptr && short_screen) {
        chosen = button_pair(ui, ImGui::GetContentRegionAvail().x, primary, ButtonKind::primary, secondary, ButtonKind::secondary);
    } else {
        if (button(ui, primary, ButtonKind::primary, -1)) chosen = 1;
        if (secondary != nullptr && button(ui, secondary, ButtonKind::secondary, -1)) chosen = 2;
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    return chosen;
}

bool notice(const Ui& ui, const char* text, const char* id) {
    ImGui::PushID(id);
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float close_w = ui.px(kTarget);
    const float wrap = w - close_w - ui.px(24);
    const ImVec2 ts = ui.fonts->body->CalcTextSizeA(ui.fonts->body->FontSize, 1e9f, wrap, text);
    const float h = std::max(ts.y + ui.px(24), ui.px(kTarget + 8));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), ui.pal->warning_bg, ui.px(kRadiusControl));
    dl->AddText(ui.fonts->body, ui.fonts->body->FontSize, ImVec2(a.x + ui.px(14), a.y + (h - ts.y) / 2), ui.pal->text,
                text, nullptr, wrap);
    ImGui::SetCursorScreenPos(ImVec2(a.x + w - close_w - ui.px(4), a.y + (h - ui.px(kTarget)) / 2));
    const bool closed = ImGui::InvisibleButton("##dismiss", ImVec2(close_w, ui.px(kTarget)));
    add_target("dismiss");
    const ImVec2 c(a.x + w - close_w / 2 - ui.px(4), a.y + h / 2);
    const float k = ui.px(6);
    dl->AddLine(ImVec2(c.x - k, c.y - k), ImVec2(c.x + k, c.y + k), ui.pal->text, ui.px(2));
    dl->AddLine(ImVec2(c.x - k, c.y + k), ImVec2(c.x + k, c.y - k), ui.pal->text, ui.px(2));
    ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + h + ui.px(8)));
    ImGui::Dummy(ImVec2(0, 0));
    ImGui::PopID();
    return closed;
}

void value_row(const Ui& ui, const char* label, const std::string& value) {
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


int button_pair(const Ui& ui, float width, const char* a, ButtonKind ka, const char* b, ButtonKind kb) {
    const float gap = ui.px(10);
    const float half = (width - gap) / 2 / ui.s;
    int pressed = 0;
    if (button(ui, a, ka, half)) pressed = 1;
    ImGui::SameLine(0, gap);
    if (button(ui, b, kb, half)) pressed = 2;
    return pressed;
}

Card::Card(const Ui& ui, float width, ImU32 accent)
    : dl_(ImGui::GetWindowDrawList()), width_(width), inner_(width - ui.px(36)), accent_(accent) {
    start_ = ImGui::GetCursorScreenPos();
    dl_->ChannelsSplit(2);
    dl_->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(start_.x + ui.px(18), start_.y + ui.px(18)));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(inner_);
}

void Card::end(const Ui& ui) {
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + ui.px(18);
    dl_->ChannelsSetCurrent(0);
    const ImVec2 b(start_.x + width_, bottom);
    const float r = ui.px(kRadiusPanel);
    dl_->AddRectFilled(start_, b, accent_, r);
    dl_->AddRectFilled(ImVec2(start_.x + ui.px(6), start_.y), b, ui.pal->card, r, ImDrawFlags_RoundCornersRight);
    dl_->AddRect(start_, b, ui.pal->card_border, r, 0, ui.px(ui.theme == Theme::high_contrast ? 2 : 1));
    dl_->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start_.x, bottom));
    ImGui::Dummy(ImVec2(width_, 0));
}

void card_header(const Ui& ui, float inner_width, const char* name, const char* blurb, CardIcon icon) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float size = ui.px(ui.phone() ? 64 : 80);
    icon(dl, p, size, ui);
    const float tx = p.x + size + ui.px(16);
    const float wrap = inner_width - size - ui.px(16);
    ImFont* title = ui.fonts->bold;
    dl->AddText(title, title->FontSize * 1.2f, ImVec2(tx, p.y), ui.pal->text, name);
    const float by = p.y + title->FontSize * 1.2f + ui.px(6);
    dl->AddText(ui.fonts->body, ui.fonts->body->FontSize, ImVec2(tx, by), ui.pal->text_muted, blurb, nullptr, wrap);
    const float blurb_h = ui.fonts->body->CalcTextSizeA(ui.fonts->body->FontSize, 1e9f, wrap, blurb).y;
    ImGui::Dummy(ImVec2(inner_width, std::max(size, by - p.y + blurb_h)));
    ImGui::Dummy(ImVec2(0, ui.px(4)));
}

}  // namespace astradia::shell
