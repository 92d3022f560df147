// Purpose: the Sudoku solver against real puzzle sets and a plain reference search:
// every solution it returns is checked against the givens and the rules, uniqueness
// counts match the sets' known properties, contradictions that need search give 0,
// and random_solution is pinned by golden grids (the same natively and in wasm).
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/core/random.hpp"
#include "engine/core/sha256.hpp"
#include "engine/sudoku/grid.hpp"
#include "engine/sudoku/solver.hpp"
#include "tests/engine/sudoku/data_sets.hpp"

using namespace astradia::sudoku;
using astradia::Rng;

namespace {

// Every `every`-th puzzle of a data set (all of it must be there: data_lines requires it).
std::vector<Grid> load_set(const std::string& name, std::size_t every = 1) {
    std::vector<Grid> out;
    for (const std::string& line : astradia::testing::data_lines(name + ".txt", astradia::testing::kAllLines, 0, every)) {
        auto g = parse_grid(line);
        REQUIRE(g.ok());
        out.push_back(*g);
    }
    return out;
}

Grid grid(std::string_view text) {
    auto g = parse_grid(text);
    REQUIRE(g.ok());
    return *g;
}

// Reference: a plain depth-first search over the cell with the fewest candidates,
// counting solutions up to `limit`. Slow but obviously right.
int reference_count(Grid& g, int limit) {
    int best = -1, best_n = 10;
    unsigned best_mask = 0;
    for (int c = 0; c < kCells; ++c) {
        if (g[c] != 0) continue;
        unsigned mask = 0x3FE;
        for (auto p : peers()[static_cast<std::size_t>(c)]) mask &= ~(1u << g[p]);
        const int n = __builtin_popcount(mask);
        if (n < best_n) {
            best = c;
            best_n = n;
            best_mask = mask;
        }
    }
    if (best < 0) return 1;
    int count = 0;
    for (int d = 1; d <= 9 && count < limit; ++d) {
        if (!(best_mask >> d & 1)) continue;
        g[best] = static_cast<std::uint8_t>(d);
        count += reference_count(g, limit - count);
    }
    g[best] = 0;
    return count;
}

// `count` puzzles of a set must each have exactly one solution, found and valid.
void check_unique(const std::vector<Grid>& puzzles) {
    int failures = 0;
    for (const Grid& p : puzzles) {
        Grid first;
        const int n = count_solutions(p, 2, &first);
        if (n != 1 || !solves(p, first)) {
            if (++failures <= 3) FAIL_CHECK(p.to_string() << ": " << n << " solutions");
        }
    }
    CHECK(failures == 0);
}

}  // namespace

TEST_CASE("solver: a classic puzzle, its solution checked cell by cell", "[sudoku][solver]") {
    const Grid p = grid("53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79");
    auto s = solve(p);
    REQUIRE(s.has_value());
    CHECK(s->to_string() == "534678912672195348198342567859761423426853791713924856961537284287419635345286179");
    CHECK(solves(p, *s));
    Grid first;
    CHECK(count_solutions(p, 2, &first) == 1);
    CHECK(first == *s);
    CHECK(count_solutions(*s, 2) == 1);  // a complete grid is its own only solution
}

TEST_CASE("solver: limits and the empty grid", "[sudoku][solver]") {
    const Grid empty;
    CHECK(count_solutions(empty, 0) == 0);
    CHECK(count_solutions(empty, -3) == 0);
    CHECK(count_solutions(empty, 1) == 1);
    CHECK(count_solutions(empty, 2) == 2);
    Grid first;
    CHECK(count_solutions(empty, 50, &first) == 50);
    CHECK(solves(empty, first));
    auto s = solve(empty);
    REQUIRE(s.has_value());
    CHECK(s->complete());
    CHECK(consistent(*s));
}

TEST_CASE("solver: grids that break the rules have no solution", "[sudoku][solver]") {
    Grid dup;
    dup[0] = 5;
    dup[8] = 5;  // same row
    CHECK(count_solutions(dup, 2) == 0);
    CHECK_FALSE(solve(dup).has_value());
    Grid box;
    box[0] = 3;
    box[20] = 3;  // same box
    CHECK(count_solutions(box, 2) == 0);
    Grid col;
    col[4] = 7;
    col[76] = 7;  // same column, bands apart
    CHECK(count_solutions(col, 2) == 0);
    Grid big;
    big[40] = 12;  // not a digit
    CHECK(count_solutions(big, 2) == 0);
    Grid first = grid("534678912672195348198342567859761423426853791713924856961537284287419635345286179");
    Grid untouched = first;
    CHECK(count_solutions(dup, 2, &first) == 0);
    CHECK(first == untouched);  // `first` is only written when there is a solution
    // A cell with no candidate left, without any repeated digit.
    CHECK(count_solutions(grid("12345678.........9" + std::string(63, '.')), 2) == 0);
}

TEST_CASE("solver: contradictions that only search can find give 0", "[sudoku][solver]") {
    // A hard puzzle plus one wrong digit that breaks no rule directly: some search is
    // needed to see that nothing fits any more.
    const auto hard = load_set("forum_hardest_1905_11plus", 500);
    REQUIRE(hard.size() > 90);
    int tested = 0;
    for (const Grid& p : hard) {
        auto s = solve(p);
        REQUIRE(s.has_value());
        for (int c = 0; c < kCells; ++c) {
            if (p[c] != 0) continue;
            Grid wrong = p;
            for (int d = 1; d <= 9; ++d) {
                if (d == (*s)[c]) continue;
                wrong[c] = static_cast<std::uint8_t>(d);
                if (consistent(wrong)) break;
            }
            if (wrong[c] == 0 || wrong[c] == (*s)[c] || !consistent(wrong)) continue;
            CHECK(count_solutions(wrong, 2) == 0);
            CHECK_FALSE(solve(wrong).has_value());
            ++tested;
            break;
        }
    }
    CHECK(tested == static_cast<int>(hard.size()));
}

