// Purpose: the classic ruleset's data, ruleset validation, tables and JSON form.
#include "engine/bricks/ruleset.hpp"

#include <algorithm>
#include <bitset>
#include <set>

namespace astradia::bricks {
namespace {

struct ClassicShape {
    const char* name;
    const char* pattern;
    int weight;
};

// The 19 shapes of the genre's reference game and the draw weights players
// observed (total 42). Corner names say where the elbow is (nw = top-left).
constexpr ClassicShape kClassic[] = {
    {"dot", "#", 2},
    {"h2", "##", 3},
    {"v2", "#/#", 3},
    {"h3", "###", 3},
    {"v3", "#/#/#", 3},
    {"h4", "####", 2},
    {"v4", "#/#/#/#", 2},
    {"h5", "#####", 2},
    {"v5", "#/#/#/#/#", 2},
    {"sq2", "##/##", 6},
    {"sq3", "###/###/###", 2},
    {"c3nw", "##/#.", 2},
    {"c3ne", "##/.#", 2},
    {"c3sw", "#./##", 2},
    {"c3se", ".#/##", 2},
    {"c5nw", "###/#../#..", 1},
    {"c5ne", "###/..#/..#", 1},
    {"c5sw", "#../#../###", 1},
    {"c5se", "..#/..#/###", 1},
};

// A shape's cells on a kMaxSide x kMaxSide grid (bit row*kMaxSide + col, from the top-left of
// its box), and the same after a quarter turn clockwise, moved back to the top-left.
using Cells = std::bitset<kMaxSide * kMaxSide>;
Cells cells_of(const Shape& sh) {
    Cells out;
    for (int i = 0; i < sh.size; ++i) out.set(static_cast<std::size_t>(sh.row_of[static_cast<std::size_t>(i)] * kMaxSide + sh.col_of[static_cast<std::size_t>(i)]));
    return out;
}
Cells quarter_turn(const Cells& cells, int height) {
    Cells out;
    for (int r = 0; r < kMaxSide; ++r) {
        for (int c = 0; c < kMaxSide; ++c) {
            if (cells.test(static_cast<std::size_t>(r * kMaxSide + c))) out.set(static_cast<std::size_t>(c * kMaxSide + height - 1 - r));
        }
    }
    return out;
}

Error rules_error(const std::string& what) { return make_error("bricks.rules", "The ruleset is invalid: " + what + "."); }

bool valid_name(const std::string& name) {
    if (name.empty() || name.size() > 16) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// Parses a pattern into cell coordinates; empty string on success, else the problem.
std::string parse_pattern(const std::string& pattern, std::vector<int>& rows, std::vector<int>& cols,
                          int& height, int& width) {
    if (pattern.empty() || pattern.size() > 300) return "its pattern must have 1..300 characters";
    height = 0;
    width = -1;
    int col = 0;
    for (std::size_t i = 0; i <= pattern.size(); ++i) {
        const char ch = i < pattern.size() ? pattern[i] : '/';
        if (ch == '/') {
            if (width >= 0 && col != width) return "its pattern's rows differ in length";
            if (col == 0) return "its pattern has an empty row";
            width = col;
            col = 0;
            ++height;
            continue;
        }
        if (ch != '#' && ch != '.') return "its pattern may only hold '#', '.' and '/'";
        if (ch == '#') {
            rows.push_back(height);
            cols.push_back(col);
        }
        ++col;
    }
    if (height > kMaxSide || width > kMaxSide) return "its pattern is larger than 16x16";
    if (rows.empty()) return "its pattern has no cell";
    const bool top = std::count(rows.begin(), rows.end(), 0) > 0;
    const bool bottom = std::count(rows.begin(), rows.end(), height - 1) > 0;
    const bool left = std::count(cols.begin(), cols.end(), 0) > 0;
    const bool right = std::count(cols.begin(), cols.end(), width - 1) > 0;
    if (!top || !bottom || !left || !right) return "its pattern has an empty border row or column";
    return {};
}

}  // namespace

RulesetSpec classic_spec() {
    RulesetSpec spec;
    for (const ClassicShape& s : kClassic) spec.shapes.push_back({s.name, s.pattern, s.weight});
    return spec;
}

Expected<Ruleset> Ruleset::make(RulesetSpec spec) {
    if (spec.rows < 1 || spec.rows > kMaxSide || spec.cols < 1 || spec.cols > kMaxSide ||
        spec.rows * spec.cols > kMaxBoardCells) {
        return rules_error("the board must be 1..16 by 1..16 cells and at most 128 cells (it is " +
                           std::to_string(spec.rows) + "x" + std::to_string(spec.cols) + ")");
    }
    if (spec.tray_size < 1 || spec.tray_size > kMaxTray) {
        return rules_error("the tray must offer 1..5 pieces (it offers " + std::to_string(spec.tray_size) + ")");
    }
    if (spec.line_bonus < 0 || spec.line_bonus > 1000) {
        return rules_error("the line bonus must be 0..1000");
    }
    if (spec.shapes.empty() || spec.shapes.size() > static_cast<std::size_t>(kMaxShapes)) {
        return rules_error("it must have 1..64 shapes");
    }
    Ruleset rules;
    const int cells = spec.rows * spec.cols;
    rules.full_ = Bits::first(cells);
    for (int r = 0; r < spec.rows; ++r) {
        Bits m;
        for (int c = 0; c < spec.cols; ++c) m.set(r * spec.cols + c);
        rules.row_masks_.push_back(m);
    }
    for (int c = 0; c < spec.cols; ++c) {
        Bits m;
        for (int r = 0; r < spec.rows; ++r) m.set(r * spec.cols + c);
        rules.col_masks_.push_back(m);
    }
    std::set<std::string> names;
    for (const ShapeSpec& ss : spec.shapes) {
        const std::string label = "shape \"" + ss.name.substr(0, 16) + "\"";
        if (!valid_name(ss.name)) return rules_error("shape names are 1..16 letters, digits, '_' or '-' (\"" + ss.name.substr(0, 16) + "\" is not)");
        if (!names.insert(ss.name).second) return rules_error(label + " is defined twice");
        if (ss.weight < 1 || ss.weight > 10000) return rules_error(label + " must have a weight of 1..10000");
        Shape sh;
        sh.name = ss.name;
        sh.weight = ss.weight;
        const std::string problem = parse_pattern(ss.pattern, sh.row_of, sh.col_of, sh.height, sh.width);
        if (!problem.empty()) return rules_error(label + ": " + problem);
        if (sh.height > spec.rows || sh.width > spec.cols) return rules_error(label + " does not fit on the board");
        sh.size = static_cast<int>(sh.row_of.size());
        for (int i = 0; i < sh.size; ++i) {
            const int off = sh.row_of[static_cast<std::size_t>(i)] * spec.cols + sh.col_of[static_cast<std::size_t>(i)];
            sh.offsets.push_back(off);
            sh.mask.set(off);
        }
        for (int r = 0; r + sh.height <= spec.rows; ++r) {
            for (int c = 0; c + sh.width <= spec.cols; ++c) sh.anchors.set(r * spec.cols + c);
        }
        rules.total_weight_ += sh.weight;
        rules.cumulative_.push_back(static_cast<std::uint32_t>(rules.total_weight_));
        rules.shapes_.push_back(std::move(sh));
    }
    // Families: a shape joins the first earlier shape that one to three quarter turns make it.
    for (std::size_t s = 0; s < rules.shapes_.size(); ++s) {
        Shape& sh = rules.shapes_[s];
        sh.family = -1;
        Cells turned = cells_of(sh);
        int height = sh.height;  // of the turned shape's box
        for (int turn = 0; turn < 4 && sh.family < 0; ++turn) {
            for (std::size_t e = 0; e < s; ++e) {
                if (cells_of(rules.shapes_[e]) == turned) {
                    sh.family = rules.shapes_[e].family;
                    break;
                }
            }
            turned = quarter_turn(turned, height);
            height = turn % 2 == 0 ? sh.width : sh.height;
        }
        if (sh.family < 0) sh.family = rules.family_count_++;
    }
    if (rules.total_weight_ <= 4096) {
        for (std::uint32_t x = 0; x < static_cast<std::uint32_t>(rules.total_weight_); ++x) {
            rules.draw_table_.push_back(static_cast<std::uint8_t>(rules.shape_for_draw(x)));
        }
    }
    rules.placements_.resize(rules.shapes_.size() * static_cast<std::size_t>(cells));
    for (std::size_t s = 0; s < rules.shapes_.size(); ++s) {
        const Shape& sh = rules.shapes_[s];
        for_each_bit(sh.anchors, [&](int anchor) {
            Placement& p = rules.placements_[s * static_cast<std::size_t>(cells) + static_cast<std::size_t>(anchor)];
            p.mask = sh.mask.shl(anchor);
            const int r0 = anchor / spec.cols;
            const int c0 = anchor % spec.cols;
            for (int i = 0; i < sh.size; ++i) {
                p.rows = static_cast<std::uint16_t>(p.rows | (1u << (r0 + sh.row_of[static_cast<std::size_t>(i)])));
                p.cols = static_cast<std::uint16_t>(p.cols | (1u << (c0 + sh.col_of[static_cast<std::size_t>(i)])));
            }
        });
    }
    rules.spec_ = std::move(spec);
    return rules;
}

int Ruleset::find_shape(std::string_view name) const {
    for (std::size_t s = 0; s < shapes_.size(); ++s) {
        if (shapes_[s].name == name) return static_cast<int>(s);
    }
    return -1;
}

int Ruleset::shape_for_draw(std::uint32_t x) const {
    if (x < draw_table_.size()) return draw_table_[x];
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
    if (it == cumulative_.end()) return shape_count() - 1;
    return static_cast<int>(it - cumulative_.begin());
}

const Ruleset& classic_rules() {
    static const Ruleset rules = Ruleset::make(classic_spec()).value();
    return rules;
}

Json rules_to_json(const RulesetSpec& spec) {
    Json shapes = Json::array();
    for (const ShapeSpec& s : spec.shapes) {
        shapes.push_back(Json{{"name", s.name}, {"cells", s.pattern}, {"weight", s.weight}});
    }
    return Json{{"rows", spec.rows},          {"cols", spec.cols},     {"tray", spec.tray_size},
                {"line_bonus", spec.line_bonus}, {"shapes", shapes}};
}

Expected<Ruleset> rules_from_json(const Json& value) {
    JsonReader r("bricks.format");
    RulesetSpec spec;
    spec.rows = static_cast<int>(r.integer(value, "rows", "rules", 1, kMaxSide));
    spec.cols = static_cast<int>(r.integer(value, "cols", "rules", 1, kMaxSide));
    spec.tray_size = static_cast<int>(r.integer(value, "tray", "rules", 1, kMaxTray));
    spec.line_bonus = static_cast<int>(r.integer(value, "line_bonus", "rules", 0, 1000));
    const Json& shapes = r.array(value, "shapes", "rules", kMaxShapes);
    for (std::size_t i = 0; i < shapes.size() && !r.failed(); ++i) {
        const std::string path = "rules.shapes[" + std::to_string(i) + "]";
        ShapeSpec s;
        s.name = r.string(shapes[i], "name", path, 16);
        s.pattern = r.string(shapes[i], "cells", path, 300);
        s.weight = static_cast<int>(r.integer(shapes[i], "weight", path, 1, 10000));
        spec.shapes.push_back(std::move(s));
    }
    if (r.failed()) return r.error();
    return Ruleset::make(std::move(spec));
}

}  // namespace astradia::bricks
