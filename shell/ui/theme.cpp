// Purpose: the light and dark palettes and ImGui style set-up.
#include "shell/ui/theme.hpp"

namespace astradia::shell {
namespace {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) { return IM_COL32(r, g, b, a); }

const Palette kLight{
    ImVec4(0.965f, 0.957f, 0.937f, 1.0f),  // warm paper
    rgb(28, 30, 36),  rgb(92, 96, 108), rgb(37, 99, 235), rgb(234, 88, 12),
    rgb(255, 255, 255), rgb(239, 244, 255), rgb(214, 211, 203), rgb(37, 99, 235)};

const Palette kDark{
    ImVec4(0.075f, 0.082f, 0.102f, 1.0f),
    rgb(236, 238, 243), rgb(160, 166, 180), rgb(96, 165, 250), rgb(251, 146, 60),
    rgb(30, 33, 41), rgb(38, 44, 58), rgb(56, 61, 74), rgb(147, 197, 253)};

}  // namespace

const Palette& palette(bool dark) { return dark ? kDark : kLight; }

void apply_theme(bool dark, float scale) {
    ImGuiStyle style;
    if (dark) {
        ImGui::StyleColorsDark(&style);
    } else {
        ImGui::StyleColorsLight(&style);
    }
    const Palette& p = palette(dark);
    style.Colors[ImGuiCol_WindowBg] = p.background;
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(p.text);
    style.Colors[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(p.text_muted);
    style.Colors[ImGuiCol_NavHighlight] = ImGui::ColorConvertU32ToFloat4(p.focus);
    style.WindowBorderSize = 0;
    style.WindowPadding = ImVec2(16, 16);
    style.FramePadding = ImVec2(12, 8);
    style.ItemSpacing = ImVec2(12, 10);
    style.FrameRounding = 8;
    style.WindowRounding = 0;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace astradia::shell
