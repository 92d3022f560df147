// Purpose: `astradia bricks tune`: the reproducible procedure that chose the
// autoplayer's evaluation weights. A cross-entropy search (a simple relative of
// CMA-ES): each iteration samples candidate weight vectors around the current mean
// from the tuner's own seeded Rng, plays every candidate on the same fresh block of
// game seeds (from 1,000,000 up: disjoint from the benchmark's 1..200 and the
// latency boards' 500,000+), keeps the best quarter and moves the mean and spread
// to theirs. Games are played on a smaller board by default, where they end
// thousands of times sooner, so a few hours measure hundreds of deaths.
#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include "cli/bricks_auto.hpp"
#include "engine/core/random.hpp"

namespace astradia::cli {
namespace {

using bricks::Weights;

// A normal deviate from our own Rng (Box-Muller), identical on every platform.
double gaussian(Rng& rng) {
    const double u1 = 1.0 - rng.unit();
    const double u2 = rng.unit();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

// The smallest spread each weight keeps, in its feature's units.
double min_sigma(int feature) {
    switch (feature) {
        case bricks::kNoFitShare: return 4.0;
        case bricks::kNoFitBiggest:
        case bricks::kNoFitLongest: return 1.0;
        case bricks::kMobility:
        case bricks::kBiggestSpots:
        case bricks::kRegions: return 0.5;
        case bricks::kPoints: return 0.01;
        case bricks::kLineFill: return 1.0;
        case bricks::kNoBiggestTwice: return 1.0;
        default: return 0.1;
    }
}

void print_weights(const char* label, const Weights& w) {
    std::printf("%s %s\n", label, bricks::weights_to_text(w).c_str());
}

}  // namespace

int run_bricks_tune(const std::vector<std::string>& args) {
    struct Option {
        const char* name;
        std::uint64_t value;
    };
    std::vector<Option> opts = {{"rows", 8},       {"cols", 8},     {"games", 60},  {"iterations", 12},
                                {"population", 12}, {"elite", 4},   {"seed", 1},    {"first-seed", 1'000'000},
                                {"jobs", 1},        {"beam", 6},    {"last", 4},    {"max-placements", 20'000}};
    const auto usage = [](const std::string& why) {
        std::fprintf(stderr, "astradia bricks tune: %s\nusage: astradia bricks tune [--rows R] [--cols C] [--games N] "
                             "[--iterations K] [--population P] [--elite E] [--seed S] [--first-seed F] [--jobs J] "
                             "[--beam B] [--last L] [--max-placements M] [--start WEIGHTS]\n", why.c_str());
        return 2;
    };
    Weights mean = bricks::tuned_weights();
    for (std::size_t i = 1; i < args.size(); i += 2) {
        if (args[i] == "--start" && i + 1 < args.size()) {
            Expected<Weights> start = bricks::weights_from_text(args[i + 1]);
            if (!start) return usage(start.error().message);
            mean = *start;
            continue;
        }
        auto it = std::find_if(opts.begin(), opts.end(), [&](const Option& o) { return args[i] == std::string("--") + o.name; });
        if (it == opts.end() || i + 1 >= args.size() || !parse_u64(args[i + 1], it->value)) {
            return usage("bad or unknown option " + args[i]);
        }
    }
    const auto get = [&](const char* name) {
        return std::find_if(opts.begin(), opts.end(), [&](const Option& o) { return std::string(o.name) == name; })->value;
    };
    bricks::RulesetSpec spec = bricks::classic_spec();
    spec.rows = static_cast<int>(get("rows"));
    spec.cols = static_cast<int>(get("cols"));
    Expected<bricks::Ruleset> rules = bricks::Ruleset::make(spec);
    if (!rules) return usage(rules.error().message);
    const std::uint64_t games = get("games");
    const std::uint64_t population = get("population");
    const std::uint64_t elite = get("elite");
    if (games == 0 || population < 2 || elite == 0 || elite >= population || get("jobs") == 0 || get("jobs") > 64) {
        return usage("games, population > elite > 0 and jobs 1..64");
    }
    const bricks::SearchOptions search{static_cast<int>(get("beam")), static_cast<int>(get("last"))};
    const AutoplayLimits limits{.max_placements = static_cast<std::uint32_t>(get("max-placements"))};
    const int jobs = static_cast<int>(get("jobs"));

    std::printf("[tune] cross-entropy search on a %dx%d board with the classic shapes: %" PRIu64
                " iterations x %" PRIu64 " candidates x %" PRIu64 " games (beam %d, last %d, cap %u placements), "
                "tuner seed %" PRIu64 ", game seeds from %" PRIu64 "\n",
                spec.rows, spec.cols, get("iterations"), population, games, search.beam, search.last,
                limits.max_placements, get("seed"), get("first-seed"));
    Rng rng(get("seed"));
    std::array<double, bricks::kFeatureCount> sigma{};
    for (int i = 0; i < bricks::kFeatureCount; ++i) {
        sigma[static_cast<std::size_t>(i)] = std::max(0.5 * std::abs(mean.w[static_cast<std::size_t>(i)]), min_sigma(i));
    }
    sigma[bricks::kFreeCells] = 0;  // the unit: the other weights are relative to one free cell
    print_weights("start:", mean);
    const double t0 = wall_seconds();
    for (std::uint64_t it = 0; it < get("iterations"); ++it) {
        std::vector<std::uint64_t> seeds;
        for (std::uint64_t g = 0; g < games; ++g) seeds.push_back(get("first-seed") + it * games + g);
        std::vector<Weights> candidates{mean};  // the mean itself is candidate 0
        while (candidates.size() < population) {
            Weights w = mean;
            for (int i = 0; i < bricks::kFeatureCount; ++i) {
                w.w[static_cast<std::size_t>(i)] += sigma[static_cast<std::size_t>(i)] * gaussian(rng);
            }
            candidates.push_back(w);
        }
        std::vector<double> fitness;
        for (const Weights& w : candidates) {
            const std::vector<GameResult> results = autoplay_many(*rules, w, search, seeds, limits, jobs, false);
            double sum = 0;
            for (const GameResult& r : results) sum += r.placements;
            fitness.push_back(sum / static_cast<double>(results.size()));
        }
        std::vector<std::size_t> order(candidates.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return fitness[a] > fitness[b]; });
        Weights next{};
        for (std::uint64_t e = 0; e < elite; ++e) {
            for (int i = 0; i < bricks::kFeatureCount; ++i) next.w[static_cast<std::size_t>(i)] += candidates[order[e]].w[static_cast<std::size_t>(i)] / static_cast<double>(elite);
        }
        for (int i = 0; i < bricks::kFeatureCount; ++i) {
            if (i == bricks::kFreeCells) continue;
            double var = 0;
            for (std::uint64_t e = 0; e < elite; ++e) {
                const double d = candidates[order[e]].w[static_cast<std::size_t>(i)] - next.w[static_cast<std::size_t>(i)];
                var += d * d / static_cast<double>(elite);
            }
            // Noisy cross-entropy: keep some spread so the search does not freeze on luck.
            sigma[static_cast<std::size_t>(i)] = std::sqrt(var) + min_sigma(i) / static_cast<double>(it + 1);
        }
        std::printf("[tune] iteration %" PRIu64 " (seeds %" PRIu64 "..%" PRIu64 ", %.0f s): mean placements of the old "
                    "mean %.0f, best %.0f, elite average %.0f\n",
                    it + 1, seeds.front(), seeds.back(), wall_seconds() - t0, fitness[0], fitness[order[0]],
                    [&] { double s = 0; for (std::uint64_t e = 0; e < elite; ++e) s += fitness[order[e]]; return s / static_cast<double>(elite); }());
        mean = next;
        print_weights("  mean:", mean);
        std::fflush(stdout);
    }
    print_weights("[tune] result:", mean);
    return 0;
}

}  // namespace astradia::cli
