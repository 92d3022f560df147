// Purpose: implementation of the player's actions as moves (see input.hpp).
#include "engine/sudoku/input.hpp"

namespace astradia::sudoku {

std::optional<Move> digit_move(const State& state, int cell, int digit, bool notes_mode, bool keep_peer_notes) {
    if (cell < 0 || cell >= kCells || digit < 1 || digit > 9) return std::nullopt;
    if (state.givens[cell] != 0) return std::nullopt;
    if (notes_mode) return Move::note(cell, digit);
    if (state.board.entries[cell] == digit) return Move::erase(cell);
    return Move::place(cell, digit, keep_peer_notes);
}

std::array<int, 10> digits_left(const State& state) {
    std::array<int, 10> left{};
    for (int d = 1; d <= 9; ++d) left[static_cast<std::size_t>(d)] = 9;
    for (int c = 0; c < kCells; ++c) {
        const int d = state.digit(c);
        if (d != 0 && d == state.solution[c]) --left[static_cast<std::size_t>(d)];
    }
    return left;
}

std::optional<Move> hint_move(const Hint& hint) {
    const Step& step = hint.step;
    switch (hint.kind) {
        case HintKind::wrong_entry:
            if (!step.cells.empty()) return Move::erase(step.cells.front());
            break;
        case HintKind::wrong_note:
            if (!step.cells.empty() && step.digits != 0) {
                int d = 1;
                while (((step.digits >> (d - 1)) & 1u) == 0) ++d;
                return Move::note(step.cells.front(), d);
            }
            break;
        case HintKind::step:
            if (!step.placements.empty()) return Move::place(step.placements.front().cell, step.placements.front().digit);
            break;
        case HintKind::solved: break;
    }
    return std::nullopt;
}

}  // namespace astradia::sudoku
