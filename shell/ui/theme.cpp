// Purpose: the light, dark and high-contrast palettes and ImGui style set-up.
// Contrast: body text and digits meet WCAG AA (4.5:1) on their backgrounds in light
// and dark, and AAA (7:1) in high contrast.
#include "shell/ui/theme.hpp"

#include "shell/ui/ui.hpp"  // the corner radii

namespace astradia::shell {
namespace {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) { return IM_COL32(r, g, b, a); }

const Palette kLight{
    ImVec4(0.965f, 0.957f, 0.937f, 1.0f),  // warm paper #f6f4ef
    rgb(28, 30, 36), rgb(84, 88, 100), rgb(37, 99, 235), rgb(255, 255, 255), rgb(234, 88, 12),
    rgb(255, 255, 255), rgb(239, 244, 255), rgb(214, 211, 203), rgb(37, 99, 235),
    rgb(200, 30, 30), rgb(22, 140, 70), rgb(255, 243, 205),
    // sudoku
    rgb(255, 255, 255), rgb(232, 238, 250), rgb(200, 218, 252), rgb(160, 196, 255), rgb(253, 222, 222),
    rgb(255, 240, 180), rgb(200, 204, 214), rgb(40, 44, 56), rgb(28, 30, 36), rgb(37, 99, 235),
    rgb(84, 88, 100),
    // bricks
    rgb(226, 222, 212),
    // dot, lines of 2 / 3 / 4 / 5, squares of 2 / 3, small and big corners: deep colours
    // that stand out from the light empty cells
    {rgb(124, 58, 237), rgb(71, 85, 105), rgb(21, 128, 61), rgb(29, 78, 216), rgb(190, 18, 60), rgb(3, 105, 161),
     rgb(162, 28, 175), rgb(120, 53, 15), rgb(194, 65, 12)},
    rgb(22, 163, 74, 120), rgb(255, 255, 255, 150)};

const Palette kDark{
    ImVec4(0.075f, 0.082f, 0.102f, 1.0f),
    rgb(236, 238, 243), rgb(165, 171, 186), rgb(96, 165, 250), rgb(10, 14, 24), rgb(251, 146, 60),
    rgb(30, 33, 41), rgb(38, 44, 58), rgb(56, 61, 74), rgb(147, 197, 253),
    rgb(248, 113, 113), rgb(74, 222, 128), rgb(66, 52, 20),
    // sudoku
    rgb(30, 33, 41), rgb(39, 46, 62), rgb(45, 66, 110), rgb(52, 92, 160), rgb(92, 36, 40),
    rgb(92, 78, 24), rgb(62, 67, 80), rgb(170, 176, 190), rgb(236, 238, 243), rgb(125, 185, 255),
    rgb(165, 171, 186),
    // bricks
    rgb(44, 48, 58),
    {rgb(167, 139, 250), rgb(148, 163, 184), rgb(74, 222, 128), rgb(96, 165, 250), rgb(251, 113, 133),
     rgb(34, 211, 238), rgb(232, 121, 249), rgb(250, 204, 21), rgb(251, 146, 60)},
    rgb(74, 222, 128, 110), rgb(255, 255, 255, 110)};

const Palette kContrast{
    ImVec4(0.0f, 0.0f, 0.0f, 1.0f),
    rgb(255, 255, 255), rgb(235, 235, 235), rgb(255, 221, 0), rgb(0, 0, 0), rgb(0, 230, 255),
    rgb(0, 0, 0), rgb(30, 30, 30), rgb(255, 255, 255), rgb(255, 221, 0),
    rgb(255, 90, 90), rgb(0, 255, 120), rgb(60, 50, 0),
    // sudoku
    rgb(0, 0, 0), rgb(28, 28, 28), rgb(70, 60, 0), rgb(120, 100, 0), rgb(110, 0, 0),
    rgb(0, 70, 90), rgb(150, 150, 150), rgb(255, 255, 255), rgb(255, 255, 255), rgb(255, 221, 0),
    rgb(235, 235, 235),
    // bricks
    rgb(40, 40, 40),
    {rgb(220, 140, 255), rgb(200, 200, 200), rgb(0, 230, 90), rgb(80, 170, 255), rgb(255, 110, 130),
     rgb(0, 220, 255), rgb(255, 80, 255), rgb(255, 240, 0), rgb(255, 160, 0)},
    rgb(0, 255, 120, 140), rgb(255, 255, 255, 170)};

ImVec4 f4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

const Palette& palette(Theme theme) {
    switch (theme) {
        case Theme::dark: return kDark;
        case Theme::high_contrast: return kContrast;
        case Theme::light: break;
    }
    return kLight;
}

bool is_dark(Theme theme) { return theme != Theme::light; }

void apply_theme(Theme theme, float scale) {
    ImGuiStyle style;
    if (is_dark(theme)) {
        ImGui::StyleColorsDark(&style);
    } else {
        ImGui::StyleColorsLight(&style);
    }
    const Palette& p = palette(theme);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = p.background;
    c[ImGuiCol_PopupBg] = f4(p.card);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
    c[ImGuiCol_Text] = f4(p.text);
    c[ImGuiCol_TextDisabled] = f4(p.text_muted);
    c[ImGuiCol_Border] = f4(p.card_border);
    c[ImGuiCol_FrameBg] = f4(p.card);
    c[ImGuiCol_FrameBgHovered] = f4(p.card_hover);
    c[ImGuiCol_FrameBgActive] = f4(p.card_hover);
    c[ImGuiCol_Button] = f4(p.card);
    c[ImGuiCol_ButtonHovered] = f4(p.card_hover);
    c[ImGuiCol_ButtonActive] = f4(p.cell_same);
    c[ImGuiCol_CheckMark] = f4(p.accent);
    c[ImGuiCol_SliderGrab] = f4(p.accent);
    c[ImGuiCol_SliderGrabActive] = f4(p.accent);
    c[ImGuiCol_Header] = f4(p.card_hover);
    c[ImGuiCol_HeaderHovered] = f4(p.card_hover);
    c[ImGuiCol_HeaderActive] = f4(p.cell_same);
    c[ImGuiCol_Separator] = f4(p.card_border);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = f4(p.card_border);
    c[ImGuiCol_NavHighlight] = f4(p.focus);
    c[ImGuiCol_TableHeaderBg] = f4(p.card_hover);
    c[ImGuiCol_TableBorderStrong] = f4(p.card_border);
    c[ImGuiCol_TableBorderLight] = f4(p.card_border);
    c[ImGuiCol_TableRowBg] = f4(p.card);
    c[ImGuiCol_TableRowBgAlt] = f4(p.card_hover);
    style.WindowBorderSize = 0;
    style.FrameBorderSize = theme == Theme::high_contrast ? 2.0f : 1.0f;
    style.PopupBorderSize = 1;
    style.WindowPadding = ImVec2(16, 16);
    style.FramePadding = ImVec2(12, 10);
    style.ItemSpacing = ImVec2(12, 10);
    style.ItemInnerSpacing = ImVec2(10, 6);
    style.CellPadding = ImVec2(10, 8);
    style.ScrollbarSize = 10;
    style.FrameRounding = kRadiusControl;
    style.PopupRounding = kRadiusPanel;
    style.WindowRounding = 0;
    style.GrabRounding = kRadiusControl;
    style.ScrollbarRounding = 6;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace astradia::shell
