// Purpose: fuzz the sealed-save loader (parse, bounds, checksum) with arbitrary bytes:
// it must return a value or an error, never crash, leak or hit undefined behaviour;
// and whatever opens must re-seal to something that opens to the same payload.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "engine/core/sealed.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto opened = astradia::unseal(text, "test", 3);
    if (opened) {
        auto again = astradia::unseal(astradia::seal("test", opened->version, opened->payload), "test", 3);
        if (!again || again->payload != opened->payload) std::abort();
    }
    return 0;
}
