// Purpose: the game's statistics natively: there is no consent widget to ask, so nothing is
// counted on the device and no event is handed over (native builds count nothing); the web side,
// where the widget answers, is tested in the browser (tests/browser/stats.test.mjs).
#include <catch2/catch.hpp>

#include "tests/shell/temp_user_dir.hpp"

#include "shell/bridge.hpp"
#include "shell/usage.hpp"

using namespace astradia;
using namespace astradia::shell;

TEST_CASE("usage: natively nothing is counted and no statistics event is sent", "[shell][usage]") {
    TempUserDir dir;
    Store store;
    CHECK_FALSE(bridge::consent_allows("statistics"));
    CHECK_FALSE(count_usage(store, "view.start"));
    CHECK(usage(store).empty());
    CHECK_FALSE(dir.exists("astradia.stats.usage"));
    CHECK_FALSE(report_event("sudoku_started", Json{{"level", "easy"}, {"daily", false}}));
}
