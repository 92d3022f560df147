// Purpose: implementation of the board evaluation (run decomposition of shapes, features).
#include "engine/bricks/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace astradia::bricks {
namespace {

constexpr std::string_view kFeatureNames[kFeatureCount] = {
    "free_cells",    "isolated", "row_transitions", "col_transitions", "nofit_share",   "nofit_biggest",
    "nofit_longest", "mobility", "biggest_spots",   "narrow_cells",    "uncovered_big", "regions",
    "border_filled", "line_fill",     "no_biggest_twice", "points",
};

constexpr int kVertical = kMaxSide;  // run index of a vertical run of length k: kVertical + k

bool is_straight(const Shape& s) { return (s.height == 1 || s.width == 1) && s.size == s.height * s.width; }

struct Run {
    bool vertical;
    int row, col, len;
};

// Covers a shape's cells with few horizontal/vertical runs (greedy set cover over
// the maximal runs of each row and column).
std::vector<Run> decompose(const Shape& sh) {
    std::vector<std::vector<bool>> cell(static_cast<std::size_t>(sh.height), std::vector<bool>(static_cast<std::size_t>(sh.width)));
    for (int i = 0; i < sh.size; ++i) cell[static_cast<std::size_t>(sh.row_of[static_cast<std::size_t>(i)])][static_cast<std::size_t>(sh.col_of[static_cast<std::size_t>(i)])] = true;
    const auto at = [&](int r, int c) { return cell[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)]; };
    std::vector<Run> candidates;
    for (int r = 0; r < sh.height; ++r) {
        for (int c = 0; c < sh.width;) {
            if (!at(r, c)) { ++c; continue; }
            int e = c;
            while (e < sh.width && at(r, e)) ++e;
            candidates.push_back({false, r, c, e - c});
            c = e;
        }
    }
    for (int c = 0; c < sh.width; ++c) {
        for (int r = 0; r < sh.height;) {
            if (!at(r, c)) { ++r; continue; }
            int e = r;
            while (e < sh.height && at(e, c)) ++e;
            if (e - r > 1) candidates.push_back({true, r, c, e - r});
            r = e;
        }
    }
    std::vector<std::vector<bool>> covered(static_cast<std::size_t>(sh.height), std::vector<bool>(static_cast<std::size_t>(sh.width)));
    const auto gain = [&](const Run& run) {
        int g = 0;
        for (int k = 0; k < run.len; ++k) {
            const int r = run.vertical ? run.row + k : run.row;
            const int c = run.vertical ? run.col : run.col + k;
            g += !covered[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
        }
        return g;
    };
    std::vector<Run> chosen;
    int left = sh.size;
    while (left > 0) {
        const Run* best = nullptr;
        int best_gain = 0;
        for (const Run& run : candidates) {
            const int g = gain(run);
            if (g > best_gain) {
                best = &run;
                best_gain = g;
            }
        }
        for (int k = 0; k < best->len; ++k) {
            const int r = best->vertical ? best->row + k : best->row;
            const int c = best->vertical ? best->col : best->col + k;
            covered[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] = true;
        }
        left -= best_gain;
        chosen.push_back(*best);
    }
    return chosen;
}

// `text` in double quotes, cut to 40 characters. Built by appending: GCC 12's -O3
// -Wrestrict misreads chained operator+ on strings (as in grid.cpp).
std::string in_quotes(std::string_view text) {
    std::string out = "\"";
    out += text.substr(0, 40);
    out += '"';
    return out;
}

}  // namespace

std::string_view feature_name(int feature) {
    return feature >= 0 && feature < kFeatureCount ? kFeatureNames[feature] : std::string_view("?");
}

Weights tuned_weights() {
    Weights w;
    w.w[kFreeCells] = 1.0;
    w.w[kIsolated] = -3.0;
    w.w[kRowTransitions] = -0.5;
    w.w[kColTransitions] = -0.5;
    w.w[kNoFitShare] = -40.0;
    w.w[kNoFitBiggest] = -10.0;
    w.w[kNoFitLongest] = -5.0;
    w.w[kMobility] = 2.0;
    w.w[kBiggestSpots] = 1.0;
    w.w[kNarrowCells] = -0.5;
    w.w[kUncoveredBig] = -0.1;
    w.w[kRegions] = -1.0;
    w.w[kBorderFilled] = 0.0;
    w.w[kLineFill] = 0.0;
    w.w[kNoBiggestTwice] = 0.0;
    w.w[kPoints] = 0.05;
    return w;
}

