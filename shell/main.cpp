// Purpose: the one main() of the game app, native and web (a page has no command line). Native options:
//   --screenshot FILE.png   draw a few frames, write the last one as PNG, quit
//   --frames N              frames to draw before the screenshot (default 3)
//   --size WxH              window size (default 1280x800)
//   --scale S               force the UI scale (e.g. 2 to check HiDPI rendering)
//   --screen NAME           start on a screen: settings, statistics, help, about,
//                           or sudoku/<level>-<seed> (a puzzle) or sudoku/daily-YYYY-MM-DD
//   --site URL              the site the app's links (support, legal pages) open on
//                           (default https://astradia.example, the operator's site)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "shell/app.hpp"
#include "shell/bridge.hpp"
#include "shell/platform/main_loop.hpp"

namespace {

#ifndef __EMSCRIPTEN__
int usage() {
    std::fprintf(stderr,
                 "usage: astradia-app [--screenshot FILE.png] [--frames N] [--size WxH] [--scale S] [--screen NAME]\n"
                 "                    [--site https://HOST]\n");
    return 2;
}

// Reads the native options into *options; returns false (after printing the usage) on a
// bad one.
bool parse_options(int argc, char** argv, astradia::shell::AppOptions* out) {
    astradia::shell::AppOptions& options = *out;
    for (int i = 1; i < argc; ++i) {
        const char* a = argv[i];
        const char* next = i + 1 < argc ? argv[i + 1] : nullptr;
        if (std::strcmp(a, "--screenshot") == 0 && next) {
            options.screenshot = argv[++i];
        } else if (std::strcmp(a, "--frames") == 0 && next) {
            options.frames = std::atoi(argv[++i]);
            if (options.frames < 1) return usage() == 0;
        } else if (std::strcmp(a, "--size") == 0 && next) {
            if (std::sscanf(argv[++i], "%dx%d", &options.width, &options.height) != 2 || options.width < 64 ||
                options.height < 64) {
                return usage() == 0;
            }
        } else if (std::strcmp(a, "--screen") == 0 && next) {
            options.screen = argv[++i];
        } else if (std::strcmp(a, "--site") == 0 && next) {
            if (!astradia::bridge::set_site_address(argv[++i])) return usage() == 0;
        } else if (std::strcmp(a, "--scale") == 0 && next) {
            options.scale = static_cast<float>(std::atof(argv[++i]));
            if (options.scale < 0.5f || options.scale > 4.0f) return usage() == 0;
        } else {
            return usage() == 0;
        }
    }
    return true;
}
#endif

}  // namespace

int main(int argc, char** argv) {
    astradia::shell::AppOptions options;
#ifdef __EMSCRIPTEN__
    // A page has no command line (and the web build carries no scanf for one).
    (void)argc;
    (void)argv;
#else
    if (!parse_options(argc, argv, &options)) return 2;
#endif
    // Heap-allocated: on the web main() returns into the browser's loop while the app lives on.
    auto* app = new astradia::shell::App(options);
    if (!app->start()) return app->exit_code();
    auto* frame = new auto([app] { return app->frame(); });
    astradia::shell::run_main_loop(frame);
    delete frame;
    const int code = app->exit_code();
    delete app;
    return code;
}
