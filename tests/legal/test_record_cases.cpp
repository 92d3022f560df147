// Purpose: the consent-record cases shared with the widget's JS tests and serve.py's Python
// tests (tests/legal/fixtures/record-cases.json): the C++ validator must call each case
// valid or invalid exactly as they do, so the three implementations apply one contract.
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "legal/consent.hpp"

using astradia::Json;
using namespace astradia::legal;

namespace {

Json load_cases() {
    std::ifstream in(std::string(ASTRADIA_LEGAL_FIXTURES) + "/record-cases.json", std::ios::binary);
    REQUIRE(in.good());
    std::stringstream s;
    s << in.rdbuf();
    return Json::parse(s.str());
}

// "documents.0.id" -> the JSON pointer "/documents/0/id"
Json::json_pointer pointer(const std::string& dotted) {
    std::string p;
    std::stringstream parts(dotted);
    for (std::string part; std::getline(parts, part, '.');) p += "/" + part;
    return Json::json_pointer(p);
}

Json apply(const Json& base, const Json& c) {
    if (c.contains("raw")) return c["raw"];
    Json record = base;
    if (c.contains("set")) {
        for (const auto& [path, value] : c["set"].items()) record[pointer(path)] = value;
    }
    if (c.contains("delete")) {
        for (const auto& path : c["delete"]) {
            const auto ptr = pointer(path.get<std::string>());
            Json& parent = record[ptr.parent_pointer()];
            const std::string last = ptr.back();
            if (parent.is_array()) {
                parent.erase(static_cast<std::size_t>(std::stoul(last)));
            } else {
                parent.erase(last);
            }
        }
    }
    return record;
}

}  // namespace

TEST_CASE("the shared record cases: C++ agrees with the widget and serve.py", "[legal][record]") {
    const Json cases = load_cases();
    const Json& base = cases["base"];
    int checked = 0;
    for (const Json& c : cases["cases"]) {
        const std::string text = apply(base, c).dump();
        const auto errors = check_consent_record(text);
        INFO(c["name"].get<std::string>() << ": " << text << (errors.empty() ? "" : "\n  " + errors[0].code + ": " + errors[0].message));
        CHECK(errors.empty() == c["valid"].get<bool>());
        CHECK(parse_consent_record(text).ok() == c["valid"].get<bool>());
        ++checked;
    }
    for (const Json& g : cases["generated"]) {
        Json record = base;
        record["documents"] = Json::array();
        for (int i = 0; i < g["documents"].get<int>(); ++i) {
            record["documents"].push_back({{"id", "doc-" + std::to_string(i)}, {"version", "1.0"}, {"hash", std::string(64, 'a')}});
        }
        INFO(g["name"].get<std::string>());
        CHECK(parse_consent_record(record.dump()).ok() == g["valid"].get<bool>());
        ++checked;
    }
    CHECK(checked >= 50);
}
