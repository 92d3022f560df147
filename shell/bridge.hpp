// Purpose: the narrow bridge between the app and its host. On the web every call
// crosses to JavaScript through shell/web/bridge.cpp + bridge.js (the only place
// with JS interop); natively shell/native/bridge.cpp answers the same questions.
// Storage and consent will go through here too, never around it.
#pragma once

namespace astradia::bridge {

// Tells the host the app has drawn its first frame. Web: sets
// <html data-app="running"> and dispatches the window event "astradia:ready".
// Native: nothing.
void report_first_frame();

// Whether the host prefers a dark colour scheme (web: prefers-color-scheme;
// native: false). Never fails.
bool prefers_dark();

}  // namespace astradia::bridge
