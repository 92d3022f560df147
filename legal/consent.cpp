// Purpose: implementation of the consent model: identifiers, ISO UTC time, the manifest
// reader, consent record validation and serialisation, and the three questions.
#include "legal/consent.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace astradia::legal {
namespace {

constexpr std::array<PurposeInfo, 4> kPurposes = {{
    {Purpose::necessary, "necessary", Basis::contract, false},
    {Purpose::statistics, "statistics", Basis::consent, true},
    {Purpose::ads, "ads", Basis::consent, true},
    {Purpose::legal, "legal", Basis::law, false},
}};

constexpr std::array<std::string_view, 10> kCategories = {
    "signin_token", "http_headers",  "ip_address",   "cookies_storage", "analytics_counters",
    "web_beacons",  "browser_info",  "device_specs", "usage_data",      "geolocation"};

constexpr std::array<std::string_view, 2> kLanguages = {"en", "ru"};

std::size_t index_of(Language language) { return static_cast<std::size_t>(language); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f'); }
bool is_id_char(char c) { return (c >= 'a' && c <= 'z') || is_digit(c) || c == '-'; }

// ^[a-z0-9-]{1,40}$ (document and site ids)
bool is_id(std::string_view s) {
    return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), is_id_char);
}

// ^c-[0-9a-f]{32}$
bool is_record_id(std::string_view s) {
    return s.size() == 34 && s[0] == 'c' && s[1] == '-' &&
           std::all_of(s.begin() + 2, s.end(), is_lower_hex);
}

// ^[0-9a-f]{64}$
bool is_hash(std::string_view s) { return s.size() == 64 && std::all_of(s.begin(), s.end(), is_lower_hex); }

// ^\d{1,3}\.\d{1,3}$ -> (major, minor)
std::optional<std::pair<int, int>> parse_version(std::string_view s) {
    const auto dot = s.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot > 3) return std::nullopt;
    const std::string_view a = s.substr(0, dot);
    const std::string_view b = s.substr(dot + 1);
    if (b.empty() || b.size() > 3) return std::nullopt;
    if (!std::all_of(a.begin(), a.end(), is_digit) || !std::all_of(b.begin(), b.end(), is_digit)) {
        return std::nullopt;
    }
    int major = 0;
    int minor = 0;
    for (char c : a) major = major * 10 + (c - '0');
    for (char c : b) minor = minor * 10 + (c - '0');
    return std::make_pair(major, minor);
}

// A short, printable excerpt of an untrusted string for an error message.
std::string excerpt(std::string_view s) {
    std::string out = "\"";
    std::size_t n = 0;
    for (char c : s) {
        if (++n > 40) {
            out += "...";
            break;
        }
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || u == 0x7f || u >= 0x80 || c == '"') ? '?' : c;
    }
    return out + "\"";
}

std::string at(std::string_view path, std::string_view key) {
    std::string out(path);
    if (!out.empty()) out += '.';
    out += key;
    return out;
}

std::string item(std::string_view path, std::size_t index) {
    return std::string(path) + "[" + std::to_string(index) + "]";
}

// --- calendar (Howard Hinnant's days_from_civil / civil_from_days) ---

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<std::uint64_t>(y - era * 400);
    const std::uint64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::uint64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

Civil civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<std::uint64_t>(z - era * 146097);
    const std::uint64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const std::uint64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::uint64_t mp = (5 * doy + 2) / 153;
    const auto d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
    const auto m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
    return Civil{y + (m <= 2 ? 1 : 0), m, d};
}

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(std::int64_t y, unsigned m) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

int digits(std::string_view s, std::size_t pos, std::size_t count) {
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i) v = v * 10 + (s[i] - '0');
    return v;
}

std::string two(unsigned v) { return {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)}; }

// "YYYY-MM-DD" at the start of s (already shape-checked) -> days, or an error sentence.
std::optional<std::string> check_date_fields(std::string_view s, std::int64_t& days) {
    const int year = digits(s, 0, 4);
    const auto month = static_cast<unsigned>(digits(s, 5, 2));
    const auto day = static_cast<unsigned>(digits(s, 8, 2));
    if (month < 1 || month > 12) return "month " + two(month) + " is not 01..12";
    if (day < 1 || day > days_in_month(year, month)) {
        return "day " + two(day) + " does not exist in " + std::string(s.substr(0, 7));
    }
    days = days_from_civil(year, month, day);
    return std::nullopt;
}

