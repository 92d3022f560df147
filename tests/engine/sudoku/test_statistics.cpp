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

TEST_CASE("dates from days, weekdays and month lengths", "[sudoku][stats]") {
    for (const char* date : {"1970-01-01", "2000-02-29", "2026-11-21", "1969-12-31", "2100-03-01", "1900-03-01",
                             "2024-12-31", "0001-01-01", "9999-12-31", "2026-03-01", "2028-02-29"}) {
        INFO(date);
        const auto days = days_from_date(date);
        REQUIRE(days.has_value());
        CHECK(date_from_days(*days) == date);
    }
    // Every day of four centuries (a leap cycle) goes there and back.
    const std::int64_t from = *days_from_date("1899-12-25");
    for (std::int64_t d = from; d < from + 146097 + 10; ++d) REQUIRE(days_from_date(date_from_days(d)) == d);
    CHECK(date_from_days(*days_from_date("0001-01-01") - 1).empty());
    CHECK(date_from_days(*days_from_date("9999-12-31") + 1).empty());
    CHECK(weekday_of(*days_from_date("1970-01-01")) == 3);  // a Thursday
    CHECK(weekday_of(*days_from_date("2026-11-22")) == 6);  // a Sunday
    CHECK(weekday_of(*days_from_date("2026-11-23")) == 0);  // a Monday
    CHECK(weekday_of(*days_from_date("1969-12-29")) == 0);  // before 1970 too
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2100, 2) == 28);
    CHECK(days_in_month(2000, 2) == 29);
    CHECK(days_in_month(2026, 11) == 30);
    CHECK(days_in_month(2026, 12) == 31);
    CHECK(days_in_month(2026, 13) == 0);
}

TEST_CASE("the calendar keeps every solved day, earlier days close gaps but never restart the streak", "[sudoku][stats]") {
    Statistics s;
    record_win(s, Level::easy, 1000, "2026-11-02");
    record_win(s, Level::easy, 1000, "2026-11-04");
    CHECK(s.daily.streak == 1);
    CHECK(daily_solved(s, "2026-11-02"));
    CHECK_FALSE(daily_solved(s, "2026-11-03"));
    // The missed day, played later from the calendar: in the calendar, and the run 2..4 is whole.
    record_win(s, Level::easy, 1000, "2026-11-03");
    CHECK(daily_solved(s, "2026-11-03"));
    CHECK(s.daily.days == std::vector<std::string>{"2026-11-02", "2026-11-03", "2026-11-04"});
    CHECK(s.daily.last_date == "2026-11-04");
    CHECK(s.daily.streak == 3);
    CHECK(s.daily.best_streak == 3);
    CHECK(s.daily.solved == 3);
    // An old day far behind: the calendar has it, the streak stays.
    record_win(s, Level::easy, 1000, "2026-10-01");
    CHECK(s.daily.streak == 3);
    CHECK(s.daily.solved == 4);
    CHECK(s.daily.days.front() == "2026-10-01");
    record_win(s, Level::easy, 1000, "2026-10-01");  // once
    CHECK(s.daily.solved == 4);
    auto back = statistics_from_json(statistics_to_json(s));
    REQUIRE(back.ok());
    CHECK(*back == s);
}

TEST_CASE("statistics from before the calendar load with their last day in it, broken calendars are refused", "[sudoku][stats]") {
    Statistics s;
    record_win(s, Level::easy, 1000, "2026-11-20");
    record_win(s, Level::easy, 1000, "2026-11-21");
    Json old = statistics_to_json(s);
    old["daily"].erase("days");
    auto loaded = statistics_from_json(old);
    REQUIRE(loaded.ok());
    CHECK(loaded->daily.days == std::vector<std::string>{"2026-11-21"});
    CHECK(loaded->daily.solved == 2);

    auto broken = [&](auto&& edit) {
        Json j = statistics_to_json(s);
        edit(j);
        auto r = statistics_from_json(j);
        return r.ok() ? std::string("ok") : r.error().message;
    };
    CHECK(broken([](Json& j) { j["daily"]["days"] = Json::array({"2026-11-21", "2026-11-20"}); }) ==
          "stats.daily.days: is not in order, or repeats a day");
    CHECK(broken([](Json& j) { j["daily"]["days"] = Json::array({"2026-11-20", "2026-11-20"}); }) ==
          "stats.daily.days: is not in order, or repeats a day");
    CHECK(broken([](Json& j) { j["daily"]["days"] = Json::array({"2026-11-20", "2026-11-31"}); }) ==
          "stats.daily.days: holds something that is not a date");
    CHECK(broken([](Json& j) { j["daily"]["days"] = Json::array({"2026-11-19", "2026-11-20", "2026-11-21"}); }) ==
          "stats.daily.days: does not agree with the days solved");
    CHECK(broken([](Json& j) { j["daily"]["days"] = Json::array({"2026-11-22"}); }) ==
          "stats.daily.days: does not agree with the days solved");
    CHECK(broken([](Json& j) { j["daily"]["days"] = Json::array({5}); }) == "stats.daily.days[0]: expected a string");
    CHECK(broken([](Json& j) { j["daily"]["days"] = "2026-11-21"; }) == "stats.daily.days: expected an array");
}
