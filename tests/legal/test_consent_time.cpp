// Purpose: ISO 8601 UTC time of the consent model: exact values checked against Python's
// datetime, calendar edge cases (leap years, month lengths, the ends of the range), every
// malformed shape refused, and format/parse round trips over many random instants.
#include <string>

#include <catch2/catch.hpp>

#include "engine/core/random.hpp"
#include "legal/consent.hpp"

using namespace astradia::legal;

namespace {
std::string code_of(std::string_view text) {
    auto t = parse_utc_time(text);
    return t ? std::string("ok") : t.error().code;
}
}  // namespace

TEST_CASE("parse_utc_time gives milliseconds since the epoch", "[legal][time]") {
    // Expected values from Python: datetime.fromisoformat(...).replace(tzinfo=utc).timestamp() * 1000
    CHECK(*parse_utc_time("1970-01-01T00:00:00.000Z") == 0);
    CHECK(*parse_utc_time("2026-11-21T10:15:30.123Z") == 1795256130123);
    CHECK(*parse_utc_time("2000-02-29T23:59:59.999Z") == 951868799999);
    CHECK(*parse_utc_time("1969-12-31T23:59:59.999Z") == -1);
    CHECK(*parse_utc_time("1900-03-01T00:00:00.000Z") == -2203891200000);
    CHECK(*parse_utc_time("2038-01-19T03:14:08.000Z") == 2147483648000);   // past 32-bit seconds
    CHECK(*parse_utc_time("0000-01-01T00:00:00.000Z") == -62167219200000);
    CHECK(*parse_utc_time("9999-12-31T23:59:59.999Z") == 253402300799999);
}

TEST_CASE("parse_utc_time knows the calendar", "[legal][time]") {
    CHECK(code_of("2024-02-29T12:00:00.000Z") == "ok");
    CHECK(code_of("2000-02-29T12:00:00.000Z") == "ok");        // divisible by 400
    CHECK(code_of("1900-02-29T12:00:00.000Z") == "time.format"); // divisible by 100
    CHECK(code_of("2026-02-29T12:00:00.000Z") == "time.format");
    CHECK(code_of("2026-04-31T12:00:00.000Z") == "time.format");
    CHECK(code_of("2026-12-31T12:00:00.000Z") == "ok");
    CHECK(code_of("2026-13-01T12:00:00.000Z") == "time.format");
    CHECK(code_of("2026-00-10T12:00:00.000Z") == "time.format");
    CHECK(code_of("2026-01-00T12:00:00.000Z") == "time.format");
    CHECK(code_of("2026-01-01T24:00:00.000Z") == "time.format");
    CHECK(code_of("2026-01-01T23:60:00.000Z") == "time.format");
    CHECK(code_of("2026-12-31T23:59:60.000Z") == "time.format");  // no leap seconds
    auto e = parse_utc_time("2026-02-30T00:00:00.000Z");
    REQUIRE_FALSE(e.ok());
    CHECK_THAT(e.error().message, Catch::Contains("day 30 does not exist in 2026-02"));
}

TEST_CASE("parse_utc_time refuses every other shape", "[legal][time]") {
    for (const char* bad : {
             "", "2026-11-21", "2026-11-21T10:15:30Z", "2026-11-21T10:15:30.12Z", "2026-11-21T10:15:30.1234Z",
             "2026-11-21T10:15:30.123", "2026-11-21T10:15:30.123z", "2026-11-21t10:15:30.123Z",
             "2026-11-21 10:15:30.123Z", "2026-11-21T10:15:30.123+00:00", " 2026-11-21T10:15:30.123Z",
             "2026-11-21T10:15:30.123Z ", "+2026-11-21T10:15:30.123Z", "26-11-21T10:15:30.123Z",
             "2026/11/21T10:15:30.123Z", "2026-1-21T10:15:30.1234Z", "2026-11-21T10:15:3a.123Z",
             "\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa6-11-21T10:15:30.123Z",   // Arabic-Indic digits
         }) {
        INFO(bad);
        CHECK(code_of(bad) == "time.format");
    }
}

TEST_CASE("format_utc_time writes the contract's shape and refuses what it cannot write", "[legal][time]") {
    CHECK(*format_utc_time(0) == "1970-01-01T00:00:00.000Z");
    CHECK(*format_utc_time(1795256130123) == "2026-11-21T10:15:30.123Z");
    CHECK(*format_utc_time(-1) == "1969-12-31T23:59:59.999Z");
    CHECK(*format_utc_time(951868799999) == "2000-02-29T23:59:59.999Z");
    CHECK(*format_utc_time(-62167219200000) == "0000-01-01T00:00:00.000Z");
    CHECK(*format_utc_time(253402300799999) == "9999-12-31T23:59:59.999Z");
    CHECK(format_utc_time(253402300800000).error().code == "time.range");
    CHECK(format_utc_time(-62167219200001).error().code == "time.range");
    CHECK(format_utc_time(INT64_MIN).error().code == "time.range");
    CHECK(format_utc_time(INT64_MAX).error().code == "time.range");
}

TEST_CASE("format and parse are inverses over the whole range", "[legal][time]") {
    astradia::Rng rng(20261121);
    constexpr TimeMs lo = -62167219200000;
    constexpr TimeMs span = 253402300799999 - lo;
    for (int i = 0; i < 20000; ++i) {
        const TimeMs t = lo + static_cast<TimeMs>(rng.next_u64() % static_cast<std::uint64_t>(span + 1));
        auto text = format_utc_time(t);
        REQUIRE(text.ok());
        auto back = parse_utc_time(*text);
        INFO(*text);
        REQUIRE(back.ok());
        REQUIRE(*back == t);
    }
    // every day boundary of four years around a leap day, and the last millisecond before it
    for (TimeMs day = 10957 - 800; day < 10957 + 800; ++day) {   // around 2000-01-01
        for (TimeMs t : {day * kMsPerDay, day * kMsPerDay - 1}) {
            REQUIRE(*parse_utc_time(*format_utc_time(t)) == t);
        }
    }
}

TEST_CASE("parse_date gives days since the epoch", "[legal][time]") {
    CHECK(*parse_date("1970-01-01") == 0);
    CHECK(*parse_date("2026-11-01") == 20758);
    CHECK(*parse_date("1969-12-31") == -1);
    CHECK(parse_date("2026-02-29").error().code == "time.format");
    CHECK(parse_date("2026-11-1").error().code == "time.format");
    CHECK(parse_date("2026-11-01T00:00:00.000Z").error().code == "time.format");
}
