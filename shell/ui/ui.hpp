// Purpose: the context every view draws with (fonts, scale, palette, viewport size
// in CSS pixels) and a small kit of widgets with one look: full-screen screens with
// a top bar, a centred scrolling column, buttons, toggles, choices, sections. Every
// target is at least 44 CSS px tall; all text is at least 14 CSS px.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "shell/ui/fonts.hpp"
#include "shell/ui/theme.hpp"

namespace astradia::shell {

struct Ui {
    const Fonts* fonts = nullptr;
    const Palette* pal = nullptr;
    Theme theme = Theme::light;
    float s = 1;            // device px per CSS px
    float width_css = 0;    // viewport in CSS px
    float height_css = 0;

    float px(float css) const { return css * s; }
    bool touch = false;     // the last pointer input was a finger (drag previews lift above it)
    float fling = 0;        // a finger left the glass this frame at this speed (device px/s, + down)
    bool phone() const { return width_css < 600; }
    bool wide() const { return width_css >= 960; }
    // The device's main pointer is a finger (web: pointer: coarse): no scroll bars, lists
    // scroll by dragging with momentum.
    bool touch_screen = false;
    // Animations are cut to what explains a change (a setting, or the browser's
    // prefers-reduced-motion): nothing slides, shrinks or flies.
    bool reduce_motion = false;
};

// Corner radii in CSS px, one look everywhere: controls (buttons, choices, notices, tray
// slots) and panels (cards, dialogs, the board's frame).
inline constexpr float kRadiusControl = 10;
inline constexpr float kRadiusPanel = 16;

enum class ButtonKind { primary, secondary, ghost, danger };

// Starts a full-window screen; always pair with end_screen().
void begin_screen(const char* id, const Ui& ui);
void end_screen();

// A top bar with a back button (when back_label is set) and a title. Returns true
// when back was pressed (or Escape on the keyboard, unless `escape_goes_back` is false:
// a game whose Escape pauses handles it itself).
bool top_bar(const Ui& ui, const char* title, const char* back_label, bool escape_goes_back = true);

// A centred column of at most max_css CSS px that scrolls when its content is taller
// than the space left; pair with end_column().
void begin_column(const Ui& ui, float max_css, const char* id = "##column");
void end_column(const Ui& ui);

bool button(const Ui& ui, const char* label, ButtonKind kind = ButtonKind::secondary, float width_css = 0,
            bool enabled = true);
// A full-width row with a label and a switch; flips *value when pressed. Returns true on change.
bool toggle(const Ui& ui, const char* label, bool* value);
// One choice of n labels: a segmented row when it fits, else a list. Returns true on change.
bool choice(const Ui& ui, const char* id, int* value, const char* const* labels, int n);
void section(const Ui& ui, const char* title);
void paragraph(const Ui& ui, const char* text, bool muted = false);
// A two-column row: the label left, the value right (bold); when both do not fit on one
// line (a licence on a phone) the value goes under the label, wrapped.
void value_row(const Ui& ui, const char* label, const std::string& value);
// Two buttons side by side sharing `width` (device px). Returns 1 or 2 for the one
// pressed, else 0.
int button_pair(const Ui& ui, float width, const char* a, ButtonKind ka, const char* b, ButtonKind kb);

// A card of the start screen: a rounded panel with an accent stripe, drawn behind what is
// drawn between its construction and end() (its height is known only then), `width`
// device px wide with 18 CSS px of padding. inner_width() is the room inside.
class Card {
public:
    Card(const Ui& ui, float width, ImU32 accent);
    void end(const Ui& ui);
    float inner_width() const { return inner_; }

private:
    ImDrawList* dl_;
    ImVec2 start_;
    float width_;
    float inner_;
    ImU32 accent_;
};
// A card's heading: an icon drawn by `icon` into a square of `size` device px at `at`,
// the game's name and a line about it.
using CardIcon = void (*)(ImDrawList* dl, ImVec2 at, float size, const Ui& ui);
void card_header(const Ui& ui, float inner_width, const char* name, const char* blurb, CardIcon icon);
// Something on screen moves by itself (a list coasting after a flick): the app draws the
// next frame too. Cleared by begin_targets(); read by the app after drawing.
void request_redraw();
bool redraw_requested();

// What the test hook reports of the screen: every interactive target drawn this
// frame and shown in it, with its visible label and rectangle in CSS px (a window laid out
// hidden in its first frame reports nothing until it shows). Cleared by begin_targets().
struct Target {
    std::string label;
    float x, y, w, h;
    bool enabled;
    bool on;            // a selected choice or a switched-on toggle
    std::string group;  // the TargetGroup it was drawn in ("bricks" for the Bricks card), or ""
    bool focused = false;  // it has the keyboard focus (ImGui's navigation)
};
void begin_targets(float scale);
const std::vector<Target>& targets();
// Adds the last ImGui item as a target (widgets do this themselves; views call it for
// hand-drawn targets such as board cells).
void add_target(std::string label, bool enabled = true, bool on = false);

// A part of a screen whose controls may repeat another part's labels (each game's card on
// the start screen has its own "New game"): pushes `name` on ImGui's ID stack, so equal
// labels get distinct IDs, and names the group of every target drawn inside it. Nests
// ("a/b"); lives for one scope of one frame.
class TargetGroup {
public:
    explicit TargetGroup(const char* name);
    ~TargetGroup();
    TargetGroup(const TargetGroup&) = delete;
    TargetGroup& operator=(const TargetGroup&) = delete;

private:
    std::size_t outer_size_;  // the group name's length before this one
};

// A key pressed during a frame (the window collects them: ImGui 1.86 with Emscripten's
// GLFW loses a press and release within one frame).
struct KeyPress {
    int key;      // GLFW_KEY_* (both platforms use GLFW's codes)
    int mods;     // GLFW_MOD_* bits
    bool repeat;  // an auto-repeat of a held key
};
// This frame's key presses (set by the app from the window, each frame).
void set_frame_keys(const std::vector<KeyPress>* keys);
// This frame's key presses in order (empty while a text field has the keyboard).
const std::vector<KeyPress>& frame_keys();
// Whether a key (a GLFW key code: both platforms use them) was pressed this frame, with
// auto-repeats when `repeat`; *mods (if given) receives the GLFW_MOD_* bits held then.
bool key_pressed(int glfw_key, bool repeat = true, int* mods = nullptr);

// A centred dialog over a dimmed screen at the end of a game: a title, lines of text
// (the one marked `highlight` in the success colour), and one or two buttons (side by
// side on a short screen). Returns 1 when the primary button was pressed, 2 for the
// secondary, else 0.
struct DialogLine {
    std::string text;
    bool highlight = false;
};
int result_dialog(const Ui& ui, const char* id, const char* title, const std::vector<DialogLine>& lines,
                  const char* primary, const char* secondary);
// The same with a summary under the lines: label and value rows ("Time" 4:12).
struct DialogRow {
    std::string label;
    std::string value;
};
int result_dialog(const Ui& ui, const char* id, const char* title, const std::vector<DialogLine>& lines,
                  const std::vector<DialogRow>& rows, const char* primary, const char* secondary);

// A one-sentence notice (storage problems, a damaged save); returns true when dismissed.
bool notice(const Ui& ui, const char* text, const char* id);

}  // namespace astradia::shell
