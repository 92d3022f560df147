// Purpose: the embedded font subset holds every character the app writes: each string of
// the table in English and Russian, and the few words views spell themselves, has a glyph
// in the regular and the bold font (a missing one would show as '?'). The subset is kept
// small on purpose (shell/CMakeLists.txt, ASTRADIA_GLYPHS), so a new character must be added
// there, and this test says which.
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "shell/i18n.hpp"
#include "shell/ui/fonts.hpp"

using namespace astradia::shell;

namespace {

// The code points of a UTF-8 string (ImGui's decoder).
std::vector<unsigned> code_points(std::string_view text) {
    std::vector<unsigned> out;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        unsigned c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        out.push_back(c);
        p += n;
    }
    return out;
}

}  // namespace

TEST_CASE("fonts: every character the app writes has a glyph in the subset", "[shell][fonts]") {
    ImGui::CreateContext();
    const Fonts fonts = build_fonts(1);
    std::vector<std::string> texts = {"Русский", "English", "\u2190 ", "25 %", "\u00A9", "\u00D7", "\u2713", "\u2715",
                                      "\u25B6", "\u2212"};
    for (std::string_view key : all_keys()) {
        texts.emplace_back(tr(key, Lang::en));
        texts.emplace_back(tr(key, Lang::ru));
    }
    int checked = 0;
    for (const std::string& text : texts) {
        for (unsigned c : code_points(text)) {
            if (c < 0x20) continue;  // line breaks
            INFO("U+" << std::hex << c << " in \"" << text << "\"");
            CHECK(fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
            CHECK(fonts.bold->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
            ++checked;
        }
    }
    CHECK(checked > 1000);
    // A character outside the subset is not there (so the check above can fail).
    CHECK(fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(0x00E9)) == nullptr);  // é
    ImGui::DestroyContext();
}
