// Purpose: saving and loading the app's sealed documents (games, statistics,
// settings) through the bridge's key-value store without ever losing one:
// writes are atomic (write a copy, read it back and verify its checksum, then
// switch), an interrupted save is recovered on load, and a damaged save (a broken
// envelope, or contents its loader refuses) is kept aside under "<key>.corrupt"
// rather than overwritten. Each document is declared once as a StoredDocument: its
// slot and its engine-declared DocumentType (kind, version, loader).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "engine/core/document.hpp"
#include "engine/core/expected.hpp"
#include "engine/core/sealed.hpp"

namespace astradia::shell {

enum class StoreHealth {
    ok,           // saved and verified
    unavailable,  // the browser blocks storage (private mode): progress is not kept
    full,         // storage quota reached: progress is not kept
    failed,       // written but not read back intact, or another failure
};

struct LoadResult {
    std::optional<Sealed> document;  // the loaded document, if any
    bool recovered = false;          // it came from an interrupted save's verified copy
    std::optional<Error> corrupt;    // the stored copy was damaged (and was set aside)
};

// Where a document lives ("sudoku.game") and what it is (sudoku::kGameDocument).
template <class T>
struct StoredDocument {
    std::string_view slot;
    const DocumentType<T>& type;
};

// What opening a stored document found.
template <class T>
struct Opened {
    std::optional<T> value;        // the document, if one was stored and is sound
    std::optional<Error> damage;   // a stored copy was damaged (and set aside), why
};

// Keys are "astradia.<slot>"; `kind` and `max_version` are the sealed envelope's.
class Store {
public:
    // Opens a stored document: the envelope once, then its type's loader. A document
    // that fails either is set aside ("<key>.corrupt") and reported in `damage`.
    template <class T>
    Opened<T> open(const StoredDocument<T>& doc) {
        Opened<T> out;
        LoadResult raw = load(std::string(doc.slot), doc.type.kind, doc.type.version);
        out.damage = std::move(raw.corrupt);
        if (!raw.document) return out;
        Expected<T> value = doc.type.load(*raw.document);
        if (value) {
            out.value = std::move(*value);
        } else {
            out.damage = value.error();
            set_aside(std::string(doc.slot));
        }
        return out;
    }
    // Seals `payload` as the document's type and saves it (see save()).
    template <class T>
    StoreHealth write(const StoredDocument<T>& doc, const Json& payload) {
        return save(std::string(doc.slot), seal_document(doc.type, payload), doc.type.kind, doc.type.version);
    }
    // The outcome of the latest save: what the app tells the player about storage.
    StoreHealth health() const { return health_; }
    // Whether a slot's stored text differs from what this store last read or wrote there
    // (another tab saved, or the legal widget deleted it); a slot never read is changed.
    bool changed(std::string_view slot) const;

    // Saves an already sealed text: writes "<key>.next", reads it back and unseals it,
    // then writes "<key>" and removes "<key>.next". Returns what went wrong, if anything.
    StoreHealth save(const std::string& slot, const std::string& sealed_text, std::string_view kind,
                     int max_version);

    // Loads a slot. A missing slot gives an empty result; a verified "<key>.next" left
    // by an interrupted save is the newest copy and is used (and promoted); a damaged
    // main copy is moved to "<key>.corrupt" and reported in `corrupt`.
    LoadResult load(const std::string& slot, std::string_view kind, int max_version);

    // Removes a slot (and its interrupted copy).
    void remove(const std::string& slot);
    // Moves a slot's stored text to "<key>.corrupt" (kept, never lost) and removes the slot.
    void set_aside(const std::string& slot);

    static std::string key(const std::string& slot) { return "astradia." + slot; }

private:
    StoreHealth save_verified(const std::string& slot, const std::string& sealed_text, std::string_view kind,
                              int max_version);
    void remember(const std::string& slot, const std::optional<std::string>& text);
    StoreHealth health_ = StoreHealth::ok;
    // Per slot, a hash of the text last read or written (nullopt: the slot was empty).
    std::map<std::string, std::optional<std::size_t>, std::less<>> known_;
};

}  // namespace astradia::shell
