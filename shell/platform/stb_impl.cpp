// Purpose: the one translation unit that compiles stb_image_write's implementation
// for PNG screenshots of the native app (native builds only). Headers: Debian libstb-dev.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
