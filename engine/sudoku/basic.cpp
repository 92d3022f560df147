// Purpose: the basic technique finders: singles, locked candidates (pointing,
// claiming), naked and hidden subsets, basic fish (see techniques.hpp).
#include <array>

#include "engine/sudoku/techniques.hpp"

namespace astradia::sudoku {
namespace {

int bit_count(unsigned v) { return bits9(v); }
int low_bit(unsigned v) { return std::countr_zero(v); }

void single(Step& step, Technique t, int rating, int cell, int digit, int house) {
    step = Step{};
    step.technique = t;
    step.rating = rating;
    step.cells = {static_cast<std::uint8_t>(cell)};
    step.digits = digit_bit(digit);
    if (house >= 0) step.houses = {static_cast<std::uint8_t>(house)};
    step.placements = {{static_cast<std::uint8_t>(cell), static_cast<std::uint8_t>(digit)}};
}

// Adds the eliminations of `digit` from `cells` to the step; returns how many.
int eliminate_digit(Step& step, const CellSet& cells, int digit) {
    int n = 0;
    cells.for_each([&](int c) {
        step.eliminations.push_back({static_cast<std::uint8_t>(c), static_cast<std::uint8_t>(digit)});
        ++n;
    });
    return n;
}

// Calls visit(chosen, count) for every k-subset of items[0..n) in lexicographic order,
// pruning a branch as soon as keep(chosen, count) says so. Stops when visit returns true.
template <typename Keep, typename Visit>
bool choose(int n, int k, std::array<int, 9>& chosen, int depth, int from, Keep&& keep, Visit&& visit) {
    if (depth == k) return visit(depth);
    for (int i = from; i <= n - (k - depth); ++i) {
        chosen[static_cast<std::size_t>(depth)] = i;
        if (!keep(depth + 1)) continue;
        if (choose(n, k, chosen, depth + 1, i + 1, keep, visit)) return true;
    }
    return false;
}

}  // namespace

// The singles read only the candidates (not the analysis), so the step search can try
// them before it analyses anything.
bool find_full_house(const Candidates& c, const Analysis& a, Step& step) {
    (void)a;
    for (int h = 0; h < 27; ++h) {
        int empty = -1, count = 0;
        DigitMask placed = 0;
        for (int i = 0; i < 9; ++i) {
            const int x = house_cell(h, i);
            if (c.values[x]) {
                placed |= digit_bit(c.values[x]);
            } else {
                empty = x;
                ++count;
            }
        }
        if (count != 1) continue;
        const DigitMask missing = static_cast<DigitMask>(kAllDigits & ~placed);
        if (digit_count(missing) != 1 || !(c.mask(empty) & missing)) continue;  // a broken grid
        single(step, Technique::full_house, 10, empty, first_digit(missing), h);
        return true;
    }
    return false;
}

bool find_hidden_single(const Candidates& c, const Analysis& a, bool boxes, Step& step) {
    (void)a;
    const int from = boxes ? 18 : 0, to = boxes ? 27 : 18;
    for (int h = from; h < to; ++h) {
        DigitMask once = 0, twice = 0;
        for (int i = 0; i < 9; ++i) {
            const DigitMask m = c.mask(house_cell(h, i));
            twice |= once & m;
            once |= m;
        }
        for (DigitMask single_digits = static_cast<DigitMask>(once & ~twice); single_digits;
             single_digits &= static_cast<DigitMask>(single_digits - 1)) {
            const int d = first_digit(single_digits);
            int cell = -1;
            for (int i = 0; i < 9 && cell < 0; ++i) {
                if (c.has(house_cell(h, i), d)) cell = house_cell(h, i);
            }
            if (digit_count(c.mask(cell)) == 1) continue;  // a naked single too: leave it to that finder
            single(step, Technique::hidden_single, boxes ? 12 : 15, cell, d, h);
            return true;
        }
    }
    return false;
}

bool find_naked_single(const Candidates& c, const Analysis& a, Step& step) {
    (void)a;
    for (int cell = 0; cell < kCells; ++cell) {
        if (c.values[cell] == 0 && digit_count(c.mask(cell)) == 1) {
            single(step, Technique::naked_single, 23, cell, first_digit(c.mask(cell)), -1);
            return true;
        }
    }
    return false;
}

bool find_pointing(const Candidates& c, const Analysis& a, Step& step) {
    (void)c;
    static constexpr unsigned kRows[3] = {0x007, 0x038, 0x1C0};
    static constexpr unsigned kCols[3] = {0x049, 0x092, 0x124};
    for (int h = 18; h < 27; ++h) {
        for (int d = 1; d <= 9; ++d) {
            const unsigned w = a.where[static_cast<std::size_t>(h)][static_cast<std::size_t>(d)];
            if (bit_count(w) < 2) continue;
            for (int i = 0; i < 3; ++i) {
                int line = -1;
                const int first = house_cell(h, low_bit(w));
                if ((w & ~kRows[i]) == 0) line = row_of(first);
                if ((w & ~kCols[i]) == 0) line = 9 + col_of(first);
                if (line < 0) continue;
                const CellSet targets = (a.digit_cells[static_cast<std::size_t>(d)] &
                                         house_sets()[static_cast<std::size_t>(line)]) -
                                        house_sets()[static_cast<std::size_t>(h)];
                if (targets.empty()) continue;
                step = Step{};
                step.technique = Technique::pointing;
                step.rating = 26;
                step.digits = digit_bit(d);
                step.houses = {static_cast<std::uint8_t>(h), static_cast<std::uint8_t>(line)};
                for (unsigned m = w; m; m &= m - 1) step.cells.push_back(static_cast<std::uint8_t>(house_cell(h, low_bit(m))));
                eliminate_digit(step, targets, d);
                return true;
            }
        }
    }
    return false;
}

bool find_claiming(const Candidates& c, const Analysis& a, Step& step) {
    (void)c;
    static constexpr unsigned kThirds[3] = {0x007, 0x038, 0x1C0};
    for (int h = 0; h < 18; ++h) {
        for (int d = 1; d <= 9; ++d) {
            const unsigned w = a.where[static_cast<std::size_t>(h)][static_cast<std::size_t>(d)];
            if (bit_count(w) < 2) continue;
            for (unsigned third : kThirds) {
                if (w & ~third) continue;
                const int box = 18 + box_of(house_cell(h, low_bit(w)));
                const CellSet targets = (a.digit_cells[static_cast<std::size_t>(d)] &
                                         house_sets()[static_cast<std::size_t>(box)]) -
                                        house_sets()[static_cast<std::size_t>(h)];
                if (targets.empty()) continue;
                step = Step{};
                step.technique = Technique::claiming;
                step.rating = 28;
                step.digits = digit_bit(d);
                step.houses = {static_cast<std::uint8_t>(h), static_cast<std::uint8_t>(box)};
                for (unsigned m = w; m; m &= m - 1) step.cells.push_back(static_cast<std::uint8_t>(house_cell(h, low_bit(m))));
                eliminate_digit(step, targets, d);
                return true;
            }
        }
    }
    return false;
}

bool find_naked_subset(const Candidates& c, const Analysis& a, int size, Step& step) {
    (void)a;
    static constexpr Technique kTech[5] = {Technique::naked_pair, Technique::naked_pair, Technique::naked_pair,
                                           Technique::naked_triple, Technique::naked_quad};
    static constexpr int kRating[5] = {30, 30, 30, 36, 50};
    for (int h = 0; h < 27; ++h) {
        std::array<int, 9> cells{};
        int n = 0, empty = 0;
        for (int i = 0; i < 9; ++i) {
            const int cell = house_cell(h, i);
            const int k = digit_count(c.mask(cell));
            if (c.values[cell] == 0) ++empty;
            if (k >= 2 && k <= size) cells[static_cast<std::size_t>(n++)] = cell;
        }
        if (n < size || empty <= size) continue;
        std::array<int, 9> chosen{};
        std::array<DigitMask, 10> unions{};
        auto keep = [&](int depth) {
            const auto i = static_cast<std::size_t>(depth);
            unions[i] = static_cast<DigitMask>(unions[i - 1] | c.mask(cells[static_cast<std::size_t>(chosen[i - 1])]));
            return digit_count(unions[i]) <= size;
        };
        auto visit = [&](int depth) {
            const DigitMask digits = unions[static_cast<std::size_t>(depth)];
            if (digit_count(digits) != size) return false;
            CellSet subset;
            for (int i = 0; i < size; ++i) subset.set(cells[static_cast<std::size_t>(chosen[static_cast<std::size_t>(i)])]);
            Step s;
            s.technique = kTech[size];
            s.rating = kRating[size];
            s.digits = digits;
            s.houses = {static_cast<std::uint8_t>(h)};
            subset.for_each([&](int x) { s.cells.push_back(static_cast<std::uint8_t>(x)); });
            for (auto x : detail::kHouseCells[static_cast<std::size_t>(h)]) {
                if (subset.test(x)) continue;
                for (DigitMask m = c.mask(x) & digits; m; m &= static_cast<DigitMask>(m - 1)) {
                    s.eliminations.push_back({x, static_cast<std::uint8_t>(first_digit(m))});
                }
            }
            if (s.eliminations.empty()) return false;
            step = std::move(s);
            return true;
        };
        if (choose(n, size, chosen, 0, 0, keep, visit)) return true;
    }
    return false;
}

bool find_hidden_subset(const Candidates& c, const Analysis& a, int size, Step& step) {
    static constexpr Technique kTech[5] = {Technique::hidden_pair, Technique::hidden_pair, Technique::hidden_pair,
                                           Technique::hidden_triple, Technique::hidden_quad};
    static constexpr int kRating[5] = {34, 34, 34, 40, 54};
    for (int h = 0; h < 27; ++h) {
        const auto& where = a.where[static_cast<std::size_t>(h)];
        std::array<int, 9> digits{};
        int n = 0, missing = 0;
        for (int d = 1; d <= 9; ++d) {
            const int k = bit_count(where[static_cast<std::size_t>(d)]);
            if (k > 0) ++missing;
            if (k >= 2 && k <= size) digits[static_cast<std::size_t>(n++)] = d;
        }
        if (n < size || missing <= size) continue;
        std::array<int, 9> chosen{};
        std::array<unsigned, 10> unions{};
        auto keep = [&](int depth) {
            const auto i = static_cast<std::size_t>(depth);
            unions[i] = unions[i - 1] | where[static_cast<std::size_t>(digits[static_cast<std::size_t>(chosen[i - 1])])];
            return bit_count(unions[i]) <= size;
        };
        auto visit = [&](int depth) {
            const unsigned places = unions[static_cast<std::size_t>(depth)];
            if (bit_count(places) != size) return false;
            DigitMask set = 0;
            for (int i = 0; i < size; ++i) set |= digit_bit(digits[static_cast<std::size_t>(chosen[static_cast<std::size_t>(i)])]);
            Step s;
            s.technique = kTech[size];
            s.rating = kRating[size];
            s.digits = set;
            s.houses = {static_cast<std::uint8_t>(h)};
            for (unsigned m = places; m; m &= m - 1) {
                const auto x = static_cast<std::uint8_t>(house_cell(h, low_bit(m)));
                s.cells.push_back(x);
                for (DigitMask o = static_cast<DigitMask>(c.mask(x) & ~set); o; o &= static_cast<DigitMask>(o - 1)) {
                    s.eliminations.push_back({x, static_cast<std::uint8_t>(first_digit(o))});
                }
            }
            if (s.eliminations.empty()) return false;
            step = std::move(s);
            return true;
        };
        if (choose(n, size, chosen, 0, 0, keep, visit)) return true;
    }
    return false;
}

bool find_fish(const Candidates& c, const Analysis& a, int size, Step& step) {
    (void)c;
    static constexpr Technique kTech[5] = {Technique::x_wing, Technique::x_wing, Technique::x_wing,
                                           Technique::swordfish, Technique::jellyfish};
    static constexpr int kRating[5] = {32, 32, 32, 38, 52};
    for (int d = 1; d <= 9; ++d) {
        const CellSet& cells_d = a.digit_cells[static_cast<std::size_t>(d)];
        for (int base_kind = 0; base_kind < 2; ++base_kind) {  // 0: rows are the base, 1: columns
            const int base0 = base_kind == 0 ? 0 : 9, cover0 = base_kind == 0 ? 9 : 0;
            std::array<int, 9> lines{};
            int n = 0;
            for (int i = 0; i < 9; ++i) {
                const int k = bit_count(a.where[static_cast<std::size_t>(base0 + i)][static_cast<std::size_t>(d)]);
                if (k >= 2 && k <= size) lines[static_cast<std::size_t>(n++)] = i;
            }
            if (n < size) continue;
            std::array<int, 9> chosen{};
            std::array<unsigned, 10> unions{};
            auto keep = [&](int depth) {
                const auto i = static_cast<std::size_t>(depth);
                unions[i] = unions[i - 1] |
                            a.where[static_cast<std::size_t>(base0 + lines[static_cast<std::size_t>(chosen[i - 1])])]
                                   [static_cast<std::size_t>(d)];
                return bit_count(unions[i]) <= size;
            };
            auto visit = [&](int depth) {
                const unsigned cover = unions[static_cast<std::size_t>(depth)];
                if (bit_count(cover) != size) return false;
                CellSet base_cells, cover_cells;
                Step s;
                s.technique = kTech[size];
                s.rating = kRating[size];
                s.digits = digit_bit(d);
                for (int i = 0; i < size; ++i) {
                    const int line = base0 + lines[static_cast<std::size_t>(chosen[static_cast<std::size_t>(i)])];
                    base_cells |= house_sets()[static_cast<std::size_t>(line)];
                    s.houses.push_back(static_cast<std::uint8_t>(line));
                }
                for (unsigned m = cover; m; m &= m - 1) {
                    const int line = cover0 + low_bit(m);
                    cover_cells |= house_sets()[static_cast<std::size_t>(line)];
                    s.houses.push_back(static_cast<std::uint8_t>(line));
                }
                const CellSet targets = (cells_d & cover_cells) - base_cells;
                if (targets.empty()) return false;
                (cells_d & base_cells).for_each([&](int x) { s.cells.push_back(static_cast<std::uint8_t>(x)); });
                eliminate_digit(s, targets, d);
                step = std::move(s);
                return true;
            };
            if (choose(n, size, chosen, 0, 0, keep, visit)) return true;
        }
    }
    return false;
}

int chain_length_bonus(int length) {
    int added = 0, ceiling = 4;
    bool odd = false;
    while (length > ceiling) {
        ++added;
        ceiling = odd ? ceiling * 4 / 3 : ceiling * 3 / 2;
        odd = !odd;
    }
    return added;
}

}  // namespace astradia::sudoku