bool shape(std::string_view s, std::string_view pattern) {
    if (s.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (pattern[i] == 'D' ? !is_digit(s[i]) : s[i] != pattern[i]) return false;
    }
    return true;
}

// Detects an object with the same key twice (nlohmann would keep the last one silently;
// JSON.stringify never writes it, so it is a sign of tampering). Returns the first such key.
std::optional<std::string> duplicate_key(std::string_view text) {
    std::vector<std::set<std::string>> open;
    std::optional<std::string> found;
    Json::parser_callback_t callback = [&](int, Json::parse_event_t event, Json& parsed) {
        switch (event) {
            case Json::parse_event_t::object_start:
                open.emplace_back();
                break;
            case Json::parse_event_t::object_end:
                if (!open.empty()) open.pop_back();
                break;
            case Json::parse_event_t::key:
                if (!open.empty() && parsed.is_string() && !open.back().insert(parsed.get<std::string>()).second &&
                    !found) {
                    found = parsed.get<std::string>();
                }
                break;
            default:
                break;
        }
        return true;
    };
    const Json ignored = Json::parse(text.begin(), text.end(), callback, /*allow_exceptions=*/false);
    static_cast<void>(ignored);
    return found;
}

// --- record validation ---

constexpr std::array<std::string_view, 11> kRecordKeys = {
    "v", "id", "site", "time", "expires", "method", "language", "choices", "documents", "age_confirmed", "gpc"};
constexpr std::array<std::string_view, 3> kChoiceKeys = {"necessary", "statistics", "ads"};
constexpr std::array<std::string_view, 3> kDocumentKeys = {"id", "version", "hash"};

class RecordCheck {
public:
    std::vector<Error> errors;

    void add(std::string code, std::string path, std::string what) {
        errors.push_back(make_error("consent." + code, (path.empty() ? "(top level)" : path) + ": " + what));
    }

    template <std::size_t N>
    void unknown_keys(const Json& obj, std::string_view path, const std::array<std::string_view, N>& known) {
        for (const auto& [key, value] : obj.items()) {
            if (std::find(known.begin(), known.end(), key) == known.end()) {
                add("unknown_key", at(path, excerpt(key)), "is not part of a consent record");
            }
        }
    }

    // The member when present, otherwise reports it missing.
    const Json* member(const Json& obj, std::string_view key, std::string_view path) {
        auto it = obj.find(key);
        if (it == obj.end()) {
            add("missing", at(path, key), "is missing");
            return nullptr;
        }
        return &*it;
    }

    std::optional<std::string> string(const Json& obj, std::string_view key, std::string_view path) {
        const Json* v = member(obj, key, path);
        if (v == nullptr) return std::nullopt;
        JsonReader reader("consent.type");
        std::string s = reader.string(*v, at(path, key), kMaxRecordBytes);
        if (reader.failed()) {
            errors.push_back(reader.error());
            return std::nullopt;
        }
        return s;
    }

    std::optional<bool> boolean(const Json& obj, std::string_view key, std::string_view path) {
        if (member(obj, key, path) == nullptr) return std::nullopt;
        JsonReader reader("consent.type");
        const bool b = reader.boolean(obj, key, path);
        if (reader.failed()) {
            errors.push_back(reader.error());
            return std::nullopt;
        }
        return b;
    }

    std::optional<TimeMs> time(const Json& obj, std::string_view key) {
        auto s = string(obj, key, "");
        if (!s) return std::nullopt;
        auto t = parse_utc_time(*s);
        if (!t) {
            add(std::string(key), std::string(key), t.error().message);
            return std::nullopt;
        }
        return *t;
    }
};

