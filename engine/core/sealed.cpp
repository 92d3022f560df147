// Purpose: implementation of sealed (checksummed, versioned) saves.
#include "engine/core/sealed.hpp"

#include "engine/core/sha256.hpp"

namespace astradia {
namespace {
constexpr std::string_view kApp = "astradia";
}

std::string seal(std::string_view kind, int version, const Json& payload) {
    Json envelope = Json::object();
    envelope["app"] = kApp;
    envelope["kind"] = kind;
    envelope["version"] = version;
    envelope["payload"] = payload;
    envelope["sha256"] = sha256_hex(canonical_dump(payload));
    return canonical_dump(envelope);
}

Expected<Sealed> unseal(std::string_view text, std::string_view kind, int max_version) {
    Expected<Json> parsed = parse_json(text, "save");
    if (!parsed) return parsed.error();
    const Json& root = *parsed;

    JsonReader r("save.format");
    const std::string app = r.string(root, "app", "", 64);
    const std::string got_kind = r.string(root, "kind", "", 64);
    const std::int64_t version = r.integer(root, "version", "", 1, INT32_MAX);
    const Json& payload = r.object(root, "payload", "");
    const std::string checksum = r.string(root, "sha256", "", 64);
    if (r.failed()) {
        return make_error("save.format", "The save is not in a format this app knows (" +
                                             r.error().message + ").");
    }
    if (app != kApp || got_kind != kind) {
        return make_error("save.kind", "This is not a " + std::string(kind) + " save (it says \"" +
                                           got_kind + "\").");
    }
    if (version > max_version) {
        return make_error("save.version", "The save was written by a newer version of the game (format " +
                                              std::to_string(version) + "; this one reads up to " +
                                              std::to_string(max_version) + ").");
    }
    if (checksum != sha256_hex(canonical_dump(payload))) {
        return make_error("save.checksum",
                          "The save's checksum does not match its content: it was changed or corrupted.");
    }
    return Sealed{static_cast<int>(version), payload};
}

}  // namespace astradia
