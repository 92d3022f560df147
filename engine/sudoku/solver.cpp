// Purpose: the band-based bitboard Sudoku solver (see solver.hpp; design notes in
// docs/DECISIONS.md "Sudoku solver").
//
// Representation: for each digit, where it can still go, as one 4-lane vector of 32-bit
// masks: lane b is band b (three rows), bit (row % 3) * 9 + column, so grid cell c is bit
// c % 27 of lane c / 27; lane 3 stays 0. A placed digit keeps its cell; the cell leaves
// the other digits. Propagation works a digit at a time, on its three bands at once:
//   - the band rule: in a band, the digit's "triads" (a row inside a box) must form one
//     of six permutations (each row and each box once); a triad survives when the other
//     two rows can take the other two boxes. This gives locked candidates along rows and
//     hidden singles in rows and boxes;
//   - the same rule for the columns of each stack against the bands (locked candidates
//     along columns, hidden singles in columns);
//   - a row, or a column, left with one open cell places the digit there;
// then naked singles and empty cells come from counting candidates bit-sliced over the
// nine digits, 81 cells at once. Search: depth first on the two-candidate cell that sees
// the most open cells. The vectors are GCC/Clang vector extensions: SSE2/AVX natively,
// WebAssembly SIMD in wasm (-msimd128), plain scalar code where there is no SIMD; every
// path computes the same bits.
#include "engine/sudoku/solver.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <utility>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE4_1__)
#include <smmintrin.h>
#endif

namespace astradia::sudoku {
namespace {

using u32 = std::uint32_t;
using u64 = std::uint64_t;

// Four 32-bit lanes: lane b holds band b (three rows, bit (row % 3) * 9 + column);
// lane 3 is always 0.
typedef u32 v4 __attribute__((vector_size(16)));
typedef u64 v2 __attribute__((vector_size(16)));
typedef std::int32_t v4s __attribute__((vector_size(16)));  // what lane comparisons give

#if defined(__clang__)
inline v4 next_band(v4 v) { return __builtin_shufflevector(v, v, 1, 2, 0, 3); }
inline v4 last_band(v4 v) { return __builtin_shufflevector(v, v, 2, 0, 1, 3); }
#else
inline v4 next_band(v4 v) { return __builtin_shuffle(v, v4{1, 2, 0, 3}); }
inline v4 last_band(v4 v) { return __builtin_shuffle(v, v4{2, 0, 1, 3}); }
#endif

inline v4 splat(u32 x) { return v4{x, x, x, 0}; }
inline bool any(v4 v) {
#if defined(__wasm_simd128__)
    return wasm_v128_any_true(reinterpret_cast<v128_t>(v));
#elif defined(__SSE4_1__)
    const auto x = reinterpret_cast<__m128i>(v);
    return _mm_testz_si128(x, x) == 0;
#else
    const v2 q = reinterpret_cast<v2>(v);
    return (q[0] | q[1]) != 0;
#endif
}
// any(a & b), in one instruction where there is one.
inline bool any_and(v4 a, v4 b) {
#if defined(__SSE4_1__) && !defined(__wasm_simd128__)
    return _mm_testz_si128(reinterpret_cast<__m128i>(a), reinterpret_cast<__m128i>(b)) == 0;
#else
    return any(a & b);
#endif
}
// Lanes where the condition holds become all ones (the comparison result of vector_size types).
inline v4 mask(v4s m) { return reinterpret_cast<v4>(m); }

constexpr u32 kBand = 0x7FFFFFF;   // 27 cells
constexpr u32 kTriad0 = 0x1249249;  // the first cell of each triad (a row inside a box): 9r + 3s
constexpr u32 kRow0 = 0x1FF, kRow1 = 0x1FF << 9, kRow2 = 0x1FF << 18;

// Spread a 9-bit column set to the three rows of a band.
inline v4 rows3(v4 cols) { return cols | cols << 9 | cols << 18; }
// The columns of a band mask (9 bits).
inline v4 fold(v4 x) { return (x | x >> 9 | x >> 18) & 0x1FF; }

// The triads (bit 9r + 3s) that are part of some placement of one digit in a band: each
// of the three rows and of the three boxes used exactly once (one of six permutations).
// t(r, s) survives when the other two rows can take the other two boxes.
inline v4 keep_triads(v4 t) {
    // Neighbours: n(t)(r, s) = t(r, s + 1), d(t)(r, s) = t(r + 1, s), indices mod 3. With
    // a = n(t), b = n(n(t)) the test is d(a) & d(d(b)) | d(b) & d(d(a)) = d(a & d(b) | b & d(a)).
    const auto n = [](v4 x) { return ((x >> 3) & 0x241209) | ((x << 6) & 0x1008040); };
    const auto d = [](v4 x) { return (x >> 9) | ((x << 18) & kBand); };
    const v4 a = n(t), b = n(a);
    return t & d((a & d(b)) | (b & d(a)));
}

// The same for a band's columns against the stacks: column j of stack k is bit 3k + j
// of a 9-bit set per band; c(b, j) survives when the other two bands can take the other
// two columns of its stack.
inline v4 keep_columns(v4 c) {
    const auto n = [](v4 x) { return ((x >> 1) & 0xDB) | ((x << 2) & 0x124); };
    const v4 a = n(c), b = n(a);
    return c & next_band((a & next_band(b)) | (b & next_band(a)));
}

struct Board {
    v4 cand[9];  // digit d: where it can still go; a placed digit keeps its cell
    v4 seen[9];  // cand[d] as last examined (equal at a fixed point)
    v4 open;     // cells without a placed digit
    v4 pairs;    // cells with two candidates, as the last naked-singles pass saw them