TEST_CASE("solver: agrees with a plain reference search on random partial grids", "[sudoku][solver]") {
    Rng rng(20261121);
    for (int round = 0; round < 150; ++round) {
        auto full = random_solution(Grid{}, rng);
        REQUIRE(full.has_value());
        Grid g = *full;
        // Keep 24..40 clues, sometimes with a wrong one: 0, 1 or many solutions.
        const int keep = 24 + static_cast<int>(rng.below(17));
        for (int removed = 0; removed < kCells - keep;) {
            const int c = static_cast<int>(rng.below(kCells));
            if (g[c] != 0) {
                g[c] = 0;
                ++removed;
            }
        }
        if (round % 3 == 0) {
            const int c = static_cast<int>(rng.below(kCells));
            g[c] = static_cast<std::uint8_t>(1 + rng.below(9));
            if (!consistent(g)) g[c] = 0;
        }
        Grid ref = g;
        const int want = reference_count(ref, 3);
        Grid first;
        const int got = count_solutions(g, 3, &first);
        CHECK(got == want);
        if (got > 0) CHECK(solves(g, first));
        CHECK(count_solutions(g, 1) == (want > 0 ? 1 : 0));
    }
}

TEST_CASE("solver: every 17-clue puzzle has exactly one solution", "[sudoku][solver][data]") {
    const auto puzzles = load_set("17_clue");
    REQUIRE(puzzles.size() == 49158);
    check_unique(puzzles);
}

TEST_CASE("solver: kaggle, magictour and forum-hardest puzzles solve uniquely", "[sudoku][solver][data]") {
    check_unique(load_set("kaggle_first10000", 10));
    check_unique(load_set("magictour_top1465", 3));
    check_unique(load_set("forum_hardest_1905_11plus", 100));
}

TEST_CASE("solver: every serg_benchmark puzzle has several solutions", "[sudoku][solver][data]") {
    const auto puzzles = load_set("serg_benchmark", 4);
    REQUIRE(puzzles.size() == 2500);
    int failures = 0;
    for (const Grid& p : puzzles) {
        Grid first;
        if (count_solutions(p, 2, &first) != 2 || !solves(p, first) || count_solutions(p, 1) != 1) ++failures;
    }
    CHECK(failures == 0);
}

TEST_CASE("random_solution: valid, consistent with the partial grid, pinned by seed", "[sudoku][solver][random]") {
    // Golden grids: the same seed must give the same grid natively and in wasm.
    Rng a(1);
    auto g1 = random_solution(Grid{}, a);
    REQUIRE(g1.has_value());
    CHECK(solves(Grid{}, *g1));
    CHECK(g1->to_string() == "756381249498762135123549678871935426942176583635824917267498351584613792319257864");
    auto g2 = random_solution(Grid{}, a);  // the stream goes on: another grid
    REQUIRE(g2.has_value());
    CHECK(g2->to_string() == "357624981846719325129853647762931458481265793593478216915347862274586139638192574");
    Rng b(1);
    CHECK(random_solution(Grid{}, b) == g1);

    // A partial grid with a unique completion gives that completion.
    const Grid unique = grid("5.....37....6..............7..54.....4......2...1..6...6..83........2.4...1......");
    Rng c(2026);
    CHECK(random_solution(unique, c) == solve(unique));

    // A partial grid with many completions: pinned, and different for another seed.
    const Grid sparse = grid("1...5...9" + std::string(27, '.') + "....7...." + std::string(36, '.'));
    Rng d(7), e(8);
    auto x = random_solution(sparse, d), y = random_solution(sparse, e);
    REQUIRE(x.has_value());
    REQUIRE(y.has_value());
    CHECK(solves(sparse, *x));
    CHECK(solves(sparse, *y));
    CHECK(x->to_string() == "173856429246197853859234671712548396965371248384962715497613582621485937538729164");
    CHECK(*x != *y);

    Grid bad;
    bad[0] = 4;
    bad[1] = 4;
    Rng f(3);
    CHECK_FALSE(random_solution(bad, f).has_value());
}

TEST_CASE("random_solution: 200 fresh grids and 100 completions pinned by one hash each", "[sudoku][solver][random]") {
    // The golden grids above pin a few seeds; these pin many, so that a faster way to the
    // same answers (the solver's speed work) cannot change a grid unnoticed. Identical
    // natively and in wasm.
    std::string fresh;
    for (std::uint64_t s = 1; s <= 200; ++s) {
        Rng r(s);
        fresh += random_solution(Grid{}, r)->to_string() + "\n";
    }
    CHECK(astradia::sha256_hex(fresh) == "09a30b52102a59da5f9f65051fe8bbb76428f4b1dc7390190511d1eab7b148c8");
    std::string completed;
    for (std::uint64_t s = 1; s <= 100; ++s) {
        Rng r(s);
        Grid g = *random_solution(Grid{}, r);
        for (int c = 9; c < kCells; ++c) {
            if ((static_cast<std::uint64_t>(c) * 7 + s) % 3 != 0) g[c] = 0;  // keep the first row and a third of the rest
        }
        const auto x = random_solution(g, r);
        completed += (x ? x->to_string() : std::string("none")) + "\n";
    }
    CHECK(astradia::sha256_hex(completed) == "02037de1d4de4e33305e5475e1841d3fcf155fb82f356d4ea8b886a191d90a58");
}
