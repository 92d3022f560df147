// Purpose: the Bricks rules on hand-made boards: every shape at edges and corners,
// illegal moves and their codes, simultaneous row and column clears, the
// 5*r*(r+1) bonus, game over, and the tray refilled only after its last piece.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "board_helpers.hpp"
#include "engine/bricks/game.hpp"

using namespace astradia::bricks;
using astradia::Expected;
using bricks_test::board_of;
using bricks_test::state_of;

namespace {
std::string code_of(const Expected<State>& r) { return r ? std::string("ok") : r.error().code; }
}  // namespace

TEST_CASE("every shape fits in each corner and not one cell further", "[bricks][game]") {
    const Ruleset& rules = classic_rules();
    for (int s = 0; s < rules.shape_count(); ++s) {
        const Shape& sh = rules.shape(s);
        INFO(sh.name);
        const int last_row = rules.rows() - sh.height;
        const int last_col = rules.cols() - sh.width;
        for (auto [row, col] : {std::pair{0, 0}, std::pair{0, last_col}, std::pair{last_row, 0}, std::pair{last_row, last_col}}) {
            State st = state_of(rules, Bits{}, {sh.name.c_str(), "dot", "dot"});
            auto next = place(rules, st, Move{0, row, col});
            REQUIRE(next.ok());
            // Exactly the shape's cells, at the right place.
            CHECK(next->board == sh.mask.shl(row * rules.cols() + col));
            CHECK(next->board.count() == sh.size);
            CHECK(next->score == static_cast<std::uint64_t>(sh.size));
            CHECK(next->tray[0] == kEmptySlot);
        }
        State st = state_of(rules, Bits{}, {sh.name.c_str(), "dot", "dot"});
        CHECK(code_of(place(rules, st, Move{0, -1, 0})) == "bricks.off_board");
        CHECK(code_of(place(rules, st, Move{0, 0, -1})) == "bricks.off_board");
        CHECK(code_of(place(rules, st, Move{0, last_row + 1, 0})) == "bricks.off_board");
        CHECK(code_of(place(rules, st, Move{0, 0, last_col + 1})) == "bricks.off_board");
        CHECK(code_of(place(rules, st, Move{0, 99, 99})) == "bricks.off_board");
    }
}

TEST_CASE("illegal moves name their reason and leave nothing changed", "[bricks][game]") {
    const Ruleset& rules = classic_rules();
    State st = state_of(rules, board_of(rules, {"..........", ".#........"}), {"sq2", "dot", ""});
    CHECK(code_of(place(rules, st, Move{3, 0, 0})) == "bricks.no_such_piece");
    CHECK(code_of(place(rules, st, Move{-1, 0, 0})) == "bricks.no_such_piece");
    CHECK(code_of(place(rules, st, Move{2, 0, 0})) == "bricks.already_placed");
    auto overlap = place(rules, st, Move{0, 0, 0});  // the 2x2 would cover (1,1)
    REQUIRE_FALSE(overlap.ok());
    CHECK(overlap.error().code == "bricks.overlap");
    CHECK(overlap.error().message.find("row 0, column 0") != std::string::npos);
    CHECK(code_of(place(rules, st, Move{0, 0, 2})) == "ok");
    st.over = true;
    CHECK(code_of(place(rules, st, Move{0, 0, 2})) == "bricks.game_over");
}

TEST_CASE("full rows and columns clear at once and score 5*r*(r+1)", "[bricks][game]") {
    const Ruleset& rules = classic_rules();
    struct Case {
        const char* what;
        std::vector<std::string> board;
        const char* shape;
        int row, col;
        int lines;
    };
    const std::vector<Case> cases = {
        {"one row by a dot at the right edge", {"#########."}, "dot", 0, 9, 1},
        {"one column by a v5 at the bottom",
         {"#", "#", "#", "#", "#", ".", ".", ".", ".", "."}, "v5", 5, 0, 1},
        {"two rows by a v2",
         {".#########", ".#########"}, "v2", 0, 0, 2},
        {"a row and a column through the same cell",
         {"....#.....", "....#.....", "....#.....", "....#.....", "####.#####", "....#.....", "....#.....",
          "....#.....", "....#.....", "....#....."},
         "dot", 4, 4, 2},
        {"three rows by the 3x3 square", {"...#######", "...#######", "...#######"}, "sq3", 0, 0, 3},
        {"four rows by a v4 in the last column",
         {"..", "..", "..", "..", "..", "..", "#########.", "#########.", "#########.", "#########."},
         "v4", 6, 9, 4},
        {"five rows by a v5", {"####.#####", "####.#####", "####.#####", "####.#####", "####.#####"}, "v5", 0, 4, 5},
        {"three rows and three columns by the 3x3 square",
         {"...#######", "...#######", "...#######", "###.......", "###.......",
          "###.......", "###.......", "###.......", "###.......", "###......."},
         "sq3", 0, 0, 6},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        State st = state_of(rules, board_of(rules, c.board), {c.shape, "dot", "dot"});
        const int before = st.board.count();
        auto next = place(rules, st, Move{0, c.row, c.col});
        REQUIRE(next.ok());
        const int size = rules.shape(rules.find_shape(c.shape)).size;
        CHECK(next->last_lines == c.lines);
        CHECK(next->lines == static_cast<std::uint32_t>(c.lines));
        CHECK(next->score == static_cast<std::uint64_t>(size + 5 * c.lines * (c.lines + 1)));
        CHECK(next->last_points == static_cast<std::uint32_t>(next->score));
        // Cleared cells are exactly the full lines, gone from the board.
        CHECK(next->board.count() == before + size - next->last_cleared.count());
        CHECK((next->board & next->last_cleared).none());
    }
}

