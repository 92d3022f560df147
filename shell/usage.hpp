// Purpose: the game's statistics, only while the player allows them (the legal widget answers
// through bridge::consent_allows): the local usage counters (an event name and a count, such as
// "view.start": 3; no time, no id), kept on this device under "astradia.stats.*", which the
// widget's page config lists under statistics, so withdrawing removes them; and the events the
// site's first-party statistics count (report_event: games started, won, lost, abandoned, over,
// the screens shown), sent by the page to the site's own server.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "shell/storage.hpp"

namespace astradia::shell {

using UsageCounts = std::map<std::string, long long>;
// Reads the counters; an event name over 64 characters or a count below 1 is usage.format.
Expected<UsageCounts> load_usage(const Sealed& opened);
inline constexpr DocumentType<UsageCounts> kUsageDocument{"astradia-usage", 1, &load_usage};
inline constexpr StoredDocument<UsageCounts> kUsage{"stats.usage", kUsageDocument};

// The counters kept so far (empty without consent, or after withdrawal).
UsageCounts usage(Store& store);
// Counts one event when the player allows statistics now; returns whether it was counted.
bool count_usage(Store& store, std::string_view event);
// Hands one event (its fields as server/stats/events.py defines them) to the page when the
// player allows statistics now; returns whether it was handed over. Natively the bridge drops it.
bool report_event(std::string_view name, Json fields);

}  // namespace astradia::shell
