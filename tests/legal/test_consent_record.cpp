// Purpose: validation of stored consent records exactly as docs/LEGAL-FORMATS.md says:
// a valid record reads back field by field and round-trips; every field wrong in every
// way, unknown and duplicate keys, truncation at every byte, oversize, deep nesting and
// bad UTF-8 give a clear error with a stable code and the path, and never a record.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "legal/consent.hpp"

using astradia::Json;
using namespace astradia::legal;

namespace {

const std::string kHashA(64, 'a');
const std::string kHashB = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

Json valid_json() {
    return Json{
        {"v", 1},
        {"id", "c-9f1c2b7a5d3e4f60a1b2c3d4e5f60718"},
        {"site", "astradia"},
        {"time", "2026-11-21T10:15:30.123Z"},
        {"expires", "2027-11-21T10:15:30.123Z"},
        {"method", "banner"},
        {"language", "en"},
        {"choices", {{"necessary", true}, {"statistics", false}, {"ads", true}}},
        {"documents", Json::array({Json{{"id", "privacy"}, {"version", "1.1"}, {"hash", kHashA}},
                                   Json{{"id", "terms"}, {"version", "1.0"}, {"hash", kHashB}}})},
        {"age_confirmed", true},
        {"gpc", false},
    };
}

std::string code_of(std::string_view text) {
    auto r = parse_consent_record(text);
    return r ? std::string("ok") : r.error().code;
}
std::string code_of_json(const Json& j) { return code_of(j.dump()); }

// A copy of the valid record with one value replaced (path like "choices.ads" or "documents.1.hash").
Json with(const std::string& pointer, const Json& value) {
    Json j = valid_json();
    j[Json::json_pointer(pointer)] = value;
    return j;
}
Json without(const std::string& key) {
    Json j = valid_json();
    j.erase(key);
    return j;
}

}  // namespace

TEST_CASE("a valid record reads back exactly", "[legal][record]") {
    auto r = parse_consent_record(valid_json().dump());
    REQUIRE(r.ok());
    CHECK(r->id == "c-9f1c2b7a5d3e4f60a1b2c3d4e5f60718");
    CHECK(r->site == "astradia");
    CHECK(r->time == 1795256130123);
    CHECK(r->expires == 1795256130123 + 365 * kMsPerDay);
    CHECK(r->method == Method::banner);
    CHECK(r->language == Language::en);
    CHECK(r->choices.necessary);
    CHECK_FALSE(r->choices.statistics);
    CHECK(r->choices.ads);
    REQUIRE(r->documents.size() == 2);
    CHECK(r->documents[0].id == "privacy");
    CHECK(r->documents[0].version == "1.1");
    CHECK(r->documents[0].hash == kHashA);
    CHECK(r->documents[1].hash == kHashB);
    CHECK(r->age_confirmed);
    CHECK_FALSE(r->gpc);
    CHECK(check_consent_record(valid_json().dump()).empty());
    // Whitespace and key order do not matter; every method and language is accepted.
    CHECK(code_of(valid_json().dump(4)) == "ok");
    for (const char* m : {"banner", "preferences", "gpc", "api"}) CHECK(code_of_json(with("/method", m)) == "ok");
    CHECK(code_of_json(with("/language", "ru")) == "ok");
    CHECK(code_of_json(with("/v", Json(std::uint64_t{1}))) == "ok");
}

TEST_CASE("serialising a record parses back to the same record", "[legal][record]") {
    auto r = parse_consent_record(valid_json().dump(2));
    REQUIRE(r.ok());
    auto text = serialize_consent_record(*r);
    REQUIRE(text.ok());
    CHECK(Json::parse(*text) == valid_json());
    auto again = parse_consent_record(*text);
    REQUIRE(again.ok());
    CHECK(*serialize_consent_record(*again) == *text);

    ConsentRecord bad = *r;
    bad.choices.necessary = false;
    CHECK(serialize_consent_record(bad).error().code == "consent.necessary");
    bad = *r;
    bad.expires = bad.time;
    CHECK(serialize_consent_record(bad).error().code == "consent.expiry_order");
    bad = *r;
    bad.id = "c-XYZ";
    CHECK(serialize_consent_record(bad).error().code == "consent.id");
    bad = *r;
    bad.time = INT64_MAX;
    CHECK(serialize_consent_record(bad).error().code == "consent.time");
}

