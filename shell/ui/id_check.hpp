// Purpose: a check that no two items of one frame share an ImGui ID. Two buttons with the
// same label in one window share an ID, and ImGui then lets only one of them be pressed,
// silently (the start screen's two "New game" buttons once did: Bricks could not be started).
// Dear ImGui 1.86 calls its test-engine hooks for every item it adds when the imgui target
// is built with IMGUI_ENABLE_TEST_ENGINE (native builds, cmake/deps.cmake); id_check.cpp
// implements those hooks. The web build leaves the hooks out, so the check costs it nothing.
// The headless screen tests (tests/shell/headless_ui.hpp) watch every frame they draw.
#pragma once

#include <string>
#include <vector>

namespace astradia::shell::id_check {

struct Clash {
    unsigned id = 0;
    std::string label;          // the item's label when ImGui reported one, else ""
    float x = 0, y = 0, w = 0, h = 0;  // where the second item with that ID was drawn (device px)
};

// Whether this build can watch at all (false on the web, where the hooks are not compiled).
bool available();
// Starts or stops watching the current ImGui context: while on, every item added is recorded.
void watch(bool on);
// Forgets the items seen so far; call once per frame, after ImGui::NewFrame().
void new_frame();
// The items of this frame whose ID an earlier item of the same frame already had.
const std::vector<Clash>& clashes();

}  // namespace astradia::shell::id_check
