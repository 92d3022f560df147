// Purpose: the C++ side of the web bridge: every call from C++ to the page's
// JavaScript is declared here and implemented in bridge.js beside it (linked with
// --js-library), and every C++ function JavaScript calls is exported here. Nothing
// else in the code base talks to JavaScript.
#include "shell/bridge.hpp"

#include <emscripten/emscripten.h>

extern "C" {
// Implemented in bridge.js; each documented there with this signature.
void astradia_js_report_first_frame(void);
int astradia_js_prefers_dark(void);
int astradia_js_prefers_more_contrast(void);
int astradia_js_prefers_reduced_motion(void);
int astradia_js_coarse_pointer(void);
int astradia_js_preferred_language(char* buf, int cap);
int astradia_js_store_available(void);
int astradia_js_store_read(const char* key, char* buf, int cap);
int astradia_js_store_write(const char* key, const char* value);
void astradia_js_store_remove(const char* key);
int astradia_js_location_hash(char* buf, int cap);
void astradia_js_set_location_hash(const char* hash);
void astradia_js_open_url(const char* url);
int astradia_js_local_date(char* buf, int cap);
int astradia_js_privacy_available(void);
void astradia_js_open_privacy(void);
int astradia_js_consent_allows(const char* purpose);
void astradia_js_statistics_event(const char* json);
void astradia_js_wake_after(double ms);
int astradia_js_clipboard_write(const char* text);
int astradia_js_clipboard_request_read(void);
int astradia_js_take_pasted(char* buf, int cap);
int astradia_js_load_sound(int id, const float* samples, int count, int rate);
int astradia_js_play_sound(int id, double volume);
void astradia_js_install(unsigned hash, unsigned theme, unsigned storage, unsigned hidden, unsigned shown,
                         unsigned pasted);
}