TEST_CASE("each missing key is named", "[legal][record]") {
    for (const char* key : {"v", "id", "site", "time", "expires", "method", "language", "choices", "documents",
                            "age_confirmed", "gpc"}) {
        INFO(key);
        auto r = parse_consent_record(without(key).dump());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "consent.missing");
        CHECK(r.error().message == std::string(key) + ": is missing");
    }
    for (const char* key : {"necessary", "statistics", "ads"}) {
        Json j = valid_json();
        j["choices"].erase(key);
        CHECK(code_of_json(j) == "consent.missing");
    }
    for (const char* key : {"id", "version", "hash"}) {
        Json j = valid_json();
        j["documents"][1].erase(key);
        auto r = parse_consent_record(j.dump());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "consent.missing");
        CHECK(r.error().message == "documents[1]." + std::string(key) + ": is missing");
    }
}

TEST_CASE("each wrong JSON type is refused with its path", "[legal][record]") {
    const std::vector<Json> others = {Json(nullptr), Json(7), Json(-1.5), Json("text"), Json(true),
                                      Json::array(), Json::object()};
    struct Field {
        const char* pointer;
        const char* type;  // the JSON type it must have
    };
    for (const Field f : {Field{"/v", "integer"}, {"/id", "string"}, {"/site", "string"}, {"/time", "string"},
                          {"/expires", "string"}, {"/method", "string"}, {"/language", "string"},
                          {"/choices", "object"}, {"/choices/necessary", "boolean"}, {"/choices/statistics", "boolean"},
                          {"/choices/ads", "boolean"}, {"/documents", "array"}, {"/documents/0", "object"},
                          {"/documents/0/id", "string"}, {"/documents/1/version", "string"},
                          {"/documents/1/hash", "string"}, {"/age_confirmed", "boolean"}, {"/gpc", "boolean"}}) {
        for (const Json& value : others) {
            const std::string t = f.type;
            const bool same = (t == "integer" && value.is_number_integer()) || (t == "string" && value.is_string()) ||
                              (t == "boolean" && value.is_boolean()) || (t == "object" && value.is_object()) ||
                              (t == "array" && value.is_array());
            if (same) continue;
            INFO(f.pointer << " = " << value.dump());
            auto r = parse_consent_record(with(f.pointer, value).dump());
            REQUIRE_FALSE(r.ok());
            // v = 7 is an integer of the wrong value, not a wrong type
            CHECK(r.error().code == "consent.type");
        }
    }
    CHECK(code_of_json(with("/v", 1.0)) == "consent.type");        // 1.0 is not the integer 1
    CHECK(code_of_json(with("/v", "1")) == "consent.type");
    CHECK(code_of_json(with("/v", 2)) == "consent.version");
    CHECK(code_of_json(with("/v", 0)) == "consent.version");
    CHECK(code_of_json(with("/v", -1)) == "consent.version");
    CHECK(code_of("[]") == "consent.type");
    CHECK(code_of("\"a record\"") == "consent.type");
    CHECK(code_of("null") == "consent.type");
    CHECK(code_of("42") == "consent.type");
}

