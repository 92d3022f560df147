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

namespace {

// XY- and XYZ-Wing: a pivot and two bivalue wings it sees (the classic shapes).
bool pivot_wing(const Candidates& c, const Analysis& a, int size, Step& step, const CellSet* touching) {
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

// WXYZ- and VWXYZ-Wing as Sukaku Explainer defines them: an almost locked set of size - 1
// cells in one house holding `size` digits, and a bivalue cell {x, z} of those digits
// where every x of the set sees the bivalue cell (x is restricted): then z is in the
// bivalue cell or in the set, and leaves every cell that sees all of those z cells. When
// z is restricted too (doubly linked), x leaves those cells likewise, and every other
// digit of the set leaves the cells that see all of its cells in the set.
bool als_wing(const Candidates& c, const Analysis& a, int size, Step& step, const CellSet* touching) {
    const int m = size - 1;
    int best = INT_MAX;
    bool found = false;
    std::array<int, kCells> bivalue{};
    int bivalue_n = 0;
    a.empty.for_each([&](int x) {
        if (digit_count(c.mask(x)) == 2) bivalue[static_cast<std::size_t>(bivalue_n++)] = x;
    });
    if (bivalue_n == 0) return false;
    // Cells of the set holding digit d, and the cells seeing all of them (the set excluded).
    auto seeing_all = [&](const std::array<int, 4>& set, DigitMask d, int also) {
        CellSet t = a.digit_cells[static_cast<std::size_t>(first_digit(d))];
        for (int i = 0; i < m; ++i) {
            const int x = set[static_cast<std::size_t>(i)];
            t.reset(x);
            if (c.mask(x) & d) t &= peer_sets()[static_cast<std::size_t>(x)];
        }
        if (also >= 0) {
            t.reset(also);
            t &= peer_sets()[static_cast<std::size_t>(also)];
        }
        return t;
    };
    for (int h = 0; h < 27; ++h) {
        std::array<int, 9> cells{};
        int n = 0;
        for (int i = 0; i < 9; ++i) {
            const int x = house_cell(h, i);
            const int k = digit_count(c.mask(x));
            if (c.values[x] == 0 && k >= 2 && k <= size) cells[static_cast<std::size_t>(n++)] = x;
        }
        std::array<int, 4> set{};
        auto visit = [&](DigitMask all) {
            int max_k = 0;
            bool touches = false;
            for (int i = 0; i < m; ++i) {
                const int x = set[static_cast<std::size_t>(i)];
                max_k = std::max(max_k, digit_count(c.mask(x)));
                touches = touches || touching->test(x);
            }
            const int rating = wing_rating(size, max_k);
            if (rating >= best) return;
            for (int b = 0; b < bivalue_n; ++b) {
                const int y = bivalue[static_cast<std::size_t>(b)];
                const DigitMask ym = c.mask(y);
                if ((ym & ~all) != 0 || (!touches && !touching->test(y))) continue;
                bool in_set = false;
                for (int i = 0; i < m; ++i) in_set = in_set || set[static_cast<std::size_t>(i)] == y;
                if (in_set) continue;
                auto restricted = [&](DigitMask d) {
                    for (int i = 0; i < m; ++i) {
                        const int x = set[static_cast<std::size_t>(i)];
                        if ((c.mask(x) & d) && !sees(x, y)) return false;
                    }
                    return true;
                };
                const DigitMask d1 = static_cast<DigitMask>(ym & (ym - 1)) ^ ym, d2 = static_cast<DigitMask>(ym & ~d1);
                const bool r1 = restricted(d1), r2 = restricted(d2);
                if (!r1 && !r2) continue;
                Step s;
                s.technique = size == 4 ? Technique::wxyz_wing : Technique::vwxyz_wing;
                s.rating = rating;
                s.digits = all;
                auto eliminate = [&](DigitMask d, int also) {
                    seeing_all(set, d, also).for_each([&](int t) {
                        if (t != y) s.eliminations.push_back({static_cast<std::uint8_t>(t), static_cast<std::uint8_t>(first_digit(d))});
                    });
                };
                if (r1 && r2) {  // doubly linked
                    eliminate(d1, y);
                    eliminate(d2, y);
                    for (DigitMask w = static_cast<DigitMask>(all & ~ym); w; w &= static_cast<DigitMask>(w - 1)) {
                        eliminate(static_cast<DigitMask>(w & ~(w - 1)), -1);
                    }
                } else {
                    eliminate(r1 ? d2 : d1, y);  // z, the unrestricted one
                }
                if (s.eliminations.empty()) continue;
                for (int i = 0; i < m; ++i) s.cells.push_back(static_cast<std::uint8_t>(set[static_cast<std::size_t>(i)]));
                s.cells.push_back(static_cast<std::uint8_t>(y));
                s.houses = {static_cast<std::uint8_t>(h)};
                if (!(r1 && r2)) {
                    s.chain = {ChainNode{static_cast<std::uint8_t>(y), static_cast<std::uint8_t>(first_digit(r1 ? d2 : d1)), true}};
                }
                best = rating;
                step = std::move(s);
                found = true;
                return;
            }
        };
        auto pick = [&](auto&& self, int depth, int from, DigitMask all) -> void {
            if (depth == m) {
                if (digit_count(all) == size) visit(all);
                return;
            }
            for (int i = from; i <= n - (m - depth); ++i) {
                const DigitMask u = static_cast<DigitMask>(all | c.mask(cells[static_cast<std::size_t>(i)]));
                if (digit_count(u) > size) continue;
                set[static_cast<std::size_t>(depth)] = cells[static_cast<std::size_t>(i)];
                self(self, depth + 1, i + 1, u);
            }
        };
        if (n >= m) pick(pick, 0, 0, 0);
    }
    return found;
}

}  // namespace

bool find_wing(const Candidates& c, const Analysis& a, int size, Step& step, const CellSet* touching) {
    const CellSet everything{~std::uint64_t{0}, ~std::uint64_t{0}};
    if (!touching) touching = &everything;
    return size == 3 ? pivot_wing(c, a, size, step, touching) : als_wing(c, a, size, step, touching);
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
