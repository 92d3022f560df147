// Purpose: implementation of JsonReader and the non-throwing JSON parse helpers.
#include "engine/core/json_reader.hpp"

namespace astradia {
namespace {

const Json& empty_object() {
    static const Json value = Json::object();
    return value;
}
const Json& empty_array() {
    static const Json value = Json::array();
    return value;
}

std::string join(std::string_view path, std::string_view key) {
    std::string out(path);
    if (!out.empty()) out += '.';
    out += key;
    return out;
}

// Depth of the deepest container, found with an explicit stack (no recursion) and
// stopping early once limit is passed.
int nesting_depth_exceeds(std::string_view text, int limit) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return 1;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return 0;
}

}  // namespace

void JsonReader::fail(std::string_view path, std::string_view what) {
    if (failed_) return;
    failed_ = true;
    message_ = std::string(path.empty() ? "(top level)" : path) + ": " + std::string(what);
}

bool JsonReader::has(const Json& parent, std::string_view key) const {
    return parent.is_object() && parent.find(key) != parent.end();
}

const Json* JsonReader::find(const Json& parent, std::string_view key, std::string_view path) {
    if (!parent.is_object()) {
        fail(path, "expected an object");
        return nullptr;
    }
    auto it = parent.find(key);
    if (it == parent.end()) {
        fail(join(path, key), "is missing");
        return nullptr;
    }
    return &*it;
}

const Json& JsonReader::object(const Json& parent, std::string_view key, std::string_view path) {
    const Json* v = find(parent, key, path);
    if (v == nullptr) return empty_object();
    if (!v->is_object()) {
        fail(join(path, key), "expected an object");
        return empty_object();
    }
    return *v;
}

const Json& JsonReader::array(const Json& parent, std::string_view key, std::string_view path,
                              std::size_t max_size) {
    const Json* v = find(parent, key, path);
    if (v == nullptr) return empty_array();
    if (!v->is_array()) {
        fail(join(path, key), "expected an array");
        return empty_array();
    }
    if (v->size() > max_size) {
        fail(join(path, key), "has more than " + std::to_string(max_size) + " elements");
        return empty_array();
    }
    return *v;
}

std::int64_t JsonReader::integer(const Json& value, std::string_view path, std::int64_t lo,
                                 std::int64_t hi) {
    const std::string range = "expected an integer in " + std::to_string(lo) + ".." + std::to_string(hi);
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(INT64_MAX) || static_cast<std::int64_t>(u) > hi ||
            static_cast<std::int64_t>(u) < lo) {
            fail(path, range);
            return lo;
        }
        return static_cast<std::int64_t>(u);
    }
    if (value.is_number_integer()) {
        const auto i = value.get<std::int64_t>();
        if (i < lo || i > hi) {
            fail(path, range);
            return lo;
        }
        return i;
    }
    fail(path, range);
    return lo;
}

std::int64_t JsonReader::integer(const Json& parent, std::string_view key, std::string_view path,
                                 std::int64_t lo, std::int64_t hi) {
    const Json* v = find(parent, key, path);
    if (v == nullptr) return lo;
    return integer(*v, join(path, key), lo, hi);
}

std::uint64_t JsonReader::u64(const Json& parent, std::string_view key, std::string_view path) {
    const Json* v = find(parent, key, path);
    if (v == nullptr) return 0;
    if (!v->is_number_unsigned() && !(v->is_number_integer() && v->get<std::int64_t>() >= 0)) {
        fail(join(path, key), "expected a non-negative integer");
        return 0;
    }
    return v->get<std::uint64_t>();
}

bool JsonReader::boolean(const Json& parent, std::string_view key, std::string_view path) {
    const Json* v = find(parent, key, path);
    if (v == nullptr) return false;
    if (!v->is_boolean()) {
        fail(join(path, key), "expected true or false");
        return false;
    }
    return v->get<bool>();
}

std::string JsonReader::string(const Json& value, std::string_view path, std::size_t max_len) {
    if (!value.is_string()) {
        fail(path, "expected a string");
        return {};
    }
    const auto& s = value.get_ref<const std::string&>();
    if (s.size() > max_len) {
        fail(path, "is longer than " + std::to_string(max_len) + " bytes");
        return {};
    }
    return s;
}

std::string JsonReader::string(const Json& parent, std::string_view key, std::string_view path,
                               std::size_t max_len) {
    const Json* v = find(parent, key, path);
    if (v == nullptr) return {};
    return string(*v, join(path, key), max_len);
}

Expected<Json> parse_json(std::string_view text, std::string_view code_prefix, std::size_t max_bytes,
                          int max_depth) {
    const std::string prefix(code_prefix);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return make_error(prefix + ".empty", "The data is empty.");
    }
    if (text.size() > max_bytes) {
        return make_error(prefix + ".too_large", "The data is larger than " +
                                                     std::to_string(max_bytes) + " bytes.");
    }
    if (nesting_depth_exceeds(text, max_depth)) {
        return make_error(prefix + ".depth", "The data is nested more than " +
                                                 std::to_string(max_depth) + " levels deep.");
    }
    Json parsed = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) {
        return make_error(prefix + ".syntax", "The data is not valid JSON (truncated or corrupt).");
    }
    return parsed;
}

std::string canonical_dump(const Json& value) {
    return value.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

}  // namespace astradia
