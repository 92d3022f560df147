// Purpose: the local usage counters (see usage.hpp).
#include "shell/usage.hpp"

#include "shell/bridge.hpp"

namespace astradia::shell {

Expected<UsageCounts> load_usage(const Sealed& opened) {
    UsageCounts out;
    const auto counts = opened.payload.find("counts");
    if (counts == opened.payload.end() || !counts->is_object()) {
        return make_error("usage.format", "The usage counters have no \"counts\" object.");
    }
    for (const auto& [event, n] : counts->items()) {
        if (event.empty() || event.size() > 64 || !n.is_number_integer() || n.get<long long>() < 1) {
            return make_error("usage.format", "A usage counter has a bad name or count.");
        }
        out[event] = n.get<long long>();
    }
    return out;
}

UsageCounts usage(Store& store) { return store.open(kUsage).value.value_or(UsageCounts{}); }

bool count_usage(Store& store, std::string_view event) {
    if (!bridge::consent_allows("statistics")) return false;
    UsageCounts counts = usage(store);  // a damaged copy is set aside: counting starts again
    ++counts[std::string(event)];
    return store.write(kUsage, Json{{"counts", counts}}) == StoreHealth::ok;
}

bool report_event(std::string_view name, Json fields) {
    if (!bridge::consent_allows("statistics")) return false;
    fields["name"] = std::string(name);
    bridge::send_statistics_event(fields.dump());
    return true;
}

}  // namespace astradia::shell
