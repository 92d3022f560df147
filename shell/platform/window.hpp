// Purpose: the platform layer of the app: one window with an OpenGL (native) or
// WebGL2 (web) context, Dear ImGui's GLFW + OpenGL3 backends, and the HiDPI scale.
// Supports: GLFW 3.3 + OpenGL 3.0 natively; Emscripten's built-in GLFW + WebGL2 on the web.
// Does not support: multiple windows, ImGui viewports/docking, GL contexts other than those.
//
// ImGui works in device pixels; `scale()` is device pixels per CSS pixel on the web
// (devicePixelRatio) and the monitor content scale natively, so views size things as
// `px * scale()` and text is rasterised at the real pixel size: crisp at any ratio.
#pragma once

#include <array>
#include <deque>
#include <string>
#include <vector>

#include "shell/bridge.hpp"
#include "shell/ui/ui.hpp"  // KeyPress

struct GLFWwindow;

namespace astradia::shell {

// A key press (or auto-repeat) as GLFW reported it, with the modifiers held then.
struct WindowSettings {
    const char* title = "Astradia";
    int width = 1280;         // native only: initial size in screen coordinates
    int height = 800;
    float forced_scale = 0;   // > 0 overrides the detected scale (tests, screenshots)
};

class Window {
public:
    // Returns false with a one-line reason in error() when GLFW or GL cannot start.
    bool open(const WindowSettings& settings);
    void close();
    const std::string& error() const { return error_; }

    // Polls input, follows the canvas/window size and scale, starts an ImGui frame.
    // Returns true when the scale changed since the last frame (fonts must be rebuilt
    // before the frame is drawn: call rebuild_fonts_texture() after changing them).
    bool begin_frame();
    // Draws the frame on a cleared background. With png_path set, also writes the
    // drawn frame as a PNG before presenting it; returns false when that fails.
    bool end_frame(float r, float g, float b, const char* png_path = nullptr);
    void rebuild_fonts_texture();

    // Polls input and follows the window size without starting a frame. Returns
    // true when anything happened since the last call (input, resize, touch), so the
    // app can decide whether a frame is worth drawing at all.
    bool poll_activity();

    // Blocks until input arrives or `seconds` pass (native only; the browser drives
    // the web loop). Used when nothing animates, so an idle app costs nothing.
    void wait_events(double seconds);

    // The key presses since the previous frame, in order. ImGui 1.86 only sees which
    // keys are down at frame time, so a press and release between two frames (a quick
    // tap, or a test's keyboard) would be lost; views read presses from here instead.
    const std::vector<KeyPress>& key_presses() const { return frame_keys_; }

    // Whether the last pointer input was a touch (web).
    bool touch_input() const { return touch_recent_ || touch_down_; }
    // The vertical speed of a finger that just left the glass (device px per second, positive
    // downwards), measured from the touch events' own times over their last 100 ms; 0 when the
    // finger rested before it lifted, or nothing was released this frame.
    float fling() const { return fling_; }

    bool should_close() const;
    float scale() const { return scale_; }
    int pixel_width() const { return fb_w_; }
    int pixel_height() const { return fb_h_; }
private:
    bool save_png(const char* path) const;
    void follow_canvas_size();
    void apply_touch();
    static void mark_activity(GLFWwindow* w);
    float detect_scale() const;
    GLFWwindow* window_ = nullptr;
    std::string error_;
    float forced_scale_ = 0;
    float scale_ = 1;
    int fb_w_ = 0;
    int fb_h_ = 0;
    bool activity_ = true;
    std::vector<KeyPress> pending_keys_;  // collected by the key callback
    std::vector<KeyPress> frame_keys_;    // this frame's
    // Touch (web): events waiting to be applied, one press or release per frame so a
    // quick tap is still seen as down for one frame and up the next.
    std::deque<bridge::TouchEvent> touch_queue_;
    bool touch_down_ = false;
    bool touch_recent_ = false;   // the last pointer input was a touch
    bool touch_released_ = false; // released last frame: clear the position now
    float touch_x_ = 0;
    float touch_y_ = 0;
    std::array<bridge::TouchEvent, 8> touch_trail_{};  // the finger's last positions, for fling()
    std::size_t touch_trail_n_ = 0;
    float fling_ = 0;
};

}  // namespace astradia::shell