    bool solved() const { return !any(open); }
};

// Removes, from digit d, the peers of the cells in `cells` (which keep d): same row or
// box in their band, same column in the other bands.
inline void clear_peers(Board& s, int d, v4 cells) {
    const v4 rows = (mask((cells & kRow0) != 0) & kRow0) | (mask((cells & kRow1) != 0) & kRow1) |
                    (mask((cells & kRow2) != 0) & kRow2);
    const v4 cols = fold(cells);
    const v4 boxes = (cols | cols >> 1 | cols >> 2) & 0x49;
    const v4 box_cells = rows3(boxes | boxes << 1 | boxes << 2);
    const v4 far = rows3(next_band(cols) | last_band(cols));
    s.cand[d] &= ~(((rows | box_cells) & ~cells) | far);
}

// True when two cells of `cells` share a row, column or box.
inline bool clash(v4 cells) {
    const v4 r0 = cells & 0x1FF, r1 = cells >> 9 & 0x1FF, r2 = cells >> 18;
    v4 bad = (r0 & (r0 - 1)) | (r1 & (r1 - 1)) | (r2 & (r2 - 1));    // a row twice
    bad |= (r0 & r1) | (r0 & r2) | (r1 & r2);                          // a column twice in a band
    const v4 cols = r0 | r1 | r2;
    bad |= cols & (next_band(cols) | last_band(cols));                  // ... or across bands
    const v4 t0 = (r0 | r0 >> 1 | r0 >> 2) & 0x49, t1 = (r1 | r1 >> 1 | r1 >> 2) & 0x49,
             t2 = (r2 | r2 >> 1 | r2 >> 2) & 0x49;
    bad |= (t0 & t1) | (t0 & t2) | (t1 & t2);                          // a box twice
    return any(bad);
}

// Digit d against the rules of its bands and stacks; places it where a row or a column
// is down to one open cell. False on a contradiction.
inline bool update_digit(Board& s, int d) {
    v4 x = s.cand[d];
    const v4 t = keep_triads((x | x >> 1 | x >> 2) & kTriad0);
    x &= t | t << 1 | t << 2;
    s.seen[d] = x;  // what the column rule removes next brings the digit back here
    x &= rows3(keep_columns(fold(x)));
    if (any_and(mask(x == 0), v4{~0u, ~0u, ~0u, 0})) return false;
    // Rows down to one cell.
    const v4 r0 = x & kRow0, r1 = x & kRow1, r2 = x & kRow2;
    v4 single = (r0 & mask((r0 & (r0 - 1)) == 0)) | (r1 & mask((r1 & (r1 - 1)) == 0)) | (r2 & mask((r2 & (r2 - 1)) == 0));
    // Columns whose only band has one cell in them.
    const v4 a0 = r0, a1 = r1 >> 9, a2 = r2 >> 18;
    const v4 one = (a0 ^ a1 ^ a2) & ~(a0 & a1 & a2);
    const v4 cols = a0 | a1 | a2;
    const v4 alone = cols & ~(next_band(cols) | last_band(cols));
    single |= x & rows3(one & alone);
    const v4 placed = single & s.open;
    s.cand[d] = x;
    if (!any(placed)) return true;
    s.open &= ~placed;
    for (int e = 0; e < 9; ++e) s.cand[e] &= ~placed;
    s.cand[d] = x;
    clear_peers(s, d, placed);
    return true;
}

// Naked singles and empty cells for all 81 cells at once (candidates counted bit-sliced
// over the nine digits); also notes the cells with two candidates. False on a contradiction.
inline bool naked_singles(Board& s, bool& changed) {
    v4 ones{}, twos{}, threes{};
    for (int d = 0; d < 9; ++d) {
        const v4 x = s.cand[d];
        threes |= twos & x;
        twos |= ones & x;
        ones |= x;
    }
    if (any_and(s.open, ~ones)) return false;
    s.pairs = s.open & twos & ~threes;
    const v4 singles = s.open & ~twos;
    changed = false;
    if (!any(singles)) return true;
    u32 digits = 0;
    for (int d = 0; d < 9; ++d) digits |= static_cast<u32>(any_and(singles, s.cand[d])) << d;
    for (; digits != 0; digits &= digits - 1) {
        const int d = std::countr_zero(digits);
        const v4 cells = singles & s.cand[d];
        if (clash(cells)) return false;  // two cells of a house left with only d
        const v4 before = s.cand[d];
        clear_peers(s, d, cells);
        changed = changed || any(before ^ s.cand[d]);
    }
    return true;
}

// Bit d set when cand[d] changed since it was last examined.
inline u32 dirty_digits(const Board& s) {
    u32 m = 0;
    for (int d = 0; d < 9; ++d) m |= static_cast<u32>(any(s.cand[d] ^ s.seen[d])) << d;
    return m;
}

// Propagates to a fixed point: rounds over the digits that changed, then naked singles.
// False on a contradiction.
bool propagate(Board& s) {
    for (;;) {
        for (u32 dirty = dirty_digits(s); dirty != 0; dirty = dirty_digits(s)) {
            do {
                const int d = std::countr_zero(dirty);
                dirty &= dirty - 1;
                if (!update_digit(s, d)) return false;
            } while (dirty);
        }
        bool changed = false;
        if (!naked_singles(s, changed)) return false;
        if (!changed) return true;
    }
}

// Loads a puzzle; false when its givens contradict each other or a value is above 9.
bool load(const Grid& puzzle, Board& s) {
    alignas(16) u32 own[16][4] = {};  // own[v]: the cells holding v (own[0]: the empty ones)
    u32 bad = 0;
    for (int b = 0; b < 3; ++b) {
        for (int p = 0; p < 27; ++p) {
            const u32 v = puzzle[b * 27 + p];
            bad |= static_cast<u32>(v > 9);
            own[v & 15][b] |= 1u << p;  // no branch: most cells are empty, unpredictably
        }
    }
    if (bad) return false;
    const v4 givens = splat(kBand) & ~v4{own[0][0], own[0][1], own[0][2], 0};
    for (int d = 0; d < 9; ++d) {
        const v4 mine{own[d + 1][0], own[d + 1][1], own[d + 1][2], 0};
        s.seen[d] = splat(kBand);
        s.cand[d] = splat(kBand) & (~givens | mine);
        if (clash(mine)) return false;
        clear_peers(s, d, mine);
    }
    s.open = splat(kBand);
    s.pairs = v4{};
    return true;
}

// Places digit d in the cell `at` the way load() places a given: the cell leaves the
// other digits and d leaves the cell's peers; propagate() takes it from there.
void place(Board& s, int d, v4 at) {
    for (int e = 0; e < 9; ++e) {
        if (e != d) s.cand[e] &= ~at;
    }
    clear_peers(s, d, at);
}

// A cell to branch on: among cells with two candidates, the one that sees the most open
// cells (both branches then reach furthest); without such cells, one with the fewest
// candidates. Returns band * 27 + position, and the candidate digits as a 9-bit mask.
int pick_cell(const Board& s, u32& digits) {
    static constexpr auto peers_in_band = [] {
        std::array<u32, 27> t{};
        for (int p = 0; p < 27; ++p) {
            const int row = p / 9, col = p % 9;
            u32 m = 0x1FFu << (row * 9);
            for (int r = 0; r < 3; ++r) m |= 7u << (r * 9 + (col / 3) * 3);
            t[static_cast<std::size_t>(p)] = m & ~(1u << p);
        }
        return t;
    }();
    static constexpr auto column = [] {
        std::array<u64, 27> t{};
        for (int p = 0; p < 27; ++p) t[static_cast<std::size_t>(p)] = u64{0x40201u << (p % 9)} * 0x100000001u;
        return t;
    }();
    int best = -1;
    const u32 open[3] = {s.open[0], s.open[1], s.open[2]};
    if (any(s.pairs)) {
        // The other two bands' open cells, side by side, for one popcount per column.
        const u64 others[3] = {u64{open[1]} << 32 | open[2], u64{open[2]} << 32 | open[0], u64{open[0]} << 32 | open[1]};
        // Highest score first, then lowest cell: score << 8 | (255 - cell), kept without branches.
        u32 best_key = 0;
        const v2 halves = reinterpret_cast<v2>(s.pairs);  // bands 0 and 1, then band 2
        for (int half = 0; half < 2; ++half) {
            for (u64 m = halves[half]; m; m &= m - 1) {
                const int bit = std::countr_zero(m);
                const int b = half * 2 + (bit >> 5), p = bit & 31;
                const auto at = static_cast<std::size_t>(p);
                const u32 score = static_cast<u32>(std::popcount(open[b] & peers_in_band[at]) +
                                                   std::popcount(others[b] & column[at]));
                best_key = std::max(best_key, score << 8 | static_cast<u32>(255 - (b * 27 + p)));
            }
        }
        best = 255 - static_cast<int>(best_key & 255);
    } else {
        int best_count = 10;
        for (int b = 0; b < 3; ++b) {
            for (u32 rest = open[b]; rest; rest &= rest - 1) {
                const int p = std::countr_zero(rest);
                int n = 0;
                for (int d = 0; d < 9; ++d) n += s.cand[d][b] >> p & 1;
                if (n < best_count) {
                    best_count = n;
                    best = b * 27 + p;
                }
            }
        }
    }
    digits = 0;
    const int b = best / 27, p = best % 27;
    for (int d = 0; d < 9; ++d) digits |= (s.cand[d][b] >> p & 1) << d;
    return best;
}

void extract(const Board& s, Grid& out) {
    for (int d = 0; d < 9; ++d) {
        for (int b = 0; b < 3; ++b) {
            for (u32 m = s.cand[d][b]; m; m &= m - 1) out[b * 27 + std::countr_zero(m)] = static_cast<std::uint8_t>(d + 1);
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
        v4 at{};
        at[b] = 1u << p;
        Board child = s;
        clear_peers(child, d, at);
        search(child, ctx);
        if (ctx.count >= ctx.limit) return;
        s.cand[d] &= ~at;  // d is not the digit of this cell: carry on without it
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
//
// The work is in answering "is the grid still solvable with d here?" fast, not in
// changing the answer: one board keeps the grid so far, propagated, and each test
// searches from a copy of it with d placed, instead of loading the grid again; a digit
// found impossible leaves the board's candidates (a fact, so later tests start further).
// The draw (candidate digits from the peers, their order, the Rng calls) is untouched.
std::optional<Grid> random_solution(const Grid& partial, Rng& rng) {
    Grid grid = partial;
    Grid solution;  // a completion of `grid`, kept up to date
    Board board;    // `grid`, propagated
    if (!load(grid, board) || !propagate(board)) return std::nullopt;
    {
        Board copy = board;
        Search ctx;
        ctx.first = &solution;
        search(copy, ctx);
        if (ctx.count == 0) return std::nullopt;
    }
    for (int cell = 0; cell < kCells; ++cell) {
        if (grid[cell] != 0) continue;
        std::uint8_t digits[9];
        std::uint32_t n = 0;
        unsigned used = 0;
        for (auto p : peers()[static_cast<std::size_t>(cell)]) used |= 1u << grid[p];
        for (std::uint8_t d = 1; d <= 9; ++d) {
            if (!(used >> d & 1)) digits[n++] = d;
        }
        v4 at{};
        at[cell / 27] = 1u << (cell % 27);
        for (std::uint32_t i = 0; i < n; ++i) {  // try them in a random order
            const std::uint32_t j = i + rng.below(n - i);
            std::swap(digits[i], digits[j]);
            grid[cell] = digits[i];
            const int d = digits[i] - 1;
            if (digits[i] == solution[cell]) break;  // the known completion agrees
            if (any_and(board.cand[d], at)) {
                // First the cheap question: can the known completion take d here by moving
                // only its digits d and e (the cell's digit there)? Keep every other cell of
                // it, and search what is left (a few cells of two digits).
                const int e = solution[cell] - 1;
                Board near = board;
                place(near, d, at);
                for (int x = cell + 1; x < kCells; ++x) {
                    const int v = solution[x] - 1;
                    if (grid[x] != 0 || v == d || v == e) continue;
                    v4 bit{};
                    bit[x / 27] = 1u << (x % 27);
                    place(near, v, bit);
                }
                Search quick;
                quick.first = &solution;
                search(near, quick);
                if (quick.count == 1) break;
                Board trial = board;
                place(trial, d, at);
                Search ctx;
                ctx.first = &solution;
                search(trial, ctx);
                if (ctx.count == 1) break;
                board.cand[d] &= ~at;  // no completion has d here
            }
        }
        place(board, grid[cell] - 1, at);
        propagate(board);  // cannot fail: `solution` completes it
    }
    return grid;
}

}  // namespace astradia::sudoku
