// Purpose: implementation of the Bricks planner: bounded order-and-position search
// with a transposition table, and the exhaustive retry.
#include "engine/bricks/ai.hpp"

#include <algorithm>
#include <bit>
#include <limits>

namespace astradia::bricks {
namespace {

constexpr double kDead = -1.0e6;  // per piece left unplaced
constexpr int kTableBits = 13;    // 8 Ki entries of 32 bytes: stays in the L2 cache
constexpr int kProbes = 4;

// Strict total order (best first; ties by position) so every platform's sort
// keeps the same children in the same order.
bool better(const auto& a, const auto& b) {
    if (a.key != b.key) return a.key > b.key;
    if (a.slot != b.slot) return a.slot < b.slot;
    return a.anchor < b.anchor;
}

}  // namespace

SearchOptions hint_options() { return SearchOptions{.beam = 6, .last = 4}; }
SearchOptions autoplay_options() { return SearchOptions{.beam = 12, .last = 8}; }

Planner::Planner(const Ruleset& rules, const Weights& weights, SearchOptions options)
    : rules_(&rules), eval_(rules, weights), options_(options), active_(options) {
    table_.resize(std::size_t{1} << kTableBits);
}

void Planner::next_generation() {
    if (++generation_ == 0) {
        std::fill(table_.begin(), table_.end(), Entry{});
        generation_ = 1;
    }
}

Planner::Entry* Planner::probe(Bits board, unsigned remaining, bool& found) {
    std::uint64_t h = board.lo * 0x9E3779B97F4A7C15ull;
    h ^= (board.hi + remaining * 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 29;
    const std::size_t mask = table_.size() - 1;
    for (int i = 0; i < kProbes; ++i) {
        Entry& e = table_[(static_cast<std::size_t>(h) + static_cast<std::size_t>(i)) & mask];
        if (e.generation != generation_) {
            found = false;
            return &e;
        }
        if (e.lo == board.lo && e.hi == board.hi && e.remaining == remaining) {
            found = true;
            return &e;
        }
    }
    found = false;
    return nullptr;
}

double Planner::leaf(Bits board) {
    bool found = false;
    Entry* e = probe(board, 0, found);
    if (found) return e->value;
    ++counters_.leaves;
    const double v = eval_.full(board);
    if (e != nullptr) *e = Entry{board.lo, board.hi, v, generation_, 0, 0, 0};
    return v;
}

Planner::Result Planner::search(Bits board, unsigned remaining) {
    bool found = false;
    if (Entry* e = probe(board, remaining, found); found) return Result{e->value, e->slot == 0xFF ? -1 : e->slot, e->anchor};
    ++counters_.nodes;
    const Ruleset& rules = *rules_;
    const Bits free = rules.full() & ~board;
    const double wp = eval_.weights().w[kPoints];
    const int depth = std::popcount(remaining);
    std::vector<Child>& children = scratch_[static_cast<std::size_t>(depth)];
    children.clear();
    const int keep = depth == 1 ? active_.last : active_.beam;
    std::uint64_t tried = 0;  // shapes already expanded at this node
    for (unsigned slots = remaining; slots != 0; slots &= slots - 1) {
        const int slot = std::countr_zero(slots);
        const int s = tray_[static_cast<std::size_t>(slot)];
        if ((tried >> s) & 1u) continue;
        tried |= std::uint64_t{1} << s;
        const std::size_t first = children.size();
        const double size = rules.shape(s).size;
        const Bits anchors = rules.fitting_anchors(s, free);
        const bool select = keep > 0 && anchors.count() > keep;
        for_each_bit(anchors, [&](int anchor) {
            Child c{0, 0, board, slot, anchor};
            Bits cleared;
            const int lines = drop_and_clear(rules, c.board, rules.placement(s, anchor), cleared);
            c.points = size + static_cast<double>(rules.line_bonus(lines));
            if (!select) {
                children.push_back(c);
                return;
            }
            // Keep the `keep` best of this shape, sorted best first (insertion).
            c.key = eval_.quick(c.board) + wp * c.points;
            std::size_t n = children.size() - first;
            if (n == static_cast<std::size_t>(keep)) {
                if (!better(c, children.back())) return;
                children.pop_back();
                --n;
            }
            children.push_back(c);
            for (std::size_t i = children.size() - 1; i > first && better(children[i], children[i - 1]); --i) {
                std::swap(children[i], children[i - 1]);
            }
        });
    }
    Result best{-std::numeric_limits<double>::infinity(), -1, -1};
    // Children are visited in vector order and ties keep the first: the order comes
    // from our own loops and the strict order `better`, the same on every platform.
    // Recursion reuses deeper scratch vectors only, so iterating by index is safe.
    for (std::size_t i = 0; i < children.size(); ++i) {
        const Child c = children[i];
        const unsigned rest = remaining & ~(1u << c.slot);
        const double v = wp * c.points + (rest == 0 ? leaf(c.board) : search(c.board, rest).value);
        if (v > best.value) best = Result{v, c.slot, c.anchor};
    }
    if (best.slot < 0) best.value = kDead * depth + eval_.full(board);
    Entry* e = probe(board, remaining, found);
    if (e != nullptr) {
        *e = Entry{board.lo, board.hi, best.value, generation_, static_cast<std::uint8_t>(remaining),
                   static_cast<std::uint8_t>(best.slot < 0 ? 0 : best.slot),
                   static_cast<std::uint8_t>(best.anchor < 0 ? 0 : best.anchor)};
        if (best.slot < 0) e->slot = 0xFF;
    }
    return best;
}

Plan Planner::plan(const State& state) {
    const Ruleset& rules = *rules_;
    counters_ = {};
    unsigned remaining = 0;
    for (int i = 0; i < rules.tray_size(); ++i) {
        tray_[static_cast<std::size_t>(i)] = state.tray[static_cast<std::size_t>(i)];
        if (state.tray[static_cast<std::size_t>(i)] != kEmptySlot) remaining |= 1u << i;
    }
    Plan plan;
    if (state.over || remaining == 0) return plan;
    active_ = options_;
    next_generation();
    Result root = search(state.board, remaining);
    // The bounded search found no way to place every piece: look wider (four times
    // the beam), then, for trays of up to three pieces, at every order and position
    // (cheap here: a tray that cannot be placed leaves few positions).
    for (int retry = 0; retry < 2 && root.value < kDead / 2; ++retry) {
        const bool bounded = active_.beam > 0 || active_.last > 0;
        if (!bounded || (retry == 1 && rules.tray_size() > 3)) break;
        active_ = retry == 0 ? SearchOptions{active_.beam * 4, active_.last * 4} : SearchOptions{};
        next_generation();
        root = search(state.board, remaining);
    }
    plan.value = root.value;
    Bits board = state.board;
    while (remaining != 0) {
        const Result r = search(board, remaining);
        if (r.slot < 0) break;
        const int s = tray_[static_cast<std::size_t>(r.slot)];
        Bits cleared;
        drop_and_clear(rules, board, rules.placement(s, r.anchor), cleared);
        plan.moves.push_back(Move{r.slot, r.anchor / rules.cols(), r.anchor % rules.cols()});
        remaining &= ~(1u << r.slot);
    }
    plan.complete = remaining == 0;
    return plan;
}

Expected<Move> Planner::hint(const State& state) {
    if (state.over) return make_error("bricks.game_over", "The game is over: no remaining piece fits.");
    Plan p = plan(state);
    if (p.moves.empty()) return make_error("bricks.game_over", "No remaining piece fits anywhere.");
    return p.moves.front();
}

}  // namespace astradia::bricks
