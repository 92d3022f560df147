// Purpose: fuzz the Sudoku game loader (Session::load) two ways: the bytes as a whole
// save, and, when they are JSON, the bytes as the payload of a correctly sealed save,
// so the fuzzer gets past the checksum into every consistency check. A load must give a
// game or an error, never a crash; a game that loads must save and load back to the same
// game, and take every undo and redo its history offers.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "engine/core/json_reader.hpp"
#include "engine/core/sealed.hpp"
#include "engine/sudoku/session.hpp"

using namespace astradia;
using namespace astradia::sudoku;

namespace {

void exercise(std::string_view text) {
    auto loaded = open_document(kGameDocument, text);
    if (!loaded) {
        if (loaded.error().code.empty() || loaded.error().message.empty()) std::abort();
        return;
    }
    Session& s = *loaded;
    const std::string saved = s.save(s.elapsed_ms(0));
    auto again = open_document(kGameDocument, saved);
    if (!again || !(again->state() == s.state()) || again->history() != s.history() ||
        again->undo_depth() != s.undo_depth() || again->save(again->elapsed_ms(0)) != saved) {
        std::abort();
    }
    std::size_t steps = 0;
    while (s.can_redo() && steps++ < 64) {
        if (!s.redo(0)) std::abort();
    }
    while (s.can_undo() && steps++ < 128) {
        if (!s.undo()) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    exercise(text);
    if (auto payload = parse_json(text, "fuzz"); payload && payload->is_object()) {
        exercise(seal(kGameDocument.kind, kGameDocument.version, *payload));
    }
    return 0;
}
