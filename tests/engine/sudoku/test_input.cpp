// Purpose: the player's actions as moves (engine/sudoku/input.hpp): a digit entered in a
// cell is a note in notes mode, takes out the same digit, is placed otherwise (with the
// notes setting carried in the move), and does nothing on a given; a hint's move erases a
// wrong entry, gives a note back, or places the step's digit.
#include <catch2/catch.hpp>

#include "engine/sudoku/input.hpp"

using namespace astradia::sudoku;

namespace {

Session easy_game() {
    // A real easy puzzle (singles only).
    auto puzzle = parse_grid("..3.2.6..9..3.5..1..18.64....81.29..7.......8..67.82....26.95..8..2.3..9..5.1.3..");
    REQUIRE(puzzle.ok());
    auto s = Session::start(*puzzle, NewGame{});
    REQUIRE(s.ok());
    return std::move(*s);
}

}  // namespace

TEST_CASE("input: a digit in a cell is a note, a placement or taking the digit out", "[sudoku][input]") {
    Session s = easy_game();
    const State& st = s.state();
    REQUIRE(st.givens[0] == 0);
    REQUIRE(st.givens[2] == 3);
    // On a given: nothing. Out of range: nothing.
    CHECK_FALSE(digit_move(st, 2, 5, false, false));
    CHECK_FALSE(digit_move(st, -1, 5, false, false));
    CHECK_FALSE(digit_move(st, 81, 5, false, false));
    CHECK_FALSE(digit_move(st, 0, 0, false, false));
    CHECK_FALSE(digit_move(st, 0, 10, false, false));
    // Notes mode: a note.
    CHECK(digit_move(st, 0, 4, true, false) == Move::note(0, 4));
    // Otherwise a placement, carrying the notes setting.
    CHECK(digit_move(st, 0, 4, false, false) == Move::place(0, 4, false));
    CHECK(digit_move(st, 0, 4, false, true) == Move::place(0, 4, true));
    // The same digit again takes it out; another digit replaces it.
    REQUIRE(s.play(*digit_move(st, 0, 4, false, false), 0).ok());
    CHECK(digit_move(s.state(), 0, 4, false, false) == Move::erase(0));
    CHECK(digit_move(s.state(), 0, 5, false, false) == Move::place(0, 5, false));
}

TEST_CASE("input: a hint's move fixes the mistake or makes the step's placement", "[sudoku][input]") {
    Session s = easy_game();
    const State& st = s.state();
    // A wrong digit: the hint's move erases it.
    const int wrong = st.solution[0] == 1 ? 2 : 1;
    REQUIRE(s.play(Move::place(0, wrong), 0).ok());
    auto h = next_hint(st.givens, s.state().board.entries, s.state().board.notes, st.solution);
    REQUIRE(h.ok());
    REQUIRE(h->kind == HintKind::wrong_entry);
    CHECK(hint_move(*h) == Move::erase(0));
    REQUIRE(s.play(*hint_move(*h), 0).ok());
    // A note that leaves out the right digit: the move notes that digit.
    const int other = st.solution[0] == 9 ? 8 : 9;
    REQUIRE(s.play(Move::note(0, other), 0).ok());
    h = next_hint(st.givens, s.state().board.entries, s.state().board.notes, st.solution);
    REQUIRE(h.ok());
    REQUIRE(h->kind == HintKind::wrong_note);
    CHECK(hint_move(*h) == Move::note(0, st.solution[0]));
    REQUIRE(s.play(*hint_move(*h), 0).ok());
    REQUIRE(s.play(Move::note(0, other), 0).ok());  // clear the stray note again
    // A logical step: its first placement, the solution's digit there.
    h = next_hint(st.givens, s.state().board.entries, s.state().board.notes, st.solution);
    REQUIRE(h.ok());
    REQUIRE(h->kind == HintKind::step);
    const auto mv = hint_move(*h);
    REQUIRE(mv);
    CHECK(mv->kind == MoveKind::place);
    CHECK(mv->digit == st.solution[mv->cell]);
    // Nothing to apply for a solved grid.
    Hint solved;
    solved.kind = HintKind::solved;
    CHECK_FALSE(hint_move(solved));
}

TEST_CASE("input: the digits left to place count the givens and right digits, never a wrong one", "[sudoku][input]") {
    Session s = easy_game();
    const State& st = s.state();
    std::array<int, 10> given{};
    for (int c = 0; c < kCells; ++c) ++given[st.givens[c]];
    const std::array<int, 10> start = digits_left(st);
    for (int d = 1; d <= 9; ++d) CHECK(start[static_cast<std::size_t>(d)] == 9 - given[static_cast<std::size_t>(d)]);
    // A right digit counts as placed.
    const int right = st.solution[0];
    REQUIRE(s.play(Move::place(0, right), 0).ok());
    CHECK(digits_left(s.state())[static_cast<std::size_t>(right)] == start[static_cast<std::size_t>(right)] - 1);
    // A wrong digit does not: every count stays where the right digits put it.
    int cell = 1;
    while (st.givens[cell] != 0) ++cell;
    const int wrong = st.solution[cell] % 9 + 1;
    const std::array<int, 10> before = digits_left(s.state());
    REQUIRE(s.play(Move::place(cell, wrong), 0).ok());
    CHECK(digits_left(s.state()) == before);
    // A solved grid has nothing left.
    for (int c = 0; c < kCells; ++c) {
        if (st.givens[c] == 0 && s.state().board.entries[c] != st.solution[c]) REQUIRE(s.play(Move::place(c, st.solution[c]), 0).ok());
    }
    CHECK(digits_left(s.state()) == std::array<int, 10>{});
}
