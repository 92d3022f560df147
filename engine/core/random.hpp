// Purpose: Rng, the engine's own portable pseudo-random generator. The same seed
// gives the same sequence natively and in wasm: the state update and the range
// reduction are our code, never <random>'s distributions (whose results differ
// between libstdc++ and libc++). Golden tests pin the sequence.
#pragma once

#include <cstdint>
#include <string_view>

namespace astradia {

// xoshiro256** (Blackman & Vigna) seeded through SplitMix64, both written here
// from the published algorithm descriptions.
class Rng {
public:
    explicit Rng(std::uint64_t seed = 0) { reseed(seed); }

    void reseed(std::uint64_t seed);

    std::uint64_t next_u64();
    std::uint32_t next_u32() { return static_cast<std::uint32_t>(next_u64() >> 32); }

    // A uniform integer in [0, bound). bound == 0 returns 0 (a programmer mistake,
    // kept total so a corrupt ruleset cannot crash the engine).
    std::uint32_t below(std::uint32_t bound);

    // A uniform integer in [lo, hi] (inclusive); lo > hi returns lo.
    std::int32_t between(std::int32_t lo, std::int32_t hi);

    // A uniform double in [0, 1) with 53 random bits.
    double unit();

    // The full state, for saving a game mid-stream and restoring it exactly.
    struct State {
        std::uint64_t s[4];
        bool operator==(const State&) const = default;
    };
    State state() const { return state_; }
    // Restores a saved state. An all-zero state is invalid for xoshiro (it would
    // emit zeros forever); it is replaced by the seed-0 state.
    void set_state(const State& s);

private:
    State state_{};
};

// Stable 64-bit hash of text (FNV-1a followed by a SplitMix64 finaliser), used to
// turn dates and ids into seeds. Never changes between releases: shared links and
// daily puzzles depend on it.
std::uint64_t hash64(std::string_view text);

}  // namespace astradia
