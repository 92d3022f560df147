// Purpose: implementation of the portable PRNG (see random.hpp).
#include "engine/core/random.hpp"

namespace astradia {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

constexpr std::uint64_t rotl(std::uint64_t v, int k) { return (v << k) | (v >> (64 - k)); }

}  // namespace

void Rng::reseed(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (auto& word : state_.s) word = splitmix64(x);
}

void Rng::set_state(const State& s) {
    if ((s.s[0] | s.s[1] | s.s[2] | s.s[3]) == 0) {
        reseed(0);
        return;
    }
    state_ = s;
}

std::uint64_t Rng::next_u64() {
    auto& s = state_.s;
    const std::uint64_t result = rotl(s[1] * 5, 7) * 9;
    const std::uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

std::uint32_t Rng::below(std::uint32_t bound) {
    if (bound == 0) return 0;
    // Multiply-shift range reduction with rejection of the biased low zone.
    std::uint64_t m = std::uint64_t{next_u32()} * bound;
    auto low = static_cast<std::uint32_t>(m);
    if (low < bound) {
        const std::uint32_t threshold = static_cast<std::uint32_t>(-bound) % bound;
        while (low < threshold) {
            m = std::uint64_t{next_u32()} * bound;
            low = static_cast<std::uint32_t>(m);
        }
    }
    return static_cast<std::uint32_t>(m >> 32);
}

std::int32_t Rng::between(std::int32_t lo, std::int32_t hi) {
    if (lo >= hi) return lo;
    const auto span = static_cast<std::uint32_t>(static_cast<std::int64_t>(hi) - lo + 1);
    if (span == 0) return static_cast<std::int32_t>(next_u32());  // the full 32-bit range
    return static_cast<std::int32_t>(static_cast<std::int64_t>(lo) + below(span));
}

double Rng::unit() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

std::uint64_t hash64(std::string_view text) {
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001B3ull;
    }
    return splitmix64(h);
}

}  // namespace astradia
