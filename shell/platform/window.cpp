// Purpose: implementation of the platform window (see window.hpp for what it supports).
#include "shell/platform/window.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <vector>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#ifdef __EMSCRIPTEN__
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#endif
#ifndef __EMSCRIPTEN__
#include <stb/stb_image_write.h>
#endif

namespace astradia::shell {
namespace {
void on_glfw_error(int code, const char* text) { std::fprintf(stderr, "glfw error %d: %s\n", code, text); }
}  // namespace

bool Window::open(const WindowSettings& settings) {
    forced_scale_ = settings.forced_scale;
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        error_ = "could not initialise GLFW (no display?)";
        return false;
    }
#ifdef __EMSCRIPTEN__
    const char* glsl_version = "#version 300 es";
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = emscripten_get_device_pixel_ratio();
    const int w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
    const int h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
#else
    const char* glsl_version = "#version 130";
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    const int w = settings.width;
    const int h = settings.height;
#endif
    window_ = glfwCreateWindow(w, h, settings.title, nullptr, nullptr);
    if (window_ == nullptr) {
        error_ = "could not create a window with an OpenGL 3 / WebGL 2 context";
        glfwTerminate();
        return false;
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    // Any input marks the app active (and wakes a sleeping web loop). Installed before
    // ImGui's backend, which chains to these for the callbacks it installs itself.
    glfwSetWindowUserPointer(window_, this);
    glfwSetCursorPosCallback(window_, [](GLFWwindow* gw, double, double) { mark_activity(gw); });
    glfwSetMouseButtonCallback(window_, [](GLFWwindow* gw, int, int, int) { mark_activity(gw); });
    glfwSetScrollCallback(window_, [](GLFWwindow* gw, double, double) { mark_activity(gw); });
    glfwSetKeyCallback(window_, [](GLFWwindow* gw, int key, int, int action, int mods) {
        mark_activity(gw);
        auto* self = static_cast<Window*>(glfwGetWindowUserPointer(gw));
        if (self != nullptr && (action == GLFW_PRESS || action == GLFW_REPEAT)) {
            self->pending_keys_.push_back(KeyPress{key, mods, action == GLFW_REPEAT});
        }
    });
    glfwSetCharCallback(window_, [](GLFWwindow* gw, unsigned) { mark_activity(gw); });
    glfwSetWindowSizeCallback(window_, [](GLFWwindow* gw, int, int) { mark_activity(gw); });
    glfwSetWindowFocusCallback(window_, [](GLFWwindow* gw, int) { mark_activity(gw); });
    glfwSetCursorEnterCallback(window_, [](GLFWwindow* gw, int) { mark_activity(gw); });
    glfwSetWindowRefreshCallback(window_, [](GLFWwindow* gw) { mark_activity(gw); });

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is ours; nothing is written behind the player's back
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
#ifdef __EMSCRIPTEN__
    // Emscripten 3.1.6's GLFW passes the browser's raw wheel deltas: positive means
    // "down" (GLFW and ImGui mean "up") and they count pixels (or, in line mode,
    // lines). Turned into GLFW's steps here, in front of ImGui's callback, which still
    // chains to ours above. A pixel delta is at least 10 in practice; line deltas are
    // 1 to 3 per notch.
    glfwSetScrollCallback(window_, [](GLFWwindow* gw, double dx, double dy) {
        const auto steps = [](double d) { return std::fabs(d) >= 10 ? -d / 100.0 : -d / 3.0; };
        ImGui_ImplGlfw_ScrollCallback(gw, steps(dx), steps(dy));
    });
#endif
    ImGui_ImplOpenGL3_Init(glsl_version);
    scale_ = detect_scale();
    return true;
}

void Window::close() {
    if (window_ == nullptr) return;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
    window_ = nullptr;
}

float Window::detect_scale() const {
    if (forced_scale_ > 0) return forced_scale_;
#ifdef __EMSCRIPTEN__
    return static_cast<float>(emscripten_get_device_pixel_ratio());
#else
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(window_, &sx, &sy);
    return sx > 0 ? sx : 1.0f;
#endif
}

void Window::mark_activity(GLFWwindow* w) {
    auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
    if (self != nullptr) self->activity_ = true;
    bridge::wake_loop();
}

void Window::follow_canvas_size() {
#ifdef __EMSCRIPTEN__
    // The canvas is sized by CSS (it fills the viewport); its backing store follows
    // at devicePixelRatio so every device pixel is drawn.
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = forced_scale_ > 0 ? forced_scale_ : emscripten_get_device_pixel_ratio();
    const int want_w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
    const int want_h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
    int cur_w = 0, cur_h = 0;
    glfwGetWindowSize(window_, &cur_w, &cur_h);
    if (cur_w != want_w || cur_h != want_h) {
        glfwSetWindowSize(window_, want_w, want_h);
        activity_ = true;
    }
#endif
    if (std::fabs(detect_scale() - scale_) > 1e-3f) activity_ = true;
}

bool Window::poll_activity() {
    glfwPollEvents();
    follow_canvas_size();
    for (const bridge::TouchEvent& t : bridge::take_touch_events()) touch_queue_.push_back(t);
    const bool any = activity_ || !touch_queue_.empty() || touch_released_;
    activity_ = false;
    return any;
}

void Window::apply_touch() {
    ImGuiIO& io = ImGui::GetIO();
    if (touch_released_) {  // the frame after a release: a finger leaves no hover behind
        touch_released_ = false;
        if (!touch_down_) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    }
    fling_ = 0;
    // Apply moves freely, but at most one press or release per frame.
    while (!touch_queue_.empty()) {
        const bridge::TouchEvent e = touch_queue_.front();
        const bool edge = e.phase != bridge::TouchEvent::Phase::move;
        if (e.phase == bridge::TouchEvent::Phase::down) touch_trail_n_ = 0;
        if (e.phase == bridge::TouchEvent::Phase::up && touch_trail_n_ > 0) {
            // The speed over the finger's last 100 ms, if it was still moving when it left.
            const bridge::TouchEvent& last = touch_trail_[touch_trail_n_ - 1];
            std::size_t first = touch_trail_n_ - 1;
            while (first > 0 && last.ms - touch_trail_[first - 1].ms <= 100) --first;
            if (first == touch_trail_n_ - 1 && first > 0) --first;  // one sample: take the one before
            const bridge::TouchEvent& from = touch_trail_[first];
            if (e.ms - last.ms <= 100 && last.ms > from.ms) {
                fling_ = static_cast<float>((last.y - from.y) / ((last.ms - from.ms) / 1000.0));
            }
            touch_trail_n_ = 0;
        }
        if (e.phase == bridge::TouchEvent::Phase::down || e.phase == bridge::TouchEvent::Phase::move) {
            if (touch_trail_n_ == touch_trail_.size()) {
                std::copy(touch_trail_.begin() + 1, touch_trail_.end(), touch_trail_.begin());
                --touch_trail_n_;
            }
            touch_trail_[touch_trail_n_++] = e;
        }
        touch_x_ = e.x;
        touch_y_ = e.y;
        touch_recent_ = true;
        touch_queue_.pop_front();
        if (e.phase == bridge::TouchEvent::Phase::down) touch_down_ = true;
        if (e.phase == bridge::TouchEvent::Phase::up || e.phase == bridge::TouchEvent::Phase::cancel) {
            touch_down_ = false;
            touch_released_ = true;
        }
        if (edge) break;
    }
    if (!touch_recent_) return;
    if (!touch_released_ && !touch_down_ && touch_queue_.empty()) {
        touch_recent_ = false;  // a finger lifted two frames ago: the mouse owns the pointer again
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        return;
    }
    io.MousePos = ImVec2(touch_x_, touch_y_);
    io.MouseDown[0] = touch_down_;
}

bool Window::begin_frame() {
    follow_canvas_size();
    frame_keys_.swap(pending_keys_);
    pending_keys_.clear();
    const float new_scale = detect_scale();
    const bool scale_changed = std::fabs(new_scale - scale_) > 1e-3f;
    scale_ = new_scale;
    glfwGetFramebufferSize(window_, &fb_w_, &fb_h_);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    apply_touch();
    return scale_changed;
}

void Window::rebuild_fonts_texture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

bool Window::end_frame(float r, float g, float b, const char* png_path) {
    ImGui::Render();
    glViewport(0, 0, fb_w_, fb_h_);
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    const bool saved = png_path == nullptr || save_png(png_path);
#ifndef __EMSCRIPTEN__
    glfwSwapBuffers(window_);
#endif
    return saved;
}

void Window::wait_events(double seconds) {
#ifndef __EMSCRIPTEN__
    glfwWaitEventsTimeout(seconds);
#else
    (void)seconds;
#endif
}

bool Window::should_close() const { return window_ == nullptr || glfwWindowShouldClose(window_); }

bool Window::save_png(const char* path) const {
#ifdef __EMSCRIPTEN__
    (void)path;
    return false;  // the browser takes its own screenshots
#else
    if (fb_w_ <= 0 || fb_h_ <= 0) return false;
    std::vector<unsigned char> pixels(static_cast<size_t>(fb_w_) * static_cast<size_t>(fb_h_) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, fb_w_, fb_h_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // GL's rows run bottom-up; PNG's top-down.
    const int stride = fb_w_ * 4;
    stbi_flip_vertically_on_write(1);
    return stbi_write_png(path, fb_w_, fb_h_, 4, pixels.data(), stride) != 0;
#endif
}

}  // namespace astradia::shell
