// Purpose: the Bricks colours in every theme: one colour per shape family of the classic
// rules, each standing out from an empty cell and from the board's frame (WCAG's 3:1 for
// graphics; 4.5:1 in high contrast), and no two families alike.
#include <algorithm>
#include <cmath>
#include <iterator>

#include <catch2/catch.hpp>

#include "engine/bricks/ruleset.hpp"
#include "shell/ui/theme.hpp"

using namespace astradia::shell;

namespace {

double channel(unsigned v) {
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(ImU32 c) {
    return 0.2126 * channel((c >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152 * channel((c >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722 * channel((c >> IM_COL32_B_SHIFT) & 0xFF);
}
double contrast(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
// Distance in sRGB between two colours (0..441).
double distance(ImU32 a, ImU32 b) {
    double sum = 0;
    for (int shift : {IM_COL32_R_SHIFT, IM_COL32_G_SHIFT, IM_COL32_B_SHIFT}) {
        const double d = static_cast<double>((a >> shift) & 0xFF) - static_cast<double>((b >> shift) & 0xFF);
        sum += d * d;
    }
    return std::sqrt(sum);
}

}  // namespace

TEST_CASE("Bricks colours: one per family, clear against empty cells and the frame, all different", "[shell][theme]") {
    const astradia::bricks::Ruleset& rules = astradia::bricks::classic_rules();
    for (const Theme theme : {Theme::light, Theme::dark, Theme::high_contrast}) {
        const Palette& p = palette(theme);
        INFO("theme " << static_cast<int>(theme));
        REQUIRE(static_cast<int>(std::size(p.bricks)) >= rules.family_count());
        const double need = theme == Theme::high_contrast ? 4.5 : 3.0;
        for (std::size_t i = 0; i < std::size(p.bricks); ++i) {
            INFO("family " << i);
            CHECK(contrast(p.bricks[i], p.slot) >= need);
            CHECK(contrast(p.bricks[i], p.card) >= need);
            for (std::size_t j = i + 1; j < std::size(p.bricks); ++j) {
                INFO("and family " << j);
                CHECK(distance(p.bricks[i], p.bricks[j]) >= 60);
            }
        }
    }
}
