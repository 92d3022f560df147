// Purpose: implementation of the atomic, self-healing store (see storage.hpp).
#include "shell/storage.hpp"

#include <functional>

#include "shell/bridge.hpp"

namespace astradia::shell {
namespace {

std::optional<std::size_t> hash_of(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    return std::hash<std::string>{}(*text);
}

StoreHealth health_of(bridge::StoreStatus s) {
    switch (s) {
        case bridge::StoreStatus::ok: return StoreHealth::ok;
        case bridge::StoreStatus::unavailable: return StoreHealth::unavailable;
        case bridge::StoreStatus::full: return StoreHealth::full;
        case bridge::StoreStatus::failed: break;
    }
    return StoreHealth::failed;
}

}  // namespace

StoreHealth Store::save(const std::string& slot, const std::string& sealed_text, std::string_view kind,
                        int max_version) {
    health_ = save_verified(slot, sealed_text, kind, max_version);
    if (health_ == StoreHealth::ok) remember(slot, sealed_text);
    return health_;
}

void Store::remember(const std::string& slot, const std::optional<std::string>& text) { known_[slot] = hash_of(text); }

bool Store::changed(std::string_view slot) const {
    const auto it = known_.find(slot);
    if (it == known_.end()) return true;
    const std::string k = key(std::string(slot));
    if (bridge::store_read(k + ".next")) return true;  // an interrupted save to recover
    return hash_of(bridge::store_read(k)) != it->second;
}

StoreHealth Store::save_verified(const std::string& slot, const std::string& sealed_text, std::string_view kind,
                                 int max_version) {
    const std::string main_key = key(slot);
    const std::string next_key = main_key + ".next";
    if (!bridge::store_available()) return StoreHealth::unavailable;
    if (auto s = bridge::store_write(next_key, sealed_text); s != bridge::StoreStatus::ok) return health_of(s);
    const std::optional<std::string> back = bridge::store_read(next_key);
    if (!back || *back != sealed_text || !unseal(*back, kind, max_version)) {
        bridge::store_remove(next_key);
        return StoreHealth::failed;
    }
    if (auto s = bridge::store_write(main_key, sealed_text); s != bridge::StoreStatus::ok) {
        // The verified copy stays under .next; load() will promote it.
        return health_of(s);
    }
    bridge::store_remove(next_key);
    return StoreHealth::ok;
}

LoadResult Store::load(const std::string& slot, std::string_view kind, int max_version) {
    const std::string main_key = key(slot);
    const std::string next_key = main_key + ".next";
    LoadResult result;

    // A verified-complete "<key>.next" is the newest save whose switch did not happen
    // (a crash, or the main write failed): it wins and is promoted.
    if (const std::optional<std::string> next_text = bridge::store_read(next_key)) {
        if (Expected<Sealed> opened = unseal(*next_text, kind, max_version)) {
            result.document = std::move(*opened);
            result.recovered = true;
            if (bridge::store_write(main_key, *next_text) == bridge::StoreStatus::ok) bridge::store_remove(next_key);
            remember(slot, next_text);
            return result;
        }
        bridge::store_remove(next_key);  // a partial write that never verified: nothing of value
    }
    const std::optional<std::string> main_text = bridge::store_read(main_key);
    remember(slot, main_text);
    if (!main_text) return result;
    Expected<Sealed> opened = unseal(*main_text, kind, max_version);
    if (opened) {
        result.document = std::move(*opened);
        return result;
    }
    result.corrupt = opened.error();
    bridge::store_write(main_key + ".corrupt", *main_text);  // kept aside, never lost
    bridge::store_remove(main_key);
    remember(slot, std::nullopt);
    return result;
}

void Store::remove(const std::string& slot) {
    bridge::store_remove(key(slot));
    bridge::store_remove(key(slot) + ".next");
    remember(slot, std::nullopt);
}

void Store::set_aside(const std::string& slot) {
    if (const std::optional<std::string> text = bridge::store_read(key(slot))) {
        bridge::store_write(key(slot) + ".corrupt", *text);
    }
    remove(slot);
}

}  // namespace astradia::shell
