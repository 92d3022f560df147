// Purpose: JsonReader reports the first problem with its path and never throws.
#include <catch2/catch.hpp>

#include "engine/core/json_reader.hpp"

using astradia::Json;
using astradia::JsonReader;

TEST_CASE("JsonReader reads well-formed values", "[core][json]") {
    const Json doc = Json::parse(R"({"a":3,"b":"x","c":true,"d":[1,2],"e":{"f":-4},"big":18446744073709551615})");
    JsonReader r("t");
    CHECK(r.integer(doc, "a", "", 0, 9) == 3);
    CHECK(r.string(doc, "b", "", 10) == "x");
    CHECK(r.boolean(doc, "c", ""));
    CHECK(r.array(doc, "d", "", 5).size() == 2);
    CHECK(r.integer(r.object(doc, "e", ""), "f", "e", -10, 0) == -4);
    CHECK(r.u64(doc, "big", "") == 18446744073709551615ull);
    CHECK_FALSE(r.failed());
}

TEST_CASE("JsonReader keeps the first error with its path", "[core][json]") {
    const Json doc = Json::parse(R"({"a":30,"b":5,"list":[1,2,3,4]})");
    JsonReader r("save.format");
    CHECK(r.integer(doc, "a", "payload", 0, 9) == 0);
    CHECK(r.string(doc, "b", "payload", 10).empty());
    CHECK(r.failed());
    CHECK(r.error().code == "save.format");
    CHECK(r.error().message == "payload.a: expected an integer in 0..9");

    JsonReader missing("x");
    (void)missing.object(doc, "nope", "root");
    CHECK(missing.error().message == "root.nope: is missing");

    JsonReader too_long("x");
    (void)too_long.array(doc, "list", "", 3);
    CHECK(too_long.error().message == "list: has more than 3 elements");

    JsonReader not_obj("x");
    (void)not_obj.integer(Json::array(), "k", "p", 0, 1);
    CHECK(not_obj.error().message == "p: expected an object");
}

TEST_CASE("JsonReader range checks cover signed, unsigned, float and huge numbers", "[core][json]") {
    const Json doc = Json::parse(R"({"neg":-1,"f":1.5,"huge":18446744073709551615,"ok":7})");
    JsonReader r("x");
    CHECK(r.integer(doc, "ok", "", 0, 7) == 7);
    CHECK_FALSE(r.failed());
    for (const char* key : {"neg", "f", "huge"}) {
        JsonReader each("x");
        (void)each.integer(doc, key, "", 0, 100);
        CHECK(each.failed());
    }
    JsonReader neg64("x");
    CHECK(neg64.u64(doc, "neg", "") == 0);
    CHECK(neg64.failed());
}

TEST_CASE("parse_json never throws on bad input", "[core][json]") {
    CHECK(astradia::parse_json("{", "p").error().code == "p.syntax");
    CHECK(astradia::parse_json("", "p").error().code == "p.empty");
    CHECK(astradia::parse_json("1e999999", "p").error().code == "p.syntax");
    CHECK(astradia::parse_json("\"\\ud800\"", "p").error().code == "p.syntax");
    CHECK(astradia::parse_json("{\"a\":1}", "p").ok());
}
