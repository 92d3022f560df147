// Purpose: the band-based bitboard Sudoku solver (see solver.hpp; design notes in
// docs/DECISIONS.md "Sudoku solver").
//
// Representation: for each digit d and band b (three rows), a 27-bit mask of the cells
// of the band where d can still go; bit (row % 3) * 9 + column, so cell c of the grid is
// bit c % 27 of band c / 27. A placed digit keeps its own bit and is removed from the
// other digits. Propagation works on one (digit, band) mask at a time:
//   - the band's nine "triads" (a row inside a box) must hold the digit in a pattern
//     where each of the three rows and each of the three boxes gets it exactly once (one
//     of six permutations); a table keeps only triads that belong to such a pattern,
//     which covers pointing and claiming (locked candidates) along rows, and hidden
//     singles in rows and boxes;
//   - a row of the band left with one cell places the digit there: the cell leaves the
//     other digits of the band and its column leaves the other two bands;
// then naked singles (cells with one candidate) and empty cells are found for all 27
// cells of a band at once by counting candidates bit-sliced over the nine digits.
// Search: depth first, branching on a cell with two candidates when there is one.
#include "engine/sudoku/solver.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <utility>

#if defined(__AVX2__)
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace astradia::sudoku {
namespace {

using u32 = std::uint32_t;

constexpr u32 kBand = 0x7FFFFFF;  // the 27 cells of a band

// The triads of a 9-bit row: bit s set when the row has a candidate in box column s.
constexpr std::array<std::uint8_t, 512> make_triads() {
    std::array<std::uint8_t, 512> t{};
    for (u32 x = 0; x < 512; ++x) {
        t[x] = static_cast<std::uint8_t>(((x & 7) != 0) | (((x >> 3) & 7) != 0) << 1 | (((x >> 6) & 7) != 0) << 2);
    }
    return t;
}

// For a 3x3 pattern of possible (row, box) meetings of one digit (bit r * 3 + s), the
// meetings that belong to some valid placement, where each row and each box is used
// exactly once (one of six permutations); 0 when there is none. The same table serves
// columns against bands (bit b * 3 + j: column j of a stack meets band b).
constexpr std::array<std::uint16_t, 512> make_keep() {
    constexpr int perms[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    std::array<std::uint16_t, 512> t{};
    for (u32 pattern = 0; pattern < 512; ++pattern) {
        u32 keep = 0;
        for (const auto& p : perms) {
            const u32 used = 1u << p[0] | 1u << (3 + p[1]) | 1u << (6 + p[2]);
            if ((pattern & used) == used) keep |= used;
        }
        t[pattern] = static_cast<std::uint16_t>(keep);
    }
    return t;
}
constexpr auto kKeep = make_keep();

// kKeep for the triads of a band, spread to the 27 cells of the kept triads.
constexpr std::array<u32, 512> make_complex() {
    std::array<u32, 512> t{};
    for (u32 pattern = 0; pattern < 512; ++pattern) {
        u32 cells = 0;
        for (int triad = 0; triad < 9; ++triad) {
            if (kKeep[pattern] >> triad & 1) cells |= 7u << ((triad / 3) * 9 + (triad % 3) * 3);
        }
        t[pattern] = cells;
    }
    return t;
}

// kKeep for a stack, spread to the "columns of each band" word: bit b * 9 + j.
constexpr std::array<u32, 512> make_stack_keep() {
    std::array<u32, 512> t{};
    for (u32 pattern = 0; pattern < 512; ++pattern) {
        const u32 k = kKeep[pattern];
        t[pattern] = (k & 7) | (k & 0x38) << 6 | (k & 0x1C0) << 12;
    }
    return t;
}

// The cells of a band that see position p (same row or same box), p excluded.
constexpr std::array<u32, 27> make_band_peers() {
    std::array<u32, 27> t{};
    for (int p = 0; p < 27; ++p) {
        const int row = p / 9, col = p % 9;
        u32 m = 511u << (row * 9);
        for (int r = 0; r < 3; ++r) m |= 7u << (r * 9 + (col / 3) * 3);
        t[static_cast<std::size_t>(p)] = m & ~(1u << p);
    }
    return t;
}

constexpr auto kTriads = make_triads();
constexpr auto kComplex = make_complex();
constexpr auto kStackKeep = make_stack_keep();
constexpr auto kBandPeers = make_band_peers();

// All cells of the rows in a 3-bit set of rows.
constexpr u32 kRowCells[8] = {0, 0x1FF, 0x3FE00, 0x3FFFF, 0x7FC0000, 0x7FC01FF, 0x7FFFE00, 0x7FFFFFF};

// The columns of a band mask, spread back to the three rows of a band.
constexpr u32 columns_of(u32 cells) {
    const u32 cols = (cells | cells >> 9 | cells >> 18) & 0x1FF;
    return cols | cols << 9 | cols << 18;
}

// Bit r set when row r of the 27-bit mask has exactly one cell (rows are never empty
// after the triad filter).
inline u32 single_rows(u32 a) {
    const u32 r0 = a & 0x1FF, r1 = (a >> 9) & 0x1FF, r2 = a >> 18;
    return static_cast<u32>((r0 & (r0 - 1)) == 0) | static_cast<u32>((r1 & (r1 - 1)) == 0) << 1 |
           static_cast<u32>((r2 & (r2 - 1)) == 0) << 2;
}

// Index helpers for cand[d * 3 + b]: the digit, the band, and the same digit's other two bands.
constexpr std::array<std::uint8_t, 27> make_index(int what) {
    std::array<std::uint8_t, 27> t{};
    for (int i = 0; i < 27; ++i) {
        const int d = i / 3, b = i % 3;
        t[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(what == 0 ? d : what == 1 ? b : d * 3 + (b + what - 1) % 3);
    }
    return t;
}
constexpr auto kDigitOf = make_index(0);
constexpr auto kBandOf = make_index(1);
constexpr auto kNextBand = make_index(2);  // same digit, band b + 1
constexpr auto kLastBand = make_index(3);  // same digit, band b + 2

// Bit i set where a[i] != b[i], for i < 28 (arrays of 28, 16-byte aligned; entry 27 is padding).
inline u32 differ(const u32* a, const u32* b) {
#if defined(__AVX2__)
    u32 eq = 0;
    for (int k = 0; k < 3; ++k) {
        const __m256i x = _mm256_load_si256(reinterpret_cast<const __m256i*>(a) + k);
        const __m256i y = _mm256_load_si256(reinterpret_cast<const __m256i*>(b) + k);
        eq |= static_cast<u32>(_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(x, y)))) << (8 * k);
    }
    const __m128i x = _mm_load_si128(reinterpret_cast<const __m128i*>(a) + 6);
    const __m128i y = _mm_load_si128(reinterpret_cast<const __m128i*>(b) + 6);
    eq |= static_cast<u32>(_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(x, y)))) << 24;
    return ~eq & 0x7FFFFFF;
#elif defined(__SSE2__)
    u32 eq = 0;
    for (int k = 0; k < 7; ++k) {
        const __m128i x = _mm_load_si128(reinterpret_cast<const __m128i*>(a) + k);
        const __m128i y = _mm_load_si128(reinterpret_cast<const __m128i*>(b) + k);
        eq |= static_cast<u32>(_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(x, y)))) << (4 * k);
    }
    return ~eq & 0x7FFFFFF;
