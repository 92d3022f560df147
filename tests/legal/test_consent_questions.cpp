// Purpose: the three questions the game asks: "must I ask again?" (no or invalid record,
// another site, expiry to the millisecond, material vs. non-material version bumps,
// versions not yet in effect, numeric version order), "may I count this event?" and
// "may ads be personalised?" (with Global Privacy Control precedence, also over the cases
// shared with the widget's JS tests in tests/legal/fixtures/gpc-cases.json), and ConsentState.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "legal/consent.hpp"

using astradia::Json;
using namespace astradia::legal;

namespace {

std::string hash_of(char c) { return std::string(64, c); }

Json version(const std::string& v, const std::string& effective, bool material, const std::string& summary, char h) {
    return Json{{"version", v},
                {"effective", effective},
                {"material", material},
                {"changes", {{"en", summary}, {"ru", "RU: " + summary}}},
                {"hash", {{"en", hash_of(h)}, {"ru", hash_of(h)}}},
                {"url", {{"en", "/x.json"}, {"ru", "/x.json"}}},
                {"page", {{"en", "/x/"}, {"ru", "/x/"}}}};
}

// privacy: 1.0 -> 1.1 (minor) -> 1.2 (material) -> 2.0 (minor), current 2.0
// terms:   1.0, with 1.1 (material) published but not yet in effect
// numbers: 1.9 -> 1.10 (material): versions compare as numbers, not text
Json manifest_json() {
    Json categories = Json::object();
    for (auto id : category_ids()) categories[std::string(id)] = {{"en", "E"}, {"ru", "R"}};
    Json text = Json::object();
    for (const auto& p : purposes()) {
        text[std::string(p.id)] = {{"en", {{"name", "n"}, {"description", "d"}}},
                                   {"ru", {{"name", "н"}, {"description", "о"}}}};
    }
    return Json{
        {"site", "astradia"},
        {"generated_from", "legal/sites/astradia"},
        {"documents",
         Json::array({
             Json{{"id", "privacy"},
                  {"title", {{"en", "Privacy Policy"}, {"ru", "Политика"}}},
                  {"current", "2.0"},
                  {"versions", Json::array({version("2.0", "2026-10-01", false, "Wording.", 'd'),
                                            version("1.2", "2026-08-01", true, "New ad partners.", 'c'),
                                            version("1.1", "2026-07-01", false, "Typos.", 'b'),
                                            version("1.0", "2026-06-01", false, "First.", 'a')})}},
             Json{{"id", "terms"},
                  {"title", {{"en", "Terms of Use"}, {"ru", "Условия"}}},
                  {"current", "1.0"},
                  {"versions", Json::array({version("1.1", "2027-01-01", true, "Upcoming.", 'f'),
                                            version("1.0", "2026-06-01", false, "First.", 'e')})}},
             Json{{"id", "numbers"},
                  {"title", {{"en", "N"}, {"ru", "Н"}}},
                  {"current", "1.10"},
                  {"versions", Json::array({version("1.10", "2026-09-01", true, "Ten.", '1'),
                                            version("1.9", "2026-06-01", false, "Nine.", '2')})}},
         })},
        {"purposes",
         {{"necessary", {{"categories", {"http_headers", "ip_address"}}}},
          {"statistics", {{"categories", {"analytics_counters"}}}},
          {"ads", {{"categories", {"geolocation", "cookies_storage"}}}},
          {"legal", {{"categories", {"ip_address"}}}}}},
        {"categories", categories},
        {"purpose_text", text},
        {"consent_days", 365},
    };
}

Manifest manifest() {
    auto m = parse_manifest(manifest_json().dump());
    REQUIRE(m.ok());
    return std::move(m).value();
}

const TimeMs kGiven = *parse_utc_time("2026-11-21T10:15:30.123Z");
const TimeMs kExpires = *parse_utc_time("2027-11-21T10:15:30.123Z");

ConsentRecord record(std::vector<DocumentRef> docs = {{"privacy", "2.0", hash_of('d')}, {"terms", "1.0", hash_of('e')}}) {
    ConsentRecord r;
    r.id = "c-00112233445566778899aabbccddeeff";
    r.site = "astradia";
    r.time = kGiven;
    r.expires = kExpires;
    r.method = Method::banner;
    r.choices = {true, true, true};
    r.documents = std::move(docs);
    r.age_confirmed = true;
    return r;
}

}  // namespace

