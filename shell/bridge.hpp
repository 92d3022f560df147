// Purpose: the narrow bridge between the app and its host. On the web every call
// crosses to JavaScript through shell/web/bridge.cpp + bridge.js (the only place
// with JS interop); natively shell/native/bridge.cpp answers the same questions.
// Storage, consent, links, the clock and the test hook go through here, never around it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace astradia::bridge {

// Tells the host the app has drawn its first frame. Web: sets
// <html data-app="running"> and dispatches the window event "astradia:ready".
// Native: nothing.
void report_first_frame();

// The host's colour and contrast preferences (web: prefers-color-scheme,
// prefers-contrast; native: light, normal contrast). Never fail.
bool prefers_dark();
bool prefers_more_contrast();
// Whether the host asks for less motion (web: prefers-reduced-motion: reduce; native:
// no). A change arrives as host_theme_changed. Never fails.
bool prefers_reduced_motion();
// Whether the host's main pointer is a finger, so it likely has no keyboard (web:
// pointer: coarse; native: no). Never fails.
bool coarse_pointer();
// The host's preferred language as a BCP 47 tag ("ru-RU", "en"); "" if unknown.
std::string preferred_language();

// --- persistent key-value storage (web: localStorage; native: one file per key in
// the user's data folder, written atomically) ---------------------------------------
enum class StoreStatus { ok, unavailable, full, failed };
// Whether storage works at all (web: false in private modes that block it). Never fails.
bool store_available();
// The stored text, or nullopt when the key is missing or storage is unavailable.
std::optional<std::string> store_read(const std::string& key);
// Writes the text; returns why it could not (unavailable, full, failed).
StoreStatus store_write(const std::string& key, const std::string& value);
// Removes the key; a missing key is not an error.
void store_remove(const std::string& key);

// --- the page around the app -------------------------------------------------------
// The location's fragment without '#' ("sudoku/easy-42"), "" when none or native.
std::string location_hash();
// Replaces the fragment without adding a history entry (web); nothing natively.
void set_location_hash(const std::string& hash);
// Where the site's own addresses ("/support/...") point natively: an http(s) origin such as
// https://astradia.example (kDefaultSite; the app's --site option). False (and nothing changed)
// for anything else. Web: ignored, as the page's own origin is the site.
inline constexpr const char* kDefaultSite = "https://astradia.example";
bool set_site_address(const std::string& origin);
// Opens a URL of the site (legal pages, support) in a new tab (web) or the default browser (native:
// a "/..." address taken relative to the site address, handed to xdg-open). Returns "" when it was
// opened, else the whole address for the player to open by hand (natively: no xdg-open, or it
// failed; the address is then also printed on stdout). Anything but an http(s) or "/..." address
// is refused and gives "".
std::string open_url(const std::string& url);
// Whether the page has the legal widget (web), and opening its privacy choices.
bool privacy_choices_available();
void open_privacy_choices();
// Whether the player allows `purpose` ("statistics", "ads") now. On the web the legal
// widget is the one judge (window.AstradiaLegal.has: its record checked against the
// site's documents, expiry, Global Privacy Control); without the widget, and natively,
// the answer is no. A change arrives as host_storage_changed. Never fails.
bool consent_allows(std::string_view purpose);
// Hands one statistics event (a JSON object: "name" and the fields server/stats/events.py defines)
// to the page, which sends the events in batches to the site's own /api/events while the player
// allows statistics, and drops them otherwise (shell/web/bridge.js). Natively nothing: native
// builds count nothing. Callers go through shell/usage.hpp (report_event), which asks consent first.
void send_statistics_event(const std::string& event_json);
// Today's date in the player's time zone as "YYYY-MM-DD".
std::string local_date();
// Milliseconds from an arbitrary start, monotonic.
double now_ms();

// --- the clipboard (puzzles in and out) ----------------------------------------------
// Web: navigator.clipboard. Natively these return false and the app uses the window's
// clipboard (GLFW, through ImGui) instead.
// Copies text; false when the host has no clipboard to write.
bool clipboard_write(const std::string& text);
// Asks for the clipboard's text (web: may ask the player's permission); it arrives
// later as host_pasted. False when the host cannot read it this way.
bool clipboard_request_read();
// The page also delivers what the player pastes (Ctrl+V / Cmd+V) while no field of the
// page has the focus. The text since the last call, once; `refused` when a read was not
// allowed. Never fails.
struct Pasted {
    std::string text;
    bool refused = false;
};
std::optional<Pasted> take_pasted();

// --- the main loop ------------------------------------------------------------------
// Web: stops the browser's animation callbacks until wake() (input, resize, a timer).
// Native: nothing (the native loop waits on events itself).
void sleep_loop();
void wake_loop();
// Wakes the loop after `ms` milliseconds (timers on screen); replaces an earlier request.
void wake_after(double ms);

// --- events from the host, collected between frames ---------------------------------
enum HostEvent : unsigned {
    host_hash_changed = 1u << 0,     // the location fragment changed (a share link was opened)
    host_theme_changed = 1u << 1,    // colour scheme, contrast or motion preference changed
    host_storage_changed = 1u << 2,  // another tab changed storage (or the consent widget did)
    host_hidden = 1u << 3,           // the page went to the background
    host_shown = 1u << 4,            // ... and came back
    host_pasted = 1u << 5,           // text was pasted or read from the clipboard: take_pasted()
};
// The events since the last call (a HostEvent bitmask). Never fails.
unsigned take_host_events();

// Touch input (web): Emscripten 3.1.6's GLFW drops touch coordinates, so bridge.js
// takes touch events itself and queues them here in device pixels of the canvas.
struct TouchEvent {
    enum class Phase { down, move, up, cancel } phase;
    float x;
    float y;
    double ms = 0;  // when it happened (the event's time stamp, ms): a flick's speed comes from these,
                    // not from frames, which a busy device draws late
};
std::vector<TouchEvent> take_touch_events();

// --- sound (issue 17) ------------------------------------------------------------------
// Hands the host a short mono sound under `id` (samples in -1..1 at `rate` Hz), once per id.
// play_sound plays it at `volume` (0..1) over whatever plays. Web: WebAudio (one AudioContext,
// made at the first play; a browser that refuses audio plays nothing). Native: nothing is
// played. Both return false when nothing will be heard.
bool load_sound(int id, const std::vector<float>& samples, int rate);
bool play_sound(int id, float volume);

// --- the test hook -----------------------------------------------------------------------
// Web: window.astradia.state() returns JSON.parse(provider()); read-only. Native: unused.
void set_state_provider(std::function<std::string()> provider);

}  // namespace astradia::bridge
