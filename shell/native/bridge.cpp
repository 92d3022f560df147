// Purpose: the native answers to the bridge's questions (see shell/bridge.hpp).
#include "shell/bridge.hpp"

namespace astradia::bridge {

void report_first_frame() {}

bool prefers_dark() { return false; }

}  // namespace astradia::bridge