TEST_CASE("purposes: bases and toggles as in the contract", "[legal][questions]") {
    CHECK(info(Purpose::necessary).basis == Basis::contract);
    CHECK_FALSE(info(Purpose::necessary).toggle);
    CHECK(info(Purpose::statistics).basis == Basis::consent);
    CHECK(info(Purpose::statistics).toggle);
    CHECK(info(Purpose::ads).toggle);
    CHECK(info(Purpose::legal).basis == Basis::law);
    CHECK_FALSE(info(Purpose::legal).toggle);   // shown as a basis, never a switch
    CHECK(purpose_from("legal") == Purpose::legal);
    CHECK_FALSE(purpose_from("marketing").has_value());
    const Manifest m = manifest();
    CHECK(m.categories_of(Purpose::ads) == std::vector<std::string>{"geolocation", "cookies_storage"});
}

TEST_CASE("must ask again: no record, another site, expiry to the millisecond", "[legal][questions]") {
    const Manifest m = manifest();
    AskAgain a = must_ask_again(m, nullptr, kGiven);
    CHECK(a.ask);
    CHECK(a.reason == Reason::no_record);

    ConsentRecord r = record();
    a = must_ask_again(m, &r, kGiven);
    CHECK_FALSE(a.ask);
    CHECK(a.reason == Reason::ok);
    CHECK(a.changed.empty());
    CHECK_FALSE(must_ask_again(m, &r, kExpires - 1).ask);
    a = must_ask_again(m, &r, kExpires);
    CHECK(a.ask);
    CHECK(a.reason == Reason::expired);
    CHECK(must_ask_again(m, &r, kExpires + 365 * kMsPerDay).reason == Reason::expired);

    r.site = "partner-demo";
    a = must_ask_again(m, &r, kGiven);
    CHECK(a.ask);
    CHECK(a.reason == Reason::other_site);
}

TEST_CASE("must ask again: only when a version after the accepted one is material", "[legal][questions]") {
    const Manifest m = manifest();
    // accepted 1.2: only 2.0 (not material) came after -> no
    ConsentRecord r = record({{"privacy", "1.2", hash_of('c')}});
    CHECK_FALSE(must_ask_again(m, &r, kGiven).ask);

    // accepted 1.1: 1.2 is material -> yes, with what changed, newest first
    r = record({{"privacy", "1.1", hash_of('b')}, {"terms", "1.0", hash_of('e')}});
    AskAgain a = must_ask_again(m, &r, kGiven);
    REQUIRE(a.ask);
    CHECK(a.reason == Reason::documents_changed);
    REQUIRE(a.changed.size() == 1);
    const ChangedDocument& c = a.changed[0];
    CHECK(c.id == "privacy");
    CHECK(c.title[0] == "Privacy Policy");
    CHECK(c.accepted == "1.1");
    CHECK(c.current == "2.0");
    REQUIRE(c.versions.size() == 2);
    CHECK(c.versions[0].version == "2.0");
    CHECK_FALSE(c.versions[0].material);
    CHECK(c.versions[1].version == "1.2");
    CHECK(c.versions[1].material);
    CHECK(c.versions[1].changes[static_cast<int>(Language::en)] == "New ad partners.");
    CHECK(c.versions[1].changes[static_cast<int>(Language::ru)] == "RU: New ad partners.");

    // accepted 1.0: 1.1, 1.2, 2.0 listed
    r = record({{"privacy", "1.0", hash_of('a')}});
    a = must_ask_again(m, &r, kGiven);
    REQUIRE(a.changed.size() == 1);
    CHECK(a.changed[0].versions.size() == 3);

    // a version the manifest no longer lists, older than all: everything after it counts
    r = record({{"privacy", "0.9", hash_of('0')}});
    CHECK(must_ask_again(m, &r, kGiven).ask);
}