std::vector<Error> validate_record(std::string_view text, ConsentRecord* out) {
    RecordCheck c;
    if (text.size() > kMaxRecordBytes) {
        c.errors.push_back(make_error("consent.too_large", "The consent record is " + std::to_string(text.size()) +
                                                               " bytes; at most " +
                                                               std::to_string(kMaxRecordBytes) + " are allowed."));
        return c.errors;
    }
    Expected<Json> parsed = parse_json(text, "consent", kMaxRecordBytes, /*max_depth=*/8);
    if (!parsed) return {parsed.error()};
    if (auto key = duplicate_key(text)) {
        c.add("duplicate_key", "", "the key " + excerpt(*key) + " appears twice in one object");
    }
    const Json& root = *parsed;
    if (!root.is_object()) {
        c.add("type", "", "expected an object");
        return c.errors;
    }
    c.unknown_keys(root, "", kRecordKeys);

    ConsentRecord r;
    if (const Json* v = c.member(root, "v", "")) {
        if (v->is_number_integer() || v->is_number_unsigned()) {
            if (!(v->is_number_unsigned() ? v->get<std::uint64_t>() == 1 : v->get<std::int64_t>() == 1)) {
                c.add("version", "v", "is " + v->dump() + "; this app reads records of version 1");
            }
        } else {
            c.add("type", "v", "expected the integer 1");
        }
    }
    if (auto id = c.string(root, "id", "")) {
        if (is_record_id(*id)) {
            r.id = *id;
        } else {
            c.add("id", "id", excerpt(*id) + " is not \"c-\" followed by 32 lower-case hexadecimal digits");
        }
    }
    if (auto site = c.string(root, "site", "")) {
        if (is_id(*site)) {
            r.site = *site;
        } else {
            c.add("site", "site", excerpt(*site) + " is not 1 to 40 characters of a-z, 0-9 and '-'");
        }
    }
    const auto time = c.time(root, "time");
    const auto expires = c.time(root, "expires");
    if (time && expires && *expires <= *time) {
        c.add("expiry_order", "expires", "must be later than time");
    }
    r.time = time.value_or(0);
    r.expires = expires.value_or(0);
    if (auto method = c.string(root, "method", "")) {
        if (auto m = method_from(*method)) {
            r.method = *m;
        } else {
            c.add("method", "method", excerpt(*method) + " is not one of banner, preferences, gpc, api");
        }
    }
    if (auto language = c.string(root, "language", "")) {
        if (auto l = language_from(*language)) {
            r.language = *l;
        } else {
            c.add("language", "language", excerpt(*language) + " is not one of en, ru");
        }
    }
    if (const Json* choices = c.member(root, "choices", "")) {
        if (!choices->is_object()) {
            c.add("type", "choices", "expected an object");
        } else {
            c.unknown_keys(*choices, "choices", kChoiceKeys);
            if (auto necessary = c.boolean(*choices, "necessary", "choices")) {
                if (!*necessary) c.add("necessary", "choices.necessary", "must be true (it is not a choice)");
            }
            r.choices.statistics = c.boolean(*choices, "statistics", "choices").value_or(false);
            r.choices.ads = c.boolean(*choices, "ads", "choices").value_or(false);
        }
    }
    if (const Json* docs = c.member(root, "documents", "")) {
        if (!docs->is_array()) {
            c.add("type", "documents", "expected an array");
        } else if (docs->empty() || docs->size() > kMaxRecordDocuments) {
            c.add("documents", "documents",
                  "has " + std::to_string(docs->size()) + " entries; expected 1 to " +
                      std::to_string(kMaxRecordDocuments));
        } else {
            std::set<std::string> seen;
            for (std::size_t i = 0; i < docs->size(); ++i) {
                const Json& d = (*docs)[i];
                const std::string path = item("documents", i);
                if (!d.is_object()) {
                    c.add("type", path, "expected an object");
                    continue;
                }
                c.unknown_keys(d, path, kDocumentKeys);
                DocumentRef ref;
                if (auto id = c.string(d, "id", path)) {
                    if (!is_id(*id)) {
                        c.add("document_id", path + ".id", excerpt(*id) + " is not 1 to 40 characters of a-z, 0-9 and '-'");
                    } else if (!seen.insert(*id).second) {
                        c.add("duplicate_document", path + ".id", "document " + excerpt(*id) + " is listed twice");
                    } else {
                        ref.id = *id;
                    }
                }
                if (auto version = c.string(d, "version", path)) {
                    if (parse_version(*version)) {
                        ref.version = *version;
                    } else {
                        c.add("document_version", path + ".version", excerpt(*version) + " is not MAJOR.MINOR (1 to 3 digits each)");
                    }
                }
                if (auto hash = c.string(d, "hash", path)) {
                    if (is_hash(*hash)) {
                        ref.hash = *hash;
                    } else {
                        c.add("document_hash", path + ".hash", excerpt(*hash) + " is not 64 lower-case hexadecimal digits");
                    }
                }
                r.documents.push_back(std::move(ref));
            }
        }
    }
    r.age_confirmed = c.boolean(root, "age_confirmed", "").value_or(false);
    r.gpc = c.boolean(root, "gpc", "").value_or(false);
    if (c.errors.empty() && out != nullptr) *out = std::move(r);
    return c.errors;
}

