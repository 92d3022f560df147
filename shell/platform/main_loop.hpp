// Purpose: the one place where the native and the web main loop differ.
// Natively a while loop calls frame() until it returns false; on the web the
// browser's animation callback calls it (emscripten_set_main_loop_arg), and main()
// never returns, so the state it uses must live on the heap, not on main's stack.
#pragma once

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#endif

namespace astradia::shell {

// Frame: a callable `bool()` returning false when the app should quit (native only).
template <typename Frame>
void run_main_loop(Frame* frame) {
#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop_arg([](void* p) { (*static_cast<Frame*>(p))(); }, frame, 0, true);
#else
    while ((*frame)()) {
    }
#endif
}

}  // namespace astradia::shell
