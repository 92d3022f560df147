// Purpose: the portable PRNG is pinned: golden sequences (computed independently
// from the published algorithm, in Python) must come out the same natively and in wasm.
#include <array>
#include <cstdint>

#include <catch2/catch.hpp>

#include "engine/core/random.hpp"

using astradia::Rng;

TEST_CASE("Rng reproduces the golden xoshiro256** sequences", "[core][rng]") {
    struct Golden {
        std::uint64_t seed;
        std::array<std::uint64_t, 4> first;
    };
    const Golden golden[] = {
        {0, {0x99ec5f36cb75f2b4ull, 0xbf6e1f784956452aull, 0x1a5f849d4933e6e0ull, 0x6aa594f1262d2d2cull}},
        {42, {0x15780b2e0c2ec716ull, 0x6104d9866d113a7eull, 0xae17533239e499a1ull, 0xecb8ad4703b360a1ull}},
        {2026, {0x92e011592e98ae15ull, 0x489f37946d6d18d8ull, 0xd0009e279d9cdedaull, 0xe4c7dca786d56702ull}},
    };
    for (const Golden& g : golden) {
        Rng rng(g.seed);
        for (std::uint64_t want : g.first) CHECK(rng.next_u64() == want);
    }
}

TEST_CASE("Rng::below is our own range reduction, pinned", "[core][rng]") {
    Rng ten(7);
    const int want10[] = {7, 2, 8, 9, 9, 8, 0, 1, 4, 1, 5, 7};
    for (int w : want10) CHECK(ten.below(10) == static_cast<std::uint32_t>(w));
    Rng six(7);
    const int want6[] = {4, 1, 5, 5, 5, 5, 0, 0, 2, 0, 3, 4};
    for (int w : want6) CHECK(six.below(6) == static_cast<std::uint32_t>(w));
}

TEST_CASE("Rng::below stays in range and is roughly uniform", "[core][rng]") {
    Rng rng(123);
    std::array<int, 7> counts{};
    const int n = 70000;
    for (int i = 0; i < n; ++i) {
        const auto v = rng.below(7);
        REQUIRE(v < 7);
        ++counts[v];
    }
    for (int c : counts) {
        CHECK(c > 9400);   // expected 10000; 6 sigma is about 560
        CHECK(c < 10600);
    }
    CHECK(rng.below(0) == 0);
    CHECK(rng.below(1) == 0);
}

TEST_CASE("Rng::between covers both ends and handles reversed bounds", "[core][rng]") {
    Rng rng(5);
    bool saw_lo = false, saw_hi = false;
    for (int i = 0; i < 1000; ++i) {
        const auto v = rng.between(-2, 2);
        REQUIRE(v >= -2);
        REQUIRE(v <= 2);
        saw_lo |= v == -2;
        saw_hi |= v == 2;
    }
    CHECK(saw_lo);
    CHECK(saw_hi);
    CHECK(rng.between(9, 3) == 9);
    const auto full = rng.between(INT32_MIN, INT32_MAX);  // the full range must not divide by zero
    (void)full;
}

TEST_CASE("Rng::unit is at least 0 and below 1", "[core][rng]") {
    Rng rng(99);
    double sum = 0;
    for (int i = 0; i < 10000; ++i) {
        const double u = rng.unit();
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        sum += u;
    }
    CHECK(sum / 10000 == Approx(0.5).margin(0.02));
}

TEST_CASE("Rng state round-trips, and the all-zero state is refused", "[core][rng]") {
    Rng a(77);
    for (int i = 0; i < 10; ++i) a.next_u64();
    const Rng::State saved = a.state();
    const std::uint64_t next = a.next_u64();
    Rng b(1);
    b.set_state(saved);
    CHECK(b.next_u64() == next);

    Rng z(1);
    z.set_state(Rng::State{{0, 0, 0, 0}});
    CHECK(z.state() == Rng(0).state());
    CHECK(z.next_u64() != 0);
}

TEST_CASE("hash64 is pinned (daily puzzles and shared links depend on it)", "[core][rng]") {
    CHECK(astradia::hash64("") == 0xc3817c016ba4ff30ull);
    CHECK(astradia::hash64("2026-11-21") == 0x8bcd29214fee7abaull);
    CHECK(astradia::hash64("2026-11-22") != astradia::hash64("2026-11-21"));
}
