// Purpose: the manifest reader against the real generated manifests (which data each
// purpose uses comes from the site's settings through the manifest, not from code; the
// version history and material flags are there), and malformed manifests refused.
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "legal/consent.hpp"

using astradia::Json;
using namespace astradia::legal;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string manifest_text(const std::string& site) {
    return read(std::string(ASTRADIA_LEGAL_SITE_DIR) + "/legal/" + site + "/manifest.json");
}

std::string code_of(const Json& j) {
    auto m = parse_manifest(j.dump());
    return m ? std::string("ok") : m.error().code;
}

}  // namespace

TEST_CASE("the generated manifests load, with each purpose's categories from site.json", "[legal][manifest]") {
    for (const std::string site : {"astradia", "partner-demo"}) {
        INFO(site);
        auto m = parse_manifest(manifest_text(site));
        REQUIRE(m.ok());
        CHECK(m->site == site);
        const Json config = Json::parse(read(std::string(ASTRADIA_LEGAL_SOURCES) + "/" + site + "/site.json"));
        CHECK(m->consent_days == config["consent_days"].get<int>());
        for (const auto& p : purposes()) {
            const auto expected = config["purposes"][std::string(p.id)]["categories"].get<std::vector<std::string>>();
            CHECK(m->categories_of(p.purpose) == expected);
            CHECK_FALSE(m->purpose_text[static_cast<std::size_t>(p.purpose)][0].name.empty());
            CHECK_FALSE(m->purpose_text[static_cast<std::size_t>(p.purpose)][1].description.empty());
        }
        std::vector<std::string> ids;
        for (const auto& d : m->documents) ids.push_back(d.id);
        CHECK(ids == config["documents"].get<std::vector<std::string>>());
        for (const auto& names : m->category_names) {
            CHECK_FALSE(names[0].empty());
            CHECK_FALSE(names[1].empty());
        }
    }
}

TEST_CASE("the operator's privacy policy has a material second version", "[legal][manifest]") {
    auto m = parse_manifest(manifest_text("astradia"));
    REQUIRE(m.ok());
    const ManifestDocument* privacy = m->find("privacy");
    REQUIRE(privacy != nullptr);
    REQUIRE(privacy->versions.size() >= 2);
    const VersionInfo* v11 = privacy->find("1.1");
    const VersionInfo* v10 = privacy->find("1.0");
    REQUIRE(v11 != nullptr);
    REQUIRE(v10 != nullptr);
    CHECK(v11->material);
    CHECK_FALSE(v10->material);
    CHECK_FALSE(v11->changes[0].empty());
    CHECK_FALSE(v11->changes[1].empty());
    CHECK(v11->hash[0] != v11->hash[1]);   // each language has its own text
    // A player who accepted 1.0 is asked again once 1.1 is current.
    ConsentRecord r;
    r.id = "c-00112233445566778899aabbccddeeff";
    r.site = "astradia";
    r.time = *parse_utc_time("2026-07-01T00:00:00.000Z");
    r.expires = r.time + 365 * kMsPerDay;
    r.documents = {{"privacy", "1.0", v10->hash[0]}};
    const AskAgain a = must_ask_again(*m, &r, r.time + kMsPerDay);
    if (privacy->current == "1.1") {
        REQUIRE(a.ask);
        CHECK(a.reason == Reason::documents_changed);
        REQUIRE(a.changed.size() == 1);
        CHECK(a.changed[0].versions.back().changes == v11->changes);
    }
    CHECK(m->find("nope") == nullptr);
}

TEST_CASE("malformed manifests are refused with a reason", "[legal][manifest]") {
    auto m = parse_manifest(manifest_text("astradia"));
    REQUIRE(m.ok());
    const Json good = Json::parse(manifest_text("astradia"));
    REQUIRE(code_of(good) == "ok");

    CHECK(parse_manifest("").error().code == "manifest.empty");
    CHECK(parse_manifest("{").error().code == "manifest.syntax");
    CHECK(parse_manifest("[]").error().code == "manifest.format");
    CHECK(parse_manifest(std::string(2 << 20, ' ') + "{}").error().code == "manifest.too_large");

    Json j = good;
    j["site"] = "Astradia";
    CHECK(code_of(j) == "manifest.format");
    j = good;
    j["documents"] = Json::array();
    CHECK(code_of(j) == "manifest.format");
    j = good;
    j["documents"][1]["current"] = "9.9";
    CHECK(code_of(j) == "manifest.version");
    j = good;
    std::swap(j["documents"][1]["versions"][0], j["documents"][1]["versions"][1]);   // oldest first
    CHECK(code_of(j) == "manifest.version");
    j = good;
    j["documents"][1]["versions"][0]["hash"]["ru"] = "not-a-hash";
    CHECK(code_of(j) == "manifest.format");
    j = good;
    j["documents"][1]["versions"][0]["effective"] = "2026-02-30";
    CHECK(code_of(j) == "manifest.format");
    j = good;
    j["documents"][1]["versions"][0]["material"] = "yes";
    CHECK(code_of(j) == "manifest.format");
    j = good;
    j["purposes"]["ads"]["categories"].push_back("mind_reading");
    CHECK(code_of(j) == "manifest.format");
    j = good;
    j["purposes"]["ads"]["categories"] = Json::array();
    CHECK(code_of(j) == "manifest.format");
    j = good;
    j["purposes"].erase("legal");
    CHECK(code_of(j) == "manifest.format");
    j = good;
    j["purpose_text"]["statistics"].erase("ru");
    CHECK(code_of(j) == "manifest.format");
    j = good;
    j["categories"].erase("geolocation");
    CHECK(code_of(j) == "manifest.format");
    j = good;
    j["consent_days"] = 0;
    CHECK(code_of(j) == "manifest.format");
    j = good;
    j["documents"].push_back(j["documents"][0]);   // the same document twice
    CHECK(code_of(j) == "manifest.format");
    auto e = parse_manifest([&] { Json k = good; k["purposes"]["ads"]["categories"][0] = 5; return k.dump(); }());
    REQUIRE_FALSE(e.ok());
    CHECK_THAT(e.error().message, Catch::Contains("purposes.ads.categories[0]"));
}
