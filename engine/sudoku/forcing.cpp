// Purpose: the last resorts of the logic engine: cell and region forcing chains (static
// implications from every candidate of a cell, or every place of a digit in a house)
// and bounded trial and error (an assumption followed by singles, then by locked
// candidates and pairs, that ends in a contradiction) (see techniques.hpp).
#include <algorithm>
#include <array>
#include <climits>
#include <memory>
#include <vector>

#include "engine/sudoku/chain_graph.hpp"
#include "engine/sudoku/solver.hpp"
#include "engine/sudoku/techniques.hpp"

namespace astradia::sudoku {
namespace {

using namespace chain_graph;

std::uint8_t u8(int v) { return static_cast<std::uint8_t>(v); }

// Everything that follows from one candidate being true through static links: the
// nodes then true and false, and how many nodes each deduction needs (the start is 1).
// (The depth arrays are only read where the sets have a bit, so they are left
// uninitialised elsewhere.)
struct Closure {
    NodeSet on, off;
    std::array<std::uint8_t, kNodes> on_depth, off_depth;
};

struct Implications {
    Graph g;
    std::array<std::int16_t, kNodes> slot{};  // node -> index in weak and closures, -1 when absent
    std::vector<NodeSet> weak;                // weak[slot]: nodes weakly linked to it
    std::vector<NodeSet> onward;              // onward[slot]: strong partners of those (true next)
    std::unique_ptr<Closure[]> closures;
    std::vector<int> on_front, next;  // work lists, reused
};

// Breadth-first, a level at a time: the nodes true at one level (all at the same depth)
// make their weak neighbours false (depth + 1) and, through those, their strong partners
// true (depth + 2) - the latter precomputed per node as onward[].
void compute_closure(Implications& im, int start, Closure& out) {
    out.on = NodeSet{};
    out.off = NodeSet{};
    out.on.set(start);
    out.on_depth[static_cast<std::size_t>(start)] = 1;
    std::vector<int>& front = im.on_front;
    std::vector<int>& next = im.next;
    front.assign(1, start);
    for (int depth = 1; !front.empty(); depth += 2) {
        NodeSet off_new, on_new;
        for (int u : front) {
            const auto slot = static_cast<std::size_t>(im.slot[static_cast<std::size_t>(u)]);
            off_new |= im.weak[slot];
            on_new |= im.onward[slot];
        }
        next.clear();
        const auto off_depth = static_cast<std::uint8_t>(std::min(255, depth + 1));
        const auto on_depth = static_cast<std::uint8_t>(std::min(255, depth + 2));
        for (std::size_t i = 0; i < off_new.w.size(); ++i) {
            std::uint64_t fresh = off_new.w[i] & ~out.off.w[i];
            out.off.w[i] |= fresh;
            for (; fresh; fresh &= fresh - 1) out.off_depth[i * 64 + static_cast<std::size_t>(std::countr_zero(fresh))] = off_depth;
            fresh = on_new.w[i] & ~out.on.w[i];
            out.on.w[i] |= fresh;
            for (; fresh; fresh &= fresh - 1) {
                const int v = static_cast<int>(i * 64) + std::countr_zero(fresh);
                out.on_depth[static_cast<std::size_t>(v)] = on_depth;
                next.push_back(v);
            }
        }
        front.swap(next);
    }
}

// Intersects the closures of the given branch starts; keeps the cheapest result.
struct ForcingBest {
    int rating = INT_MAX;
    Step step;
};

void add_unique(std::vector<CellDigit>& list, CellDigit v) {
    for (const CellDigit& x : list) {
        if (x == v) return;
    }
    list.push_back(v);
}

// One effect of a forcing chain and its rating, for sweeps.
struct Effect {
    int rating;
    CellDigit what;
    bool placement;
};

// Keeps the best step; with `all` set, also lists every effect.
void try_branches(const Candidates& c, const Implications& im, const std::vector<int>& starts, int house,
                  ForcingBest& best, std::vector<Effect>* all) {
    NodeSet on_all, off_all;
    bool first = true;
    for (int s : starts) {
        const Closure& cl = im.closures[static_cast<std::size_t>(im.slot[static_cast<std::size_t>(s)])];
        if (first) {
            on_all = cl.on;
            off_all = cl.off;
            first = false;
        } else {
            on_all &= cl.on;
            off_all &= cl.off;
        }
    }
    auto cost = [&](int node, bool on) {
        int total = 0;
        for (int s : starts) {
            const Closure& cl = im.closures[static_cast<std::size_t>(im.slot[static_cast<std::size_t>(s)])];
            total += on ? cl.on_depth[static_cast<std::size_t>(node)] : cl.off_depth[static_cast<std::size_t>(node)];
        }
        return total;
    };
    auto consider = [&](int node, bool on) {
        const int cell = node_cell(node), digit = node_digit(node);
        if (!c.has(cell, digit)) return;
        if (on && c.values[cell] != 0) return;
        const int rating = 80 + chain_length_bonus(cost(node, on) - 2);
        if (all) all->push_back({rating, {u8(cell), u8(digit)}, on});
        if (rating >= best.rating) return;
        Step s;
        s.technique = Technique::forcing_chain;
        s.rating = rating;
        for (int st : starts) {
            s.chain.push_back({u8(node_cell(st)), u8(node_digit(st)), true});
            if (s.cells.empty() || s.cells.back() != node_cell(st)) s.cells.push_back(u8(node_cell(st)));
            s.digits |= digit_bit(node_digit(st));
        }
        if (house >= 0) s.houses = {u8(house)};
        s.cells.push_back(u8(cell));
        if (on) s.placements = {{u8(cell), u8(digit)}}; else s.eliminations = {{u8(cell), u8(digit)}};
        best.rating = rating;
        best.step = std::move(s);
    };
    on_all.for_each([&](int node) { consider(node, true); });
    off_all.for_each([&](int node) { consider(node, false); });
}

// Fills every empty cell that has one candidate left and every digit that has one place
// left in a house, until nothing changes. Returns false on a contradiction, and then
// names it: the cell without candidates (cell >= 0) or the house and digit without a
// place. `placed` counts the placements made.
bool propagate_singles(Candidates& x, int& placed, int& bad_cell, int& bad_house, int& bad_digit) {
    for (;;) {
        bool changed = false;
        for (int cell = 0; cell < kCells; ++cell) {
            if (x.values[cell] != 0) continue;
            const DigitMask m = x.mask(cell);
            if (m == 0) {
                bad_cell = cell;
                return false;
            }
            if (digit_count(m) == 1) {
                x.place(cell, first_digit(m));
                ++placed;
                changed = true;
            }
        }
        for (int h = 0; h < 27; ++h) {
            DigitMask present = 0, once = 0, twice = 0;
            const auto& cells = detail::kHouseCells[static_cast<std::size_t>(h)];
            for (auto cell : cells) {
                if (x.values[cell]) {
                    present |= digit_bit(x.values[cell]);
                    continue;
                }
                const DigitMask m = x.mask(cell);
                twice |= once & m;
                once |= m;
            }
            const DigitMask missing = static_cast<DigitMask>(kAllDigits & ~present & ~once);
            if (missing) {
                bad_house = h;
                bad_digit = first_digit(missing);
                return false;
            }
            for (DigitMask single = static_cast<DigitMask>(once & ~twice); single; single &= static_cast<DigitMask>(single - 1)) {
                const int d = first_digit(single);
                for (auto cell : cells) {
                    if (x.values[cell] == 0 && x.has(cell, d)) {
                        x.place(cell, d);
                        ++placed;
                        changed = true;
                        break;
                    }
                }
            }
        }
        if (!changed) return true;
    }
}

// Singles plus locked candidates and naked/hidden pairs, until nothing changes.
bool propagate_more(Candidates& x, int& placed, int& bad_cell, int& bad_house, int& bad_digit) {
    for (;;) {
        if (!propagate_singles(x, placed, bad_cell, bad_house, bad_digit)) return false;
        if (x.solved()) return true;
        const Analysis a = analyze(x);
        Step s;
        if (find_pointing(x, a, s) || find_claiming(x, a, s) || find_naked_subset(x, a, 2, s) ||
            find_hidden_subset(x, a, 2, s)) {
            apply_step(x, s);
            placed += 1;
            continue;
        }
        return true;
    }
}

}  // namespace

namespace {

// Merges the effects rated at most max(floor, the best rating) into `merged`.
void merge_effects(const std::vector<Effect>& all, int floor, int best, Step& merged) {
    const int threshold = std::max(floor, best);
    for (const Effect& e : all) {
        if (e.rating <= threshold) add_unique(e.placement ? merged.placements : merged.eliminations, e.what);
    }
}

bool forcing_search(const Candidates& c, const Analysis& a, Step& step, std::vector<Effect>* all) {
    auto im = std::make_unique<Implications>();
    build(im->g, c, a, 0);
    im->slot.fill(-1);
    std::vector<int> nodes;
    a.empty.for_each([&](int cell) {
        for (DigitMask m = c.mask(cell); m; m &= static_cast<DigitMask>(m - 1)) nodes.push_back(node_of(cell, first_digit(m)));
    });
    im->weak.assign(nodes.size(), NodeSet{});
    im->onward.assign(nodes.size(), NodeSet{});
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        im->slot[static_cast<std::size_t>(nodes[i])] = static_cast<std::int16_t>(i);
        im->g.for_each_weak(nodes[i], [&](int v) {
            im->weak[i].set(v);
            const int n = im->g.strong_count[static_cast<std::size_t>(v)];
            for (int k = 0; k < n; ++k) im->onward[i].set(im->g.strong[static_cast<std::size_t>(v)][static_cast<std::size_t>(k)]);
        });
    }
    im->closures.reset(new Closure[nodes.size()]);
    for (std::size_t i = 0; i < nodes.size(); ++i) compute_closure(*im, nodes[i], im->closures[i]);
    ForcingBest best;
    std::vector<int> starts;
    a.empty.for_each([&](int cell) {
        // Two branches (a bivalue cell, a conjugate pair) give nothing an AIC would not:
        // forcing chains are only searched once every AIC has failed.
        if (digit_count(c.mask(cell)) < 3) return;
        starts.clear();
        for (DigitMask m = c.mask(cell); m; m &= static_cast<DigitMask>(m - 1)) starts.push_back(node_of(cell, first_digit(m)));
        try_branches(c, *im, starts, -1, best, all);
    });
    for (int h = 0; h < 27; ++h) {
        for (int d = 1; d <= 9; ++d) {
            const unsigned w = a.where[static_cast<std::size_t>(h)][static_cast<std::size_t>(d)];
            if (bits9(w) < 3) continue;
            starts.clear();
            for (unsigned m = w; m; m &= m - 1) {
                starts.push_back(node_of(house_cell(h, std::countr_zero(m)), d));
            }
            try_branches(c, *im, starts, h, best, all);
        }
    }
    if (best.rating == INT_MAX) return false;
    step = std::move(best.step);
    return true;
}

bool trial_search(const Candidates& c, const Analysis& a, Step& step, std::vector<Effect>* all) {
    // Candidates of narrow cells first: they are the assumptions a person tries.
    std::vector<int> order;
    for (int k = 2; k <= 9; ++k) {
        a.empty.for_each([&](int cell) {
            if (digit_count(c.mask(cell)) != k) return;
            for (DigitMask m = c.mask(cell); m; m &= static_cast<DigitMask>(m - 1)) order.push_back(node_of(cell, first_digit(m)));
        });
    }
    for (int level = 0; level < 2; ++level) {
        int best = INT_MAX;
        for (int node : order) {
            Candidates x = c;
            x.place(node_cell(node), node_digit(node));
            int placed = 0, bad_cell = -1, bad_house = -1, bad_digit = 0;
            const bool ok = level == 0 ? propagate_singles(x, placed, bad_cell, bad_house, bad_digit)
                                       : propagate_more(x, placed, bad_cell, bad_house, bad_digit);
            if (ok) continue;
            const int rating = (level == 0 ? 85 : 90) + chain_length_bonus(3 * (placed + 1));
            if (all) all->push_back({rating, {u8(node_cell(node)), u8(node_digit(node))}, false});
            if (rating >= best) continue;
            best = rating;
            Step s;
            s.technique = Technique::trial_and_error;
            s.rating = rating;
            s.chain = {{u8(node_cell(node)), u8(node_digit(node)), true}};
            s.cells = {u8(node_cell(node))};
            s.digits = digit_bit(node_digit(node));
            // The contradiction: a cell left without candidates (second cell), or a
            // house left without a place for a digit (the house, and the digit as a
            // second, false chain node on the house's first cell).
            if (bad_cell >= 0) {
                s.cells.push_back(u8(bad_cell));
            } else {
                s.houses = {u8(bad_house)};
                s.chain.push_back({detail::kHouseCells[static_cast<std::size_t>(bad_house)][0], u8(bad_digit), false});
            }
            s.eliminations = {{u8(node_cell(node)), u8(node_digit(node))}};
            step = std::move(s);
        }
        if (best != INT_MAX) return true;
    }
    return false;
}

}  // namespace

