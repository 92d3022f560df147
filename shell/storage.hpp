// Purpose: saving and loading the app's sealed documents (games, statistics,
// settings) through the bridge's key-value store without ever losing one:
// writes are atomic (write a copy, read it back and verify its checksum, then
// switch), an interrupted save is recovered on load, and a corrupt save is kept
// aside under "<key>.corrupt" rather than overwritten.
#pragma once

#include <optional>
#include <string>

#include "engine/core/expected.hpp"
#include "engine/core/sealed.hpp"

namespace astradia::shell {

enum class StoreHealth {
    ok,           // saved and verified
    unavailable,  // the browser blocks storage (private mode): progress is not kept
    full,         // storage quota reached: progress is not kept
    failed,       // written but not read back intact, or another failure
};

struct LoadResult {
    std::optional<Sealed> document;  // the loaded document, if any
    bool recovered = false;          // it came from an interrupted save's verified copy
    std::optional<Error> corrupt;    // the stored copy was damaged (and was set aside)
};

// Keys are "astradia.<slot>"; `kind` and `max_version` are the sealed envelope's.
class Store {
public:
    // Saves an already sealed text: writes "<key>.next", reads it back and unseals it,
    // then writes "<key>" and removes "<key>.next". Returns what went wrong, if anything.
    StoreHealth save(const std::string& slot, const std::string& sealed_text, std::string_view kind,
                     int max_version);

    // Loads a slot. A missing slot gives an empty result; a verified "<key>.next" left
    // by an interrupted save is the newest copy and is used (and promoted); a damaged
    // main copy is moved to "<key>.corrupt" and reported in `corrupt`.
    LoadResult load(const std::string& slot, std::string_view kind, int max_version);

    // Removes a slot (and its interrupted copy).
    void remove(const std::string& slot);

    static std::string key(const std::string& slot) { return "astradia." + slot; }
};

}  // namespace astradia::shell
