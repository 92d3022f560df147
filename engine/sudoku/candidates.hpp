// Purpose: the candidate grid of the logic engine: placed digits plus a 9-bit mask of
// the digits still possible in each empty cell, an 81-bit cell set, and the per-pass
// analysis (where each digit can go in each house) that the techniques read.
#pragma once

#include <array>
#include <bit>
#include <cstdint>

#include "engine/sudoku/grid.hpp"

namespace astradia::sudoku {

// Digits as bits: bit d-1 stands for digit d (so 0x1FF = all nine). Player notes use
// the same convention.
using DigitMask = std::uint16_t;
constexpr DigitMask kAllDigits = 0x1FF;
constexpr DigitMask digit_bit(int digit) { return static_cast<DigitMask>(1u << (digit - 1)); }

namespace detail {
// Bit counts of 9-bit values: a table, because a baseline x86-64 build turns
// std::popcount into a library call, and masks are counted in every inner loop.
constexpr std::array<std::uint8_t, 512> make_bit_counts() {
    std::array<std::uint8_t, 512> t{};
    for (unsigned i = 1; i < 512; ++i) t[i] = static_cast<std::uint8_t>(t[i >> 1] + (i & 1));
    return t;
}
inline constexpr std::array<std::uint8_t, 512> kBitCounts = make_bit_counts();
}  // namespace detail

// The number of set bits of a 9-bit value (digit masks, positions in a house).
constexpr int bits9(unsigned v) { return detail::kBitCounts[v & 0x1FF]; }
constexpr int digit_count(DigitMask mask) { return bits9(mask); }
// The number of set bits of a 64-bit word, without a library call.
constexpr int bits64(std::uint64_t v) {
    v = v - ((v >> 1) & 0x5555555555555555ull);
    v = (v & 0x3333333333333333ull) + ((v >> 2) & 0x3333333333333333ull);
    v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return static_cast<int>((v * 0x0101010101010101ull) >> 56);
}
// The lowest digit in a non-empty mask (1..9); 0 for an empty mask.
constexpr int first_digit(DigitMask mask) { return mask ? std::countr_zero(static_cast<unsigned>(mask)) + 1 : 0; }

// A set of cells (0..80) as 81 bits.
struct CellSet {
    std::uint64_t lo = 0;  // cells 0..63
    std::uint64_t hi = 0;  // cells 64..80 in bits 0..16

    constexpr void set(int cell) {
        if (cell < 64) lo |= std::uint64_t{1} << cell; else hi |= std::uint64_t{1} << (cell - 64);
    }
    constexpr void reset(int cell) {
        if (cell < 64) lo &= ~(std::uint64_t{1} << cell); else hi &= ~(std::uint64_t{1} << (cell - 64));
    }
    constexpr bool test(int cell) const {
        return cell < 64 ? (lo >> cell) & 1 : (hi >> (cell - 64)) & 1;
    }
    constexpr bool empty() const { return (lo | hi) == 0; }
    constexpr int count() const { return bits64(lo) + bits64(hi); }
    // The lowest cell, or -1 when empty.
    constexpr int first() const {
        return lo ? std::countr_zero(lo) : hi ? 64 + std::countr_zero(hi) : -1;
    }
    constexpr CellSet operator&(const CellSet& o) const { return {lo & o.lo, hi & o.hi}; }
    constexpr CellSet operator|(const CellSet& o) const { return {lo | o.lo, hi | o.hi}; }
    constexpr CellSet operator-(const CellSet& o) const { return {lo & ~o.lo, hi & ~o.hi}; }
    constexpr CellSet& operator&=(const CellSet& o) { lo &= o.lo; hi &= o.hi; return *this; }
    constexpr CellSet& operator|=(const CellSet& o) { lo |= o.lo; hi |= o.hi; return *this; }
    constexpr CellSet& operator-=(const CellSet& o) { lo &= ~o.lo; hi &= ~o.hi; return *this; }
    constexpr bool operator==(const CellSet&) const = default;

