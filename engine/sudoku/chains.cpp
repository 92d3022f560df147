// Purpose: chain finders: the four-link single-digit patterns (skyscraper, two-string
// kite, turbot fish), simple colouring and X-chains, XY-chains and alternating inference
// chains, found by breadth-first search so each is the shortest of its kind (see
// techniques.hpp). Also the shared implication graph (chain_graph.hpp).
#include <array>
#include <bit>
#include <climits>
#include <memory>
#include <vector>

#include "engine/sudoku/chain_graph.hpp"
#include "engine/sudoku/techniques.hpp"

namespace astradia::sudoku {
namespace chain_graph {

void build(Graph& g, const Candidates& c, const Analysis& a, int only_digit, bool conjugate_only, bool bivalue_only) {
    g.cands = &c;
    g.analysis = &a;
    g.only_digit = only_digit;
    g.conjugate_only = conjugate_only;
    g.strong_count.fill(0);
    g.linked.fill(CellSet{});
    auto add = [&](int from, int to) {
        g.linked[static_cast<std::size_t>(node_digit(from))].set(node_cell(from));
        auto& n = g.strong_count[static_cast<std::size_t>(from)];
        auto& list = g.strong[static_cast<std::size_t>(from)];
        for (int i = 0; i < n; ++i) {
            if (list[static_cast<std::size_t>(i)] == to) return;
        }
        list[n++] = static_cast<std::int16_t>(to);
    };
    if (only_digit == 0) {
        a.empty.for_each([&](int cell) {
            const DigitMask m = c.mask(cell);
            if (digit_count(m) != 2) return;
            const int d1 = first_digit(m), d2 = first_digit(static_cast<DigitMask>(m & (m - 1)));
            add(node_of(cell, d1), node_of(cell, d2));
            add(node_of(cell, d2), node_of(cell, d1));
        });
    }
    for (int h = 0; h < 27 && !bivalue_only; ++h) {
        for (int d = 1; d <= 9; ++d) {
            if (only_digit != 0 && d != only_digit) continue;
            const unsigned w = a.where[static_cast<std::size_t>(h)][static_cast<std::size_t>(d)];
            if (bits9(w) != 2) continue;
            const int x = house_cell(h, std::countr_zero(w));
            const int y = house_cell(h, 31 - std::countl_zero(w));
            add(node_of(x, d), node_of(y, d));
            add(node_of(y, d), node_of(x, d));
        }
    }
}

bool weakly_linked(const Candidates& c, int a, int b) {
    (void)c;
    if (a == b) return false;
    const int ca = node_cell(a), cb = node_cell(b);
    if (ca == cb) return true;
    return node_digit(a) == node_digit(b) && sees(ca, cb);
}

int conjugate_house(const Analysis& a, int cell1, int cell2, int digit) {
    const int candidates[3] = {row_of(cell1) == row_of(cell2) ? row_of(cell1) : -1,
                               col_of(cell1) == col_of(cell2) ? 9 + col_of(cell1) : -1,
                               box_of(cell1) == box_of(cell2) ? 18 + box_of(cell1) : -1};
    for (int h : candidates) {
        if (h >= 0 && bits9(a.where[static_cast<std::size_t>(h)][static_cast<std::size_t>(digit)]) == 2) return h;
    }
    return -1;
}

}  // namespace chain_graph

namespace {

using namespace chain_graph;

std::uint8_t u8(int v) { return static_cast<std::uint8_t>(v); }

// Whether any present candidate is weakly linked to both ends (cheap, no allocation).
bool any_victims(const Candidates& c, const Analysis& a, int start, int end) {
    const int cs = node_cell(start), ce = node_cell(end), ds = node_digit(start), de = node_digit(end);
    if (ds == de) {
        return !(a.digit_cells[static_cast<std::size_t>(ds)] & peer_sets()[static_cast<std::size_t>(cs)] &
                 peer_sets()[static_cast<std::size_t>(ce)]).empty();
    }
    if (cs == ce) return digit_count(static_cast<DigitMask>(c.mask(cs) & ~digit_bit(ds) & ~digit_bit(de))) > 0;
    return sees(cs, ce) && (c.has(ce, ds) || c.has(cs, de));
}

// The candidates that cannot be true when either end of an alternating chain is, i.e.
// every present candidate weakly linked to both ends.
std::vector<CellDigit> common_victims(const Candidates& c, const Analysis& a, int start, int end) {
    std::vector<CellDigit> out;
    const int cs = node_cell(start), ce = node_cell(end), ds = node_digit(start), de = node_digit(end);
    if (ds == de) {
        const CellSet t = a.digit_cells[static_cast<std::size_t>(ds)] & peer_sets()[static_cast<std::size_t>(cs)] &
                          peer_sets()[static_cast<std::size_t>(ce)];
        t.for_each([&](int x) { out.push_back({u8(x), u8(ds)}); });
    } else if (cs == ce) {
        for (DigitMask m = static_cast<DigitMask>(c.mask(cs) & ~digit_bit(ds) & ~digit_bit(de)); m; m &= static_cast<DigitMask>(m - 1)) {
            out.push_back({u8(cs), u8(first_digit(m))});
        }
    } else if (sees(cs, ce)) {
        if (c.has(ce, ds)) out.push_back({u8(ce), u8(ds)});
        if (c.has(cs, de)) out.push_back({u8(cs), u8(de)});
    }
    return out;
}

// Breadth-first search for the shortest alternating chain, from every start node, in a
// graph (single digit or all). A chain starts with a node assumed false and alternates
// strong links (to a node then true) and weak links (to a node then false).
struct ChainSearch {
    const Graph& g;
    const Candidates& c;
    const Analysis& a;
    // State = node * 2 + (1 if true).
    std::array<std::int16_t, kNodes * 2> parent{};
    std::array<std::uint8_t, kNodes * 2> depth{};
    std::array<std::uint32_t, kNodes * 2> seen{};
    std::array<std::int16_t, kNodes * 2> queue{};
    std::uint32_t stamp = 0;

