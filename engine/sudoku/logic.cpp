// Purpose: the logic engine's step order, the step-by-step solve and the grader (see
// logic.hpp).
#include "engine/sudoku/logic.hpp"

#include <algorithm>
#include <array>

#include "engine/sudoku/solver.hpp"
#include "engine/sudoku/techniques.hpp"

namespace astradia::sudoku {
namespace {

using FindFn = bool (*)(const Candidates&, const Analysis&, Step&);

struct Finder {
    Level level;          // the highest level of what it finds
    int rating;           // its lowest rating (x10): the position in the rating order
    FindFn find;
    bool uniqueness = false;
    bool trial = false;
    bool rating_order = true;  // used in the rating order
    int wing_size = 0;         // bent-set finders: their size (the memo applies)
};

// Every finder, in the rating order (Sudoku Explainer's: the easiest rating first).
const std::array<Finder, 29>& rating_table() {
    static const std::array<Finder, 29> table = {{
        {Level::easy, 10, find_full_house},
        {Level::easy, 12, [](const Candidates& c, const Analysis& a, Step& s) { return find_hidden_single(c, a, true, s); }},
        {Level::easy, 15, [](const Candidates& c, const Analysis& a, Step& s) { return find_hidden_single(c, a, false, s); }},
        {Level::easy, 23, find_naked_single},
        {Level::medium, 26, find_pointing},
        {Level::medium, 28, find_claiming},
        {Level::medium, 30, [](const Candidates& c, const Analysis& a, Step& s) { return find_naked_subset(c, a, 2, s); }},
        {Level::hard, 32, [](const Candidates& c, const Analysis& a, Step& s) { return find_fish(c, a, 2, s); }},
        {Level::medium, 34, [](const Candidates& c, const Analysis& a, Step& s) { return find_hidden_subset(c, a, 2, s); }},
        {Level::hard, 36, [](const Candidates& c, const Analysis& a, Step& s) { return find_naked_subset(c, a, 3, s); }},
        {Level::expert, 38, [](const Candidates& c, const Analysis& a, Step& s) { return find_fish(c, a, 3, s); }},
        {Level::hard, 40, [](const Candidates& c, const Analysis& a, Step& s) { return find_hidden_subset(c, a, 3, s); }},
        {Level::hard, 40, find_turbot},
        {Level::hard, 42, find_empty_rectangle},
        {Level::expert, 42, [](const Candidates& c, const Analysis& a, Step& s) { return find_wing(c, a, 3, s); }, false, false, true, 3},
        {Level::expert, 44, find_w_wing, false, false, false},
        {Level::expert, 45, find_unique_rectangle, true},
        {Level::hard, 50, [](const Candidates& c, const Analysis& a, Step& s) { return find_naked_subset(c, a, 4, s); }},
        {Level::expert, 52, [](const Candidates& c, const Analysis& a, Step& s) { return find_fish(c, a, 4, s); }},
        {Level::hard, 54, [](const Candidates& c, const Analysis& a, Step& s) { return find_hidden_subset(c, a, 4, s); }},
        {Level::extreme, 54, find_three_link},
        {Level::expert, 55, [](const Candidates& c, const Analysis& a, Step& s) { return find_wing(c, a, 4, s); }, false, false, true, 4},
        {Level::expert, 56, find_bug, true},
        {Level::expert, 62, [](const Candidates& c, const Analysis& a, Step& s) { return find_wing(c, a, 5, s); }, false, false, true, 5},
        {Level::expert, 66, find_simple_colouring, false, false, false},
        {Level::extreme, 66, find_chain},
        {Level::extreme, 80, find_forcing_chain},
        {Level::extreme, 85, find_trial, false, true},
        {Level::extreme, 110, find_search_trial, false, true},
    }};
    return table;
}

// The same finders, the lowest level first (then by rating): the order of hints.
const std::array<Finder, 29>& level_table() {
    static const std::array<Finder, 29> table = [] {
        std::array<Finder, 29> t = rating_table();
        std::stable_sort(t.begin(), t.end(), [](const Finder& x, const Finder& y) {
            return static_cast<int>(x.level) < static_cast<int>(y.level);
        });
        return t;
    }();
    return table;
}

// The cells that changed from `before` to `now`, when `now` only removed candidates
// and added digits; nullopt otherwise.
std::optional<CellSet> changed_cells(const Candidates& before, const Candidates& now) {
    CellSet changed;
    for (int i = 0; i < kCells; ++i) {
        const auto x = static_cast<std::size_t>(i);
        if (before.values[i] != 0 && before.values[i] != now.values[i]) return std::nullopt;
        if (now.masks[x] & ~before.masks[x]) return std::nullopt;
        if (now.masks[x] != before.masks[x] || now.values[i] != before.values[i]) changed.set(i);
    }
    return changed;
}

// A wing search through the memo: only sets touching a changed cell after a failure.
bool remembered_wing(const Candidates& cands, const Analysis& a, int size, LogicMemo& memo, Step& step) {
    auto& failed = memo.wing_failed[static_cast<std::size_t>(size - 3)];
    std::optional<CellSet> touching;
    if (failed) touching = changed_cells(*failed, cands);
    if (find_wing(cands, a, size, step, touching ? &*touching : nullptr)) {
        failed.reset();
        return true;
    }
    failed = cands;
    return false;
}

}  // namespace

std::optional<Step> next_step(const Candidates& cands, const LogicOptions& options) {
    if (cands.solved()) return std::nullopt;
    const auto& table = options.order == StepOrder::rating ? rating_table() : level_table();
    Step step;
    // The singles (the first four finders in both orders) read no analysis: most steps
    // are singles, so the analysis is made only when they fail.
    Analysis a;
    bool analysed = false;
    for (const Finder& f : table) {
        if (!analysed && f.rating > 23) {
            a = analyze(cands);
            analysed = true;
        }
        if (static_cast<int>(f.level) > static_cast<int>(options.max_level)) {
            if (options.order == StepOrder::level) break;
            continue;
        }
        if (options.order == StepOrder::rating && !f.rating_order) continue;
        if (f.rating > options.max_rating) continue;
        if ((f.uniqueness && !options.uniqueness) || (f.trial && !options.trial)) continue;
        if (f.wing_size && options.memo) {
            if (remembered_wing(cands, a, f.wing_size, *options.memo, step)) return step;
            continue;
        }
        if (f.find(cands, a, step)) return step;
    }
    return std::nullopt;
}

LogicSolve solve_logically(const Candidates& start, const LogicOptions& options) {
    LogicSolve out;
    out.end = start;
    for (;;) {
        if (out.end.solved()) {
            out.solved = !out.end.broken();
            return out;
        }
        std::optional<Step> step = next_step(out.end, options);
        if (!step) return out;
        apply_step(out.end, *step);
        out.steps.push_back(std::move(*step));
    }
}

namespace {

bool is_chain_family(Technique t) {
    switch (t) {
        case Technique::simple_colouring:
        case Technique::x_chain:
        case Technique::xy_chain:
        case Technique::aic:
        case Technique::skyscraper:
        case Technique::two_string_kite:
        case Technique::turbot_fish:
            return true;
        default:
            return false;
    }
}

// The rating path: Sudoku Explainer's order (the easiest rating first). Once a chain,
// forcing chain or trial was needed, everything of its kind rated no higher than the
// running maximum is applied at once (a sweep): that cannot raise the maximum, and
// spares re-running every cheaper technique between those steps.
void rating_solve(const Candidates& start, Grade& g) {
    Candidates cur = start;
    LogicMemo memo;
    const LogicOptions options{.order = StepOrder::rating, .max_rating = 79, .memo = &memo};  // up to chains
    g.rating = 10;
    g.hardest = Technique::full_house;
    g.steps = 0;
    g.solved = false;
    auto account = [&](const Step& step) {
        ++g.steps;
        if (step.rating > g.rating) {
            g.rating = step.rating;
            g.hardest = step.technique;
        }
    };
    const LogicOptions cheap{.order = StepOrder::rating, .max_rating = 28, .memo = &memo};  // singles, locked
    while (!cur.solved()) {
        // Once forcing chains were needed, everything rated up to them may come in any
        // order: after the cheap techniques, a forcing sweep within the running maximum
        // (it finds what wings and chains would, and more) before the whole ladder.
        if (g.rating >= 70) {
            if (std::optional<Step> step = next_step(cur, cheap)) {
                apply_step(cur, *step);
                account(*step);
                continue;
            }
            Step merged;
            const Analysis a = analyze(cur);
            if (g.rating < 80 && sweep_chains(cur, a, g.rating, merged)) {
                apply_step(cur, merged);
                ++g.steps;
                continue;
            }
            if (g.rating >= 80 && sweep_forcing_chains(cur, a, g.rating, merged) && merged.rating <= g.rating) {
                apply_step(cur, merged);
                ++g.steps;
                continue;
            }
        }
        if (std::optional<Step> step = next_step(cur, options)) {
            apply_step(cur, *step);
            account(*step);
            if (!is_chain_family(step->technique) || step->rating < 66 || cur.solved()) continue;
            Step merged;
            if (sweep_chains(cur, analyze(cur), g.rating, merged)) apply_step(cur, merged);
            continue;
        }
        const Analysis a = analyze(cur);
        Step merged;
        if (sweep_forcing_chains(cur, a, g.rating, merged) || sweep_trials(cur, a, g.rating, merged) ||
            find_search_trial(cur, a, merged)) {
            apply_step(cur, merged);
            account(merged);
            continue;
        }
        return;  // stuck
    }
    g.solved = !cur.broken();
}

// The level path: the lowest level first; it stops at the first extreme step, since
// nothing can raise the level further.
Level level_solve(const Candidates& start) {
    Candidates cur = start;
    LogicMemo memo;
    const LogicOptions options{.order = StepOrder::level, .memo = &memo};
    Level level = Level::easy;
    while (!cur.solved()) {
        std::optional<Step> step = next_step(cur, options);
        if (!step || step->level() == Level::extreme) return Level::extreme;
        level = std::max(level, step->level());
        apply_step(cur, *step);
    }
    return level;
}

}  // namespace

Expected<Grade> grade_logic(const Grid& puzzle) {
    for (int i = 0; i < kCells; ++i) {
        if (puzzle[i] > 9) return make_error("sudoku.value", "cell " + cell_name(i) + " holds " + std::to_string(puzzle[i]) + ", not a digit");
    }
    if (!consistent(puzzle)) return make_error("sudoku.duplicate", "a digit repeats in a row, column or box");
    const Candidates start = candidates_of(puzzle);
    if (start.broken()) return make_error("sudoku.unsolvable", "the puzzle has no solution: some cell or digit has no place left");
    const int solutions = count_solutions(puzzle, 2);
    if (solutions == 0) return make_error("sudoku.unsolvable", "the puzzle has no solution");
    if (solutions > 1) return make_error("sudoku.multiple", "the puzzle has more than one solution");
    Grade g;
    rating_solve(start, g);
    if (!g.solved) g.rating = std::max(g.rating, 120);  // stuck: no solution, or several
    // Up to medium, the rating order never uses a technique of a higher level than the
    // level order would; above it, the level path decides.
    if (g.solved && static_cast<int>(technique_level(g.hardest)) <= static_cast<int>(Level::medium) &&
        g.rating < 32) {
        g.level = technique_level(g.hardest);
        return g;
    }
    g.level = level_solve(start);
    return g;
}

std::optional<Level> level_within(const Grid& puzzle, Level cap) {
    const Candidates start = candidates_of(puzzle);
    if (start.broken()) return std::nullopt;
    LogicOptions options;
    options.order = StepOrder::level;
    options.max_level = cap;
    options.trial = cap == Level::extreme;
    const LogicSolve path = solve_logically(start, options);
    if (!path.solved) return std::nullopt;
    Level level = Level::easy;
    for (const Step& s : path.steps) level = std::max(level, s.level());
    return level;
}

}  // namespace astradia::sudoku