TEST_CASE("must ask again: upcoming versions, newer acceptances, unknown documents", "[legal][questions]") {
    const Manifest m = manifest();
    // terms 1.1 is material but not in effect (current is 1.0): not a reason to ask
    ConsentRecord r = record({{"terms", "1.0", hash_of('e')}});
    CHECK_FALSE(must_ask_again(m, &r, kGiven).ask);
    // someone accepted the upcoming 1.1 already: nothing to ask either
    r = record({{"terms", "1.1", hash_of('f')}});
    CHECK_FALSE(must_ask_again(m, &r, kGiven).ask);
    // a document the site no longer shows is ignored
    r = record({{"retired", "1.0", hash_of('9')}, {"privacy", "2.0", hash_of('d')}});
    CHECK_FALSE(must_ask_again(m, &r, kGiven).ask);
    // several documents changed: all of them are returned
    r = record({{"privacy", "1.0", hash_of('a')}, {"numbers", "1.9", hash_of('2')}});
    AskAgain a = must_ask_again(m, &r, kGiven);
    REQUIRE(a.changed.size() == 2);
    CHECK(a.changed[0].id == "privacy");
    CHECK(a.changed[1].id == "numbers");
}

TEST_CASE("versions compare as numbers: 1.10 is newer than 1.9", "[legal][questions]") {
    const Manifest m = manifest();
    ConsentRecord r = record({{"numbers", "1.9", hash_of('2')}});
    AskAgain a = must_ask_again(m, &r, kGiven);
    REQUIRE(a.ask);
    REQUIRE(a.changed.size() == 1);
    CHECK(a.changed[0].versions.size() == 1);
    CHECK(a.changed[0].versions[0].version == "1.10");
    r = record({{"numbers", "1.10", hash_of('1')}});
    CHECK_FALSE(must_ask_again(m, &r, kGiven).ask);
}

TEST_CASE("may I count this event: statistics consent, and nothing to ask", "[legal][questions]") {
    const Manifest m = manifest();
    ConsentRecord r = record();
    Decision d = may_count(m, &r, "sudoku.win", kGiven);
    CHECK(d.allowed);
    CHECK(d.reason == Reason::ok);
    CHECK(may_count(m, &r, "bricks.line_clear-3", kGiven));

    r.choices.statistics = false;
    d = may_count(m, &r, "sudoku.win", kGiven);
    CHECK_FALSE(d.allowed);
    CHECK(d.reason == Reason::not_chosen);

    r = record();
    CHECK(may_count(m, &r, "sudoku.win", kExpires).reason == Reason::expired);
    CHECK(may_count(m, nullptr, "sudoku.win", kGiven).reason == Reason::no_record);
    r = record({{"privacy", "1.1", hash_of('b')}});
    CHECK(may_count(m, &r, "sudoku.win", kGiven).reason == Reason::documents_changed);

    r = record();
    for (const std::string& bad : {std::string(), std::string("Sudoku.Win"), std::string("sudoku win"),
                                   std::string("_hidden"), std::string(".x"), std::string("-x"),
                                   std::string(65, 'e'), std::string("событие"), std::string("a\nb")}) {
        INFO(bad);
        CHECK(may_count(m, &r, bad, kGiven).reason == Reason::bad_event);
    }
    CHECK(may_count(m, &r, std::string(64, 'e'), kGiven));
}