TEST_CASE("bad formats of id, site, time, method, language", "[legal][record]") {
    for (const char* id : {"", "c-", "c-9f1c2b7a5d3e4f60a1b2c3d4e5f6071", "c-9f1c2b7a5d3e4f60a1b2c3d4e5f607189",
                           "C-9f1c2b7a5d3e4f60a1b2c3d4e5f60718", "c-9F1C2B7A5D3E4F60A1B2C3D4E5F60718",
                           "c_9f1c2b7a5d3e4f60a1b2c3d4e5f60718", "x-9f1c2b7a5d3e4f60a1b2c3d4e5f60718",
                           "c-9f1c2b7a5d3e4f60a1b2c3d4e5f6071g", " c-9f1c2b7a5d3e4f60a1b2c3d4e5f60718"}) {
        INFO(id);
        CHECK(code_of_json(with("/id", id)) == "consent.id");
    }
    for (const char* site : {"", "Astradia", "astra dia", "astradia.example", "партнёр",
                             "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}) {
        INFO(site);
        CHECK(code_of_json(with("/site", site)) == "consent.site");
    }
    CHECK(code_of_json(with("/site", std::string(40, 'a'))) == "ok");
    CHECK(code_of_json(with("/site", "partner-demo")) == "ok");
    for (const char* t : {"", "2026-11-21", "2026-11-21T10:15:30Z", "2026-02-30T10:15:30.123Z", "yesterday"}) {
        INFO(t);
        CHECK(code_of_json(with("/time", t)) == "consent.time");
        CHECK(code_of_json(with("/expires", t)) == "consent.expires");
    }
    for (const char* m : {"", "Banner", "cookie", "banner "}) CHECK(code_of_json(with("/method", m)) == "consent.method");
    for (const char* l : {"", "EN", "de", "en-GB", "rus"}) CHECK(code_of_json(with("/language", l)) == "consent.language");
}

TEST_CASE("expiry must come after the time", "[legal][record]") {
    CHECK(code_of_json(with("/expires", "2026-11-21T10:15:30.123Z")) == "consent.expiry_order");   // equal
    CHECK(code_of_json(with("/expires", "2026-11-21T10:15:30.122Z")) == "consent.expiry_order");   // 1 ms before
    CHECK(code_of_json(with("/expires", "2020-01-01T00:00:00.000Z")) == "consent.expiry_order");
    CHECK(code_of_json(with("/expires", "2026-11-21T10:15:30.124Z")) == "ok");                     // 1 ms after
}

TEST_CASE("necessary must be true, choices hold exactly three purposes", "[legal][record]") {
    auto r = parse_consent_record(with("/choices/necessary", false).dump());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "consent.necessary");
    CHECK_THAT(r.error().message, Catch::StartsWith("choices.necessary:"));
    CHECK(code_of_json(with("/choices/legal", true)) == "consent.unknown_key");   // legal is a basis, not a choice
    CHECK(code_of_json(with("/choices/marketing", false)) == "consent.unknown_key");
}

TEST_CASE("documents: 1 to 16 entries, valid ids, versions and hashes, no repeats", "[legal][record]") {
    CHECK(code_of_json(with("/documents", Json::array())) == "consent.documents");
    Json many = Json::array();
    for (int i = 0; i < 17; ++i) {
        many.push_back({{"id", "doc-" + std::to_string(i)}, {"version", "1.0"}, {"hash", kHashA}});
    }
    CHECK(code_of_json(with("/documents", many)) == "consent.documents");
    many.erase(many.size() - 1);
    CHECK(code_of_json(with("/documents", many)) == "ok");   // 16 is allowed

    for (const std::string& id : {std::string(), std::string("Privacy"), std::string("privacy policy"),
                                  std::string("a/b"), std::string(41, 'a')}) {
        INFO(id);
        CHECK(code_of_json(with("/documents/0/id", id)) == "consent.document_id");
    }
    for (const char* v : {"", "1", "1.", ".1", "1.0.0", "1000.0", "1.1000", "v1.0", "1,0", "-1.0", "1.0 "}) {
        INFO(v);
        CHECK(code_of_json(with("/documents/0/version", v)) == "consent.document_version");
    }
    CHECK(code_of_json(with("/documents/0/version", "999.999")) == "ok");
    for (const std::string& h : {std::string(63, 'a'), std::string(65, 'a'), std::string(64, 'A'),
                                 std::string(63, 'a') + "g", std::string()}) {
        INFO(h);
        CHECK(code_of_json(with("/documents/1/hash", h)) == "consent.document_hash");
    }
    auto r = parse_consent_record(with("/documents/1/id", "privacy").dump());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "consent.duplicate_document");
    CHECK_THAT(r.error().message, Catch::StartsWith("documents[1].id:"));
    CHECK(code_of_json(with("/documents/0/extra", 1)) == "consent.unknown_key");
}

