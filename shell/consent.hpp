// Purpose: the game's side of consent. It reads the record the legal widget stored
// (key "astradia.consent.v1", through the bridge's storage) against the site's manifest
// (generated with the legal pages and embedded at build time), asks the consent model
// (legal/consent.hpp) its questions, and keeps anonymised usage counters (an event name
// and a count: no time, no id) only while the player allows statistics. The widget's
// page config lists "astradia.stats.*" under statistics, so withdrawing removes them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "engine/core/expected.hpp"
#include "legal/consent.hpp"

namespace astradia::shell {

class GameConsent {
public:
    static constexpr const char* kRecordKey = "astradia.consent.v1";
    static constexpr const char* kUsageSlot = "stats.usage";
    static constexpr const char* kUsageKind = "astradia-usage";
    static constexpr int kUsageVersion = 1;

    // The site's manifest as JSON. Errors: those of legal::parse_manifest.
    static Expected<GameConsent> create(std::string_view manifest_json);
    // The manifest built into the app (the "astradia" site's).
    static Expected<GameConsent> built_in();

    // Reads the stored record again (after a storage change, e.g. the widget's).
    void reload();
    // Milliseconds since 1970 (the record's clock).
    static legal::TimeMs wall_ms();

    const legal::Manifest& manifest() const { return state_.manifest(); }
    legal::AskAgain must_ask_again() const { return state_.must_ask_again(wall_ms()); }
    legal::Decision may_count(std::string_view event) const { return state_.may_count(event, wall_ms()); }
    const std::optional<Error>& record_error() const { return state_.record_error(); }

    // Counts one event when may_count allows it; returns whether it was counted.
    bool count(std::string_view event);
    // The counters kept so far (empty without consent, or after withdrawal).
    std::map<std::string, long long> usage() const;

private:
    explicit GameConsent(legal::Manifest manifest) : state_(std::move(manifest)) {}
    legal::ConsentState state_;
};

}  // namespace astradia::shell
