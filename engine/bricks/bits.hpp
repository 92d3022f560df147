// Purpose: Bits, the 128-bit cell set behind every Bricks board, piece mask and
// anchor set. Cell (row, col) of a board with C columns is bit row*C + col, so a
// board of up to 128 cells (10x10 by default) fits; moving a piece is a shift.
// Two 64-bit words rather than a compiler 128-bit integer: the same code is fast
// natively and in wasm (where 128-bit shifts become library calls).
#pragma once

#include <bit>
#include <cstdint>

namespace astradia::bricks {

// Population count of a word. x86-64 without the POPCNT instruction (the compiler's
// baseline) would make std::popcount a library call, 20x slower than this.
constexpr int popcount64(std::uint64_t x) {
#if defined(__x86_64__) && !defined(__POPCNT__)
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return static_cast<int>((x * 0x0101010101010101ull) >> 56);
#else
    return std::popcount(x);
#endif
}

struct Bits {
    std::uint64_t lo = 0;  // cells 0..63
    std::uint64_t hi = 0;  // cells 64..127

    constexpr bool operator==(const Bits&) const = default;
    constexpr Bits operator&(Bits o) const { return {lo & o.lo, hi & o.hi}; }
    constexpr Bits operator|(Bits o) const { return {lo | o.lo, hi | o.hi}; }
    constexpr Bits operator^(Bits o) const { return {lo ^ o.lo, hi ^ o.hi}; }
    constexpr Bits operator~() const { return {~lo, ~hi}; }
    constexpr Bits& operator&=(Bits o) { lo &= o.lo; hi &= o.hi; return *this; }
    constexpr Bits& operator|=(Bits o) { lo |= o.lo; hi |= o.hi; return *this; }
    constexpr Bits& operator^=(Bits o) { lo ^= o.lo; hi ^= o.hi; return *this; }

    // Bits moved towards lower cell numbers by n (0..127): result[i] = this[i + n].
    constexpr Bits shr(int n) const {
        if (n < 64) return {(lo >> n) | ((hi << 1) << (63 - n)), hi >> n};  // no branch for n == 0
        return {hi >> (n - 64), 0};
    }
    // Bits moved towards higher cell numbers by n (0..127): result[i + n] = this[i].
    constexpr Bits shl(int n) const {
        if (n < 64) return {lo << n, (hi << n) | ((lo >> 1) >> (63 - n))};
        return {0, lo << (n - 64)};
    }

    constexpr bool any() const { return (lo | hi) != 0; }
    constexpr bool none() const { return (lo | hi) == 0; }
    constexpr int count() const { return popcount64(lo) + popcount64(hi); }
    constexpr bool test(int i) const {
        return i < 64 ? ((lo >> i) & 1u) != 0 : ((hi >> (i - 64)) & 1u) != 0;
    }
    constexpr void set(int i) {
        if (i < 64) lo |= std::uint64_t{1} << i;
        else hi |= std::uint64_t{1} << (i - 64);
    }
    // Index of the lowest set bit; precondition: any().
    constexpr int lowest() const { return lo != 0 ? std::countr_zero(lo) : 64 + std::countr_zero(hi); }
    // Clears the lowest set bit; precondition: any().
    constexpr void drop_lowest() {
        if (lo != 0) lo &= lo - 1;
        else hi &= hi - 1;
    }
    // The first n cells (0..128).
    static constexpr Bits first(int n) {
        if (n <= 0) return {};
        if (n < 64) return {(std::uint64_t{1} << n) - 1, 0};
        if (n == 64) return {~std::uint64_t{0}, 0};
        if (n < 128) return {~std::uint64_t{0}, (std::uint64_t{1} << (n - 64)) - 1};
        return {~std::uint64_t{0}, ~std::uint64_t{0}};
    }
};

// Calls fn(i) for every set bit i, lowest first.
template <typename Fn>
constexpr void for_each_bit(Bits b, Fn&& fn) {
    while (b.any()) {
        fn(b.lowest());
        b.drop_lowest();
    }
}

}  // namespace astradia::bricks
