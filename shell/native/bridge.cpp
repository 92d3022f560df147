// Purpose: the native answers to the bridge's questions (see shell/bridge.hpp):
// storage is one file per key in the user's data folder ($ASTRADIA_USER_DIR, else
// $XDG_DATA_HOME/astradia, else ~/.local/share/astradia), each written atomically
// (temporary file, fsync, rename). Links open in the default browser through xdg-open, a site
// address ("/support/...") taken relative to the site (--site); without a browser the address is
// printed and handed back for the app to show. Supports Linux/POSIX; not Windows.
#include "shell/bridge.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace astradia::bridge {
namespace {

std::string data_dir() {
    if (const char* d = std::getenv("ASTRADIA_USER_DIR"); d && *d) return d;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/astradia";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/share/astradia";
    return {};
}

// Creates every missing folder of `path`; false when one cannot be made.
bool make_dirs(const std::string& path) {
    for (std::size_t i = 1; i <= path.size(); ++i) {
        if (i == path.size() || path[i] == '/') {
            const std::string part = path.substr(0, i);
            if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return false;
        }
    }
    return true;
}

std::string file_for(const std::string& key) {
    std::string name;
    for (char c : key) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                          c == '-' || c == '_';
        name += safe ? c : '_';
    }
    return data_dir() + "/" + name + ".json";
}

std::string& site_address() {
    static std::string s = kDefaultSite;
    return s;
}

// An http(s) address without spaces or control characters (it is handed to xdg-open as one argument).
bool web_address(const std::string& url) {
    const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    if (!scheme || url.size() > 2048 || url.size() <= url.find("//") + 2) return false;
    for (const unsigned char c : url) {
        if (c <= 0x20 || c == 0x7f) return false;
    }
    return true;
}

// Runs xdg-open (found on PATH) with the address as its one argument, without a shell, and says
// whether it succeeded: false when there is no xdg-open or it exits with an error. An opener still
// running after a few seconds has most likely become the browser and counts as success. A middle
// process waits for it, so the app never waits long and no zombie is left (the opener is adopted by
// init once the middle process exits).
bool run_opener(const std::string& url) {
    const pid_t pid = ::fork();
    if (pid < 0) return false;
    if (pid == 0) {
        const pid_t opener = ::fork();
        if (opener < 0) ::_exit(1);
        if (opener == 0) {
            const int devnull = ::open("/dev/null", O_RDWR);
            if (devnull >= 0) {
                ::dup2(devnull, STDIN_FILENO);
                ::dup2(devnull, STDOUT_FILENO);  // the app's stdout is for the address it prints
            }
            ::execlp("xdg-open", "xdg-open", url.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        for (int i = 0; i < 300; ++i) {  // up to 3 s
            int status = 0;
            const pid_t done = ::waitpid(opener, &status, WNOHANG);
            if (done == opener) ::_exit(WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1);
            if (done < 0) ::_exit(1);
            ::usleep(10000);
        }
        ::_exit(0);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return false;
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::function<std::string()>& provider() {
    static std::function<std::string()> p;
    return p;
}

}  // namespace

void report_first_frame() {}
bool prefers_dark() { return false; }
bool prefers_more_contrast() { return false; }
bool prefers_reduced_motion() { return false; }
bool coarse_pointer() { return false; }

std::string preferred_language() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        if (const char* v = std::getenv(var); v && *v && std::string(v) != "C" && std::string(v) != "POSIX") {
            std::string tag(v);
            tag = tag.substr(0, tag.find('.'));
            for (char& c : tag) if (c == '_') c = '-';
            return tag;
        }
    }
    return {};
}

bool store_available() {
    const std::string dir = data_dir();
    return !dir.empty() && make_dirs(dir) && ::access(dir.c_str(), W_OK) == 0;
}

std::optional<std::string> store_read(const std::string& key) {
    if (data_dir().empty()) return std::nullopt;
    std::ifstream in(file_for(key), std::ios::binary);
    if (!in) return std::nullopt;
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

StoreStatus store_write(const std::string& key, const std::string& value) {
    if (!store_available()) return StoreStatus::unavailable;
    const std::string path = file_for(key);
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) return StoreStatus::failed;
    std::size_t done = 0;
    while (done < value.size()) {
        const ssize_t n = ::write(fd, value.data() + done, value.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const bool full = errno == ENOSPC || errno == EDQUOT;
            ::close(fd);
            ::unlink(tmp.c_str());
            return full ? StoreStatus::full : StoreStatus::failed;
        }
        done += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    if (::close(fd) != 0 || !synced || ::rename(tmp.c_str(), path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        return StoreStatus::failed;
    }
    return StoreStatus::ok;
}

void store_remove(const std::string& key) {
    if (!data_dir().empty()) ::unlink(file_for(key).c_str());
}

std::string location_hash() { return {}; }
void set_location_hash(const std::string&) {}

bool set_site_address(const std::string& origin) {
    std::string o = origin;
    if (!o.empty() && o.back() == '/') o.pop_back();
    if (!web_address(o) || o.find('/', o.find("//") + 2) != std::string::npos) return false;
    site_address() = o;
    return true;
}

std::string open_url(const std::string& url) {
    std::string full;
    if (url.rfind("/", 0) == 0 && url.rfind("//", 0) != 0) {
        full = site_address() + url;
    } else if (web_address(url)) {
        full = url;
    } else {
        return {};
    }
    if (run_opener(full)) return {};
    // No browser could be started: the player gets the address to open by hand.
    std::fputs((full + "\n").c_str(), stdout);
    std::fflush(stdout);
    return full;
}

bool privacy_choices_available() { return false; }
void open_privacy_choices() {}
bool consent_allows(std::string_view) { return false; }  // no widget to ask: nothing optional
void send_statistics_event(const std::string&) {}  // native builds count nothing

std::string local_date() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    ::localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// The window's clipboard serves natively (the app asks ImGui, which asks GLFW).
bool clipboard_write(const std::string&) { return false; }
bool clipboard_request_read() { return false; }
std::optional<Pasted> take_pasted() { return std::nullopt; }

void sleep_loop() {}
void wake_loop() {}
void wake_after(double) {}
unsigned take_host_events() { return 0; }
std::vector<TouchEvent> take_touch_events() { return {}; }
void set_state_provider(std::function<std::string()> p) { provider() = std::move(p); }

// Sound: no backend natively (the effects are synthesised and tested all the same; only the
// web plays them).
bool load_sound(int, const std::vector<float>&, int) { return false; }
bool play_sound(int, float) { return false; }

}  // namespace astradia::bridge
