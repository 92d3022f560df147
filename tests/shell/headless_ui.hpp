// Purpose: an ImGui context without a window or GL backend, so tests drive the app's
// screens frame by frame: the real fonts (atlas built, never uploaded), a viewport of
// a given CSS size, the key presses of the next frame, mouse clicks on targets; and the
// world a screen test starts from (storage in a fresh folder, settings, language). Every
// frame drawn here is watched for items sharing an ImGui ID (shell/ui/id_check.hpp): a
// clash fails the test that drew it, naming the control.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <imgui.h>

#include "shell/i18n.hpp"
#include "shell/settings.hpp"
#include "shell/storage.hpp"
#include "shell/ui/fonts.hpp"
#include "shell/ui/id_check.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/ui.hpp"
#include "tests/shell/temp_user_dir.hpp"

namespace astradia::shell::testing {

class HeadlessUi {
public:
    HeadlessUi(float width_css, float height_css, float scale = 1) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width_css * scale, height_css * scale);
        // Kept where the static click helpers find it: targets are in CSS px, the mouse in device px.
        io.DisplayFramebufferScale = ImVec2(scale, scale);
        fonts_ = build_fonts(scale);
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ui_.fonts = &fonts_;
        ui_.pal = &palette(Theme::light);
        ui_.s = scale;
        ui_.width_css = width_css;
        ui_.height_css = height_css;
        id_check::watch(true);
    }
    ~HeadlessUi() { ImGui::DestroyContext(); }
    // The context the views are drawn with: a test may switch the device's kind (touch
    // screen) or reduced motion.
    Ui& context() { return ui_; }
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // One frame: `keys` are pressed during it (GLFW key codes), `draw` draws the screen.
    void frame(const std::vector<int>& keys, const std::function<void(const Ui&)>& draw) {
        std::vector<KeyPress> presses;
        for (int k : keys) presses.push_back(KeyPress{k, 0, false});
        frame(presses, draw);
    }
    // The same with modifiers (GLFW_MOD_* bits in KeyPress::mods).
    void frame(const std::vector<KeyPress>& keys, const std::function<void(const Ui&)>& draw) {
        presses_ = keys;
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        id_check::new_frame();
        set_frame_keys(&presses_);
        begin_targets(ui_.s);
        draw(ui_);
        ImGui::Render();
        set_frame_keys(nullptr);
        for (const id_check::Clash& c : id_check::clashes()) {
            INFO("two controls share an ImGui ID: " << describe(c));
            CHECK(false);
        }
    }

    // The control a clash was found at: its target's label and group, else its label and place.
    std::string describe(const id_check::Clash& c) const {
        const float x = (c.x + c.w / 2) / ui_.s;
        const float y = (c.y + c.h / 2) / ui_.s;
        for (const Target& t : targets()) {
            if (x >= t.x && x <= t.x + t.w && y >= t.y && y <= t.y + t.h) {
                return "\"" + t.label + "\"" + (t.group.empty() ? "" : " in group " + t.group);
            }
        }
        return "\"" + c.label + "\" at (" + std::to_string(x) + ", " + std::to_string(y) + ") CSS px";
    }

    // Moves the mouse to the (last, or first) target labelled `label` in the last frame,
    // then presses and releases the primary button over three frames drawn by `frame`.
    // False when the last frame drew no such target.
    static bool click(const std::string& label, const std::function<void()>& frame, bool first = false) {
        return click_where([&](const Target& t) { return t.label == label; }, frame, first);
    }
    // The same for the target labelled `label` in the TargetGroup `group` ("bricks").
    static bool click_in(const std::string& group, const std::string& label, const std::function<void()>& frame) {
        return click_where([&](const Target& t) { return t.group == group && t.label == label; }, frame, false);
    }
    static bool click_where(const std::function<bool(const Target&)>& match, const std::function<void()>& frame,
                            bool first) {
        const Target* hit = nullptr;
        for (const Target& t : targets()) {
            if (match(t) && (hit == nullptr || !first)) hit = &t;
        }
        if (hit == nullptr) return false;
        ImGuiIO& io = ImGui::GetIO();
        const float k = io.DisplayFramebufferScale.x;  // targets are in CSS px, the mouse in device px
        // Below or above the screen (a scrolling column): the mouse wheel brings it into
        // view first, as a player would scroll.
        for (int tries = 0; tries < 20 && (hit->y < 0 || (hit->y + hit->h) * k > io.DisplaySize.y); ++tries) {
            io.MousePos = ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2);
            io.MouseWheel = hit->y < 0 ? 1.0f : -1.0f;
            frame();
            io.MouseWheel = 0;
            frame();
            hit = nullptr;
            for (const Target& t : targets()) {
                if (match(t) && (hit == nullptr || !first)) hit = &t;
            }
            if (hit == nullptr) return false;
        }
        io.MousePos = ImVec2((hit->x + hit->w / 2) * k, (hit->y + hit->h / 2) * k);
        frame();  // hover
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        return true;
    }

private:
    Fonts fonts_;
    Ui ui_;
    std::vector<KeyPress> presses_;
};

// What every screen test starts from: a fresh data folder and its store, default
// settings, English, a headless viewport of the given CSS size, and a clock.
struct ScreenWorld {
    TempUserDir dir;
    Store store;
    Settings settings;
    HeadlessUi ui;
    double now = 1000;

    ScreenWorld(float width_css, float height_css) : ui(width_css, height_css) { set_language(Lang::en); }
};

}  // namespace astradia::shell::testing
