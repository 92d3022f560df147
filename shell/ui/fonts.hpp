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
};

// Clears the font atlas and adds the fonts at `scale` device pixels per CSS pixel.
// The caller re-uploads the atlas texture (Window::rebuild_fonts_texture()).
Fonts build_fonts(float scale);

}  // namespace astradia::shell
