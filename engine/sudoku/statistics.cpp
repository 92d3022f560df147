// Purpose: statistics updates, calendar arithmetic and JSON (see statistics.hpp).
#include "engine/sudoku/statistics.hpp"

#include <algorithm>
#include <cstdio>

namespace astradia::sudoku {

void record_start(Statistics& s, Level level) { ++s.at(level).played; }

namespace {

// The length of the run of consecutive solved days that ends on `last` (which is solved).
int run_ending(const std::vector<std::string>& days, std::int64_t last) {
    int run = 0;
    for (std::int64_t d = last; std::binary_search(days.begin(), days.end(), date_from_days(d)); --d) ++run;
    return run;
}

}  // namespace

void record_win(Statistics& s, Level level, std::int64_t ms, std::optional<std::string_view> daily_date) {
    LevelStats& l = s.at(level);
    ms = std::max<std::int64_t>(ms, 1);  // 0 means "no best time yet"
    ++l.won;
    l.played = std::max(l.played, l.won);
    l.total_won_ms += ms;
    if (l.best_ms == 0 || ms < l.best_ms) l.best_ms = ms;
    ++l.streak;
    l.best_streak = std::max(l.best_streak, l.streak);
    if (!daily_date) return;
    const auto day = days_from_date(*daily_date);
    if (!day) return;
    DailyStats& d = s.daily;
    const std::string date(*daily_date);
    const auto at = std::lower_bound(d.days.begin(), d.days.end(), date);
    const auto last = days_from_date(d.last_date);
    if ((at != d.days.end() && *at == date) || (last && *last == *day)) return;  // that day's daily counts once
    d.days.insert(at, date);
    ++d.solved;
    if (!last || *day > *last) {
        d.streak = (last && *last == *day - 1) ? d.streak + 1 : 1;
        d.last_date = date;
    } else {
        // An earlier day, from the calendar: it may close a gap behind the latest day.
        d.streak = std::max(d.streak, run_ending(d.days, *last));
    }
    d.best_streak = std::max(d.best_streak, d.streak);
}

bool daily_solved(const Statistics& s, std::string_view date) {
    return std::binary_search(s.daily.days.begin(), s.daily.days.end(), date) || (!date.empty() && s.daily.last_date == date);
}

void record_loss(Statistics& s, Level level) { s.at(level).streak = 0; }

int daily_streak_on(const Statistics& s, std::string_view today) {
    const auto t = days_from_date(today);
    const auto last = days_from_date(s.daily.last_date);
    if (!t || !last) return 0;
    return (*t - *last <= 1 && *t >= *last) ? s.daily.streak : 0;
}

std::optional<std::int64_t> days_from_date(std::string_view date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
    auto number = [&](std::size_t from, std::size_t len) -> int {
        int v = 0;
        for (std::size_t i = from; i < from + len; ++i) {
            if (date[i] < '0' || date[i] > '9') return -1;
            v = v * 10 + (date[i] - '0');
        }
        return v;
    };
    const int y = number(0, 4), m = number(5, 2), d = number(8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1) return std::nullopt;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d > kDays[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
    // Count days in whole years, then whole months, from 1970-01-01.
    std::int64_t days = 0;
    auto leap_count = [](int year) { return year / 4 - year / 100 + year / 400; };  // leap years in [1, year]
    days += static_cast<std::int64_t>(y - 1970) * 365 + (leap_count(y - 1) - leap_count(1969));
    for (int i = 0; i < m - 1; ++i) days += kDays[i] + (i == 1 && leap ? 1 : 0);
    return days + d - 1;
}

std::string date_from_days(std::int64_t days) {
    // Guess the year from the mean Gregorian year, correct it by at most a step or two
    // against days_from_date's count of 1 January, then walk the months.
    char buf[48];  // room for any int, so the compiler sees no truncation
    const auto first_of = [&](int year) {
        std::snprintf(buf, sizeof buf, "%04d-01-01", year);
        return days_from_date(buf);
    };
    if (days < *first_of(1) || days > *days_from_date("9999-12-31")) return {};
    int year = 1970 + static_cast<int>(static_cast<double>(days) / 365.2425);
    year = std::clamp(year, 1, 9999);
    while (year > 1 && *first_of(year) > days) --year;
    while (year < 9999 && *first_of(year + 1) <= days) ++year;
    int rest = static_cast<int>(days - *first_of(year));
    int month = 1;
    while (rest >= days_in_month(year, month)) rest -= days_in_month(year, month++);
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, rest + 1);
    return buf;
}

int weekday_of(std::int64_t days) {
    // 1970-01-01 was a Thursday (3, counting Monday as 0).
    const std::int64_t w = (days + 3) % 7;
    return static_cast<int>(w < 0 ? w + 7 : w);
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

namespace {
constexpr std::int64_t kMaxMs = std::int64_t{1} << 50;  // ~35,000 years: any larger is corrupt
constexpr std::int64_t kMaxCount = 1'000'000'000;
constexpr std::int64_t kMaxDays = 100'000;  // some 270 years of daily puzzles
}  // namespace

Json statistics_to_json(const Statistics& s) {
    Json levels = Json::object();
    for (Level l : kLevels) {
        const LevelStats& v = s.at(l);
        levels[std::string(level_name(l))] = Json{{"played", v.played},   {"won", v.won},
                                                  {"best_ms", v.best_ms}, {"total_won_ms", v.total_won_ms},
                                                  {"streak", v.streak},   {"best_streak", v.best_streak}};
    }
    return Json{{"levels", levels},
                {"daily",
                 Json{{"solved", s.daily.solved},
                      {"streak", s.daily.streak},
                      {"best_streak", s.daily.best_streak},
                      {"last_date", s.daily.last_date},
                      {"days", s.daily.days}}}};
}

Expected<Statistics> statistics_from_json(const Json& j) {
    JsonReader r("sudoku-stats.format");
    Statistics s;
    const Json& levels = r.object(j, "levels", "stats");
    for (Level l : kLevels) {
        const std::string name(level_name(l));
        const std::string path = "stats.levels." + name;
        const Json& v = r.object(levels, name, "stats.levels");
        LevelStats& out = s.at(l);
        out.played = static_cast<int>(r.integer(v, "played", path, 0, kMaxCount));
        out.won = static_cast<int>(r.integer(v, "won", path, 0, kMaxCount));
        out.best_ms = r.integer(v, "best_ms", path, 0, kMaxMs);
        out.total_won_ms = r.integer(v, "total_won_ms", path, 0, kMaxMs * 1024);
        out.streak = static_cast<int>(r.integer(v, "streak", path, 0, kMaxCount));
        out.best_streak = static_cast<int>(r.integer(v, "best_streak", path, 0, kMaxCount));
        if (r.failed()) break;
        if (out.won > out.played) r.fail(path, "has more games won than played");
        if (out.streak > out.best_streak || out.best_streak > out.won) r.fail(path, "has inconsistent streaks");
        if (out.won == 0 && (out.best_ms != 0 || out.total_won_ms != 0)) r.fail(path, "has times without a win");
        if (out.won > 0 && out.best_ms == 0) r.fail(path, "has wins without a best time");
        if (out.won > 0 && out.best_ms * out.won > out.total_won_ms) r.fail(path, "has a best time above the average");
    }
    const Json& d = r.object(j, "daily", "stats");
    s.daily.solved = static_cast<int>(r.integer(d, "solved", "stats.daily", 0, kMaxCount));
    s.daily.streak = static_cast<int>(r.integer(d, "streak", "stats.daily", 0, kMaxCount));
    s.daily.best_streak = static_cast<int>(r.integer(d, "best_streak", "stats.daily", 0, kMaxCount));
    s.daily.last_date = r.string(d, "last_date", "stats.daily", 10);
    if (r.has(d, "days")) {
        const Json& days = r.array(d, "days", "stats.daily", static_cast<std::size_t>(kMaxDays));
        for (std::size_t i = 0; i < days.size() && !r.failed(); ++i) {
            s.daily.days.push_back(r.string(days[i], "stats.daily.days[" + std::to_string(i) + "]", 10));
        }
    } else if (!s.daily.last_date.empty()) {
        s.daily.days.push_back(s.daily.last_date);  // kept before the calendar: its last day is known
    }
    if (!r.failed()) {
        if (!s.daily.last_date.empty() && !days_from_date(s.daily.last_date)) {
            r.fail("stats.daily.last_date", "is not a date");
        } else if (s.daily.streak > s.daily.best_streak || s.daily.best_streak > s.daily.solved ||
                   (s.daily.solved > 0) == s.daily.last_date.empty()) {
            r.fail("stats.daily", "is inconsistent");
        }
    }
    if (!r.failed()) {
        for (std::size_t i = 0; i < s.daily.days.size() && !r.failed(); ++i) {
            if (!days_from_date(s.daily.days[i])) {
                r.fail("stats.daily.days", "holds something that is not a date");
            } else if (i > 0 && !(s.daily.days[i - 1] < s.daily.days[i])) {
                r.fail("stats.daily.days", "is not in order, or repeats a day");
            }
        }
        if (!r.failed() && (static_cast<int>(s.daily.days.size()) > s.daily.solved ||
                            (!s.daily.days.empty() && s.daily.days.back() > s.daily.last_date))) {
            r.fail("stats.daily.days", "does not agree with the days solved");
        }
    }
    if (r.failed()) return r.error();
    return s;
}

Expected<Statistics> load_statistics(const Sealed& opened) { return statistics_from_json(opened.payload); }

}  // namespace astradia::sudoku