    int best_length = INT_MAX;     // nodes of the best chain between its ends
    std::vector<ChainNode> best_chain;
    std::vector<CellDigit> best_victims;
    bool best_is_placement = false;
    // Loop mode: only chains whose ends see each other (same digit) count, closing a
    // loop; its effects are those of every weak link of the loop.
    bool loops_only = false;
    // Sweep mode: collect the effects of every chain within max_length instead.
    bool sweeping = false;
    Step* swept = nullptr;

    void sweep_add(const std::vector<CellDigit>& victims, bool placement) {
        for (const CellDigit& v : victims) {
            auto& list = placement ? swept->placements : swept->eliminations;
            bool dup = false;
            for (const CellDigit& x : list) dup = dup || x == v;
            if (!dup) list.push_back(v);
        }
    }

    ChainSearch(const Graph& graph, const Candidates& cands, const Analysis& an) : g(graph), c(cands), a(an) {}

    std::vector<ChainNode> path_to(int state) const {
        std::vector<ChainNode> out;
        for (int s = state; s >= 0; s = parent[static_cast<std::size_t>(s)]) {
            out.push_back({u8(node_cell(s / 2)), u8(node_digit(s / 2)), (s & 1) != 0});
        }
        std::vector<ChainNode> forward(out.rbegin(), out.rend());
        return forward;
    }

    // The effects of a closed loop (path[0] false ... path[n-1] true, the ends weakly
    // linked): every weak link u-v of the loop, the closing one included, removes the
    // candidates that conflict with both u and v, outside the loop.
    std::vector<CellDigit> loop_victims(const std::vector<ChainNode>& path) const {
        std::vector<CellDigit> out;
        auto add = [&](int cell, int digit) {
            for (const ChainNode& n : path) {
                if (n.cell == cell && n.digit == digit) return;
            }
            for (const CellDigit& v : out) {
                if (v.cell == cell && v.digit == digit) return;
            }
            out.push_back({u8(cell), u8(digit)});
        };
        for (std::size_t i = 1; i < path.size(); i += 2) {
            const ChainNode u = path[i], v = i + 1 < path.size() ? path[i + 1] : path[0];
            if (u.cell == v.cell) {
                for (DigitMask m = static_cast<DigitMask>(c.mask(u.cell) & ~digit_bit(u.digit) & ~digit_bit(v.digit)); m;
                     m &= static_cast<DigitMask>(m - 1)) {
                    add(u.cell, first_digit(m));
                }
            } else if (u.digit == v.digit) {
                (a.digit_cells[u.digit] & peer_sets()[u.cell] & peer_sets()[v.cell]).for_each([&](int x) { add(x, u.digit); });
            }
        }
        return out;
    }

