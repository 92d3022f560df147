// Purpose: settings round-trip and reject bad values; every string exists in both
// languages; placeholders and Russian plural forms are right.
#include <cstring>
#include <string>

#include <catch2/catch.hpp>

#include "shell/i18n.hpp"
#include "shell/settings.hpp"

using namespace astradia;
using namespace astradia::shell;

TEST_CASE("settings: defaults are valid and round-trip through JSON", "[shell][settings]") {
    Settings s;
    CHECK(settings_from_json(settings_to_json(s)).value() == s);
    s.theme = ThemeChoice::high_contrast;
    s.language = LanguageChoice::ru;
    s.mistake_limit = 0;
    s.input_mode = InputMode::digit_first;
    s.bricks_hint = true;
    CHECK(settings_from_json(settings_to_json(s)).value() == s);
}

TEST_CASE("settings: bad values are errors with the field named", "[shell][settings]") {
    Json j = settings_to_json(Settings{});
    j["theme"] = 7;
    auto r = settings_from_json(j);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "settings.format");
    CHECK(r.error().message == "settings.theme: expected an integer in 0..3");
    Json missing = settings_to_json(Settings{});
    missing.erase("show_timer");
    CHECK_FALSE(settings_from_json(missing).ok());
    Json wrong = settings_to_json(Settings{});
    wrong["mistake_limit"] = "3";
    CHECK_FALSE(settings_from_json(wrong).ok());
    CHECK_FALSE(settings_from_json(Json::array()).ok());
    Json motion = settings_to_json(Settings{});
    motion["motion"] = 3;
    CHECK(settings_from_json(motion).error().message == "settings.motion: expected an integer in 0..2");
}

TEST_CASE("settings: saved before the motion choice, they load with motion like the system", "[shell][settings]") {
    Settings reduced;
    reduced.motion = MotionChoice::reduced;
    CHECK(settings_from_json(settings_to_json(reduced)).value().motion == MotionChoice::reduced);
    Json old = settings_to_json(reduced);
    old.erase("motion");
    CHECK(settings_from_json(old).value().motion == MotionChoice::system);
}

TEST_CASE("settings: motion is reduced by the choice, or by the host when the choice is like the system", "[shell][settings]") {
    CHECK(motion_reduced(MotionChoice::reduced, false));
    CHECK(motion_reduced(MotionChoice::reduced, true));
    CHECK_FALSE(motion_reduced(MotionChoice::full, true));
    CHECK_FALSE(motion_reduced(MotionChoice::full, false));
    CHECK(motion_reduced(MotionChoice::system, true));
    CHECK_FALSE(motion_reduced(MotionChoice::system, false));
}

TEST_CASE("i18n: every key has English and Russian text", "[shell][i18n]") {
    for (std::string_view key : all_keys()) {
        const char* en = tr(key, Lang::en);
        const char* ru = tr(key, Lang::ru);
        INFO(key);
        CHECK(std::strlen(en) > 0);
        CHECK(std::strlen(ru) > 0);
        CHECK(std::string_view(en) != key);
    }
    CHECK(std::string(tr("no.such.key")) == "no.such.key");
}

TEST_CASE("i18n: languages from tags, placeholders, plural forms", "[shell][i18n]") {
    CHECK(language_from_tag("ru-RU") == Lang::ru);
    CHECK(language_from_tag("ru") == Lang::ru);
    CHECK(language_from_tag("RU_ru") == Lang::ru);
    CHECK(language_from_tag("rus") == Lang::en);
    CHECK(language_from_tag("en-GB") == Lang::en);
    CHECK(language_from_tag("") == Lang::en);
    CHECK(fill("{a} and {b}, {a}! {c}", {{"a", "x"}, {"b", "y"}}) == "x and y, x! {c}");

    set_language(Lang::ru);
    CHECK(plural("unit.games", 1) == "1 партия");
    CHECK(plural("unit.games", 3) == "3 партии");
    CHECK(plural("unit.games", 5) == "5 партий");
    CHECK(plural("unit.games", 11) == "11 партий");
    CHECK(plural("unit.games", 12) == "12 партий");
    CHECK(plural("unit.games", 21) == "21 партия");
    CHECK(plural("unit.games", 22) == "22 партии");
    CHECK(plural("unit.games", 111) == "111 партий");
    set_language(Lang::en);
    CHECK(plural("unit.games", 1) == "1 game");
    CHECK(plural("unit.games", 2) == "2 games");
    CHECK(plural("unit.games", 0) == "0 games");
}

TEST_CASE("dates read as players write them, in both languages", "[shell][i18n]") {
    set_language(Lang::en);
    CHECK(long_date("2026-11-21") == "21 November");
    CHECK(long_date("2026-01-01") == "1 January");
    set_language(Lang::ru);
    CHECK(long_date("2026-11-21") == "21 \u043d\u043e\u044f\u0431\u0440\u044f");
    CHECK(long_date("2027-05-09") == "9 \u043c\u0430\u044f");
    // Anything else comes back as it was.
    for (const char* odd : {"", "2026-13-01", "2026-00-10", "2026-11-32", "2026/11/21", "20261121xx", "abcd-ef-gh"}) {
        CHECK(long_date(odd) == odd);
    }
    set_language(Lang::en);
}

TEST_CASE("settings: sound and volume round-trip, and saves made before them keep sound off", "[shell][settings]") {
    Settings s;
    CHECK_FALSE(s.sound);  // off until the player turns it on
    s.sound = true;
    s.volume = 35;
    CHECK(settings_from_json(settings_to_json(s)).value() == s);
    // An older save without the keys loads with the defaults for them.
    Json old = settings_to_json(s);
    old.erase("sound");
    old.erase("volume");
    const Settings loaded = settings_from_json(old).value();
    CHECK_FALSE(loaded.sound);
    CHECK(loaded.volume == Settings{}.volume);
    // Present but wrong: an error naming the field.
    Json loud = settings_to_json(s);
    loud["volume"] = 101;
    const auto r = settings_from_json(loud);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "settings.volume: expected an integer in 0..100");
    Json text = settings_to_json(s);
    text["sound"] = "on";
    CHECK_FALSE(settings_from_json(text).ok());
}
