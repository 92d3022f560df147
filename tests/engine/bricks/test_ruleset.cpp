// Purpose: the Bricks ruleset: the classic facts as data, validation of variants,
// the JSON form, and the weighted draw.
#include <cmath>
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "engine/bricks/ruleset.hpp"
#include "engine/core/random.hpp"
#include "board_helpers.hpp"

using namespace astradia::bricks;
using astradia::Json;
using astradia::Expected;

namespace {
std::string rules_code(RulesetSpec spec) {
    auto r = Ruleset::make(std::move(spec));
    return r ? std::string("ok") : r.error().code;
}
}  // namespace

TEST_CASE("the classic ruleset holds the genre's 19 shapes and weights", "[bricks][rules]") {
    const Ruleset& rules = classic_rules();
    REQUIRE(rules.rows() == 10);
    REQUIRE(rules.cols() == 10);
    REQUIRE(rules.tray_size() == 3);
    REQUIRE(rules.shape_count() == 19);
    CHECK(rules.total_weight() == 42);
    const std::map<std::string, std::pair<int, int>> expected = {  // name -> (cells, weight)
        {"dot", {1, 2}},  {"h2", {2, 3}},   {"v2", {2, 3}},   {"h3", {3, 3}},   {"v3", {3, 3}},
        {"h4", {4, 2}},   {"v4", {4, 2}},   {"h5", {5, 2}},   {"v5", {5, 2}},   {"sq2", {4, 6}},
        {"sq3", {9, 2}},  {"c3nw", {3, 2}}, {"c3ne", {3, 2}}, {"c3sw", {3, 2}}, {"c3se", {3, 2}},
        {"c5nw", {5, 1}}, {"c5ne", {5, 1}}, {"c5sw", {5, 1}}, {"c5se", {5, 1}},
    };
    for (const auto& [name, cw] : expected) {
        const int s = rules.find_shape(name);
        REQUIRE(s >= 0);
        CHECK(rules.shape(s).size == cw.first);
        CHECK(rules.shape(s).weight == cw.second);
    }
    // Shapes are their pictures: the big corner with its elbow top-left.
    const Shape& c5 = rules.shape(rules.find_shape("c5nw"));
    CHECK(c5.height == 3);
    CHECK(c5.width == 3);
    CHECK(c5.mask == bricks_test::board_of(rules, {"###", "#..", "#.."}));
    // Anchors: every top-left corner whose bounding box stays on the board.
    CHECK(rules.shape(rules.find_shape("h5")).anchors.count() == 10 * 6);
    CHECK(rules.shape(rules.find_shape("sq3")).anchors.count() == 8 * 8);
    CHECK(rules.shape(rules.find_shape("dot")).anchors.count() == 100);
    CHECK(rules.line_bonus(1) == 10);
    CHECK(rules.line_bonus(2) == 30);
    CHECK(rules.line_bonus(3) == 60);
    CHECK(rules.line_bonus(4) == 100);
}

TEST_CASE("invalid rulesets are rejected with bricks.rules", "[bricks][rules]") {
    RulesetSpec ok = classic_spec();
    CHECK(rules_code(ok) == "ok");
    RulesetSpec s = ok;
    s.rows = 12;
    s.cols = 12;  // 144 cells: more than the 128-bit board
    CHECK(rules_code(s) == "bricks.rules");
    s = ok;
    s.rows = 0;
    CHECK(rules_code(s) == "bricks.rules");
    s = ok;
    s.tray_size = 0;
    CHECK(rules_code(s) == "bricks.rules");
    s = ok;
    s.tray_size = 6;
    CHECK(rules_code(s) == "bricks.rules");
    s = ok;
    s.shapes.clear();
    CHECK(rules_code(s) == "bricks.rules");
    for (const char* bad : {"", "#/", "/#", "##/#", "#x#", ".#", "#./..", "##//##"}) {
        s = ok;
        s.shapes[0].pattern = bad;
        INFO(bad);
        CHECK(rules_code(s) == "bricks.rules");
    }
    s = ok;
    s.shapes[0].weight = 0;
    CHECK(rules_code(s) == "bricks.rules");
    s = ok;
    s.shapes[1].name = s.shapes[0].name;
    CHECK(rules_code(s) == "bricks.rules");
    s = ok;
    s.shapes[0].name = "has space";
    CHECK(rules_code(s) == "bricks.rules");
    s = ok;
    s.rows = 4;  // the 5-lines no longer fit on the board
    CHECK(rules_code(s) == "bricks.rules");
    auto err = Ruleset::make(s);
    REQUIRE_FALSE(err.ok());
    CHECK(err.error().message.find("does not fit") != std::string::npos);
}