bool find_forcing_chain(const Candidates& c, const Analysis& a, Step& step) {
    return forcing_search(c, a, step, nullptr);
}

bool solve_with_singles(Candidates& c) {
    int placed = 0, bad_cell = -1, bad_house = -1, bad_digit = 0;
    return propagate_singles(c, placed, bad_cell, bad_house, bad_digit) && c.solved();
}

bool find_trial(const Candidates& c, const Analysis& a, Step& step) { return trial_search(c, a, step, nullptr); }

bool find_search_trial(const Candidates& c, const Analysis& a, Step& step) {
    // The narrowest cell first; in it, the first candidate whose placement leaves the
    // grid without any solution (a full search by the solver).
    for (int k = 2; k <= 9; ++k) {
        int found = -1, digit = 0;
        a.empty.for_each([&](int cell) {
            if (found >= 0 || digit_count(c.mask(cell)) != k) return;
            for (DigitMask m = c.mask(cell); m; m &= static_cast<DigitMask>(m - 1)) {
                Grid g = c.values;
                g[cell] = static_cast<std::uint8_t>(first_digit(m));
                if (count_solutions(g, 1) == 0) {
                    found = cell;
                    digit = first_digit(m);
                    return;
                }
            }
        });
        if (found < 0) continue;
        step = Step{};
        step.technique = Technique::trial_and_error;
        step.rating = 110;
        step.cells = {u8(found)};
        step.digits = digit_bit(digit);
        step.chain = {{u8(found), u8(digit), true}};
        step.eliminations = {{u8(found), u8(digit)}};
        return true;
    }
    return false;
}

bool sweep_forcing_chains(const Candidates& c, const Analysis& a, int floor, Step& merged) {
    std::vector<Effect> all;
    Step best;
    if (!forcing_search(c, a, best, &all)) return false;
    merged = Step{};
    merged.technique = Technique::forcing_chain;
    merged.rating = best.rating;
    merge_effects(all, floor, best.rating, merged);
    return true;
}

bool sweep_trials(const Candidates& c, const Analysis& a, int floor, Step& merged) {
    std::vector<Effect> all;
    Step best;
    if (!trial_search(c, a, best, &all)) return false;
    merged = Step{};
    merged.technique = Technique::trial_and_error;
    merged.rating = best.rating;
    merge_effects(all, floor, best.rating, merged);
    return true;
}

}  // namespace astradia::sudoku
