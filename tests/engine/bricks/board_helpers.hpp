// Purpose: helpers for the Bricks tests: boards drawn as text, states with a chosen tray.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "engine/bricks/game.hpp"
#include "engine/bricks/ruleset.hpp"

namespace bricks_test {

using namespace astradia::bricks;

// Rows of '#' (filled) and '.' (empty), top row first.
inline Bits board_of(const Ruleset& rules, const std::vector<std::string>& rows) {
    Bits b;
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        for (int c = 0; c < static_cast<int>(rows[static_cast<std::size_t>(r)].size()); ++c) {
            if (rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] == '#') b.set(r * rules.cols() + c);
        }
    }
    return b;
}

// A state with this board and tray (shape names; "" = an empty slot), Rng seed 1.
inline State state_of(const Ruleset& rules, Bits board, std::initializer_list<const char*> tray) {
    State s;
    s.board = board;
    s.tray.fill(kEmptySlot);
    int i = 0;
    for (const char* name : tray) {
        s.tray[static_cast<std::size_t>(i++)] =
            static_cast<std::int8_t>(std::string(name).empty() ? kEmptySlot : rules.find_shape(name));
    }
    s.rng = astradia::Rng(1).state();
    s.trays = 1;
    return s;
}

// A simple deterministic policy: the lowest tray slot that fits, at its lowest anchor.
inline bool first_fit(const Ruleset& rules, const State& s, Move& out) {
    const Bits free = rules.full() & ~s.board;
    for (int i = 0; i < rules.tray_size(); ++i) {
        const int shape = s.tray[static_cast<std::size_t>(i)];
        if (shape == kEmptySlot) continue;
        const Bits a = rules.fitting_anchors(shape, free);
        if (a.any()) {
            out = Move{i, a.lowest() / rules.cols(), a.lowest() % rules.cols()};
            return true;
        }
    }
    return false;
}

}  // namespace bricks_test
