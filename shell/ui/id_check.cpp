// Purpose: the duplicate-ID check (see id_check.hpp) and the Dear ImGui test-engine hooks it
// rests on. Compiled into the imgui target natively (the hooks are called from ImGui's own
// sources, so they must be in the same link unit whatever order the libraries come in).
#include "shell/ui/id_check.hpp"

#include <cstdarg>
#include <unordered_map>

#include <imgui.h>
#include <imgui_internal.h>

namespace astradia::shell::id_check {
namespace {

struct Watch {
    std::unordered_map<ImGuiID, int> seen;           // id -> items with it this frame
    std::unordered_map<ImGuiID, std::string> labels; // id -> label, when ImGui told one
    std::vector<Clash> clashes;
};

Watch& w() {
    static Watch watch;
    return watch;
}

}  // namespace

bool available() {
#ifdef IMGUI_ENABLE_TEST_ENGINE
    return true;
#else
    return false;
#endif
}

void watch(bool on) {
    ImGui::GetCurrentContext()->TestEngineHookItems = on;
    new_frame();
}

void new_frame() {
    w().seen.clear();
    w().labels.clear();
    w().clashes.clear();
}

const std::vector<Clash>& clashes() { return w().clashes; }

}  // namespace astradia::shell::id_check

#ifdef IMGUI_ENABLE_TEST_ENGINE
// ImGui calls this for every item with an ID that it adds (before clipping, so items
// scrolled out of view count too). A widget that registers itself twice for one item
// (ButtonBehavior after ItemAdd) is filtered by ImGui itself (LastItemData.ID).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& bb, ImGuiID id) {
    using namespace astradia::shell::id_check;
    auto& watch = w();
    if (++watch.seen[id] == 2) {
        const auto label = watch.labels.find(id);
        watch.clashes.push_back(Clash{id, label != watch.labels.end() ? label->second : std::string(), bb.Min.x,
                                      bb.Min.y, bb.GetWidth(), bb.GetHeight()});
    }
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    if (label != nullptr) astradia::shell::id_check::w().labels[id] = label;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
#endif