// --- manifest ---

template <typename F>
void for_each_language(F&& f) {
    for (std::size_t i = 0; i < kLanguages.size(); ++i) f(i, kLanguages[i]);
}

std::array<std::string, 2> both(JsonReader& r, const Json& parent, std::string_view key, std::string_view path,
                                std::size_t max_len) {
    std::array<std::string, 2> out;
    const Json& obj = r.object(parent, key, path);
    const std::string here = at(path, key);
    for_each_language([&](std::size_t i, std::string_view lang) { out[i] = r.string(obj, lang, here, max_len); });
    return out;
}

}  // namespace

// --- identifiers ---

const std::array<PurposeInfo, 4>& purposes() { return kPurposes; }
const PurposeInfo& info(Purpose purpose) { return kPurposes[static_cast<std::size_t>(purpose)]; }
const std::array<std::string_view, 10>& category_ids() { return kCategories; }

std::string_view to_string(Purpose purpose) { return info(purpose).id; }

std::string_view to_string(Basis basis) {
    switch (basis) {
        case Basis::contract: return "contract";
        case Basis::consent: return "consent";
        case Basis::law: return "law";
    }
    return "?";
}

std::string_view to_string(Method method) {
    switch (method) {
        case Method::banner: return "banner";
        case Method::preferences: return "preferences";
        case Method::gpc: return "gpc";
        case Method::api: return "api";
    }
    return "?";
}

std::string_view to_string(Language language) { return kLanguages[index_of(language)]; }

std::optional<Purpose> purpose_from(std::string_view id) {
    for (const auto& p : kPurposes) {
        if (p.id == id) return p.purpose;
    }
    return std::nullopt;
}

std::optional<Method> method_from(std::string_view id) {
    for (Method m : {Method::banner, Method::preferences, Method::gpc, Method::api}) {
        if (to_string(m) == id) return m;
    }
    return std::nullopt;
}

std::optional<Language> language_from(std::string_view id) {
    if (id == "en") return Language::en;
    if (id == "ru") return Language::ru;
    return std::nullopt;
}

std::string_view to_string(Reason reason) {
    switch (reason) {
        case Reason::ok: return "ok";
        case Reason::no_record: return "no_record";
        case Reason::invalid_record: return "invalid_record";
        case Reason::other_site: return "other_site";
        case Reason::expired: return "expired";
        case Reason::documents_changed: return "documents_changed";
        case Reason::not_chosen: return "not_chosen";
        case Reason::gpc: return "gpc";
        case Reason::bad_event: return "bad_event";
    }
    return "?";
}

// --- time ---

Expected<std::int64_t> parse_date(std::string_view text) {
    if (!shape(text, "DDDD-DD-DD")) {
        return make_error("time.format", excerpt(text) + " is not a date YYYY-MM-DD");
    }
    std::int64_t days = 0;
    if (auto problem = check_date_fields(text, days)) {
        return make_error("time.format", excerpt(text) + ": " + *problem);
    }
    return days;
}

Expected<TimeMs> parse_utc_time(std::string_view text) {
    if (!shape(text, "DDDD-DD-DDTDD:DD:DD.DDDZ")) {
        return make_error("time.format",
                          excerpt(text) + " is not an ISO 8601 UTC time YYYY-MM-DDTHH:MM:SS.mmmZ");
    }
    std::int64_t days = 0;
    if (auto problem = check_date_fields(text, days)) {
        return make_error("time.format", excerpt(text) + ": " + *problem);
    }
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    const int ms = digits(text, 20, 3);
    if (hour > 23 || minute > 59 || second > 59) {
        return make_error("time.format", excerpt(text) + ": the time of day is not 00:00:00..23:59:59");
    }
    return days * kMsPerDay + ((hour * 60 + minute) * 60 + second) * TimeMs{1000} + ms;
}

