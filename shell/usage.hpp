// Purpose: the local usage counters (an event name and a count, such as "view.start": 3;
// no time, no id), kept on this device and only while the player allows statistics: the
// legal widget answers through bridge::consent_allows, and its page config lists
// "astradia.stats.*" under statistics, so withdrawing removes them.
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

}  // namespace astradia::shell
