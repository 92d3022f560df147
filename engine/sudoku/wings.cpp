// Purpose: wing finders: bent sets around a pivot (XY-, XYZ-, WXYZ-, VWXYZ-Wing) and
// the W-Wing (see techniques.hpp).
#include <algorithm>
#include <array>
#include <bit>
#include <climits>
#include <cstdlib>
#include <utility>

#include "engine/sudoku/techniques.hpp"

namespace astradia::sudoku {
namespace {

// Cells outside the set that hold `digit` and see every cell of the set holding it.
CellSet wing_targets(const Candidates& c, const Analysis& a, const std::array<int, 5>& cells, int n, int digit) {
    CellSet targets = a.digit_cells[static_cast<std::size_t>(digit)];
    for (int i = 0; i < n; ++i) {
        const int x = cells[static_cast<std::size_t>(i)];
        targets.reset(x);
        if (c.has(x, digit)) targets &= peer_sets()[static_cast<std::size_t>(x)];
    }
    return targets;
}

int wing_rating(int size, int max_cardinality) {
    // Wider sets are harder; within a size, a pivot of middling width is the hardest
    // to see (the Sudoku Explainer family's convention).
    switch (size) {
        case 3: return max_cardinality == 2 ? 42 : 44;
        case 4: return 55 + (1 - std::abs(3 - max_cardinality));
        default: return 62 + (2 - std::abs(3 - max_cardinality));
    }
}

}  // namespace

bool find_wing(const Candidates& c, const Analysis& a, int size, Step& step, const CellSet* touching) {
    const Technique tech = size == 3 ? Technique::xy_wing : size == 4 ? Technique::wxyz_wing : Technique::vwxyz_wing;
    int best = INT_MAX;
    bool found = false;
    // The set under construction: set[0] the pivot, then wings; per depth, the union of
    // digits, the loose digits (whose cells do not all see each other: at most one, z),
    // the cells that see every z-cell so far, and the wing-list indices chosen.
    std::array<int, 5> set{};
    std::array<DigitMask, 5> unions{};
    std::array<DigitMask, 5> loose_at{};
    std::array<CellSet, 5> targets_at{};
    std::array<unsigned, 5> chosen_at{};  // bit i: wing i is in the set
    std::array<bool, 5> touch_at{};       // the set has a cell of *touching (always true without it)
    std::array<int, 20> wings{};
    std::array<DigitMask, 20> wing_mask{};
    std::array<unsigned, 20> wing_adj{};  // bit j: wing j sees wing i
    int n = 0, touching_n = 0;  // wings in the list, and how many of them (the first) touch
    const CellSet everything{~std::uint64_t{0}, ~std::uint64_t{0}};
    if (!touching) touching = &everything;

    // Checks the complete set; keeps it when it is the best so far.
    auto check = [&]() {
        const DigitMask all = unions[static_cast<std::size_t>(size - 1)];
        if (digit_count(all) != size) return;
        const DigitMask loose_digits = loose_at[static_cast<std::size_t>(size - 1)];
        if (loose_digits == 0) {  // all in one house is a naked subset, not a wing
            bool clique = true;
            for (unsigned m = chosen_at[static_cast<std::size_t>(size - 1)]; m && clique; m &= m - 1) {
                const unsigned others = chosen_at[static_cast<std::size_t>(size - 1)] & ~(1u << std::countr_zero(m));
                clique = (wing_adj[static_cast<std::size_t>(std::countr_zero(m))] & others) == others;
            }
            if (clique) return;
        }
        const int loose = digit_count(loose_digits), z = first_digit(loose_digits);
        int max_k = 0;
        for (int i = 0; i < size; ++i) max_k = std::max(max_k, digit_count(c.mask(set[static_cast<std::size_t>(i)])));
        const int rating = wing_rating(size, max_k);
        if (rating >= best) return;
        if (size == 3) {  // the classic shapes: wings {x,z} and {y,z}, pivot {x,y} or {x,y,z}
            const DigitMask pmask = c.mask(set[0]), w1 = c.mask(set[1]), w2 = c.mask(set[2]), zb = digit_bit(z);
            if (loose != 1 || w1 == w2 || !(w1 & zb) || !(w2 & zb)) return;
            if (((w1 | w2) & ~zb & ~pmask) != 0) return;
        }
        Step s;
        s.technique = size == 3 && max_k == 3 ? Technique::xyz_wing : tech;
        s.rating = rating;
        s.digits = all;
        for (DigitMask m = all; m; m &= static_cast<DigitMask>(m - 1)) {
            const int d = first_digit(m);
            if (loose == 1 && d != z) continue;
            wing_targets(c, a, set, size, d).for_each([&](int t) {
                s.eliminations.push_back({static_cast<std::uint8_t>(t), static_cast<std::uint8_t>(d)});
            });
        }
        if (s.eliminations.empty()) return;
        for (int i = 0; i < size; ++i) s.cells.push_back(static_cast<std::uint8_t>(set[static_cast<std::size_t>(i)]));
        // A single chain node names the digit every elimination is about (z), for the
        // explanation; a doubly linked set (no z) has none.
        if (loose == 1) s.chain = {ChainNode{static_cast<std::uint8_t>(set[0]), static_cast<std::uint8_t>(z), true}};
        best = rating;
        step = std::move(s);
        found = true;
    };
    auto extend = [&](auto&& self, int depth, int from) -> void {
        if (depth == size) {
            check();
            return;
        }
        const auto prev = static_cast<std::size_t>(depth - 1);
        // Touching wings come first in the list, so a set that must touch one takes it
        // as its first wing.
        const int to = depth == 1 && !touch_at[0] ? touching_n : n;
        for (int i = from; i < to; ++i) {
            const bool touches = touch_at[prev] || touching->test(wings[static_cast<std::size_t>(i)]);
            const DigitMask wm = wing_mask[static_cast<std::size_t>(i)];
            const DigitMask u = static_cast<DigitMask>(unions[prev] | wm);
            if (digit_count(u) > size) continue;
            // A digit turns loose when the new cell holds it and misses a member holding it
            // (the pivot sees every wing).
            DigitMask loose = loose_at[prev];
            for (unsigned m = chosen_at[prev] & ~wing_adj[static_cast<std::size_t>(i)]; m; m &= m - 1) {
                loose |= static_cast<DigitMask>(wm & wing_mask[static_cast<std::size_t>(std::countr_zero(m))]);
            }
            if (digit_count(loose) > 1) continue;
            const int w = wings[static_cast<std::size_t>(i)];
            CellSet targets;
            if (loose) {  // z is known: some cell must still see all of its cells
                const int z = first_digit(loose);
                if (loose_at[prev] == loose) {
                    targets = targets_at[prev];
                } else {
                    targets = a.digit_cells[static_cast<std::size_t>(z)];
                    for (int j = 0; j < depth; ++j) {
                        const int x = set[static_cast<std::size_t>(j)];
                        targets.reset(x);
                        if (c.has(x, z)) targets &= peer_sets()[static_cast<std::size_t>(x)];
                    }
                }
                targets.reset(w);
                if (wm & digit_bit(z)) targets &= peer_sets()[static_cast<std::size_t>(w)];
                if (targets.empty()) continue;
            }
            const auto at = static_cast<std::size_t>(depth);
            set[at] = w;
            unions[at] = u;
            loose_at[at] = loose;
            targets_at[at] = targets;
            chosen_at[at] = chosen_at[prev] | (1u << i);
            touch_at[at] = touches;
            self(self, depth + 1, i + 1);
        }
    };
    a.empty.for_each([&](int pivot) {
        const DigitMask pmask = c.mask(pivot);
        const int pk = digit_count(pmask);
        if (pk < 2 || pk > size || (size == 3 && pk > 3)) return;
        n = 0;
        touching_n = -1;
        const CellSet near = peer_sets()[static_cast<std::size_t>(pivot)] & a.empty;
        for (const CellSet& part : {near & *touching, near - *touching}) {
            part.for_each([&](int w) {
                const DigitMask m = c.mask(w);
                const int k = digit_count(m);
                if (k < 2 || digit_count(static_cast<DigitMask>(m | pmask)) > size) return;
                if (size == 3 && k != 2) return;  // XY-/XYZ-Wing: bivalue wings
                wings[static_cast<std::size_t>(n)] = w;
                wing_mask[static_cast<std::size_t>(n)] = m;
                ++n;
            });
            if (touching_n < 0) touching_n = n;
        }
        if (n < size - 1 || (touching_n == 0 && !touching->test(pivot))) return;
        for (int i = 0; i < n; ++i) {
            unsigned adj = 0;
            for (int j = 0; j < n; ++j) {
                if (sees(wings[static_cast<std::size_t>(i)], wings[static_cast<std::size_t>(j)])) adj |= 1u << j;
            }
            wing_adj[static_cast<std::size_t>(i)] = adj;
        }
        set[0] = pivot;
        unions[0] = pmask;
        loose_at[0] = 0;
        chosen_at[0] = 0;
        touch_at[0] = touching->test(pivot);
        extend(extend, 1, 0);
    });
    return found;
}

bool find_w_wing(const Candidates& c, const Analysis& a, Step& step) {
    std::array<int, kCells> bivalue{};
    int n = 0;
    a.empty.for_each([&](int x) {
        if (digit_count(c.mask(x)) == 2) bivalue[static_cast<std::size_t>(n++)] = x;
    });
    for (int i = 0; i < n; ++i) {
        const int p = bivalue[static_cast<std::size_t>(i)];
        for (int j = i + 1; j < n; ++j) {
            const int q = bivalue[static_cast<std::size_t>(j)];
            if (c.mask(p) != c.mask(q) || sees(p, q)) continue;
            for (DigitMask m = c.mask(p); m; m &= static_cast<DigitMask>(m - 1)) {
                const int x = first_digit(m);                                        // the linked digit
                const int z = first_digit(static_cast<DigitMask>(c.mask(p) & ~digit_bit(x)));  // the eliminated one
                const CellSet targets = a.digit_cells[static_cast<std::size_t>(z)] &
                                        peer_sets()[static_cast<std::size_t>(p)] &
                                        peer_sets()[static_cast<std::size_t>(q)];
                if (targets.empty()) continue;
                for (int h = 0; h < 27; ++h) {
                    const unsigned w = a.where[static_cast<std::size_t>(h)][static_cast<std::size_t>(x)];
                    if (bits9(w) != 2) continue;
                    int e1 = house_cell(h, std::countr_zero(w));
                    int e2 = house_cell(h, 31 - std::countl_zero(w));
                    if (e1 == p || e1 == q || e2 == p || e2 == q) continue;
                    if (!(sees(e1, p) && sees(e2, q))) std::swap(e1, e2);
                    if (!(sees(e1, p) && sees(e2, q))) continue;
                    Step s;
                    s.technique = Technique::w_wing;
                    s.rating = 44;
                    s.digits = c.mask(p);
                    s.cells = {static_cast<std::uint8_t>(p), static_cast<std::uint8_t>(q), static_cast<std::uint8_t>(e1),
                               static_cast<std::uint8_t>(e2)};
                    s.houses = {static_cast<std::uint8_t>(h)};
                    const auto u8 = [](int v) { return static_cast<std::uint8_t>(v); };
                    s.chain = {{u8(p), u8(z), false}, {u8(p), u8(x), true},  {u8(e1), u8(x), false},
                               {u8(e2), u8(x), true}, {u8(q), u8(x), false}, {u8(q), u8(z), true}};
                    targets.for_each([&](int t) { s.eliminations.push_back({u8(t), u8(z)}); });
                    step = std::move(s);
                    return true;
                }
            }
        }
    }
    return false;
}

}  // namespace astradia::sudoku