#elif defined(__wasm_simd128__)
    u32 eq = 0;
    for (int k = 0; k < 7; ++k) {
        const v128_t x = wasm_v128_load(a + 4 * k);
        const v128_t y = wasm_v128_load(b + 4 * k);
        eq |= static_cast<u32>(wasm_i32x4_bitmask(wasm_i32x4_eq(x, y))) << (4 * k);
    }
    return ~eq & 0x7FFFFFF;
#else
    u32 m = 0;
    for (int i = 0; i < 27; ++i) m |= static_cast<u32>(a[i] != b[i]) << i;
    return m;
#endif
}

struct Board {
    alignas(32) u32 cand[28];   // index d * 3 + b; [27] is padding
    alignas(32) u32 seen[28];   // cand as its band rule last saw it (equal at a fixed point)
    alignas(32) u32 vseen[28];  // cand as its column rule last saw it
    u32 unsolved[3];  // cells of band b without a placed digit
    u32 urows[3];     // band b: bit d * 3 + r set while row r of the band lacks digit d

    // Puts digit d at position p of band b: the cell's row and box peers in the band
    // and its column in the other bands lose d. Propagation then places it.
    void assign(int d, int b, int p) {
        const int i = d * 3 + b;
        cand[i] &= ~kBandPeers[static_cast<std::size_t>(p)];
        const u32 col = columns_of(1u << p);
        cand[kNextBand[static_cast<std::size_t>(i)]] &= ~col;
        cand[kLastBand[static_cast<std::size_t>(i)]] &= ~col;
    }

