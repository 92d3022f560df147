// Purpose: implementation of the autoplayer game runners (threads natively, sequential in wasm).
#include "cli/bricks_auto.hpp"

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <ctime>
#include <mutex>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#include <thread>
#endif

#include "engine/bricks/game.hpp"

namespace astradia::cli {

bool parse_u64(const std::string& text, std::uint64_t& out) {
    if (text.empty() || text.size() > 20) return false;
    std::uint64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        const auto d = static_cast<std::uint64_t>(c - '0');
        if (v > (UINT64_MAX - d) / 10) return false;
        v = v * 10 + d;
    }
    out = v;
    return true;
}

#ifdef __EMSCRIPTEN__
// CPU time of the node process (user + system), in seconds.
EM_JS(double, node_cpu_seconds, (), {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
});
#endif

double cpu_seconds() {
#if defined(__EMSCRIPTEN__)
    return node_cpu_seconds();
#else
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
#endif
}

double wall_seconds() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

GameResult autoplay(const bricks::Ruleset& rules, const bricks::Weights& weights, bricks::SearchOptions options,
                    std::uint64_t seed, AutoplayLimits limits) {
    bricks::Planner planner(rules, weights, options);
    const double t0 = cpu_seconds();
    bricks::State state = bricks::new_game(rules, seed);
    while (!state.over && state.score < limits.max_score && state.placements < limits.max_placements) {
        const bricks::Plan plan = planner.plan(state);
        if (plan.moves.empty()) break;
        for (const bricks::Move& m : plan.moves) {
            bricks::place_unchecked(rules, state, m.piece, m.row * rules.cols() + m.col);
            if (state.over) break;
        }
    }
    return GameResult{seed, state.score, state.placements, !state.over, cpu_seconds() - t0};
}

std::vector<GameResult> autoplay_many(const bricks::Ruleset& rules, const bricks::Weights& weights,
                                      bricks::SearchOptions options, const std::vector<std::uint64_t>& seeds,
                                      AutoplayLimits limits, int jobs, bool progress) {
    std::vector<GameResult> results(seeds.size());
    std::mutex lock;
    std::size_t next = 0;
    std::size_t done = 0;
    const auto worker = [&] {
        while (true) {
            std::size_t i;
            {
                std::lock_guard<std::mutex> g(lock);
                if (next >= seeds.size()) return;
                i = next++;
            }
            const GameResult r = autoplay(rules, weights, options, seeds[i], limits);
            std::lock_guard<std::mutex> g(lock);
            results[i] = r;
            ++done;
            if (progress) {
                std::fprintf(stderr, "  game %zu/%zu: seed %" PRIu64 " score %" PRIu64 "%s, %u placements, %.1f s CPU\n",
                             done, seeds.size(), r.seed, r.score, r.capped ? " (capped)" : "", r.placements, r.cpu);
            }
        }
    };
#ifdef __EMSCRIPTEN__
    (void)jobs;
    worker();
#else
    std::vector<std::thread> threads;
    for (int j = 1; j < jobs; ++j) threads.emplace_back(worker);
    worker();
    for (std::thread& t : threads) t.join();
#endif
    return results;
}

}  // namespace astradia::cli