TEST_CASE("may ads be personalised: ads consent, and Global Privacy Control comes first", "[legal][questions]") {
    const Manifest m = manifest();
    ConsentRecord r = record();
    CHECK(may_personalise_ads(m, &r, kGiven, false));
    r.choices.ads = false;
    CHECK(may_personalise_ads(m, &r, kGiven, false).reason == Reason::not_chosen);
    CHECK(may_personalise_ads(m, &r, kGiven, true).reason == Reason::not_chosen);

    // The signal is on now, but the choice was made without it: no.
    r = record();
    Decision d = may_personalise_ads(m, &r, kGiven, true);
    CHECK_FALSE(d.allowed);
    CHECK(d.reason == Reason::gpc);
    r.method = Method::preferences;   // even an explicit choice made before the signal
    CHECK(may_personalise_ads(m, &r, kGiven, true).reason == Reason::gpc);

    // The signal was on when the record was made: the player's own choice then counts,
    // whichever control they used (the widget names the signal beside each of them)...
    r = record();
    r.gpc = true;
    for (Method method : {Method::banner, Method::preferences, Method::api}) {
        r.method = method;
        INFO(to_string(method));
        CHECK(may_personalise_ads(m, &r, kGiven, true));
        CHECK(may_personalise_ads(m, &r, kGiven, false));
    }
    // ...but a record the signal wrote itself never turns personalisation on.
    r.method = Method::gpc;
    CHECK(may_personalise_ads(m, &r, kGiven, true).reason == Reason::gpc);
    CHECK(may_personalise_ads(m, &r, kGiven, false).reason == Reason::gpc);
    r.method = Method::preferences;

    // Everything that makes the game ask again also stops personalisation.
    CHECK(may_personalise_ads(m, &r, kExpires, true).reason == Reason::expired);
    CHECK(may_personalise_ads(m, nullptr, kGiven, false).reason == Reason::no_record);
    r = record({{"privacy", "1.0", hash_of('a')}});
    CHECK(may_personalise_ads(m, &r, kGiven, false).reason == Reason::documents_changed);
}

TEST_CASE("may ads be personalised: the Global Privacy Control cases shared with the widget", "[legal][questions]") {
    std::ifstream in(std::string(ASTRADIA_LEGAL_FIXTURES) + "/gpc-cases.json", std::ios::binary);
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    const Json cases = Json::parse(text.str());
    const Manifest m = manifest();
    REQUIRE(cases["cases"].size() == 32);
    for (const Json& c : cases["cases"]) {
        ConsentRecord r = record();
        const auto method = method_from(c["method"].get<std::string>());
        REQUIRE(method);
        r.method = *method;
        r.gpc = c["gpc"].get<bool>();
        r.choices.ads = c["ads"].get<bool>();
        INFO(c.dump());
        CHECK(may_personalise_ads(m, &r, kGiven, c["gpc_now"].get<bool>()).allowed == c["allowed"].get<bool>());
    }
}

TEST_CASE("ConsentState keeps the manifest and the stored record", "[legal][questions]") {
    ConsentState state(manifest());
    CHECK_FALSE(state.load_record("").has_value());
    CHECK(state.must_ask_again(kGiven).reason == Reason::no_record);

    auto error = state.load_record("{\"v\":1");
    REQUIRE(error.has_value());
    CHECK(error->code == "consent.syntax");
    CHECK_FALSE(state.record().has_value());
    CHECK(state.must_ask_again(kGiven).reason == Reason::invalid_record);
    CHECK(state.may_count("sudoku.win", kGiven).reason == Reason::invalid_record);
    CHECK(state.may_personalise_ads(kGiven, false).reason == Reason::invalid_record);

    auto text = serialize_consent_record(record());
    REQUIRE(text.ok());
    CHECK_FALSE(state.load_record(*text).has_value());
    REQUIRE(state.record().has_value());
    CHECK_FALSE(state.record_error().has_value());
    CHECK_FALSE(state.must_ask_again(kGiven).ask);
    CHECK(state.may_count("sudoku.win", kGiven));
    CHECK(state.may_personalise_ads(kGiven, false));
    CHECK(state.may_personalise_ads(kGiven, true).reason == Reason::gpc);

    state.load_record("");   // the player deleted their data
    CHECK(state.must_ask_again(kGiven).reason == Reason::no_record);
}