    bool solved() const { return (unsolved[0] | unsolved[1] | unsolved[2]) == 0; }

    // Bit i set where cand[i] differs from snapshot[i].
    u32 changed(const u32* snapshot) const { return differ(cand, snapshot); }
};

// Loads a puzzle; false when its givens contradict each other or a value is above 9.
bool load(const Grid& puzzle, Board& s) {
    u32 givens[3] = {0, 0, 0};
    u32 own[27] = {};
    for (int i = 0; i < 28; ++i) {
        s.cand[i] = i < 27 ? kBand : 0;
        s.seen[i] = s.cand[i];
        s.vseen[i] = s.cand[i];
    }
    for (int cell = 0; cell < kCells; ++cell) {
        const int v = puzzle[cell];
        if (v == 0) continue;
        if (v > 9) return false;
        const int b = cell / 27, p = cell % 27;
        givens[b] |= 1u << p;
        own[(v - 1) * 3 + b] |= 1u << p;
        s.assign(v - 1, b, p);
    }
    for (int i = 0; i < 27; ++i) {
        s.cand[i] &= ~givens[kBandOf[static_cast<std::size_t>(i)]] | own[i];
        if ((s.cand[i] & own[i]) != own[i]) return false;  // a given lost its own digit: a repeat
    }
    for (int b = 0; b < 3; ++b) {
        s.unsolved[b] = kBand;
        s.urows[b] = kBand;
    }
    return true;
}

// One (digit, band) mask against the row/box rule of its band; places the digit in rows
// left with one cell. False on a contradiction.
inline bool update_band(Board& s, int i) {
    const u32 before = s.cand[i];
    const u32 pattern = kTriads[before & 0x1FF] | kTriads[(before >> 9) & 0x1FF] << 3 | kTriads[before >> 18] << 6;
    const u32 a = before & kComplex[pattern];
    if (a == 0) return false;
    const int d = kDigitOf[static_cast<std::size_t>(i)], b = kBandOf[static_cast<std::size_t>(i)];
    const u32 rows = single_rows(a) & (s.urows[b] >> (d * 3)) & 7;
    {
        const u32 placed = a & kRowCells[rows];
        s.urows[b] &= ~(rows << (d * 3));
        s.unsolved[b] &= ~placed;
        for (int e = b; e < 27; e += 3) s.cand[e] &= ~placed;  // the cells leave every digit ...
        const u32 col = columns_of(placed);
        s.cand[kNextBand[static_cast<std::size_t>(i)]] &= ~col;
        s.cand[kLastBand[static_cast<std::size_t>(i)]] &= ~col;
    }
    s.cand[i] = a;  // ... but their own
    s.seen[i] = a;
    return true;
}