std::string weights_to_text(const Weights& weights) {
    std::string out;
    char number[32];
    for (int i = 0; i < kFeatureCount; ++i) {
        std::snprintf(number, sizeof number, "%.6g", weights.w[static_cast<std::size_t>(i)]);
        if (i > 0) out += ',';
        out += std::string(feature_name(i)) + "=" + number;
    }
    return out;
}

Expected<Weights> weights_from_text(std::string_view text) {
    Weights w;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(',', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view item = text.substr(pos, end - pos);
        const std::size_t eq = item.find('=');
        const std::string name(item.substr(0, eq == std::string_view::npos ? item.size() : eq));
        int feature = -1;
        for (int i = 0; i < kFeatureCount; ++i) {
            if (feature_name(i) == name) feature = i;
        }
        if (feature < 0 || eq == std::string_view::npos) {
            std::string message = in_quotes(name);
            message += " is not a feature name followed by '='.";
            return make_error("bricks.weights", message);
        }
        const std::string value(item.substr(eq + 1));
        char* stop = nullptr;
        const double v = std::strtod(value.c_str(), &stop);
        if (value.empty() || stop != value.c_str() + value.size() || !std::isfinite(v)) {
            std::string message = "The weight of ";
            message += name;
            message += " (";
            message += in_quotes(value);
            message += ") is not a number.";
            return make_error("bricks.weights", message);
        }
        w.w[static_cast<std::size_t>(feature)] = v;
        pos = end + 1;
    }
    return w;
}

Evaluator::Evaluator(const Ruleset& rules, const Weights& weights) : rules_(&rules), weights_(weights) {
    const int cols = rules.cols();
    const int cells = rules.cells();
    int longest = 0;
    for (int s = 0; s < rules.shape_count(); ++s) {
        const Shape& sh = rules.shape(s);
        if (is_straight(sh) && sh.size > 1) longest = std::max(longest, sh.size);
        if (biggest_ < 0) {
            biggest_ = s;
        } else {
            const Shape& b = rules.shape(biggest_);
            const int area = sh.height * sh.width;
            const int barea = b.height * b.width;
            if (area > barea || (area == barea && sh.size > b.size)) biggest_ = s;
        }
    }
    for (int s = 0; s < rules.shape_count(); ++s) {
        const Shape& sh = rules.shape(s);
        ShapeInfo info;
        info.offsets = sh.offsets;
        info.anchors = sh.anchors;
        info.prob = static_cast<double>(sh.weight) / static_cast<double>(rules.total_weight());
        info.longest = longest > 0 && is_straight(sh) && sh.size == longest;
        for (const Run& run : decompose(sh)) {
            const int index = run.vertical ? kVertical + run.len : run.len;
            info.segments.push_back(Segment{static_cast<std::uint8_t>(index), static_cast<std::uint8_t>(run.row * cols + run.col)});
            if (run.vertical) max_v_ = std::max(max_v_, run.len);
            else max_h_ = std::max(max_h_, run.len);
        }
        shapes_.push_back(std::move(info));
        if (sh.height >= 2 && sh.width >= 2 && s != biggest_ &&
            (common_block_ < 0 || sh.weight > rules.shape(common_block_).weight)) {
            common_block_ = s;
        }
    }
    for (int k = 1; k <= kMaxSide; ++k) {
        for (int i = 0; i < cells; ++i) {
            if (i % cols <= cols - k) hmask_[static_cast<std::size_t>(k)].set(i);
        }
    }
    for (int i = 0; i < cells; ++i) {
        if (i % cols != 0) not_first_col_.set(i);
        if (i % cols != cols - 1) not_last_col_.set(i);
        if (i < cells - cols) not_last_row_.set(i);
        if (i < cols || i >= cells - cols || i % cols == 0 || i % cols == cols - 1) border_.set(i);
    }
    const ShapeInfo& big = shapes_[static_cast<std::size_t>(biggest_)];
    biggest_overlap_.resize(static_cast<std::size_t>(cells));
    for_each_bit(big.anchors, [&](int a) {
        for_each_bit(big.anchors, [&](int b) {
            if ((rules.shape(biggest_).mask.shl(a) & rules.shape(biggest_).mask.shl(b)).any()) {
                biggest_overlap_[static_cast<std::size_t>(a)].set(b);
            }
        });
    });
    for (std::size_t n = 0; n < saturate_.size(); ++n) saturate_[n] = static_cast<double>(n) / (static_cast<double>(n) + 4.0);
}

