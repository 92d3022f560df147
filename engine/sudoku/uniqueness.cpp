// Purpose: uniqueness finders (unique rectangle types 1, 2 and 4; BUG+1). They rely on
// the puzzle having exactly one solution: a pattern that would allow two solutions
// cannot be the answer (see techniques.hpp).
#include <array>
#include <bit>

#include "engine/sudoku/techniques.hpp"

namespace astradia::sudoku {
namespace {

std::uint8_t u8(int v) { return static_cast<std::uint8_t>(v); }

// A house that contains both cells, other than `except`; -1 when none.
int common_house(int a, int b) {
    if (row_of(a) == row_of(b)) return row_of(a);
    if (col_of(a) == col_of(b)) return 9 + col_of(a);
    if (box_of(a) == box_of(b)) return 18 + box_of(a);
    return -1;
}

// Tries the rectangle's types for the digit pair ab; fills step and returns true on success.
bool rectangle(const Candidates& c, const Analysis& a, const std::array<int, 4>& cells, DigitMask ab, Step& step) {
    int exact = 0;
    for (int x : cells) exact += c.mask(x) == ab;
    auto begin = [&](int rating) {
        step = Step{};
        step.technique = Technique::unique_rectangle;
        step.rating = rating;
        step.digits = ab;
        for (int x : cells) step.cells.push_back(u8(x));
    };
    if (exact == 3) {  // type 1: the fourth corner must not be a or b
        for (int x : cells) {
            if (c.mask(x) == ab) continue;
            begin(45);
            for (DigitMask m = ab; m; m &= static_cast<DigitMask>(m - 1)) step.eliminations.push_back({u8(x), u8(first_digit(m))});
            return true;
        }
    }
    if (exact != 2) return false;
    std::array<int, 2> roof{};
    int n = 0;
    for (int x : cells) {
        if (c.mask(x) != ab) roof[static_cast<std::size_t>(n++)] = x;
    }
    const DigitMask extra0 = static_cast<DigitMask>(c.mask(roof[0]) & ~ab);
    const DigitMask extra1 = static_cast<DigitMask>(c.mask(roof[1]) & ~ab);
    if (extra0 == extra1 && digit_count(extra0) == 1) {  // type 2: the extra digit is in one of the roof cells
        const int z = first_digit(extra0);
        const CellSet targets = (a.digit_cells[static_cast<std::size_t>(z)] & peer_sets()[static_cast<std::size_t>(roof[0])] &
                                 peer_sets()[static_cast<std::size_t>(roof[1])]);
        if (!targets.empty()) {
            begin(46);
            targets.for_each([&](int t) { step.eliminations.push_back({u8(t), u8(z)}); });
            return true;
        }
    }
    // Type 4: the roof cells share a house in which one of a, b has no other place;
    // then the other digit cannot be in either roof cell.
    const int h = common_house(roof[0], roof[1]);
    if (h < 0) return false;
    std::uint16_t pair_bits = 0;
    for (int i = 0; i < 9; ++i) {
        const int x = house_cell(h, i);
        if (x == roof[0] || x == roof[1]) pair_bits = static_cast<std::uint16_t>(pair_bits | (1u << i));
    }
    for (DigitMask m = ab; m; m &= static_cast<DigitMask>(m - 1)) {
        const int locked = first_digit(m);
        const int other = first_digit(static_cast<DigitMask>(ab & ~digit_bit(locked)));
        if (a.where[static_cast<std::size_t>(h)][static_cast<std::size_t>(locked)] != pair_bits) continue;
        begin(46);
        step.houses = {u8(h)};
        step.eliminations = {{u8(roof[0]), u8(other)}, {u8(roof[1]), u8(other)}};
        return true;
    }
    return false;
}

}  // namespace

bool find_unique_rectangle(const Candidates& c, const Analysis& a, Step& step) {
    // Every rectangle of interest has two exact {a,b} corners on one row or column (the
    // floor): start from those pairs and try the two other corners on each parallel line.
    for (int orientation = 0; orientation < 2; ++orientation) {
        for (int line = 0; line < 9; ++line) {
            for (int i = 0; i < 9; ++i) {
                const int p = orientation == 0 ? cell_at(line, i) : cell_at(i, line);
                if (digit_count(c.mask(p)) != 2) continue;
                for (int j = i + 1; j < 9; ++j) {
                    const int q = orientation == 0 ? cell_at(line, j) : cell_at(j, line);
                    if (c.mask(q) != c.mask(p)) continue;
                    const DigitMask ab = c.mask(p);
                    const bool same_box = box_of(p) == box_of(q);
                    for (int other = 0; other < 9; ++other) {
                        if (other == line || ((other / 3 == line / 3) == same_box)) continue;  // exactly two boxes
                        const int r = orientation == 0 ? cell_at(other, i) : cell_at(i, other);
                        const int s = orientation == 0 ? cell_at(other, j) : cell_at(j, other);
                        if ((c.mask(r) & ab) != ab || (c.mask(s) & ab) != ab) continue;
                        if (rectangle(c, a, {p, q, r, s}, ab, step)) return true;
                    }
                }
            }
        }
    }
    return false;
}

bool find_bug(const Candidates& c, const Analysis& a, Step& step) {
    // Every empty cell bivalue but a few with three candidates (the extra cells).
    CellSet extra;
    bool ok = true;
    a.empty.for_each([&](int x) {
        const int k = digit_count(c.mask(x));
        if (k == 3) extra.set(x); else if (k != 2) ok = false;
    });
    if (!ok || extra.empty() || extra.count() > 6) return false;
    DigitMask common = kAllDigits;
    extra.for_each([&](int x) { common &= c.mask(x); });
    for (DigitMask m = common; m; m &= static_cast<DigitMask>(m - 1)) {
        const int d = first_digit(m);
        // Without d in the extra cells, would every digit sit exactly twice (or never) in
        // every house? Then that grid has 0 or 2+ solutions, so some extra cell is d.
        bool grave = true;
        for (int h = 0; h < 27 && grave; ++h) {
            for (int e = 1; e <= 9 && grave; ++e) {
                unsigned w = a.where[static_cast<std::size_t>(h)][static_cast<std::size_t>(e)];
                if (e == d) {
                    for (int i = 0; i < 9; ++i) {
                        if (extra.test(house_cell(h, i))) w &= ~(1u << i);
                    }
                }
                const int k = bits9(w);
                grave = k == 0 || k == 2;
            }
        }
        if (!grave) continue;
        step = Step{};
        step.technique = Technique::bug;
        step.digits = digit_bit(d);
        extra.for_each([&](int x) { step.cells.push_back(u8(x)); });
        if (extra.count() == 1) {  // BUG+1: the extra cell is d
            step.rating = 56;
            step.placements = {{step.cells[0], u8(d)}};
            return true;
        }
        // BUG type 2: one of the extra cells is d, so d leaves every cell seeing them all.
        CellSet targets = a.digit_cells[static_cast<std::size_t>(d)] - extra;
        extra.for_each([&](int x) { targets &= peer_sets()[static_cast<std::size_t>(x)]; });
        if (targets.empty()) continue;
        step.rating = 57;
        targets.for_each([&](int t) { step.eliminations.push_back({u8(t), u8(d)}); });
        return true;
    }
    return false;
}

}  // namespace astradia::sudoku
