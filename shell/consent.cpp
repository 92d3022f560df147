// Purpose: the game's side of consent (see consent.hpp).
#include "shell/consent.hpp"

#include <chrono>

#include <nlohmann/json.hpp>

#include "engine/core/sealed.hpp"
#include "shell/bridge.hpp"
#include "shell/storage.hpp"

extern const unsigned char astradia_consent_manifest[];
extern const unsigned long astradia_consent_manifest_size;

namespace astradia::shell {

Expected<GameConsent> GameConsent::create(std::string_view manifest_json) {
    Expected<legal::Manifest> manifest = legal::parse_manifest(manifest_json);
    if (!manifest) return manifest.error();
    GameConsent consent(std::move(*manifest));
    consent.reload();
    return consent;
}

Expected<GameConsent> GameConsent::built_in() {
    return create(std::string_view(reinterpret_cast<const char*>(astradia_consent_manifest),
                                   astradia_consent_manifest_size));
}

void GameConsent::reload() { state_.load_record(bridge::store_read(kRecordKey).value_or("")); }

legal::TimeMs GameConsent::wall_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::map<std::string, long long> GameConsent::usage() const {
    std::map<std::string, long long> out;
    LoadResult loaded = Store().load(kUsageSlot, kUsageKind, kUsageVersion);
    if (!loaded.document) return out;
    const nlohmann::json& payload = loaded.document->payload;
    const auto counts = payload.find("counts");
    if (counts == payload.end() || !counts->is_object()) return out;
    for (const auto& [event, n] : counts->items()) {
        if (n.is_number_integer() && n.get<long long>() > 0) out[event] = n.get<long long>();
    }
    return out;
}

bool GameConsent::count(std::string_view event) {
    if (!may_count(event)) return false;
    std::map<std::string, long long> counts = usage();  // a damaged copy is set aside: start again
    ++counts[std::string(event)];
    nlohmann::json payload = {{"counts", counts}};
    return Store().save(kUsageSlot, seal(kUsageKind, kUsageVersion, payload), kUsageKind, kUsageVersion) ==
           StoreHealth::ok;
}

}  // namespace astradia::shell
