// Purpose: Sudoku statistics the player sees: per level (played, won, best and
// average time, current and best streak), the daily-puzzle streak over calendar
// days and the days whose daily puzzle was solved (the calendar), with the calendar
// arithmetic they need. A value type with pure updates and a sealed JSON form.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/document.hpp"
#include "engine/core/expected.hpp"
#include "engine/core/json_reader.hpp"
#include "engine/sudoku/level.hpp"

namespace astradia::sudoku {

struct LevelStats {
    int played = 0;              // games started
    int won = 0;
    std::int64_t best_ms = 0;    // fastest win; 0 = none yet
    std::int64_t total_won_ms = 0;
    int streak = 0;              // wins in a row, broken by a loss or an abandoned game
    int best_streak = 0;

    std::int64_t average_ms() const { return won > 0 ? total_won_ms / won : 0; }
    bool operator==(const LevelStats&) const = default;
};

struct DailyStats {
    int solved = 0;
    int streak = 0;          // consecutive days solved, up to last_date
    int best_streak = 0;
    std::string last_date;   // "YYYY-MM-DD" of the latest daily solved; "" = never
    // Every day whose daily puzzle was solved, "YYYY-MM-DD", sorted, each once. Statistics
    // kept before the calendar know only their last_date, so `solved` may be larger.
    std::vector<std::string> days;

    bool operator==(const DailyStats&) const = default;
};

struct Statistics {
    std::array<LevelStats, 5> levels{};
    DailyStats daily;

    const LevelStats& at(Level l) const { return levels[static_cast<std::size_t>(l)]; }
    LevelStats& at(Level l) { return levels[static_cast<std::size_t>(l)]; }
    bool operator==(const Statistics&) const = default;
};

// A game at `level` started.
void record_start(Statistics& s, Level level);
// A game was won in `ms` of play; `daily_date` ("YYYY-MM-DD") when it was that day's daily
// puzzle. A day counts once. A day later than the latest solved one moves the streak on
// (or restarts it after a gap); an earlier day (played from the calendar) joins the
// calendar and may close a gap behind the streak, never restarting it.
void record_win(Statistics& s, Level level, std::int64_t ms, std::optional<std::string_view> daily_date = {});
// A game was lost (mistake limit) or abandoned: the level's streak ends.
void record_loss(Statistics& s, Level level);
// The daily streak as it stands on `today`: 0 when the last solved daily is older than yesterday.
int daily_streak_on(const Statistics& s, std::string_view today);

// Whether the daily puzzle of `date` ("YYYY-MM-DD") was solved.
bool daily_solved(const Statistics& s, std::string_view date);

// Days since 1970-01-01 for a "YYYY-MM-DD" date of the proleptic Gregorian calendar;
// nullopt for anything else (bad format, month 13, 30 February...).
std::optional<std::int64_t> days_from_date(std::string_view date);
// The date `days` after 1970-01-01 as "YYYY-MM-DD" (years 1..9999; "" outside them).
std::string date_from_days(std::int64_t days);
// The weekday of a day counted from 1970-01-01: 0 Monday .. 6 Sunday.
int weekday_of(std::int64_t days);
// Days in a month of the Gregorian calendar (0 for a month outside 1..12).
int days_in_month(int year, int month);

Json statistics_to_json(const Statistics& s);
// Reads statistics; any inconsistency (won > played, negative times, best > average...)
// is an Error with code sudoku-stats.format.
Expected<Statistics> statistics_from_json(const Json& j);
// The same from an opened "sudoku-stats" envelope (the loader of kStatisticsDocument).
Expected<Statistics> load_statistics(const Sealed& opened);

// A player's Sudoku statistics: kind "sudoku-stats"; the payload is statistics_to_json's.
inline constexpr DocumentType<Statistics> kStatisticsDocument{"sudoku-stats", 1, &load_statistics};

}  // namespace astradia::sudoku
