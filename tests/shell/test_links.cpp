// Purpose: the native app's links (issue 13): "Write to support" gives a site address, the native
// bridge takes it relative to the site (--site, default the operator's) and hands it to xdg-open;
// without a browser (no xdg-open, or it fails) the address is printed on stdout and handed back,
// and the Help and About screens show it with a button that copies it. No browser is launched:
// PATH points at a folder holding a fake xdg-open that records its argument, or at none.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "tests/shell/headless_ui.hpp"

#include "shell/bridge.hpp"
#include "shell/i18n.hpp"
#include "shell/ui/info_views.hpp"

using namespace astradia;
using namespace astradia::shell;
using astradia::shell::testing::HeadlessUi;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A folder whose bin/ is the whole PATH for the test's life; `opener(exit)` puts a fake xdg-open
// there that appends its arguments to `record` and exits with `exit`.
struct FakePath {
    std::string dir, bin, record, saved_path;
    FakePath() {
        char tmpl[] = "/tmp/astradia-links-XXXXXX";
        dir = ::mkdtemp(tmpl);
        bin = dir + "/bin";
        record = dir + "/opened.txt";
        REQUIRE(::mkdir(bin.c_str(), 0700) == 0);
        if (const char* p = std::getenv("PATH")) saved_path = p;
        ::setenv("PATH", bin.c_str(), 1);
    }
    ~FakePath() {
        ::setenv("PATH", saved_path.c_str(), 1);
        const std::string cmd = "rm -rf '" + dir + "'";
        REQUIRE(std::system(cmd.c_str()) == 0);
        bridge::set_site_address(bridge::kDefaultSite);
    }
    FakePath(const FakePath&) = delete;
    FakePath& operator=(const FakePath&) = delete;
    void opener(int exit_code) const {
        const std::string path = bin + "/xdg-open";
        std::ofstream(path) << "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '" << record << "'; done\nexit "
                            << exit_code << "\n";
        REQUIRE(::chmod(path.c_str(), 0700) == 0);
    }
    std::string opened() const { return slurp(record); }
};

// What `fn` printed on stdout (fd 1 sent to a file meanwhile).
template <typename Fn>
std::string stdout_of(const FakePath& f, Fn fn) {
    const std::string path = f.dir + "/stdout.txt";
    std::fflush(stdout);
    const int saved = ::dup(STDOUT_FILENO);
    FILE* file = std::fopen(path.c_str(), "w");
    REQUIRE(file != nullptr);
    ::dup2(::fileno(file), STDOUT_FILENO);
    fn();
    std::fflush(stdout);
    ::dup2(saved, STDOUT_FILENO);
    ::close(saved);
    std::fclose(file);
    return slurp(path);
}

}  // namespace

TEST_CASE("links: a site address opens on the site in the default browser", "[links]") {
    FakePath f;
    f.opener(0);
    std::string left = "x";
    CHECK(stdout_of(f, [&] { left = bridge::open_url("/support/?lang=en&version=1.2.3"); }).empty());
    CHECK(left.empty());
    CHECK(f.opened() == "https://astradia.example/support/?lang=en&version=1.2.3\n");
    // --site moves every site address; a trailing slash is not doubled
    REQUIRE(bridge::set_site_address("http://127.0.0.1:8000/"));
    CHECK(bridge::open_url("/legal/astradia/ru/terms/").empty());
    // a whole http(s) address goes as it is
    CHECK(bridge::open_url("https://example.org/a?b=c").empty());
    CHECK(f.opened() == "https://astradia.example/support/?lang=en&version=1.2.3\n"
                        "http://127.0.0.1:8000/legal/astradia/ru/terms/\nhttps://example.org/a?b=c\n");
}

TEST_CASE("links: a site address is an http(s) origin, nothing else", "[links]") {
    FakePath f;
    f.opener(0);
    for (const char* bad : {"", "ftp://astradia.example", "https://", "https://astradia.example/support",
                            "https://astra dia.example", "astradia.example", "javascript:alert(1)"}) {
        INFO(bad);
        CHECK_FALSE(bridge::set_site_address(bad));
    }
    CHECK(bridge::open_url("/support/").empty());  // the default stayed
    CHECK(f.opened() == "https://astradia.example/support/\n");
}

TEST_CASE("links: without a browser the address is printed and handed back", "[links]") {
    FakePath f;
    const std::string full = "https://astradia.example/support/?lang=ru&version=1.2.3";
    SECTION("no xdg-open on PATH") {
        std::string left;
        CHECK(stdout_of(f, [&] { left = bridge::open_url("/support/?lang=ru&version=1.2.3"); }) == full + "\n");
        CHECK(left == full);
    }
    SECTION("xdg-open fails (no browser configured)") {
        f.opener(3);
        std::string left;
        CHECK(stdout_of(f, [&] { left = bridge::open_url("/support/?lang=ru&version=1.2.3"); }) == full + "\n");
        CHECK(left == full);
        CHECK(f.opened() == full + "\n");  // it was asked, once, with the whole address
    }
}

TEST_CASE("links: anything but a site or web address is refused, never opened or printed", "[links]") {
    FakePath f;
    f.opener(0);
    for (const char* bad : {"javascript:alert(1)", "file:///etc/passwd", "//evil.example/x", "support/",
                            "https://a.example/x y", "https://a.example/\n-x", ""}) {
        INFO(bad);
        std::string left = "x";
        CHECK(stdout_of(f, [&] { left = bridge::open_url(bad); }).empty());
        CHECK(left.empty());
    }
    CHECK(f.opened().empty());
}

TEST_CASE("links: About's support button opens the support page, and a failure shows the address to copy",
          "[links]") {
    FakePath f;
    set_language(Lang::en);
    HeadlessUi ui(390, 844, 1);
    std::string unopened, tapped;
    const auto frame = [&] {
        ui.frame(std::vector<int>{}, [&](const Ui& u) {
            const AboutAction a = draw_about_view(u, "1.2.3", unopened);
            if (!a.open_url.empty()) tapped = a.open_url;
        });
    };
    for (int i = 0; i < 3; ++i) frame();
    REQUIRE(HeadlessUi::click(tr("about.support_open"), frame));
    REQUIRE(tapped == "/support/?lang=en&version=1.2.3");
    // no xdg-open here: the address comes back, and the screen offers to copy it
    stdout_of(f, [&] { unopened = bridge::open_url(tapped); });
    REQUIRE(unopened == "https://astradia.example/support/?lang=en&version=1.2.3");
    for (int i = 0; i < 3; ++i) frame();
    REQUIRE(HeadlessUi::click(tr("link.copy"), frame));
    CHECK(std::string(ImGui::GetClipboardText()) == unopened);
    CHECK(id_check::clashes().empty());
}