// Digit d against the column/box rule of each stack: each column of a stack meets the
// digit in one band, each band in one column (pointing and claiming along columns),
// and a column left with one open cell places the digit. False on a contradiction.
inline bool update_columns(Board& s, int d) {
    u32* cand = s.cand + d * 3;
    const u32 a0 = cand[0], a1 = cand[1], a2 = cand[2];
    const u32 c0 = (a0 | a0 >> 9 | a0 >> 18) & 0x1FF;
    const u32 c1 = (a1 | a1 >> 9 | a1 >> 18) & 0x1FF;
    const u32 c2 = (a2 | a2 >> 9 | a2 >> 18) & 0x1FF;
    const u32 w = c0 | c1 << 9 | c2 << 18;  // bit b * 9 + column
    u32 allowed = 0;
    for (int k = 0; k < 3; ++k) {
        const u32 x = (w >> (3 * k)) & 0x1C0E07;
        const u32 keep = kStackKeep[(x & 7) | (x >> 6 & 0x38) | (x >> 12 & 0x1C0)];
        if (keep == 0) return false;
        allowed |= keep << (3 * k);
    }
    const u32 k0 = allowed & 0x1FF, k1 = allowed >> 9 & 0x1FF, k2 = allowed >> 18;
    const u32 only[3] = {k0 & ~k1 & ~k2, k1 & ~k0 & ~k2, k2 & ~k0 & ~k1};
    const u32 keep[3] = {k0, k1, k2};
    for (int b = 0; b < 3; ++b) {
        const u32 a = cand[b] & keep[b] * 0x40201u;
        cand[b] = a;
        // Columns locked to this band whose open cells are down to one.
        const u32 r0 = a & 0x1FF, r1 = a >> 9 & 0x1FF, r2 = a >> 18;
        const u32 one = (r0 ^ r1 ^ r2) & ~(r0 & r1 & r2);
        u32 cells = a & (only[b] & one) * 0x40201u & s.unsolved[b];
        while (cells) {
            const int p = std::countr_zero(cells);
            cells &= cells - 1;
            if (cand[b] >> p & 1) cand[b] &= ~kBandPeers[static_cast<std::size_t>(p)];
        }
        s.vseen[d * 3 + b] = cand[b];
    }
    return true;
}

// Naked singles and empty cells, a band at a time. False on a contradiction.
inline bool naked_singles(Board& s) {
    for (int b = 0; b < 3; ++b) {
        const u32 open = s.unsolved[b];
        if (open == 0) continue;
        u32 ones = 0, twos = 0;
        for (int d = 0; d < 9; ++d) {
            const u32 x = s.cand[d * 3 + b];
            twos |= ones & x;
            ones |= x;
        }
        if (open & ~ones) return false;
        u32 singles = open & ~twos;
        while (singles) {
            const int p = std::countr_zero(singles);
            singles &= singles - 1;
            int d = 0;
            while (d < 9 && !(s.cand[d * 3 + b] >> p & 1)) ++d;
            if (d == 9) return false;  // an earlier single in this pass took its last digit
            s.assign(d, b, p);
        }
    }
    return true;
}

// Propagates to a fixed point. False on a contradiction.
bool propagate(Board& s) {
    for (;;) {
        if (u32 dirty = s.changed(s.seen)) {
            do {
                const int i = std::countr_zero(dirty);
                dirty &= dirty - 1;
                if (!update_band(s, i)) return false;
            } while (dirty);
            continue;
        }
        if (u32 vdirty = s.changed(s.vseen)) {
            for (u32 digits = (vdirty | vdirty >> 1 | vdirty >> 2) & 0x1249249; digits; digits &= digits - 1) {
                if (!update_columns(s, kDigitOf[static_cast<std::size_t>(std::countr_zero(digits))])) return false;
            }
            continue;
        }
        if (!naked_singles(s)) return false;
        if (s.changed(s.seen) == 0) return true;
    }
}