double Evaluator::quick(Bits board) const {
    const int cols = rules_->cols();
    const Bits full = rules_->full();
    const Bits free = full & ~board;
    const Bits neighbours = (free.shl(1) & not_first_col_) | (free.shr(1) & not_last_col_) |
                            (free.shl(cols) & full) | free.shr(cols);
    const auto& w = weights_.w;
    return w[kFreeCells] * free.count() + w[kIsolated] * (free & ~neighbours).count() +
           w[kRowTransitions] * ((board ^ board.shr(1)) & not_last_col_).count() +
           w[kColTransitions] * ((board ^ board.shr(cols)) & not_last_row_).count();
}

Features Evaluator::features(Bits board) const {
    Features f{};
    const int cols = rules_->cols();
    const Bits full = rules_->full();
    const Bits free = full & ~board;
    f[kFreeCells] = free.count();
    const Bits neighbours = (free.shl(1) & not_first_col_) | (free.shr(1) & not_last_col_) |
                            (free.shl(cols) & full) | free.shr(cols);
    f[kIsolated] = (free & ~neighbours).count();
    f[kRowTransitions] = ((board ^ board.shr(1)) & not_last_col_).count();
    f[kColTransitions] = ((board ^ board.shr(cols)) & not_last_row_).count();

    std::array<Bits, 2 * kMaxSide + 1> runs;
    runs[1] = free;
    for (int k = 2; k <= max_h_; ++k) {
        runs[static_cast<std::size_t>(k)] = runs[static_cast<std::size_t>(k - 1)] & free.shr(k - 1) & hmask_[static_cast<std::size_t>(k)];
    }
    runs[kVertical + 1] = free;
    for (int k = 2; k <= max_v_; ++k) {
        runs[static_cast<std::size_t>(kVertical + k)] = runs[static_cast<std::size_t>(kVertical + k - 1)] & free.shr((k - 1) * cols);
    }
    double nofit = 0;
    double mobility = 0;
    for (std::size_t s = 0; s < shapes_.size(); ++s) {
        const ShapeInfo& info = shapes_[s];
        Bits a = info.anchors;
        for (const Segment& seg : info.segments) a &= runs[seg.run].shr(seg.off);
        const int n = a.count();
        if (n == 0) {
            nofit += info.prob;
            if (info.longest) f[kNoFitLongest] += 1.0;
        }
        mobility += info.prob * saturate_[static_cast<std::size_t>(n)];
        if (static_cast<int>(s) == biggest_ || static_cast<int>(s) == common_block_) {
            Bits cover;
            for (int off : info.offsets) cover |= a.shl(off);
            const double uncovered = (free & ~cover).count();
            if (static_cast<int>(s) == biggest_) {
                f[kNoFitBiggest] = n == 0 ? 1.0 : 0.0;
                // Two at once: some anchor leaves another that does not overlap it.
                bool twice = false;
                for (Bits rest = a; rest.any() && !twice; rest.drop_lowest()) {
                    twice = (a & ~biggest_overlap_[static_cast<std::size_t>(rest.lowest())]).any();
                }
                f[kNoBiggestTwice] = twice ? 0.0 : 1.0;
                f[kBiggestSpots] = saturate_[static_cast<std::size_t>(n)];
                f[kUncoveredBig] = uncovered;
            } else {
                f[kNarrowCells] = uncovered;
            }
        }
    }
    f[kNoFitShare] = nofit;
    f[kMobility] = mobility;
    f[kBorderFilled] = (board & border_).count();
    double fill = 0;
    const double inv_cols = 1.0 / cols;
    const double inv_rows = 1.0 / rules_->rows();
    for (int r = 0; r < rules_->rows(); ++r) {
        const double share = (board & rules_->row_mask(r)).count() * inv_cols;
        fill += share * share;
    }
    for (int c = 0; c < cols; ++c) {
        const double share = (board & rules_->col_mask(c)).count() * inv_rows;
        fill += share * share;
    }
    f[kLineFill] = fill;
    // Regions: grow each from its lowest cell inside the empty cells until it stops.
    int regions = 0;
    for (Bits rest = free; rest.any(); ++regions) {
        Bits region;
        region.set(rest.lowest());
        while (true) {
            const Bits grown = (region | (region.shl(1) & not_first_col_) | (region.shr(1) & not_last_col_) |
                                region.shl(cols) | region.shr(cols)) &
                               rest;
            if (grown == region) break;
            region = grown;
        }
        rest &= ~region;
    }
    f[kRegions] = regions;
    return f;
}

double Evaluator::full(Bits board) const {
    const Features f = features(board);
    double v = 0;
    for (int i = 0; i < kFeatureCount; ++i) v += weights_.w[static_cast<std::size_t>(i)] * f[static_cast<std::size_t>(i)];
    return v;
}

}  // namespace astradia::bricks
