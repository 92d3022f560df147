// Purpose: fuzz the Bricks loaders (game saves, replays, statistics) with arbitrary
// bytes: they must return a value or an error, never crash, leak or hit undefined
// behaviour; whatever loads must save again to a document that loads to the same
// game. The first byte picks the loader; modes 3-5 seal the rest as the payload
// first, so the fuzzer gets past the checksum into the history and state checks.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/bricks/replay.hpp"
#include "engine/bricks/session.hpp"
#include "engine/bricks/stats.hpp"
#include "engine/core/sealed.hpp"

using namespace astradia;
using namespace astradia::bricks;

namespace {

void check_session(std::string_view text) {
    auto loaded = open_document(kGameDocument, text);
    if (!loaded) return;
    auto again = open_document(kGameDocument, loaded->save());
    if (!again || !(again->state() == loaded->state()) || again->moves() != loaded->moves()) std::abort();
}

void check_replay(std::string_view text) {
    auto loaded = open_document(kReplayDocument, text);
    if (!loaded) return;
    auto saved = save_replay(loaded->rules, loaded->seed, loaded->moves);
    if (!saved) std::abort();
    auto again = open_document(kReplayDocument, *saved);
    if (!again || !(again->final_state == loaded->final_state)) std::abort();
}

void check_stats(std::string_view text) {
    auto loaded = open_document(kStatsDocument, text);
    if (!loaded) return;
    auto again = open_document(kStatsDocument, seal_document(kStatsDocument, stats_payload(*loaded)));
    if (!again || !(*again == *loaded)) std::abort();
}

// Seals `payload_text` (if it is JSON) as a document of `kind`.
std::string sealed(std::string_view payload_text, const char* kind) {
    auto payload = parse_json(payload_text, "fuzz");
    if (!payload) return {};
    return seal(kind, 1, *payload);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 6) {
        case 0: check_session(text); break;
        case 1: check_replay(text); break;
        case 2: check_stats(text); break;
        case 3: check_session(sealed(text, "bricks-game")); break;
        case 4: check_replay(sealed(text, "bricks-replay")); break;
        default: check_stats(sealed(text, "bricks-stats")); break;
    }
    return 0;
}