    // Calls fn(cell) for every cell in increasing order.
    template <typename Fn>
    void for_each(Fn&& fn) const {
        for (std::uint64_t w = lo; w; w &= w - 1) fn(std::countr_zero(w));
        for (std::uint64_t w = hi; w; w &= w - 1) fn(64 + std::countr_zero(w));
    }
};

namespace detail {
constexpr bool same_house(int a, int b) {
    return a / 9 == b / 9 || a % 9 == b % 9 || ((a / 27) * 3 + (a % 9) / 3) == ((b / 27) * 3 + (b % 9) / 3);
}
constexpr std::array<CellSet, kCells> make_peer_sets() {
    std::array<CellSet, kCells> t{};
    for (int a = 0; a < kCells; ++a) {
        for (int b = 0; b < kCells; ++b) {
            if (a != b && same_house(a, b)) t[static_cast<std::size_t>(a)].set(b);
        }
    }
    return t;
}
constexpr std::array<CellSet, 27> make_house_sets() {
    std::array<CellSet, 27> t{};
    for (int c = 0; c < kCells; ++c) {
        t[static_cast<std::size_t>(c / 9)].set(c);
        t[static_cast<std::size_t>(9 + c % 9)].set(c);
        t[static_cast<std::size_t>(18 + (c / 27) * 3 + (c % 9) / 3)].set(c);
    }
    return t;
}
constexpr std::array<std::array<std::uint8_t, 9>, 27> make_house_cells() {
    std::array<std::array<std::uint8_t, 9>, 27> t{};
    for (int i = 0; i < 9; ++i) {
        for (int j = 0; j < 9; ++j) {
            t[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = static_cast<std::uint8_t>(i * 9 + j);
            t[static_cast<std::size_t>(9 + i)][static_cast<std::size_t>(j)] = static_cast<std::uint8_t>(j * 9 + i);
            t[static_cast<std::size_t>(18 + i)][static_cast<std::size_t>(j)] =
                static_cast<std::uint8_t>(((i / 3) * 3 + j / 3) * 9 + (i % 3) * 3 + j % 3);
        }
    }
    return t;
}
inline constexpr std::array<CellSet, kCells> kPeerSets = make_peer_sets();
inline constexpr std::array<std::array<std::uint8_t, 9>, 27> kHouseCells = make_house_cells();
inline constexpr std::array<CellSet, 27> kHouseSets = make_house_sets();
}  // namespace detail

// Geometry as cell sets (compile-time tables).
constexpr const std::array<CellSet, kCells>& peer_sets() { return detail::kPeerSets; }  // the 20 peers of each cell
constexpr const std::array<CellSet, 27>& house_sets() { return detail::kHouseSets; }    // rows, columns, boxes
// The cells of house h in order (the same table as houses(), at compile time).
constexpr int house_cell(int house, int index) {
    return detail::kHouseCells[static_cast<std::size_t>(house)][static_cast<std::size_t>(index)];
}
// The three houses of a cell: row, column (9 + c), box (18 + b).
inline std::array<int, 3> houses_of(int cell) { return {row_of(cell), 9 + col_of(cell), 18 + box_of(cell)}; }
// True when two different cells share a house.
inline bool sees(int a, int b) { return a != b && peer_sets()[static_cast<std::size_t>(a)].test(b); }

// Placed digits and the candidates of every empty cell.
struct Candidates {
    Grid values;                             // givens and solved cells; 0 = empty
    std::array<DigitMask, kCells> masks{};   // candidates of each empty cell; 0 for filled cells

    bool has(int cell, int digit) const { return (masks[static_cast<std::size_t>(cell)] & digit_bit(digit)) != 0; }
    DigitMask mask(int cell) const { return masks[static_cast<std::size_t>(cell)]; }
    // Puts digit in cell and removes it from the candidates of the cell's peers. Never
    // fails (cell 0..80 and digit 1..9 are preconditions).
    void place(int cell, int digit);
    // Removes one candidate; returns whether it was there.
    bool eliminate(int cell, int digit);
    bool solved() const { return values.complete(); }
    // True when the grid cannot be completed: an empty cell without candidates, a
    // digit missing from a house with no place left for it, or a repeated digit.
    bool broken() const;
    bool operator==(const Candidates&) const = default;
};

// The full candidates of a grid: each empty cell gets every digit none of its peers
// holds. Never fails: a grid with a repeated digit gives an empty cell no candidates
// there, and values above 9 count as empty.
Candidates candidates_of(const Grid& grid);

// The candidates a player works with: for an empty cell with notes, its notes minus
// the digits its peers already hold; for an empty cell without notes, the full
// candidates. Notes on filled cells are ignored. Note bit d-1 = digit d. Never fails.
Candidates candidates_with_notes(const Grid& grid, const std::array<std::uint16_t, kCells>& notes);

// What the techniques read, computed once per search from a Candidates.
struct Analysis {
    std::array<CellSet, 10> digit_cells{};                 // [d]: empty cells where d is a candidate
    std::array<std::array<std::uint16_t, 10>, 27> where{}; // [house][d]: bit i = houses()[house][i] has d
    CellSet empty{};                                        // empty cells
};
// Never fails.
Analysis analyze(const Candidates& cands);

}  // namespace astradia::sudoku