TEST_CASE("rulesets round-trip through JSON and bad JSON is bricks.format", "[bricks][rules]") {
    RulesetSpec spec;
    spec.rows = 8;
    spec.cols = 9;
    spec.tray_size = 2;
    spec.line_bonus = 7;
    spec.shapes = {{"t", "###/.#.", 5}, {"dot", "#", 1}};
    const Json j = rules_to_json(spec);
    auto back = rules_from_json(j);
    REQUIRE(back.ok());
    CHECK(back->spec() == spec);

    Json bad = j;
    bad["rows"] = "eight";
    auto e = rules_from_json(bad);
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().code == "bricks.format");
    CHECK(e.error().message.find("rules.rows") != std::string::npos);
    bad = j;
    bad["shapes"][0].erase("weight");
    CHECK(rules_from_json(bad).error().code == "bricks.format");
    bad = j;
    bad["shapes"][0]["cells"] = "#?#";
    CHECK(rules_from_json(bad).error().code == "bricks.rules");
    CHECK(rules_from_json(Json::array()).error().code == "bricks.format");
}

TEST_CASE("draws follow the weights", "[bricks][rules]") {
    const Ruleset& rules = classic_rules();
    // Every value of the uniform draw maps to one shape, weight-many values each.
    std::vector<int> hits(static_cast<std::size_t>(rules.shape_count()));
    for (std::uint32_t x = 0; x < static_cast<std::uint32_t>(rules.total_weight()); ++x) {
        ++hits[static_cast<std::size_t>(rules.shape_for_draw(x))];
    }
    for (int s = 0; s < rules.shape_count(); ++s) CHECK(hits[static_cast<std::size_t>(s)] == rules.shape(s).weight);
    // And the Rng drives it without bias: 42,000 draws land within 4 sigma of weight/42.
    astradia::Rng rng(99);
    std::vector<int> count(static_cast<std::size_t>(rules.shape_count()));
    const int n = 42000;
    for (int i = 0; i < n; ++i) ++count[static_cast<std::size_t>(rules.shape_for_draw(rng.below(42)))];
    for (int s = 0; s < rules.shape_count(); ++s) {
        const double p = rules.shape(s).weight / 42.0;
        const double sigma = std::sqrt(n * p * (1 - p));
        CHECK(std::abs(count[static_cast<std::size_t>(s)] - n * p) < 4 * sigma);
    }
}

TEST_CASE("shapes equal up to a quarter turn share a family (one colour each)", "[bricks][rules]") {
    const Ruleset& rules = classic_rules();
    const auto family = [&](const char* name) {
        const int s = rules.find_shape(name);
        REQUIRE(s >= 0);
        return rules.shape(s).family;
    };
    // dot; lines of 2, 3, 4, 5; the two squares; small corners; big corners.
    CHECK(rules.family_count() == 9);
    CHECK(family("dot") == 0);
    CHECK(family("h2") == family("v2"));
    CHECK(family("h3") == family("v3"));
    CHECK(family("h5") == family("v5"));
    CHECK(family("c3nw") == family("c3ne"));
    CHECK(family("c3nw") == family("c3sw"));
    CHECK(family("c3nw") == family("c3se"));
    CHECK(family("c5nw") == family("c5se"));
    CHECK(family("c5ne") == family("c5sw"));
    const std::vector<int> distinct = {family("dot"), family("h2"), family("h3"), family("h4"), family("h5"),
                                       family("sq2"), family("sq3"), family("c3nw"), family("c5nw")};
    for (std::size_t i = 0; i < distinct.size(); ++i) {
        CHECK(distinct[i] >= 0);
        CHECK(distinct[i] < rules.family_count());
        for (std::size_t j = i + 1; j < distinct.size(); ++j) CHECK(distinct[i] != distinct[j]);
    }
    // A mirror image is not a turn: an S and a Z stay apart; an L turned is still an L.
    RulesetSpec spec;
    spec.shapes = {{"s", ".##/##.", 1}, {"z", "##./.##", 1}, {"s-up", "#./##/.#", 1}, {"l", "#./#./##", 1},
                   {"l-turned", "###/#..", 1}};
    const Expected<Ruleset> own = Ruleset::make(spec);
    REQUIRE(own.ok());
    CHECK(own->family_count() == 3);
    CHECK(own->shape(0).family != own->shape(1).family);
    CHECK(own->shape(2).family == own->shape(0).family);
    CHECK(own->shape(4).family == own->shape(3).family);
}
