// Purpose: the Bricks transition: placing, clearing, scoring, refilling the tray, game over.
#include "engine/bricks/game.hpp"

#include <bit>

namespace astradia::bricks {
namespace {

void draw_tray(const Ruleset& rules, State& state) {
    Rng rng;
    rng.set_state(state.rng);
    state.tray.fill(kEmptySlot);
    for (int i = 0; i < rules.tray_size(); ++i) {
        const auto x = rng.below(static_cast<std::uint32_t>(rules.total_weight()));
        state.tray[static_cast<std::size_t>(i)] = static_cast<std::int8_t>(rules.shape_for_draw(x));
    }
    state.rng = rng.state();
    ++state.trays;
}

}  // namespace

State new_game(const Ruleset& rules, std::uint64_t seed) {
    State state;
    state.rng = Rng(seed).state();
    draw_tray(rules, state);
    state.over = !any_piece_fits(rules, state);
    return state;
}

int drop_and_clear(const Ruleset& rules, Bits& board, const Placement& p, Bits& cleared) {
    board |= p.mask;
    Bits clear;
    int lines = 0;
    for (unsigned rows = p.rows; rows != 0; rows &= rows - 1) {
        const Bits m = rules.row_mask(std::countr_zero(rows));
        if ((board & m) == m) {
            clear |= m;
            ++lines;
        }
    }
    for (unsigned cols = p.cols; cols != 0; cols &= cols - 1) {
        const Bits m = rules.col_mask(std::countr_zero(cols));
        if ((board & m) == m) {
            clear |= m;
            ++lines;
        }
    }
    board &= ~clear;
    cleared = clear;
    return lines;
}

Preview preview(const Ruleset& rules, const State& state, const Move& move) {
    Preview pv;
    if (move.piece < 0 || move.piece >= rules.tray_size()) return pv;
    const int shape = state.tray[static_cast<std::size_t>(move.piece)];
    if (shape == kEmptySlot || move.row < 0 || move.col < 0 || move.row >= rules.rows() || move.col >= rules.cols()) {
        return pv;
    }
    const int anchor = move.row * rules.cols() + move.col;
    if (!rules.shape(shape).anchors.test(anchor)) return pv;
    const Placement& p = rules.placement(shape, anchor);
    pv.on_board = true;
    pv.cells = p.mask;
    pv.fits = (p.mask & state.board).none();
    if (pv.fits) {
        Bits board = state.board;
        drop_and_clear(rules, board, p, pv.clearing);
    }
    return pv;
}

CellShapes no_shapes() {
    CellShapes shapes;
    shapes.fill(kEmptySlot);
    return shapes;
}

void track_shapes(const Ruleset& rules, CellShapes& shapes, const State& before, const Move& move, const State& after) {
    const int shape = before.tray[static_cast<std::size_t>(move.piece)];
    if (shape == kEmptySlot) return;
    const Placement& p = rules.placement(shape, move.row * rules.cols() + move.col);
    for_each_bit(p.mask, [&](int i) { shapes[static_cast<std::size_t>(i)] = static_cast<std::int8_t>(shape); });
    for_each_bit(after.last_cleared, [&](int i) { shapes[static_cast<std::size_t>(i)] = kEmptySlot; });
}

int pieces_left(const Ruleset& rules, const State& state) {
    int n = 0;
    for (int i = 0; i < rules.tray_size(); ++i) n += state.tray[static_cast<std::size_t>(i)] != kEmptySlot;
    return n;
}

bool piece_fits(const Ruleset& rules, const State& state, int slot) {
    if (slot < 0 || slot >= rules.tray_size()) return false;
    const int s = state.tray[static_cast<std::size_t>(slot)];
    return s != kEmptySlot && rules.fitting_anchors(s, rules.full() & ~state.board).any();
}

bool any_piece_fits(const Ruleset& rules, const State& state) {
    for (int i = 0; i < rules.tray_size(); ++i) {
        if (piece_fits(rules, state, i)) return true;
    }
    return false;
}

int place_unchecked(const Ruleset& rules, State& state, int piece, int anchor) {
    const int s = state.tray[static_cast<std::size_t>(piece)];
    const int lines = drop_and_clear(rules, state.board, rules.placement(s, anchor), state.last_cleared);
    const auto points = static_cast<std::uint32_t>(rules.shape(s).size) + static_cast<std::uint32_t>(rules.line_bonus(lines));
    state.score += points;
    state.placements += 1;
    state.lines += static_cast<std::uint32_t>(lines);
    state.last_lines = static_cast<std::uint8_t>(lines);
    state.last_points = points;
    state.tray[static_cast<std::size_t>(piece)] = kEmptySlot;
    if (pieces_left(rules, state) == 0) draw_tray(rules, state);
    state.over = !any_piece_fits(rules, state);
    return lines;
}

Expected<State> place(const Ruleset& rules, const State& state, const Move& move) {
    if (state.over) return make_error("bricks.game_over", "The game is over: no remaining piece fits.");
    if (move.piece < 0 || move.piece >= rules.tray_size()) {
        return make_error("bricks.no_such_piece", "There is no piece " + std::to_string(move.piece) +
                                                      " in the tray (pieces are 0.." +
                                                      std::to_string(rules.tray_size() - 1) + ").");
    }
    const int s = state.tray[static_cast<std::size_t>(move.piece)];
    if (s == kEmptySlot) {
        return make_error("bricks.already_placed",
                          "Piece " + std::to_string(move.piece) + " has already been placed.");
    }
    const Shape& shape = rules.shape(s);
    if (move.row < 0 || move.col < 0 || move.row + shape.height > rules.rows() ||
        move.col + shape.width > rules.cols()) {
        return make_error("bricks.off_board", "Piece " + std::to_string(move.piece) + " (" + shape.name +
                                                  ") does not fit on the board at row " + std::to_string(move.row) +
                                                  ", column " + std::to_string(move.col) + ".");
    }
    const int anchor = move.row * rules.cols() + move.col;
    if ((rules.placement(s, anchor).mask & state.board).any()) {
        return make_error("bricks.overlap", "Piece " + std::to_string(move.piece) + " (" + shape.name +
                                                ") would cover a filled cell at row " + std::to_string(move.row) +
                                                ", column " + std::to_string(move.col) + ".");
    }
    State next = state;
    place_unchecked(rules, next, move.piece, anchor);
    return next;
}

std::vector<std::string> board_rows(const Ruleset& rules, Bits board) {
    std::vector<std::string> rows;
    for (int r = 0; r < rules.rows(); ++r) {
        std::string line;
        for (int c = 0; c < rules.cols(); ++c) line += board.test(r * rules.cols() + c) ? '#' : '.';
        rows.push_back(std::move(line));
    }
    return rows;
}

std::string board_text(const Ruleset& rules, Bits board) {
    std::string out;
    for (const std::string& row : board_rows(rules, board)) {
        if (!out.empty()) out += '\n';
        out += row;
    }
    return out;
}

}  // namespace astradia::bricks