namespace astradia::bridge {
namespace {

struct State {
    bool installed = false;
    bool sleeping = false;
    unsigned events = 0;
    std::vector<TouchEvent> touches;
    std::function<std::string()> provider;
    std::string state_text;
};

State& state() {
    static State s;
    return s;
}

// Reads a string that JS writes into our buffer, growing the buffer when needed.
template <typename Fn>
std::string read_string(Fn&& fn) {
    std::string buf(256, '\0');
    int n = fn(buf.data(), static_cast<int>(buf.size()));
    if (n < 0) return {};
    if (static_cast<std::size_t>(n) + 1 > buf.size()) {
        buf.assign(static_cast<std::size_t>(n) + 1, '\0');
        n = fn(buf.data(), static_cast<int>(buf.size()));
        if (n < 0) return {};
    }
    buf.resize(static_cast<std::size_t>(n));
    return buf;
}

void install_once() {
    if (state().installed) return;
    state().installed = true;
    astradia_js_install(host_hash_changed, host_theme_changed, host_storage_changed, host_hidden, host_shown,
                        host_pasted);
}

}  // namespace

void report_first_frame() {
    install_once();
    astradia_js_report_first_frame();
}

bool prefers_dark() { return astradia_js_prefers_dark() != 0; }
bool prefers_more_contrast() { return astradia_js_prefers_more_contrast() != 0; }
bool prefers_reduced_motion() { return astradia_js_prefers_reduced_motion() != 0; }
bool coarse_pointer() { return astradia_js_coarse_pointer() != 0; }
std::string preferred_language() {
    return read_string([](char* b, int c) { return astradia_js_preferred_language(b, c); });
}

bool store_available() { return astradia_js_store_available() != 0; }

std::optional<std::string> store_read(const std::string& key) {
    bool missing = false;
    std::string value = read_string([&](char* b, int c) {
        const int n = astradia_js_store_read(key.c_str(), b, c);
        missing = n < 0;
        return n;
    });
    if (missing) return std::nullopt;
    return value;
}

StoreStatus store_write(const std::string& key, const std::string& value) {
    switch (astradia_js_store_write(key.c_str(), value.c_str())) {
        case 0: return StoreStatus::ok;
        case 1: return StoreStatus::unavailable;
        case 2: return StoreStatus::full;
        default: return StoreStatus::failed;
    }
}

void store_remove(const std::string& key) { astradia_js_store_remove(key.c_str()); }

std::string location_hash() {
    return read_string([](char* b, int c) { return astradia_js_location_hash(b, c); });
}
void set_location_hash(const std::string& hash) { astradia_js_set_location_hash(hash.c_str()); }
bool set_site_address(const std::string&) { return true; }  // the page's origin is the site
std::string open_url(const std::string& url) {
    astradia_js_open_url(url.c_str());
    return {};
}
bool privacy_choices_available() { return astradia_js_privacy_available() != 0; }
void open_privacy_choices() { astradia_js_open_privacy(); }
bool consent_allows(std::string_view purpose) { return astradia_js_consent_allows(std::string(purpose).c_str()) != 0; }
void send_statistics_event(const std::string& event_json) { astradia_js_statistics_event(event_json.c_str()); }
std::string local_date() {
    return read_string([](char* b, int c) { return astradia_js_local_date(b, c); });
}
double now_ms() { return emscripten_get_now(); }

void sleep_loop() {
    if (state().sleeping) return;
    state().sleeping = true;
    emscripten_pause_main_loop();
}

void wake_loop() {
    if (!state().sleeping) return;
    state().sleeping = false;
    emscripten_resume_main_loop();
}

void wake_after(double ms) { astradia_js_wake_after(ms); }

bool clipboard_write(const std::string& text) { return astradia_js_clipboard_write(text.c_str()) != 0; }
bool clipboard_request_read() { return astradia_js_clipboard_request_read() != 0; }

std::optional<Pasted> take_pasted() {
    // JS answers -1 (nothing pasted), -2 (a read was refused), or the text's length; it keeps
    // the text until a buffer big enough has taken it, so read_string's second call works.
    int status = 0;
    std::string text = read_string([&](char* b, int c) {
        const int n = astradia_js_take_pasted(b, c);
        if (n < 0) status = n;
        return n;
    });
    if (status == -1) return std::nullopt;
    if (status == -2) return Pasted{{}, true};
    return Pasted{std::move(text), false};
}

bool load_sound(int id, const std::vector<float>& samples, int rate) {
    return astradia_js_load_sound(id, samples.data(), static_cast<int>(samples.size()), rate) != 0;
}
bool play_sound(int id, float volume) { return astradia_js_play_sound(id, volume) != 0; }

unsigned take_host_events() {
    const unsigned e = state().events;
    state().events = 0;
    return e;
}

std::vector<TouchEvent> take_touch_events() {
    std::vector<TouchEvent> out;
    out.swap(state().touches);
    return out;
}

void set_state_provider(std::function<std::string()> provider) {
    state().provider = std::move(provider);
    install_once();
}

}  // namespace astradia::bridge

// --- called from bridge.js ---------------------------------------------------------

extern "C" {

// Wakes the main loop (input, resize, a timer).
EMSCRIPTEN_KEEPALIVE void astradia_wake(void) { astradia::bridge::wake_loop(); }

// Queues host events (a HostEvent bitmask) and wakes the loop.
EMSCRIPTEN_KEEPALIVE void astradia_host_event(unsigned bits) {
    astradia::bridge::state().events |= bits;
    astradia::bridge::wake_loop();
}

// Queues a touch event (phase 0 down, 1 move, 2 up, 3 cancel; canvas device pixels; the
// event's time stamp in ms).
EMSCRIPTEN_KEEPALIVE void astradia_touch(int phase, float x, float y, double ms) {
    using astradia::bridge::TouchEvent;
    const auto p = phase == 0 ? TouchEvent::Phase::down
                   : phase == 1 ? TouchEvent::Phase::move
                   : phase == 2 ? TouchEvent::Phase::up
                                : TouchEvent::Phase::cancel;
    auto& touches = astradia::bridge::state().touches;
    // consecutive moves collapse into the latest; presses and releases are all kept
    if (p == TouchEvent::Phase::move && !touches.empty() && touches.back().phase == p) {
        touches.back() = TouchEvent{p, x, y, ms};
    } else {
        touches.push_back(TouchEvent{p, x, y, ms});
    }
    astradia::bridge::wake_loop();
}

// The test hook's JSON (owned here until the next call).
EMSCRIPTEN_KEEPALIVE const char* astradia_state_json(void) {
    auto& s = astradia::bridge::state();
    s.state_text = s.provider ? s.provider() : std::string("{}");
    return s.state_text.c_str();
}

}  // extern "C"
