// Purpose: App, the game app's top level: owns the window, fonts and theme, and
// draws one frame at a time. main() calls frame() from the platform's loop.
#pragma once

#include <string>

#include "shell/platform/window.hpp"
#include "shell/ui/fonts.hpp"

namespace astradia::shell {

struct AppOptions {
    std::string screenshot;  // native: write this PNG after `frames` frames, then quit
    int frames = 3;
    int width = 1280;
    int height = 800;
    float scale = 0;         // > 0 forces the UI scale (device px per CSS px)
};

class App {
public:
    explicit App(AppOptions options) : options_(std::move(options)) {}

    // Opens the window and builds the fonts. Returns false (and prints why) on failure.
    bool start();
    // Draws one frame. Returns false when the app should quit (native only).
    bool frame();
    int exit_code() const { return exit_code_; }

private:
    AppOptions options_;
    Window window_;
    Fonts fonts_;
    bool dark_ = false;
    int frame_count_ = 0;
    int exit_code_ = 0;
};

}  // namespace astradia::shell
