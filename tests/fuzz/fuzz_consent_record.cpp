// Purpose: fuzz the consent record reader (size, syntax, nesting, duplicate keys, every
// field rule) with arbitrary bytes: it must return a record or errors, never crash, leak
// or hit undefined behaviour. Whatever it accepts must serialise and read back to the
// same record, and the game's three questions must answer for it at any time.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "legal/consent.hpp"

using namespace astradia::legal;

namespace {
const Manifest& manifest() {
    static const Manifest m = [] {
        auto parsed = parse_manifest(R"({"site":"astradia","documents":[{"id":"privacy","title":{"en":"P","ru":"П"},
            "current":"1.1","versions":[
              {"version":"1.1","effective":"2026-11-01","material":true,"changes":{"en":"c","ru":"с"},
               "hash":{"en":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","ru":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}},
              {"version":"1.0","effective":"2026-06-01","material":false,"changes":{"en":"f","ru":"п"},
               "hash":{"en":"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc","ru":"dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"}}]}],
            "purposes":{"necessary":{"categories":["ip_address"]},"statistics":{"categories":["analytics_counters"]},
                        "ads":{"categories":["geolocation"]},"legal":{"categories":["ip_address"]}},
            "categories":{"signin_token":{"en":"a","ru":"а"},"http_headers":{"en":"a","ru":"а"},"ip_address":{"en":"a","ru":"а"},
              "cookies_storage":{"en":"a","ru":"а"},"analytics_counters":{"en":"a","ru":"а"},"web_beacons":{"en":"a","ru":"а"},
              "browser_info":{"en":"a","ru":"а"},"device_specs":{"en":"a","ru":"а"},"usage_data":{"en":"a","ru":"а"},
              "geolocation":{"en":"a","ru":"а"}},
            "purpose_text":{"necessary":{"en":{"name":"n","description":"d"},"ru":{"name":"n","description":"d"}},
              "statistics":{"en":{"name":"n","description":"d"},"ru":{"name":"n","description":"d"}},
              "ads":{"en":{"name":"n","description":"d"},"ru":{"name":"n","description":"d"}},
              "legal":{"en":{"name":"n","description":"d"},"ru":{"name":"n","description":"d"}}},
            "consent_days":365})");
        if (!parsed) std::abort();
        return std::move(parsed).value();
    }();
    return m;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto errors = check_consent_record(text);
    auto record = parse_consent_record(text);
    if (record.ok() != errors.empty()) std::abort();
    if (record) {
        auto again_text = serialize_consent_record(*record);
        if (!again_text) std::abort();
        auto again = parse_consent_record(*again_text);
        if (!again || again->id != record->id || again->time != record->time || again->expires != record->expires ||
            again->documents.size() != record->documents.size() || again->choices.ads != record->choices.ads ||
            again->gpc != record->gpc || again->method != record->method) {
            std::abort();
        }
        for (TimeMs now : {record->time, record->expires - 1, record->expires, TimeMs{0}}) {
            const AskAgain ask = must_ask_again(manifest(), &*record, now);
            const Decision count = may_count(manifest(), &*record, "sudoku.win", now);
            const Decision ads = may_personalise_ads(manifest(), &*record, now, true);
            if (ask.ask && (count.allowed || ads.allowed)) std::abort();   // never allowed while asking
            if (now >= record->expires && !ask.ask) std::abort();
            if (ads.allowed && !(record->gpc && record->method != Method::gpc)) std::abort();
        }
    }
    // The time parser on its own: whatever parses formats back to the same text.
    if (size == 24) {
        auto t = parse_utc_time(text);
        if (t) {
            auto f = format_utc_time(*t);
            if (!f || *f != text) std::abort();
        }
    }
    return 0;
}
