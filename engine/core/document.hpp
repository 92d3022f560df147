// Purpose: a persistent document's type, declared once, beside the code that reads it:
// its envelope kind, the newest format version this build reads and writes, and its
// loader, which takes an envelope the caller has already opened (unseal checks size,
// syntax, kind, version and checksum once; the loader checks the contents). Writers
// stay with each type (a Sudoku session's save needs the clock): they produce the
// payload that seal_document wraps.
//   engine: sudoku::kGameDocument, sudoku::kStatisticsDocument, bricks::kGameDocument,
//           bricks::kStatsDocument, bricks::kReplayDocument; shell: kSettingsDocument, ...
#pragma once

#include <string>
#include <string_view>

#include "engine/core/expected.hpp"
#include "engine/core/sealed.hpp"

namespace astradia {

template <class T>
struct DocumentType {
    std::string_view kind;                    // the envelope's "kind"
    int version = 1;                          // written, and the newest read
    Expected<T> (*load)(const Sealed& opened);  // errors: the type's own (*.format, ...)
};

// Opens a document's text: the envelope (errors: unseal's save.*), then the loader.
template <class T>
Expected<T> open_document(const DocumentType<T>& type, std::string_view text) {
    Expected<Sealed> opened = unseal(text, type.kind, type.version);
    if (!opened) return opened.error();
    return type.load(*opened);
}

// The payload sealed as a document of this type, at its current version.
template <class T>
std::string seal_document(const DocumentType<T>& type, const Json& payload) {
    return seal(type.kind, type.version, payload);
}

}  // namespace astradia
