// Purpose: the implication graph the chain techniques share: candidates as nodes
// (cell * 9 + digit - 1), strong links (bivalue cells, conjugate pairs in a house) and
// weak links (same cell, or same digit in cells that see each other). Internal to the
// logic engine (chains.cpp, forcing.cpp).
#pragma once

#include <array>
#include <bit>
#include <cstdint>

#include "engine/sudoku/candidates.hpp"

namespace astradia::sudoku::chain_graph {

constexpr int kNodes = kCells * 9;
constexpr int node_of(int cell, int digit) { return cell * 9 + digit - 1; }
constexpr int node_cell(int node) { return node / 9; }
constexpr int node_digit(int node) { return node % 9 + 1; }

// A set of candidates (729 bits).
struct NodeSet {
    std::array<std::uint64_t, 12> w{};
    void set(int n) { w[static_cast<std::size_t>(n >> 6)] |= std::uint64_t{1} << (n & 63); }
    bool test(int n) const { return (w[static_cast<std::size_t>(n >> 6)] >> (n & 63)) & 1; }
    bool empty() const {
        std::uint64_t any = 0;
        for (auto x : w) any |= x;
        return any == 0;
    }
    NodeSet& operator|=(const NodeSet& o) {
        for (std::size_t i = 0; i < w.size(); ++i) w[i] |= o.w[i];
        return *this;
    }
    NodeSet& operator&=(const NodeSet& o) {
        for (std::size_t i = 0; i < w.size(); ++i) w[i] &= o.w[i];
        return *this;
    }
    template <typename Fn>
    void for_each(Fn&& fn) const {
        for (std::size_t i = 0; i < w.size(); ++i) {
            for (std::uint64_t x = w[i]; x; x &= x - 1) fn(static_cast<int>(i * 64) + std::countr_zero(x));
        }
    }
};

struct Graph {
    const Candidates* cands = nullptr;
    const Analysis* analysis = nullptr;
    int only_digit = 0;                                    // 0: every digit; d: single-digit (X) links only
    bool conjugate_only = false;                           // weak links only where they are strong too (colouring)
    std::array<std::array<std::int16_t, 4>, kNodes> strong{};  // strong partners of each node
    std::array<std::uint8_t, kNodes> strong_count{};
    std::array<CellSet, 10> linked{};                      // [d]: cells whose candidate d has a strong link

    bool present(int node) const { return cands->has(node_cell(node), node_digit(node)); }

    // Calls fn(other) for every node weakly linked to `node` (a candidate that cannot be
    // true together with it): the cell's other digits (unless single-digit), and the
    // same digit in every peer cell.
    template <typename Fn>
    void for_each_weak(int node, Fn&& fn) const {
        if (conjugate_only) {
            const int n = strong_count[static_cast<std::size_t>(node)];
            for (int i = 0; i < n; ++i) fn(static_cast<int>(strong[static_cast<std::size_t>(node)][static_cast<std::size_t>(i)]));
            return;
        }
        const int cell = node_cell(node), digit = node_digit(node);
        if (only_digit == 0) {
            for (DigitMask m = static_cast<DigitMask>(cands->mask(cell) & ~digit_bit(digit)); m; m &= static_cast<DigitMask>(m - 1)) {
                fn(node_of(cell, first_digit(m)));
            }
        }
        (analysis->digit_cells[static_cast<std::size_t>(digit)] & peer_sets()[static_cast<std::size_t>(cell)])
            .for_each([&](int p) { fn(node_of(p, digit)); });
    }
};

// Like Graph::for_each_weak, but only to nodes that have a strong link onward (the
// only ones an alternating chain can continue from).
template <typename Fn>
void for_each_weak_linked(const Graph& g, int node, Fn&& fn) {
    if (g.conjugate_only) {
        g.for_each_weak(node, fn);
        return;
    }
    const int cell = node_cell(node), digit = node_digit(node);
    if (g.only_digit == 0) {
        for (DigitMask m = static_cast<DigitMask>(g.cands->mask(cell) & ~digit_bit(digit)); m; m &= static_cast<DigitMask>(m - 1)) {
            const int other = node_of(cell, first_digit(m));
            if (g.strong_count[static_cast<std::size_t>(other)]) fn(other);
        }
    }
    (g.linked[static_cast<std::size_t>(digit)] & peer_sets()[static_cast<std::size_t>(cell)])
        .for_each([&](int p) { fn(node_of(p, digit)); });
}

// Builds the strong links of the candidates (all digits, or only `only_digit`); weak
// links are then every conflict, or with conjugate_only the strong links alone.
// With bivalue_only, the strong links are the bivalue cells' alone (XY-chains).
void build(Graph& g, const Candidates& c, const Analysis& a, int only_digit, bool conjugate_only = false,
           bool bivalue_only = false);

// True when the two (different) candidates cannot both be true.
bool weakly_linked(const Candidates& c, int a, int b);

// The house (row, column or box, rows and columns first) in which the two cells are the
// only places for `digit`; -1 when there is none.
int conjugate_house(const Analysis& a, int cell1, int cell2, int digit);

}  // namespace astradia::sudoku::chain_graph
