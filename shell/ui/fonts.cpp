// Purpose: building the font atlas from the embedded DejaVu subsets.
#include "shell/ui/fonts.hpp"

#include <imgui.h>

extern const unsigned char astradia_font_sans[];
extern const unsigned long astradia_font_sans_size;
extern const unsigned char astradia_font_sans_bold[];
extern const unsigned long astradia_font_sans_bold_size;

namespace astradia::shell {
namespace {

// The code points of the font subset, as pairs (first, last): shell/CMakeLists.txt's
// ASTRADIA_GLYPHS, the list pyftsubset was given.
const ImWchar kRanges[] = {ASTRADIA_GLYPH_RANGES 0};

const ImWchar kDigitRanges[] = {0x0030, 0x0039, 0};

ImFont* add(const unsigned char* data, unsigned long size, float px, const ImWchar* ranges = kRanges) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the data is static, inside the binary
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    // ImGui takes a non-const pointer but does not write through it when it does not own the data.
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data),
                                                      static_cast<int>(size), px, &cfg, ranges);
}

}  // namespace

Fonts build_fonts(float scale, float digits_css) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    Fonts f;
    f.body = add(astradia_font_sans, astradia_font_sans_size, 17.0f * scale);
    f.bold = add(astradia_font_sans_bold, astradia_font_sans_bold_size, 17.0f * scale);
    f.title = add(astradia_font_sans_bold, astradia_font_sans_bold_size, 40.0f * scale);
    f.small = add(astradia_font_sans, astradia_font_sans_size, 14.0f * scale);
    f.digits = add(astradia_font_sans, astradia_font_sans_size, digits_css * scale, kDigitRanges);
    f.digits_css = digits_css;
    atlas->Build();
    ImGui::GetIO().FontDefault = f.body;
    return f;
}

}  // namespace astradia::shell