TEST_CASE("unknown and repeated keys are refused", "[legal][record]") {
    auto r = parse_consent_record(with("/ip", "192.0.2.1").dump());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "consent.unknown_key");
    CHECK(r.error().message == "\"ip\": is not part of a consent record");
    // The same key twice: JSON.parse would silently keep the last one.
    std::string text = valid_json().dump();
    text.insert(1, "\"gpc\":true,");
    CHECK(code_of(text) == "consent.duplicate_key");
    std::string nested = valid_json().dump();
    nested.replace(nested.find("\"ads\":true"), 10, "\"ads\":true,\"ads\":false");
    CHECK(code_of(nested) == "consent.duplicate_key");
}

TEST_CASE("every problem is reported, in reading order", "[legal][record]") {
    Json j = valid_json();
    j["id"] = "c-bad";
    j["site"] = "Bad Site";
    j["choices"]["necessary"] = false;
    j["documents"][0]["hash"] = "xyz";
    j["extra"] = 1;
    const auto errors = check_consent_record(j.dump());
    std::vector<std::string> codes;
    for (const auto& e : errors) codes.push_back(e.code);
    CHECK(codes == std::vector<std::string>{"consent.unknown_key", "consent.id", "consent.site", "consent.necessary",
                                            "consent.document_hash"});
    CHECK(parse_consent_record(j.dump()).error().code == "consent.unknown_key");
}

TEST_CASE("truncated, corrupt, oversized and deeply nested input never yields a record", "[legal][record]") {
    const std::string good = valid_json().dump();
    CHECK(code_of("") == "consent.empty");
    CHECK(code_of(" \n\t") == "consent.empty");
    for (std::size_t cut = 1; cut < good.size(); ++cut) {
        INFO(cut);
        const std::string code = code_of(good.substr(0, cut));
        CHECK(code == "consent.syntax");
    }
    // One flipped byte anywhere: a syntax error or some field error, never "ok" with a changed value.
    for (std::size_t i = 0; i < good.size(); ++i) {
        std::string bad = good;
        bad[i] = static_cast<char>(bad[i] ^ 0x20);
        auto r = parse_consent_record(bad);
        if (r.ok()) {
            // Only flips that keep the same meaning could pass; there are none in this record
            // except inside the ids' hex digits (0x20 turns a-f into A-F: refused) and whitespace.
            FAIL("a corrupted record was accepted: " << bad);
        }
    }
    // Exactly 4 KiB is allowed, one byte more is not.
    std::string padded = good;
    padded.insert(padded.size() - 1, std::string(kMaxRecordBytes - good.size(), ' '));
    REQUIRE(padded.size() == kMaxRecordBytes);
    CHECK(code_of(padded) == "ok");
    padded.insert(padded.size() - 1, " ");
    CHECK(code_of(padded) == "consent.too_large");
    CHECK(code_of(std::string(1 << 20, '[')) == "consent.too_large");
    // Deep nesting inside the size limit.
    CHECK(code_of(std::string(100, '[') + std::string(100, ']')) == "consent.depth");
    Json deep = valid_json();
    Json inner = Json::array();
    for (int i = 0; i < 10; ++i) inner = Json::array({inner});
    deep["choices"]["ads"] = inner;
    CHECK(code_of_json(deep) == "consent.depth");
    // Invalid UTF-8 and control characters inside strings.
    std::string utf = good;
    utf.replace(utf.find("astradia"), 8, "astr\xff\xfe" "dia");
    CHECK(code_of(utf) == "consent.syntax");
    std::string ctl = good;
    ctl.replace(ctl.find("astradia"), 8, "astr\x01" "adia");
    CHECK(code_of(ctl) == "consent.syntax");
    CHECK(code_of(good + "x") == "consent.syntax");
    CHECK(code_of(good + good) == "consent.syntax");
}
