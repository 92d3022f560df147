// Purpose: Sudoku statistics: per-level counts, times and streaks, the daily streak
// across calendar days (month and leap-year edges), and JSON that rejects
// inconsistent or malformed data.
#include <catch2/catch.hpp>

#include "engine/sudoku/statistics.hpp"

using namespace astradia;
using namespace astradia::sudoku;

TEST_CASE("calendar days agree with Python's datetime", "[sudoku][stats]") {
    CHECK(days_from_date("1970-01-01") == 0);
    CHECK(days_from_date("2000-02-29") == 11016);
    CHECK(days_from_date("2026-11-21") == 20778);
    CHECK(days_from_date("1969-12-31") == -1);
    CHECK(days_from_date("2100-03-01") == 47541);
    CHECK(days_from_date("1900-03-01") == -25508);
    CHECK(days_from_date("2024-12-31") == 20088);
    for (const char* bad : {"2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01",
                            "20261121", "2026-11-2x", "", "2026-11-21T00"}) {
        INFO(bad);
        CHECK_FALSE(days_from_date(bad).has_value());
    }
    CHECK(days_from_date("2024-02-29").has_value());
}

TEST_CASE("per-level counts, times and streaks", "[sudoku][stats]") {
    Statistics s;
    record_start(s, Level::hard);
    record_win(s, Level::hard, 300000);
    record_start(s, Level::hard);
    record_win(s, Level::hard, 200000);
    record_start(s, Level::hard);
    record_loss(s, Level::hard);
    record_start(s, Level::hard);
    record_win(s, Level::hard, 400000);
    const LevelStats& h = s.at(Level::hard);
    CHECK(h.played == 4);
    CHECK(h.won == 3);
    CHECK(h.best_ms == 200000);
    CHECK(h.average_ms() == 300000);
    CHECK(h.streak == 1);
    CHECK(h.best_streak == 2);
    CHECK(s.at(Level::easy) == LevelStats{});
}

TEST_CASE("the daily streak counts calendar days, once per day", "[sudoku][stats]") {
    Statistics s;
    record_win(s, Level::medium, 1000, "2024-02-28");
    record_win(s, Level::medium, 1000, "2024-02-29");
    record_win(s, Level::medium, 1000, "2024-02-29");  // the same day again: no change
    record_win(s, Level::medium, 1000, "2024-03-01");
    CHECK(s.daily.streak == 3);
    CHECK(s.daily.solved == 3);
    CHECK(daily_streak_on(s, "2024-03-01") == 3);
    CHECK(daily_streak_on(s, "2024-03-02") == 3);  // still alive until today's is missed
    CHECK(daily_streak_on(s, "2024-03-03") == 0);
    record_win(s, Level::medium, 1000, "2024-03-05");
    CHECK(s.daily.streak == 1);
    CHECK(s.daily.best_streak == 3);
    record_win(s, Level::medium, 1000, "2024-12-31");
    record_win(s, Level::medium, 1000, "2025-01-01");
    CHECK(s.daily.streak == 2);
}

TEST_CASE("statistics JSON round-trips and rejects inconsistent data", "[sudoku][stats]") {
    Statistics s;
    record_start(s, Level::easy);
    record_win(s, Level::easy, 123456, "2026-11-21");
    record_start(s, Level::extreme);
    auto back = statistics_from_json(statistics_to_json(s));
    REQUIRE(back.ok());
    CHECK(*back == s);

    auto broken = [&](auto&& edit) {
        Json j = statistics_to_json(s);
        edit(j);
        auto r = statistics_from_json(j);
        return r.ok() ? std::string("ok") : r.error().code + ": " + r.error().message;
    };
    CHECK(broken([](Json& j) { j["levels"]["easy"]["won"] = 5; }) ==
          "sudoku-stats.format: stats.levels.easy: has more games won than played");
    CHECK(broken([](Json& j) { j["levels"]["easy"]["best_ms"] = 999999; }) ==
          "sudoku-stats.format: stats.levels.easy: has a best time above the average");
    CHECK(broken([](Json& j) { j["levels"]["hard"]["best_ms"] = 5; }) ==
          "sudoku-stats.format: stats.levels.hard: has times without a win");
    CHECK(broken([](Json& j) { j["levels"]["easy"]["streak"] = 3; }) ==
          "sudoku-stats.format: stats.levels.easy: has inconsistent streaks");
    CHECK(broken([](Json& j) { j["levels"].erase("medium"); }) ==
          "sudoku-stats.format: stats.levels.medium: is missing");
    CHECK(broken([](Json& j) { j["levels"]["easy"]["played"] = -1; }) ==
          "sudoku-stats.format: stats.levels.easy.played: expected an integer in 0..1000000000");
    CHECK(broken([](Json& j) { j["daily"]["last_date"] = "2026-02-30"; }) ==
          "sudoku-stats.format: stats.daily.last_date: is not a date");
    CHECK(broken([](Json& j) { j["daily"]["last_date"] = ""; }) == "sudoku-stats.format: stats.daily: is inconsistent");
    CHECK(broken([](Json& j) { j = Json::array(); }) == "sudoku-stats.format: stats: expected an object");
}
