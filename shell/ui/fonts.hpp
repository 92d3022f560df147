// Purpose: the UI fonts (DejaVu Sans regular and bold, subset and embedded at build
// time), rasterised at the real pixel size for the current scale.
#pragma once

struct ImFont;

namespace astradia::shell {

struct Fonts {
    ImFont* body = nullptr;   // 17 CSS px, regular
    ImFont* bold = nullptr;   // 17 CSS px, bold
    ImFont* title = nullptr;  // 40 CSS px, bold
    ImFont* small = nullptr;  // 14 CSS px, regular: the smallest text the app draws
    ImFont* digits = nullptr; // the board's digits (and score figures): 0-9 only, at the
                              // size the board needs, so they are drawn 1:1 and crisp
    float digits_css = 0;
};

// Clears the font atlas and adds the fonts at `scale` device pixels per CSS pixel,
// the board digits at `digits_css` CSS px. The caller re-uploads the atlas texture
// (Window::rebuild_fonts_texture()).
Fonts build_fonts(float scale, float digits_css = 28);

}  // namespace astradia::shell
