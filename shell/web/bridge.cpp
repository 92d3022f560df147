// Purpose: the C++ side of the web bridge: every call from C++ to the page's
// JavaScript is declared here and implemented in bridge.js beside it (linked with
// --js-library). Nothing else in the code base talks to JavaScript.
#include "shell/bridge.hpp"

extern "C" {
// Implemented in bridge.js; each documented there with this signature.
void astradia_js_report_first_frame(void);
int astradia_js_prefers_dark(void);
}

namespace astradia::bridge {

void report_first_frame() { astradia_js_report_first_frame(); }

bool prefers_dark() { return astradia_js_prefers_dark() != 0; }

}  // namespace astradia::bridge