TEST_CASE("the row and the column of a cross both clear: 19 cells", "[bricks][game]") {
    const Ruleset& rules = classic_rules();
    State st = state_of(rules,
                        board_of(rules, {"....#.....", "....#.....", "....#.....", "....#.....", "####.#####",
                                         "....#.....", "....#.....", "....#.....", "....#.....", "....#....."}),
                        {"dot", "dot", "dot"});
    auto next = place(rules, st, Move{0, 4, 4});
    REQUIRE(next.ok());
    CHECK(next->last_cleared.count() == 19);
    CHECK(next->board.none());
    CHECK(next->score == 1 + 30);
}

TEST_CASE("the game ends when no remaining piece fits", "[bricks][game]") {
    const Ruleset& rules = classic_rules();
    // A checkerboard: no two empty cells touch, so only a dot fits.
    std::vector<std::string> checker;
    for (int r = 0; r < 10; ++r) checker.push_back(r % 2 == 0 ? "#.#.#.#.#." : ".#.#.#.#.#");
    const Bits board = board_of(rules, checker);
    State st = state_of(rules, board, {"h2", "v2", "sq2"});
    CHECK_FALSE(any_piece_fits(rules, st));
    st = state_of(rules, board, {"h2", "dot", "sq2"});
    CHECK(any_piece_fits(rules, st));
    // Placing the dot leaves pieces that fit nowhere: game over, and no more moves.
    auto next = place(rules, st, Move{1, 0, 1});
    REQUIRE(next.ok());
    CHECK(next->over);
    CHECK(code_of(place(rules, *next, Move{0, 0, 0})) == "bricks.game_over");
    // A fresh game on an empty board is not over.
    CHECK_FALSE(new_game(rules, 5).over);
}

TEST_CASE("the tray refills only after its last piece, from the state's own Rng", "[bricks][game]") {
    const Ruleset& rules = classic_rules();
    State st = new_game(rules, 11);
    REQUIRE(st.trays == 1);
    const auto first_tray = st.tray;
    const auto rng0 = st.rng;
    Move m;
    REQUIRE(bricks_test::first_fit(rules, st, m));
    for (int placed = 1; placed <= 3; ++placed) {
        // Place the lowest remaining slot at its first fitting anchor.
        auto next = place(rules, st, m);
        REQUIRE(next.ok());
        st = *next;
        if (placed < 3) {
            CHECK(st.trays == 1);
            CHECK(st.rng == rng0);  // nothing drawn yet
            CHECK(pieces_left(rules, st) == 3 - placed);
            for (int i = 0; i < 3; ++i) {
                if (st.tray[static_cast<std::size_t>(i)] != kEmptySlot) CHECK(st.tray[static_cast<std::size_t>(i)] == first_tray[static_cast<std::size_t>(i)]);
            }
            REQUIRE(bricks_test::first_fit(rules, st, m));
        }
    }
    CHECK(st.trays == 2);
    CHECK(pieces_left(rules, st) == 3);
    CHECK_FALSE(st.rng == rng0);
}

TEST_CASE("board text shows rows top first", "[bricks][game]") {
    const Ruleset& rules = classic_rules();
    const Bits b = board_of(rules, {"#.........", "", "", "", "", "", "", "", "", ".........#"});
    const std::string text = board_text(rules, b);
    CHECK(text.substr(0, 10) == "#.........");
    CHECK(text.substr(text.size() - 10) == ".........#");
    CHECK(board_rows(rules, b).size() == 10);
}