Expected<std::string> format_utc_time(TimeMs time) {
    // Years 0000..9999: from 0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z.
    constexpr TimeMs kMin = -62167219200000;
    constexpr TimeMs kMax = 253402300799999;
    if (time < kMin || time > kMax) {
        return make_error("time.range", "The time is outside the years 0000 to 9999.");
    }
    TimeMs days = time / kMsPerDay;
    TimeMs rest = time % kMsPerDay;
    if (rest < 0) {
        rest += kMsPerDay;
        --days;
    }
    const Civil c = civil_from_days(days);
    const auto ms = static_cast<unsigned>(rest % 1000);
    const auto seconds = static_cast<unsigned>(rest / 1000);
    std::string out;
    out.reserve(24);
    const auto year = static_cast<unsigned>(c.year);
    out += two(year / 100);
    out += two(year % 100);
    out += '-';
    out += two(c.month);
    out += '-';
    out += two(c.day);
    out += 'T';
    out += two(seconds / 3600);
    out += ':';
    out += two(seconds / 60 % 60);
    out += ':';
    out += two(seconds % 60);
    out += '.';
    out += static_cast<char>('0' + ms / 100);
    out += two(ms % 100);
    out += 'Z';
    return out;
}

// --- manifest ---

const VersionInfo* ManifestDocument::find(std::string_view version) const {
    for (const auto& v : versions) {
        if (v.version == version) return &v;
    }
    return nullptr;
}

const ManifestDocument* Manifest::find(std::string_view id) const {
    for (const auto& d : documents) {
        if (d.id == id) return &d;
    }
    return nullptr;
}

