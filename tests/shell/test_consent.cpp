// Purpose: the game's side of consent over the native bridge (files in a fresh folder):
// the built-in manifest parses; without a record, with a record that declines
// statistics, a broken or an expired record, nothing is counted and nothing is
// stored; with statistics allowed, counters are kept (a damaged copy is set aside and
// counting starts again); withdrawal stops counting.
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "tests/shell/temp_user_dir.hpp"

#include "shell/bridge.hpp"
#include "shell/consent.hpp"
#include "shell/storage.hpp"

using namespace astradia;
using namespace astradia::shell;

namespace {

// A record as the widget writes it, accepting the current version of every document.
legal::ConsentRecord record_for(const legal::Manifest& m, bool statistics) {
    legal::ConsentRecord r;
    r.id = "c-0123456789abcdef0123456789abcdef";
    r.site = m.site;
    r.time = GameConsent::wall_ms() - 1000;
    r.expires = r.time + 365LL * 24 * 3600 * 1000;
    r.choices.statistics = statistics;
    r.age_confirmed = true;
    for (const legal::ManifestDocument& d : m.documents) {
        const legal::VersionInfo* v = d.find(d.current);
        REQUIRE(v != nullptr);
        r.documents.push_back({d.id, v->version, v->hash[0]});
    }
    return r;
}

void store_record(const legal::ConsentRecord& r) {
    Expected<std::string> text = legal::serialize_consent_record(r);
    REQUIRE(text.ok());
    REQUIRE(bridge::store_write(GameConsent::kRecordKey, *text) == bridge::StoreStatus::ok);
}

}  // namespace

TEST_CASE("consent: no record, declined statistics or a broken record: nothing is counted or stored", "[shell][consent]") {
    TempUserDir dir;
    Expected<GameConsent> consent = GameConsent::built_in();
    REQUIRE(consent.ok());
    CHECK(consent->manifest().site == "astradia");
    const std::string usage_key = Store::key(GameConsent::kUsageSlot);

    CHECK(consent->must_ask_again().reason == legal::Reason::no_record);
    CHECK_FALSE(consent->count("view.sudoku"));
    CHECK_FALSE(bridge::store_read(usage_key).has_value());

    store_record(record_for(consent->manifest(), false));
    consent->reload();
    CHECK_FALSE(consent->must_ask_again().ask);
    CHECK(consent->may_count("view.sudoku").reason == legal::Reason::not_chosen);
    CHECK_FALSE(consent->count("view.sudoku"));
    CHECK_FALSE(bridge::store_read(usage_key).has_value());

    REQUIRE(bridge::store_write(GameConsent::kRecordKey, R"({"v":1,"id":"c-1"})") == bridge::StoreStatus::ok);
    consent->reload();
    CHECK(consent->record_error().has_value());
    CHECK(consent->must_ask_again().reason == legal::Reason::invalid_record);
    CHECK_FALSE(consent->count("view.sudoku"));
    CHECK_FALSE(bridge::store_read(usage_key).has_value());

    // An expired record asks again and counts nothing.
    legal::ConsentRecord old = record_for(consent->manifest(), true);
    old.time -= 400LL * 24 * 3600 * 1000;
    old.expires = old.time + 365LL * 24 * 3600 * 1000;
    store_record(old);
    consent->reload();
    CHECK(consent->must_ask_again().reason == legal::Reason::expired);
    CHECK_FALSE(consent->count("view.sudoku"));

    // A broken manifest is an error, never a silent default.
    CHECK_FALSE(GameConsent::create(R"({"site":"astradia"})").ok());
}

TEST_CASE("consent: with statistics allowed counters are kept, and stop after withdrawal", "[shell][consent]") {
    TempUserDir dir;
    Expected<GameConsent> consent = GameConsent::built_in();
    REQUIRE(consent.ok());
    store_record(record_for(consent->manifest(), true));
    consent->reload();
    REQUIRE(consent->may_count("view.sudoku").allowed);
    CHECK(consent->count("view.sudoku"));
    CHECK(consent->count("view.sudoku"));
    CHECK(consent->count("view.bricks"));
    CHECK_FALSE(consent->count("Not An Id!"));  // event names are ids
    CHECK(consent->usage() == std::map<std::string, long long>{{"view.bricks", 1}, {"view.sudoku", 2}});

    // A damaged copy is set aside and counting starts again; nothing crashes.
    const std::string usage_key = Store::key(GameConsent::kUsageSlot);
    REQUIRE(bridge::store_write(usage_key, "{\"app\":\"astradia\",\"kind\":") == bridge::StoreStatus::ok);
    CHECK(consent->usage().empty());
    CHECK(consent->count("view.sudoku"));
    CHECK(consent->usage() == std::map<std::string, long long>{{"view.sudoku", 1}});

    // Withdrawal: the widget writes a new record without statistics (and removes the keys).
    store_record(record_for(consent->manifest(), false));
    bridge::store_remove(usage_key);
    consent->reload();
    CHECK_FALSE(consent->count("view.sudoku"));
    CHECK_FALSE(bridge::store_read(usage_key).has_value());
}
