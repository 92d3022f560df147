// Purpose: implementation of Bricks statistics and their sealed document.
#include "engine/bricks/stats.hpp"

#include <algorithm>

#include "engine/core/sealed.hpp"

namespace astradia::bricks {

Stats record_game(const Stats& stats, const State& final_state) {
    Stats next = stats;
    next.games += 1;
    next.total_score += final_state.score;
    next.best = std::max(next.best, final_state.score);
    next.lines += final_state.lines;
    next.placements += final_state.placements;
    return next;
}

Json stats_payload(const Stats& stats) {
    return Json{{"games", stats.games},
                {"total_score", stats.total_score},
                {"best", stats.best},
                {"lines", stats.lines},
                {"placements", stats.placements}};
}

Expected<Stats> load_stats(const Sealed& opened) {
    const Json& p = opened.payload;
    JsonReader r("bricks.format");
    Stats s;
    s.games = r.u64(p, "games", "payload");
    s.total_score = r.u64(p, "total_score", "payload");
    s.best = r.u64(p, "best", "payload");
    s.lines = r.u64(p, "lines", "payload");
    s.placements = r.u64(p, "placements", "payload");
    if (r.failed()) return r.error();
    const auto bad = [](const std::string& why) {
        return make_error("bricks.mismatch", "The statistics are inconsistent: " + why + ".");
    };
    if (s.best > s.total_score) return bad("the best score is higher than the total of all scores");
    if (s.games == 0 && (s.total_score | s.lines | s.placements) != 0) return bad("they count play but no game");
    if (s.games > 0 && s.best * s.games < s.total_score && s.best <= UINT64_MAX / s.games) {
        return bad("the average is higher than the best score");
    }
    if (s.placements <= UINT64_MAX / 32 && s.lines > s.placements * 32) {
        return bad("more lines were cleared than the placements could clear");
    }
    return s;
}

}  // namespace astradia::bricks
