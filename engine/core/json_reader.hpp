// Purpose: JsonReader, typed and bounded access to untrusted JSON that never
// throws. Every loader (saves, replays, consent records) reads through it: each
// accessor checks presence, type and range, remembers the first problem with its
// path ("payload.moves[3].row: expected an integer in 0..9") and returns a safe
// default, so a loader reads straight through and checks failed() once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/core/expected.hpp"

namespace astradia {

using Json = nlohmann::json;

class JsonReader {
public:
    // code: the Error code reported on failure (e.g. "save.format").
    explicit JsonReader(std::string code) : code_(std::move(code)) {}

    // Each accessor: the value when present, of the right type and in range;
    // otherwise records the first error and returns the fallback shown.
    const Json& object(const Json& parent, std::string_view key, std::string_view path);  // -> empty object
    const Json& array(const Json& parent, std::string_view key, std::string_view path,
                      std::size_t max_size);                                                // -> empty array
    std::int64_t integer(const Json& parent, std::string_view key, std::string_view path,
                         std::int64_t lo, std::int64_t hi);                                 // -> lo
    std::int64_t integer(const Json& value, std::string_view path, std::int64_t lo,
                         std::int64_t hi);                                                  // -> lo
    std::uint64_t u64(const Json& parent, std::string_view key, std::string_view path);    // -> 0
    bool boolean(const Json& parent, std::string_view key, std::string_view path);         // -> false
    std::string string(const Json& parent, std::string_view key, std::string_view path,
                       std::size_t max_len);                                               // -> ""
    std::string string(const Json& value, std::string_view path, std::size_t max_len);     // -> ""
    bool has(const Json& parent, std::string_view key) const;

    // Records a problem found by the caller's own check (first one wins).
    void fail(std::string_view path, std::string_view what);

    bool failed() const { return failed_; }
    Error error() const { return Error{code_, message_}; }

private:
    const Json* find(const Json& parent, std::string_view key, std::string_view path);
    std::string code_;
    std::string message_;
    bool failed_ = false;
};

// Parses text as JSON without exceptions; rejects input over max_bytes and
// nesting deeper than max_depth (so later recursive walks cannot overflow the
// stack). Error codes: <code_prefix>.empty, .too_large, .syntax, .depth.
Expected<Json> parse_json(std::string_view text, std::string_view code_prefix,
                          std::size_t max_bytes = std::size_t{4} << 20, int max_depth = 64);

// Canonical text of a JSON value: sorted keys, no spaces, UTF-8 kept, invalid
// UTF-8 replaced (never throws). Hashes are taken over this text.
std::string canonical_dump(const Json& value);

}  // namespace astradia
