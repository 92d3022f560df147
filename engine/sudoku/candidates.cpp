// Purpose: the candidate grid, cell-set geometry and the per-search analysis (see
// candidates.hpp).
#include "engine/sudoku/candidates.hpp"

namespace astradia::sudoku {
namespace {

DigitMask seen_digits(const Grid& grid, int cell) {
    DigitMask seen = 0;
    for (auto p : peers()[static_cast<std::size_t>(cell)]) {
        if (grid[p] >= 1 && grid[p] <= 9) seen |= digit_bit(grid[p]);
    }
    return seen;
}

}  // namespace

void Candidates::place(int cell, int digit) {
    values[cell] = static_cast<std::uint8_t>(digit);
    masks[static_cast<std::size_t>(cell)] = 0;
    const DigitMask keep = static_cast<DigitMask>(~digit_bit(digit));
    for (auto p : peers()[static_cast<std::size_t>(cell)]) masks[p] &= keep;
}

bool Candidates::eliminate(int cell, int digit) {
    DigitMask& m = masks[static_cast<std::size_t>(cell)];
    const bool had = (m & digit_bit(digit)) != 0;
    m &= static_cast<DigitMask>(~digit_bit(digit));
    return had;
}

bool Candidates::broken() const {
    for (const auto& house : detail::kHouseCells) {
        DigitMask placed = 0, possible = 0;
        for (auto c : house) {
            const int v = values[c];
            if (v != 0) {
                if (placed & digit_bit(v)) return true;
                placed |= digit_bit(v);
            } else {
                if (masks[c] == 0) return true;
                possible |= masks[c];
            }
        }
        if ((placed | possible) != kAllDigits) return true;
    }
    return false;
}

Candidates candidates_of(const Grid& grid) {
    Candidates out;
    for (int c = 0; c < kCells; ++c) {
        const int v = grid[c];
        if (v >= 1 && v <= 9) {
            out.values[c] = static_cast<std::uint8_t>(v);
        } else {
            out.masks[static_cast<std::size_t>(c)] = static_cast<DigitMask>(kAllDigits & ~seen_digits(grid, c));
        }
    }
    return out;
}

Candidates candidates_with_notes(const Grid& grid, const std::array<std::uint16_t, kCells>& notes) {
    Candidates out = candidates_of(grid);
    for (int c = 0; c < kCells; ++c) {
        const DigitMask n = static_cast<DigitMask>(notes[static_cast<std::size_t>(c)] & kAllDigits);
        if (out.values[c] == 0 && n != 0) out.masks[static_cast<std::size_t>(c)] &= n;
    }
    return out;
}

Analysis analyze(const Candidates& cands) {
    Analysis a;
    for (int c = 0; c < kCells; ++c) {
        DigitMask m = cands.masks[static_cast<std::size_t>(c)];
        if (cands.values[c] != 0) continue;
        a.empty.set(c);
        const int r = row_of(c), col = col_of(c), b = box_of(c);
        const auto row_bit = static_cast<std::uint16_t>(1u << col), col_bit = static_cast<std::uint16_t>(1u << r);
        const auto box_bit = static_cast<std::uint16_t>(1u << ((r % 3) * 3 + col % 3));
        auto& wr = a.where[static_cast<std::size_t>(r)];
        auto& wc = a.where[static_cast<std::size_t>(9 + col)];
        auto& wb = a.where[static_cast<std::size_t>(18 + b)];
        for (; m; m &= static_cast<DigitMask>(m - 1)) {
            const auto d = static_cast<std::size_t>(first_digit(m));
            a.digit_cells[d].set(c);
            wr[d] |= row_bit;
            wc[d] |= col_bit;
            wb[d] |= box_bit;
        }
    }
    return a;
}

}  // namespace astradia::sudoku