    // Searches from one start (assumed false); keeps a chain shorter than the best so far.
    void from(int start, int max_length) {
        ++stamp;
        int head = 0, tail = 0;
        const int s0 = start * 2;
        seen[static_cast<std::size_t>(s0)] = stamp;
        parent[static_cast<std::size_t>(s0)] = -1;
        depth[static_cast<std::size_t>(s0)] = 1;
        queue[static_cast<std::size_t>(tail++)] = static_cast<std::int16_t>(s0);
        while (head < tail) {
            const int s = queue[static_cast<std::size_t>(head++)];
            const int node = s / 2, d = depth[static_cast<std::size_t>(s)];
            if (d + 1 > max_length || d - 1 >= best_length) return;
            auto visit = [&](int next_state) {
                if (seen[static_cast<std::size_t>(next_state)] == stamp) return false;
                seen[static_cast<std::size_t>(next_state)] = stamp;
                parent[static_cast<std::size_t>(next_state)] = static_cast<std::int16_t>(s);
                depth[static_cast<std::size_t>(next_state)] = static_cast<std::uint8_t>(d + 1);
                queue[static_cast<std::size_t>(tail++)] = static_cast<std::int16_t>(next_state);
                return true;
            };
            if ((s & 1) == 0) {  // false: a strong link makes its partner true
                const int n = g.strong_count[static_cast<std::size_t>(node)];
                for (int i = 0; i < n; ++i) {
                    const int next = g.strong[static_cast<std::size_t>(node)][static_cast<std::size_t>(i)];
                    const int ns = next * 2 + 1;
                    if (!visit(ns)) continue;
                    if (next == start && loops_only) continue;
                    if (next == start) {  // start false forces start true: it is true
                        const int length = d - 1;  // nodes strictly between the two ends
                        if (sweeping) {
                            sweep_add({{u8(node_cell(start)), u8(node_digit(start))}}, true);
                            return;
                        }
                        if (length < best_length) {
                            best_length = length;
                            best_chain = path_to(ns);
                            best_victims = {{u8(node_cell(start)), u8(node_digit(start))}};
                            best_is_placement = true;
                        }
                        return;
                    }
                    const int length = d + 1;
                    if (loops_only) {
                        if (node_digit(next) != node_digit(start) || !sees(node_cell(next), node_cell(start))) continue;
                        if (length >= best_length) continue;
                        auto path = path_to(ns);
                        auto victims = loop_victims(path);
                        if (victims.empty()) continue;
                        best_length = length;
                        best_chain = std::move(path);
                        best_victims = std::move(victims);
                        best_is_placement = false;
                        return;
                    }
                    if (!any_victims(c, a, start, next)) continue;
                    if (sweeping) {
                        sweep_add(common_victims(c, a, start, next), false);
                        continue;
                    }
                    if (length < best_length) {
                        auto victims = common_victims(c, a, start, next);
                        {
                            best_length = length;
                            best_chain = path_to(ns);
                            best_victims = std::move(victims);
                            best_is_placement = false;
                            return;
                        }
                    }
                }
            } else {  // true: every weakly linked candidate becomes false (only those
                      // with a strong link can lead on)
                for_each_weak_linked(g, node, [&](int next) { visit(next * 2); });
            }
        }
    }
};

// Are all links of the chain (taken as written) strong in the current candidates?
bool all_conjugate(const Analysis& a, const std::vector<ChainNode>& chain) {
    for (std::size_t i = 1; i < chain.size(); ++i) {
        if (conjugate_house(a, chain[i - 1].cell, chain[i].cell, chain[i].digit) < 0) return false;
    }
    return true;
}

bool is_xy_chain(const Candidates& c, const std::vector<ChainNode>& chain) {
    for (std::size_t i = 1; i < chain.size(); ++i) {
        const bool strong = chain[i].on;  // the link into a true node is strong
        const bool same_cell = chain[i - 1].cell == chain[i].cell;
        if (strong && !(same_cell && digit_count(c.mask(chain[i].cell)) == 2)) return false;
        if (!strong && same_cell) return false;
    }
    return true;
}

Technique four_link_kind(const Analysis& a, const std::vector<ChainNode>& chain) {
    const int d = chain[0].digit;
    const int h1 = conjugate_house(a, chain[0].cell, chain[1].cell, d);
    const int h2 = conjugate_house(a, chain[2].cell, chain[3].cell, d);
    const bool row1 = h1 < 9, row2 = h2 < 9, col1 = h1 >= 9 && h1 < 18, col2 = h2 >= 9 && h2 < 18;
    if ((row1 && row2) || (col1 && col2)) return Technique::skyscraper;
    if ((row1 && col2) || (col1 && row2)) return Technique::two_string_kite;
    return Technique::turbot_fish;
}

int four_link_rating(Technique t) {
    return t == Technique::skyscraper ? 40 : t == Technique::two_string_kite ? 41 : 42;
}

// The best single-digit chain over all digits, with at most max_nodes nodes (with
// colouring, only along conjugate pairs).
bool best_x_chain(const Candidates& c, const Analysis& a, int max_nodes, bool colouring, Step& step, int& length_out) {
    auto graph = std::make_unique<Graph>();
    Graph& g = *graph;
    int best = INT_MAX;
    bool found = false;
    auto search = std::make_unique<ChainSearch>(g, c, a);  // reused for every digit (its stamps stay valid)
    for (int d = 1; d <= 9; ++d) {
        build(g, c, a, d, colouring);
        search->best_chain.clear();
        search->best_length = best;
        a.digit_cells[static_cast<std::size_t>(d)].for_each([&](int cell) {
            const int node = node_of(cell, d);
            if (g.strong_count[static_cast<std::size_t>(node)] > 0) search->from(node, max_nodes);
        });
        if (search->best_length >= best || search->best_chain.empty()) continue;
        best = search->best_length;
        length_out = best;
        found = true;
        Step s;
        s.rating = 66 + chain_length_bonus(best);
        s.digits = digit_bit(d);
        s.chain = search->best_chain;
        if (search->best_is_placement) {
            s.technique = Technique::x_chain;
            s.placements = search->best_victims;
        } else {
            s.eliminations = search->best_victims;
            if (s.chain.size() == 4) {
                s.technique = four_link_kind(a, s.chain);
            } else {
                s.technique = all_conjugate(a, s.chain) ? Technique::simple_colouring : Technique::x_chain;
            }
        }
        for (const ChainNode& n : s.chain) s.cells.push_back(n.cell);
        step = std::move(s);
    }
    return found;
}

}  // namespace

bool find_turbot(const Candidates& c, const Analysis& a, Step& step) {
    // Direct search: two conjugate pairs a=b and c=e of one digit with b seeing c; then
    // a or e holds the digit, and it leaves every cell that sees both.
    (void)c;
    int best = INT_MAX;
    struct Link {
        int from, to;
    };
    std::array<Link, 54> links{};
    for (int d = 1; d <= 9; ++d) {
        int n = 0;
        for (int h = 0; h < 27; ++h) {
            const unsigned w = a.where[static_cast<std::size_t>(h)][static_cast<std::size_t>(d)];
            if (bits9(w) != 2) continue;
            const int x = house_cell(h, std::countr_zero(w)), y = house_cell(h, 31 - std::countl_zero(w));
            bool dup = false;  // a pair inside a box-line intersection is one link, not two
            for (int i = 0; i < n && !dup; ++i) dup = links[static_cast<std::size_t>(i)].from == x && links[static_cast<std::size_t>(i)].to == y;
            if (dup) continue;
            links[static_cast<std::size_t>(n++)] = {x, y};
            links[static_cast<std::size_t>(n++)] = {y, x};
        }
        const CellSet& cells_d = a.digit_cells[static_cast<std::size_t>(d)];
        for (int i = 0; i < n; ++i) {
            const Link l1 = links[static_cast<std::size_t>(i)];
            for (int j = 0; j < n; ++j) {
                const Link l2 = links[static_cast<std::size_t>(j)];
                if ((i ^ j) <= 1) continue;  // the same pair
                if (l2.from == l1.from || l2.from == l1.to || l2.to == l1.from || l2.to == l1.to) continue;
                if (!sees(l1.to, l2.from)) continue;
                const CellSet targets = cells_d & peer_sets()[static_cast<std::size_t>(l1.from)] &
                                        peer_sets()[static_cast<std::size_t>(l2.to)];
                if (targets.empty()) continue;
                const std::vector<ChainNode> chain = {{u8(l1.from), u8(d), false}, {u8(l1.to), u8(d), true},
                                                      {u8(l2.from), u8(d), false}, {u8(l2.to), u8(d), true}};
                const Technique kind = four_link_kind(a, chain);
                const int rating = four_link_rating(kind);
                if (rating >= best) continue;
                best = rating;
                step = Step{};
                step.technique = kind;
                step.rating = rating;
                step.digits = digit_bit(d);
                step.chain = chain;
                for (const ChainNode& node : chain) step.cells.push_back(node.cell);
                targets.for_each([&](int t) { step.eliminations.push_back({u8(t), u8(d)}); });
            }
        }
    }
    return best != INT_MAX;
}

bool find_empty_rectangle(const Candidates& c, const Analysis& a, Step& step) {
    for (int d = 1; d <= 9; ++d) {
        for (int b = 0; b < 9; ++b) {
            const unsigned w = a.where[static_cast<std::size_t>(18 + b)][static_cast<std::size_t>(d)];
            if (bits9(w) < 2) continue;
            const int band = (b / 3) * 3, stack = (b % 3) * 3;
            for (int i = 0; i < 3; ++i) {      // the box row (row band + i)
                for (int j = 0; j < 3; ++j) {  // the box column (stack + j)
                    const unsigned cross = (0x7u << (3 * i)) | (0x49u << j);
                    if (w & ~cross) continue;
                    // Not all on the row or all on the column: that is pointing.
                    if (!(w & ~(0x7u << (3 * i))) || !(w & ~(0x49u << j))) continue;
                    const int r = band + i, col = stack + j;
                    // A strong link along a column outside the stack, one end on row r;
                    // or along a row outside the band, one end on column col.
                    for (int kind = 0; kind < 2; ++kind) {
                        for (int k = 0; k < 9; ++k) {
                            const bool column_link = kind == 0;
                            if (column_link ? (k / 3 == b % 3) : (k / 3 == b / 3)) continue;
                            const int h = column_link ? 9 + k : k;
                            const unsigned lw = a.where[static_cast<std::size_t>(h)][static_cast<std::size_t>(d)];
                            if (bits9(lw) != 2) continue;
                            const int near = column_link ? cell_at(r, k) : cell_at(k, col);
                            if (!c.has(near, d)) continue;
                            const int far = house_cell(h, std::countr_zero(lw)) == near
                                                ? house_cell(h, 31 - std::countl_zero(lw))
                                                : house_cell(h, std::countr_zero(lw));
                            // The far end must lie outside the box's band (stack).
                            if (column_link ? (row_of(far) / 3 == b / 3) : (col_of(far) / 3 == b % 3)) continue;
                            const int target = column_link ? cell_at(row_of(far), col) : cell_at(r, col_of(far));
                            if (!c.has(target, d)) continue;
                            step = Step{};
                            step.technique = Technique::empty_rectangle;
                            step.rating = 42;
                            step.digits = digit_bit(d);
                            step.houses = {u8(18 + b), u8(h), u8(r), u8(9 + col)};
                            step.cells = {u8(near), u8(far)};
                            for (unsigned m = w; m; m &= m - 1) step.cells.push_back(u8(house_cell(18 + b, std::countr_zero(m))));
                            // As a chain: the box's group on the other line, the near end, the far end.
                            step.chain = {{u8(near), u8(d), false}, {u8(far), u8(d), true}};
                            step.eliminations = {{u8(target), u8(d)}};
                            return true;
                        }
                    }
                }
            }
        }
    }
    return false;
}

bool find_three_link(const Candidates& c, const Analysis& a, Step& step) {
    int length = 0;
    if (!best_x_chain(c, a, 6, false, step, length)) return false;
    if (step.chain.size() != 6 || step.eliminations.empty()) return false;
    bool rows = false, cols = false, boxes = false;
    for (std::size_t i = 0; i < 6; i += 2) {
        const int h = conjugate_house(a, step.chain[i].cell, step.chain[i + 1].cell, step.chain[i].digit);
        if (h < 0) return false;  // a strong link that is not a conjugate pair (cannot happen on one digit)
        rows = rows || h < 9;
        cols = cols || (h >= 9 && h < 18);
        boxes = boxes || h >= 18;
    }
    step.technique = Technique::x_chain;
    // All on rows or all on columns: Sukaku's "skyscraper with three strong links" (5.4).
    // Sukaku also splits the rest into 5.5 and 5.6 by how the links' houses mix; on the
    // calibration half, 5.5 for all of them matched its ratings better than our reading
    // of its split.
    step.rating = (rows != cols) && !boxes ? 54 : 55;
    return true;
}

bool find_simple_colouring(const Candidates& c, const Analysis& a, Step& step) {
    int length = 0;
    if (!best_x_chain(c, a, 64, true, step, length)) return false;
    if (step.chain.size() != 4 && step.technique != Technique::simple_colouring) step.technique = Technique::simple_colouring;
    return true;
}

bool find_chain(const Candidates& c, const Analysis& a, Step& step) {
    int x_length = INT_MAX;
    Step x_step;
    bool have_x = best_x_chain(c, a, 64, false, x_step, x_length);
    if (have_x && x_step.rating < 70) {
        step = std::move(x_step);
        return true;
    }
    auto graph = std::make_unique<Graph>();
    Graph& g = *graph;
    // XY-loops (Sudoku Explainer's Y-cycles, rated from 6.6): bivalue cells in a ring.
    build(g, c, a, 0, false, true);
    auto loops = std::make_unique<ChainSearch>(g, c, a);
    loops->loops_only = true;
    a.empty.for_each([&](int cell) {
        if (digit_count(c.mask(cell)) != 2) return;
        for (DigitMask m = c.mask(cell); m; m &= static_cast<DigitMask>(m - 1)) loops->from(node_of(cell, first_digit(m)), 64);
    });
    if (!loops->best_chain.empty()) {
        // (A loop's length counts its cells, as Sudoku Explainer does for cycles.)
        const int rating = 66 + chain_length_bonus(loops->best_length / 2);
        if (!have_x || rating < x_step.rating || (rating == x_step.rating && loops->best_length < x_length)) {
            x_step = Step{};
            x_step.technique = Technique::xy_chain;
            x_step.rating = rating;
            x_step.loop = true;
            x_step.chain = loops->best_chain;
            x_step.eliminations = loops->best_victims;
            for (const ChainNode& n : x_step.chain) {
                x_step.digits |= digit_bit(n.digit);
                if (x_step.cells.empty() || x_step.cells.back() != n.cell) x_step.cells.push_back(n.cell);
            }
            x_length = loops->best_length;
            have_x = true;
        }
        if (x_step.rating < 70) {
            step = std::move(x_step);
            return true;
        }
    }
    build(g, c, a, 0);
    auto search = std::make_unique<ChainSearch>(g, c, a);
    a.empty.for_each([&](int cell) {
        for (DigitMask m = c.mask(cell); m; m &= static_cast<DigitMask>(m - 1)) {
            const int node = node_of(cell, first_digit(m));
            if (g.strong_count[static_cast<std::size_t>(node)] > 0) search->from(node, 64);
        }
    });
    if (search->best_chain.empty()) {
        if (have_x) step = std::move(x_step);
        return have_x;
    }
    Step s;
    s.rating = 70 + chain_length_bonus(search->best_length);
    if (have_x && (x_step.rating < s.rating || (x_step.rating == s.rating && x_length <= search->best_length))) {
        step = std::move(x_step);
        return true;
    }
    s.chain = search->best_chain;
    s.technique = is_xy_chain(c, s.chain) ? Technique::xy_chain : Technique::aic;
    if (search->best_is_placement) s.placements = search->best_victims; else s.eliminations = search->best_victims;
    for (const ChainNode& n : s.chain) {
        s.digits |= digit_bit(n.digit);
        if (s.cells.empty() || s.cells.back() != n.cell) s.cells.push_back(n.cell);
    }
    step = std::move(s);
    return true;
}

static int max_chain_nodes(int base, int max_rating) {
    int nodes = 0;
    while (nodes < 64 && base + chain_length_bonus(nodes + 1) <= max_rating) ++nodes;
    return nodes;
}

bool sweep_chains(const Candidates& c, const Analysis& a, int max_rating, Step& merged) {
    merged = Step{};
    merged.technique = Technique::aic;
    merged.rating = max_rating;
    auto graph = std::make_unique<Graph>();
    Graph& g = *graph;
    const int x_nodes = max_chain_nodes(66, max_rating);
    auto search = std::make_unique<ChainSearch>(g, c, a);
    search->sweeping = true;
    search->swept = &merged;
    for (int d = 1; d <= 9 && x_nodes >= 4; ++d) {
        build(g, c, a, d);
        a.digit_cells[static_cast<std::size_t>(d)].for_each([&](int cell) {
            const int node = node_of(cell, d);
            if (g.strong_count[static_cast<std::size_t>(node)] > 0) search->from(node, x_nodes);
        });
    }
    const int aic_nodes = max_chain_nodes(70, max_rating);
    if (aic_nodes >= 2) {
        build(g, c, a, 0);
        a.empty.for_each([&](int cell) {
            for (DigitMask m = c.mask(cell); m; m &= static_cast<DigitMask>(m - 1)) {
                const int node = node_of(cell, first_digit(m));
                if (g.strong_count[static_cast<std::size_t>(node)] > 0) search->from(node, aic_nodes);
            }
        });
    }
    return !merged.eliminations.empty() || !merged.placements.empty();
}

}  // namespace astradia::sudoku
