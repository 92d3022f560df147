// Purpose: the UI's words in English and Russian. Views ask for text by a stable key
// (tr("settings.theme")), fill "{name}" placeholders with fill(), and pick Russian
// plural forms with plural(). Every key exists in both languages (tested).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace astradia::shell {

enum class Lang { en, ru };

Lang language();
void set_language(Lang lang);
// The language for a BCP 47 tag: "ru", "ru-RU" → ru; anything else → en.
Lang language_from_tag(std::string_view tag);
std::string_view language_code(Lang lang);  // "en" / "ru"

// The text for `key` in the current language; an unknown key returns the key itself
// (so a missing string is visible, never a crash).
const char* tr(std::string_view key);
const char* tr(std::string_view key, Lang lang);

// Replaces each "{name}" in `text` with its value.
std::string fill(std::string_view text, std::initializer_list<std::pair<std::string_view, std::string>> values);

// Picks "<key>.one", "<key>.few" or "<key>.many" for n by the current language's
// plural rules (English has one/many) and fills "{n}".
std::string plural(std::string_view key, long n);

// A date "YYYY-MM-DD" as players write it: "21 November" / "21 ноября" (the month in the
// genitive in Russian); any other text comes back unchanged.
std::string long_date(std::string_view iso);

// "4:07" or "1:02:33" for a duration in milliseconds (negative counts as 0).
std::string format_duration(long long ms);

// Every key of the table (for tests).
std::vector<std::string_view> all_keys();

}  // namespace astradia::shell
