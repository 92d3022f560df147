// Purpose: implementation of App (see app.hpp).
#include "shell/app.hpp"

#include <cstdio>

#include <imgui.h>

#include "shell/bridge.hpp"
#include "shell/ui/start_view.hpp"
#include "shell/ui/theme.hpp"

#ifndef ASTRADIA_VERSION
#define ASTRADIA_VERSION "dev"
#endif

namespace astradia::shell {

bool App::start() {
    WindowSettings settings;
    settings.title = "Astradia";
    settings.width = options_.width;
    settings.height = options_.height;
    settings.forced_scale = options_.scale;
    if (!window_.open(settings)) {
        std::fprintf(stderr, "astradia-app: %s\n", window_.error().c_str());
        exit_code_ = 1;
        return false;
    }
    dark_ = bridge::prefers_dark();
    fonts_ = build_fonts(window_.scale());
    window_.rebuild_fonts_texture();
    apply_theme(dark_, window_.scale());
    return true;
}

bool App::frame() {
    if (window_.should_close()) return false;
    if (window_.begin_frame()) {
        fonts_ = build_fonts(window_.scale());
        window_.rebuild_fonts_texture();
        apply_theme(dark_, window_.scale());
    }
    ImGui::NewFrame();

    StartViewInput in;
    in.fonts = &fonts_;
    in.scale = window_.scale();
    in.dark = dark_;
    in.version = ASTRADIA_VERSION;
    draw_start_view(in);

    const ImVec4 bg = palette(dark_).background;
    ++frame_count_;
    const bool shoot = !options_.screenshot.empty() && frame_count_ >= options_.frames;
    if (!window_.end_frame(bg.x, bg.y, bg.z, shoot ? options_.screenshot.c_str() : nullptr)) {
        std::fprintf(stderr, "astradia-app: could not write %s\n", options_.screenshot.c_str());
        exit_code_ = 1;
    }
    if (frame_count_ == 1) bridge::report_first_frame();
    if (shoot) return false;
    // Nothing animates on the start screen: natively, sleep until input arrives.
    if (options_.screenshot.empty()) window_.wait_events(0.5);
    return true;
}

}  // namespace astradia::shell