Expected<Manifest> parse_manifest(std::string_view text) {
    Expected<Json> parsed = parse_json(text, "manifest", kMaxManifestBytes, /*max_depth=*/16);
    if (!parsed) return parsed.error();
    const Json& root = *parsed;
    JsonReader r("manifest.format");
    Manifest m;
    if (!root.is_object()) return make_error("manifest.format", "The manifest is not a JSON object.");

    m.site = r.string(root, "site", "", 40);
    if (!r.failed() && !is_id(m.site)) r.fail("site", "is not 1 to 40 characters of a-z, 0-9 and '-'");

    const Json& docs = r.array(root, "documents", "", 64);
    for (std::size_t i = 0; i < docs.size() && !r.failed(); ++i) {
        const std::string path = item("documents", i);
        const Json& d = docs[i];
        ManifestDocument doc;
        doc.id = r.string(d, "id", path, 40);
        if (!r.failed() && !is_id(doc.id)) r.fail(path + ".id", "is not 1 to 40 characters of a-z, 0-9 and '-'");
        if (!r.failed() && m.find(doc.id) != nullptr) r.fail(path + ".id", "repeats document " + excerpt(doc.id));
        doc.title = both(r, d, "title", path, 200);
        doc.current = r.string(d, "current", path, 7);
        const Json& versions = r.array(d, "versions", path, 256);
        if (!r.failed() && versions.empty()) r.fail(path + ".versions", "is empty");
        for (std::size_t j = 0; j < versions.size() && !r.failed(); ++j) {
            const std::string vpath = item(path + ".versions", j);
            const Json& v = versions[j];
            VersionInfo vi;
            vi.version = r.string(v, "version", vpath, 7);
            vi.effective = r.string(v, "effective", vpath, 10);
            vi.material = r.boolean(v, "material", vpath);
            vi.changes = both(r, v, "changes", vpath, 1000);
            vi.hash = both(r, v, "hash", vpath, 64);
            if (r.failed()) break;
            const auto number = parse_version(vi.version);
            if (!number) {
                r.fail(vpath + ".version", excerpt(vi.version) + " is not MAJOR.MINOR");
                break;
            }
            vi.major = number->first;
            vi.minor = number->second;
            auto day = parse_date(vi.effective);
            if (!day) {
                r.fail(vpath + ".effective", day.error().message);
                break;
            }
            vi.effective_day = *day;
            for (const auto& h : vi.hash) {
                if (!is_hash(h)) r.fail(vpath + ".hash", "is not 64 lower-case hexadecimal digits");
            }
            if (!doc.versions.empty()) {
                const VersionInfo& newer = doc.versions.back();
                if (std::pair(vi.major, vi.minor) >= std::pair(newer.major, newer.minor) ||
                    vi.effective_day >= newer.effective_day) {
                    return make_error("manifest.version",
                                      vpath + ": versions must be listed newest first, each taking effect "
                                              "later than the one before it");
                }
            }
            doc.versions.push_back(std::move(vi));
        }
        if (r.failed()) break;
        if (doc.find(doc.current) == nullptr) {
            return make_error("manifest.version", path + ".current: version " + excerpt(doc.current) +
                                                      " is not among the document's versions");
        }
        m.documents.push_back(std::move(doc));
    }
    if (!r.failed() && m.documents.empty()) r.fail("documents", "is empty");

    const Json& purposes_json = r.object(root, "purposes", "");
    for (const auto& p : kPurposes) {
        if (r.failed()) break;
        const std::string path = at("purposes", p.id);
        const Json& cats = r.array(r.object(purposes_json, p.id, "purposes"), "categories", path, kCategories.size());
        auto& list = m.categories[static_cast<std::size_t>(p.purpose)];
        for (std::size_t i = 0; i < cats.size() && !r.failed(); ++i) {
            std::string c = r.string(cats[i], item(path + ".categories", i), 40);
            if (r.failed()) break;
            if (std::find(kCategories.begin(), kCategories.end(), c) == kCategories.end()) {
                r.fail(item(path + ".categories", i), excerpt(c) + " is not a known data category");
            } else if (std::find(list.begin(), list.end(), c) != list.end()) {
                r.fail(item(path + ".categories", i), excerpt(c) + " is listed twice");
            } else {
                list.push_back(std::move(c));
            }
        }
        if (!r.failed() && list.empty()) r.fail(path + ".categories", "is empty");
    }

    const Json& names = r.object(root, "categories", "");
    for (std::size_t i = 0; i < kCategories.size() && !r.failed(); ++i) {
        m.category_names[i] = both(r, names, kCategories[i], "categories", 200);
    }

    const Json& texts = r.object(root, "purpose_text", "");
    for (const auto& p : kPurposes) {
        if (r.failed()) break;
        const Json& per_purpose = r.object(texts, p.id, "purpose_text");
        const std::string path = at("purpose_text", p.id);
        for_each_language([&](std::size_t i, std::string_view lang) {
            const Json& t = r.object(per_purpose, lang, path);
            auto& out = m.purpose_text[static_cast<std::size_t>(p.purpose)][i];
            out.name = r.string(t, "name", at(path, lang), 200);
            out.description = r.string(t, "description", at(path, lang), 2000);
        });
    }

    m.consent_days = static_cast<int>(r.integer(root, "consent_days", "", 1, 3650));
    if (r.failed()) return r.error();
    return m;
}

// --- record ---

std::vector<Error> check_consent_record(std::string_view text) { return validate_record(text, nullptr); }

Expected<ConsentRecord> parse_consent_record(std::string_view text) {
    ConsentRecord record;
    std::vector<Error> errors = validate_record(text, &record);
    if (!errors.empty()) return errors.front();
    return record;
}

Expected<std::string> serialize_consent_record(const ConsentRecord& record) {
    auto time = format_utc_time(record.time);
    if (!time) return make_error("consent.time", "time: " + time.error().message);
    auto expires = format_utc_time(record.expires);
    if (!expires) return make_error("consent.expires", "expires: " + expires.error().message);
    Json j = Json::object();
    j["v"] = 1;
    j["id"] = record.id;
    j["site"] = record.site;
    j["time"] = *time;
    j["expires"] = *expires;
    j["method"] = to_string(record.method);
    j["language"] = to_string(record.language);
    j["choices"] = {{"necessary", record.choices.necessary},
                    {"statistics", record.choices.statistics},
                    {"ads", record.choices.ads}};
    Json docs = Json::array();
    for (const auto& d : record.documents) docs.push_back({{"id", d.id}, {"version", d.version}, {"hash", d.hash}});
    j["documents"] = std::move(docs);
    j["age_confirmed"] = record.age_confirmed;
    j["gpc"] = record.gpc;
    std::string text = canonical_dump(j);
    std::vector<Error> errors = validate_record(text, nullptr);
    if (!errors.empty()) return errors.front();
    return text;
}