// A cell to branch on: the first one with two candidates, else one with the fewest.
// Returns band * 27 + position, and the candidate digits as a 9-bit mask.
// A cell to branch on: among cells with two candidates, the one that sees the most open
// cells (both branches then reach furthest); without such cells, one with the fewest
// candidates. Returns band * 27 + position, and the candidate digits as a 9-bit mask.
int pick_cell(const Board& s, u32& digits) {
    u32 pairs[3] = {0, 0, 0};
    for (int b = 0; b < 3; ++b) {
        u32 ones = 0, twos = 0, threes = 0;
        for (int d = 0; d < 9; ++d) {
            const u32 x = s.cand[d * 3 + b];
            threes |= twos & x;
            twos |= ones & x;
            ones |= x;
        }
        pairs[b] = s.unsolved[b] & twos & ~threes;
    }
    int best = -1;
    if (pairs[0] | pairs[1] | pairs[2]) {
        int best_score = -1;
        for (int b = 0; b < 3; ++b) {
            for (u32 m = pairs[b]; m; m &= m - 1) {
                const int p = std::countr_zero(m);
                const u32 col = columns_of(1u << p);
                const int score = std::popcount(s.unsolved[b] & kBandPeers[static_cast<std::size_t>(p)]) +
                                  std::popcount(s.unsolved[(b + 1) % 3] & col) +
                                  std::popcount(s.unsolved[(b + 2) % 3] & col);
                if (score > best_score) {
                    best_score = score;
                    best = b * 27 + p;
                }
            }
        }
    } else {
        int best_count = 10;
        for (int b = 0; b < 3; ++b) {
            for (u32 rest = s.unsolved[b]; rest; rest &= rest - 1) {
                const int p = std::countr_zero(rest);
                int n = 0;
                for (int d = 0; d < 9; ++d) n += s.cand[d * 3 + b] >> p & 1;
                if (n < best_count) {
                    best_count = n;
                    best = b * 27 + p;
                }
            }
        }
    }
    digits = 0;
    const int b = best / 27, p = best % 27;
    for (int d = 0; d < 9; ++d) digits |= (s.cand[d * 3 + b] >> p & 1) << d;
    return best;
}

void extract(const Board& s, Grid& out) {
    for (int d = 0; d < 9; ++d) {
        for (int b = 0; b < 3; ++b) {
            for (u32 m = s.cand[d * 3 + b]; m; m &= m - 1) out[b * 27 + std::countr_zero(m)] = static_cast<std::uint8_t>(d + 1);
        }
    }
}

struct Search {
    int limit = 1;
    int count = 0;
    Grid* first = nullptr;
};

void search(Board& s, Search& ctx) {
    for (;;) {
        if (!propagate(s)) return;
        if (s.solved()) {
            if (++ctx.count == 1 && ctx.first != nullptr) extract(s, *ctx.first);
            return;
        }
        u32 digits = 0;
        const int cell = pick_cell(s, digits);
        const int b = cell / 27, p = cell % 27;
        const int d = std::countr_zero(digits);
        Board child = s;
        child.assign(d, b, p);
        search(child, ctx);
        if (ctx.count >= ctx.limit) return;
        s.cand[d * 3 + b] &= ~(1u << p);  // d is not the digit of this cell: carry on without it
    }
}

}  // namespace

int count_solutions(const Grid& puzzle, int limit, Grid* first) {
    if (limit <= 0) return 0;
    Board s;
    if (!load(puzzle, s)) return 0;
    Search ctx;
    ctx.limit = limit;
    ctx.first = first;
    search(s, ctx);
    return ctx.count;
}

std::optional<Grid> solve(const Grid& puzzle) {
    Grid solution;
    if (count_solutions(puzzle, 1, &solution) == 0) return std::nullopt;
    return solution;
}

// Fills the empty cells in row-major order, each with a digit drawn at random among
// those that keep the grid solvable. Which digits keep it solvable is a fact about the
// grid, not about how the solver searches, so tuning the solver never changes the grid a
// seed gives (shared links and daily puzzles rely on that).
std::optional<Grid> random_solution(const Grid& partial, Rng& rng) {
    Grid grid = partial;
    Grid solution;  // a completion of `grid`, kept up to date
    if (count_solutions(grid, 1, &solution) == 0) return std::nullopt;
    for (int cell = 0; cell < kCells; ++cell) {
        if (grid[cell] != 0) continue;
        std::uint8_t digits[9];
        std::uint32_t n = 0;
        unsigned used = 0;
        for (auto p : peers()[static_cast<std::size_t>(cell)]) used |= 1u << grid[p];
        for (std::uint8_t d = 1; d <= 9; ++d) {
            if (!(used >> d & 1)) digits[n++] = d;
        }
        for (std::uint32_t i = 0; i < n; ++i) {  // try them in a random order
            const std::uint32_t j = i + rng.below(n - i);
            std::swap(digits[i], digits[j]);
            grid[cell] = digits[i];
            if (digits[i] == solution[cell]) break;  // the known completion agrees
            if (count_solutions(grid, 1, &solution) == 1) break;
        }
    }
    return grid;
}

}  // namespace astradia::sudoku
