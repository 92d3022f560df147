// Purpose: sealed saves. Every persistent document of the engine (game saves,
// statistics, replays) travels in one envelope:
//   {"app":"astradia","kind":"<kind>","version":N,"payload":{...},"sha256":"<hex>"}
// where sha256 covers the canonical text of the payload. Opening checks size,
// syntax, nesting, kind, version and checksum before the caller sees the payload,
// so a corrupt, truncated, tampered or future-version save is an error, never a
// half-loaded game.
#pragma once

#include <string>
#include <string_view>

#include "engine/core/expected.hpp"
#include "engine/core/json_reader.hpp"

namespace astradia {

struct Sealed {
    int version = 0;
    Json payload;
};

// Serialises payload into an envelope of the given kind and format version.
std::string seal(std::string_view kind, int version, const Json& payload);

// Opens an envelope. Returns the payload and its version (1..max_version), or an
// Error with code save.empty / save.too_large / save.syntax / save.depth /
// save.format / save.kind / save.version / save.checksum and an English sentence.
Expected<Sealed> unseal(std::string_view text, std::string_view kind, int max_version);

}  // namespace astradia