// --- questions ---

AskAgain must_ask_again(const Manifest& manifest, const ConsentRecord* record, TimeMs now) {
    AskAgain out;
    if (record == nullptr) return out;   // ask, no_record
    if (record->site != manifest.site) {
        out.reason = Reason::other_site;
        return out;
    }
    if (now >= record->expires) {
        out.reason = Reason::expired;
        return out;
    }
    for (const auto& ref : record->documents) {
        const ManifestDocument* doc = manifest.find(ref.id);
        const auto accepted = parse_version(ref.version);
        if (doc == nullptr || !accepted) continue;   // a document the site no longer shows
        const VersionInfo* current = doc->find(doc->current);
        if (current == nullptr) continue;
        ChangedDocument changed{doc->id, doc->title, ref.version, doc->current, {}};
        bool material = false;
        for (const auto& v : doc->versions) {   // newest first
            const auto number = std::pair(v.major, v.minor);
            if (number > std::pair(current->major, current->minor)) continue;   // not in effect yet
            if (number <= *accepted) break;
            material = material || v.material;
            changed.versions.push_back(v);
        }
        if (material) out.changed.push_back(std::move(changed));
    }
    if (!out.changed.empty()) {
        out.reason = Reason::documents_changed;
        return out;
    }
    out.ask = false;
    out.reason = Reason::ok;
    return out;
}

namespace {
bool is_event_name(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    const auto ok = [](char c) { return (c >= 'a' && c <= 'z') || is_digit(c) || c == '_' || c == '.' || c == '-'; };
    return std::all_of(s.begin(), s.end(), ok) && s[0] != '_' && s[0] != '.' && s[0] != '-';
}
}  // namespace

Decision may_count(const Manifest& manifest, const ConsentRecord* record, std::string_view event, TimeMs now) {
    if (!is_event_name(event)) return {false, Reason::bad_event};
    const AskAgain ask = must_ask_again(manifest, record, now);
    if (ask.ask) return {false, ask.reason};
    if (!record->choices.statistics) return {false, Reason::not_chosen};
    return {true, Reason::ok};
}

Decision may_personalise_ads(const Manifest& manifest, const ConsentRecord* record, TimeMs now, bool gpc_now) {
    const AskAgain ask = must_ask_again(manifest, record, now);
    if (ask.ask) return {false, ask.reason};
    if (!record->choices.ads) return {false, Reason::not_chosen};
    if (gpc_now || record->gpc) {
        // The signal wins unless the record holds the player's own choice made while it was
        // on (the widget names the signal next to its buttons, as the widget's resolveGpc
        // does); a record the signal wrote itself (method gpc) never turns ads on.
        const bool chosen_with_signal = record->gpc && record->method != Method::gpc;
        if (!chosen_with_signal) return {false, Reason::gpc};
    }
    return {true, Reason::ok};
}

std::optional<Error> ConsentState::load_record(std::string_view stored_text) {
    record_.reset();
    record_error_.reset();
    if (stored_text.empty()) return std::nullopt;
    auto parsed = parse_consent_record(stored_text);
    if (!parsed) {
        record_error_ = parsed.error();
        return record_error_;
    }
    record_ = std::move(parsed).value();
    return std::nullopt;
}

AskAgain ConsentState::must_ask_again(TimeMs now) const {
    AskAgain out = legal::must_ask_again(manifest_, current(), now);
    if (!record_ && record_error_) out.reason = Reason::invalid_record;
    return out;
}

Decision ConsentState::may_count(std::string_view event, TimeMs now) const {
    Decision d = legal::may_count(manifest_, current(), event, now);
    if (!record_ && record_error_ && d.reason == Reason::no_record) d.reason = Reason::invalid_record;
    return d;
}

Decision ConsentState::may_personalise_ads(TimeMs now, bool gpc_now) const {
    Decision d = legal::may_personalise_ads(manifest_, current(), now, gpc_now);
    if (!record_ && record_error_ && d.reason == Reason::no_record) d.reason = Reason::invalid_record;
    return d;
}

}  // namespace astradia::legal
