// Purpose: test helper: checks a screenshot PNG has the expected size and holds a
// real picture (many colours, and enough pixels that differ from the background).
// Usage: png_check FILE.png WIDTH HEIGHT. Exit 0 when it does, 1 with the reason.
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <set>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: png_check FILE.png WIDTH HEIGHT\n");
        return 2;
    }
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &n, 4);
    if (px == nullptr) {
        std::fprintf(stderr, "png_check: cannot read %s: %s\n", argv[1], stbi_failure_reason());
        return 1;
    }
    const int want_w = std::atoi(argv[2]), want_h = std::atoi(argv[3]);
    int status = 0;
    if (w != want_w || h != want_h) {
        std::fprintf(stderr, "png_check: %s is %dx%d, expected %dx%d\n", argv[1], w, h, want_w, want_h);
        status = 1;
    }
    std::set<unsigned> colours;
    long differing = 0;
    const unsigned* p = reinterpret_cast<const unsigned*>(px);
    const unsigned background = p[0];
    for (long i = 0; i < static_cast<long>(w) * h; ++i) {
        colours.insert(p[i]);
        differing += p[i] != background;
    }
    const double share = static_cast<double>(differing) / (static_cast<double>(w) * h);
    std::printf("png_check: %s %dx%d, %zu colours, %.1f%% non-background\n", argv[1], w, h, colours.size(),
                share * 100);
    if (colours.size() < 32 || share < 0.02) {
        std::fprintf(stderr, "png_check: %s looks blank\n", argv[1]);
        status = 1;
    }
    stbi_image_free(px);
    return status;
}
