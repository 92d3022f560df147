// Purpose: the fingerprint of a drawn frame (see settle.hpp). Our own hash: a 64-bit
// multiply-rotate over 8-byte words. It needs no strength against an adversary, only to
// tell two frames apart, and it must be cheap: a busy frame is a few hundred kilobytes of
// vertices, hashed in well under a tenth of a millisecond.
#include "shell/ui/settle.hpp"

#include <cstring>

#include "shell/ui/ui.hpp"

namespace astradia::shell {
namespace {

struct Hasher {
    std::uint64_t h = 0x9E3779B97F4A7C15ull;
    void word(std::uint64_t w) {
        h ^= w;
        h *= 0xFF51AFD7ED558CCDull;
        h = (h << 29) | (h >> 35);
    }
    void bytes(const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            std::uint64_t w = 0;
            std::memcpy(&w, p + i, 8);
            word(w);
        }
        std::uint64_t tail = 0;
        if (n > i) std::memcpy(&tail, p + i, n - i);
        word(tail ^ (static_cast<std::uint64_t>(n) << 56));
    }
    void number(float f) {
        std::uint32_t u = 0;
        std::memcpy(&u, &f, 4);
        word(u);
    }
};

}  // namespace

std::uint64_t frame_fingerprint(const ImDrawData* draw) {
    Hasher h;
    if (draw != nullptr && draw->Valid) {
        h.word(static_cast<std::uint64_t>(draw->CmdListsCount));
        for (int i = 0; i < draw->CmdListsCount; ++i) {
            const ImDrawList* list = draw->CmdLists[i];
            h.bytes(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
            h.bytes(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
            for (const ImDrawCmd& cmd : list->CmdBuffer) {
                h.number(cmd.ClipRect.x);
                h.number(cmd.ClipRect.y);
                h.number(cmd.ClipRect.z);
                h.number(cmd.ClipRect.w);
                h.word(reinterpret_cast<std::uintptr_t>(cmd.TextureId));
                h.word((static_cast<std::uint64_t>(cmd.ElemCount) << 32) ^ cmd.IdxOffset ^ (std::uint64_t{cmd.VtxOffset} << 20));
            }
        }
    }
    for (const Target& t : targets()) {
        h.bytes(t.label.data(), t.label.size());
        h.number(t.x);
        h.number(t.y);
        h.number(t.w);
        h.number(t.h);
        h.word((t.enabled ? 1u : 0u) | (t.on ? 2u : 0u));
        h.bytes(t.group.data(), t.group.size());
    }
    return h.h;
}

}  // namespace astradia::shell
