// Purpose: sealed saves: round trip, and every way a save can go bad gives a clear
// error with a stable code and never a half-loaded payload.
#include <string>

#include <catch2/catch.hpp>

#include "engine/core/sealed.hpp"

using astradia::Json;
using astradia::seal;
using astradia::unseal;

namespace {
Json sample() {
    return Json{{"grid", "53..7...."}, {"moves", Json::array({1, 2, 3})}, {"name", "Игрок"}, {"ms", 12345}};
}
std::string code_of(std::string_view text, int max_version = 2) {
    auto r = unseal(text, "test", max_version);
    return r ? std::string("ok") : r.error().code;
}
}  // namespace

TEST_CASE("seal/unseal round-trips the payload and version", "[core][sealed]") {
    const std::string text = seal("test", 2, sample());
    auto opened = unseal(text, "test", 2);
    REQUIRE(opened.ok());
    CHECK(opened->version == 2);
    CHECK(opened->payload == sample());
    CHECK(seal("test", 2, opened->payload) == text);  // canonical: byte-identical again
}

TEST_CASE("unseal rejects corrupt, truncated and tampered saves", "[core][sealed]") {
    const std::string good = seal("test", 1, sample());
    REQUIRE(code_of(good) == "ok");

    CHECK(code_of("") == "save.empty");
    CHECK(code_of("   \n") == "save.empty");
    for (std::size_t cut : {1u, 10u, 40u, static_cast<unsigned>(good.size() - 1)}) {
        CHECK(code_of(good.substr(0, cut)) == "save.syntax");
    }
    CHECK(code_of("{\"app\":\"astradia\"") == "save.syntax");
    CHECK(code_of(std::string("\xff\xfe garbage", 10)) == "save.syntax");

    std::string tampered = good;
    tampered.replace(tampered.find("12345"), 5, "99999");
    CHECK(code_of(tampered) == "save.checksum");

    std::string flipped = good;
    flipped[flipped.find("53..7")] = '4';
    CHECK(code_of(flipped) == "save.checksum");
}

TEST_CASE("unseal checks kind, version and fields", "[core][sealed]") {
    CHECK(code_of(seal("other", 1, sample())) == "save.kind");
    CHECK(code_of(seal("test", 3, sample()), 2) == "save.version");
    auto future = unseal(seal("test", 3, sample()), "test", 2);
    REQUIRE_FALSE(future.ok());
    CHECK(future.error().message.find("newer version") != std::string::npos);

    Json env = Json::parse(seal("test", 1, sample()));
    Json no_sum = env;
    no_sum.erase("sha256");
    CHECK(code_of(no_sum.dump()) == "save.format");
    Json bad_version = env;
    bad_version["version"] = "1";
    CHECK(code_of(bad_version.dump()) == "save.format");
    Json zero_version = env;
    zero_version["version"] = 0;
    CHECK(code_of(zero_version.dump()) == "save.format");
    Json array_payload = env;
    array_payload["payload"] = Json::array();
    CHECK(code_of(array_payload.dump()) == "save.format");
    CHECK(code_of("[1,2,3]") == "save.format");
    CHECK(code_of("42") == "save.format");
}

TEST_CASE("unseal refuses oversized and deeply nested input without crashing", "[core][sealed]") {
    CHECK(code_of(std::string(5u << 20, ' ') + "{}") == "save.too_large");
    CHECK(code_of(std::string(100000, '[') + std::string(100000, ']')) == "save.depth");
    // Brackets inside strings do not count as nesting.
    Json deep_text = sample();
    deep_text["note"] = std::string(500, '[');
    CHECK(code_of(seal("test", 1, deep_text)) == "ok");
}
