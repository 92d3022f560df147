// Purpose: the Bricks rules on hand-made boards: every shape at edges and corners,
// illegal moves and their codes, simultaneous row and column clears, the
// 5*r*(r+1) bonus, game over, and the tray refilled only after its last piece.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "board_helpers.hpp"
#include "engine/bricks/game.hpp"
#include "engine/bricks/session.hpp"

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

TEST_CASE("preview: where a piece would go, whether it fits and which lines it would clear", "[bricks][game]") {
    const Ruleset& rules = classic_rules();
    // Row 0 lacks its last two cells; column 9 lacks its first two cells.
    State st = state_of(rules,
                        board_of(rules, {"########..", "..........", ".........#", ".........#", ".........#",
                                         ".........#", ".........#", ".........#", ".........#", ".........#"}),
                        {"h2", "v2", "sq3"});
    // h2 at (0, 8) completes row 0 only.
    Preview p = preview(rules, st, Move{0, 0, 8});
    CHECK(p.on_board);
    CHECK(p.fits);
    CHECK(p.cells.count() == 2);
    CHECK(p.clearing == rules.row_mask(0));
    // v2 at (0, 9) completes column 9 only; at (0, 8) it fits and clears nothing.
    CHECK(preview(rules, st, Move{1, 0, 9}).clearing == rules.col_mask(9));
    Preview none = preview(rules, st, Move{1, 0, 8});
    CHECK(none.fits);
    CHECK(none.clearing.none());
    // On a filled cell: on the board, does not fit, clears nothing.
    Preview blocked = preview(rules, st, Move{2, 0, 0});
    CHECK(blocked.on_board);
    CHECK_FALSE(blocked.fits);
    CHECK(blocked.clearing.none());
    // Off the board, a bad slot, and a placed slot: not on the board.
    CHECK_FALSE(preview(rules, st, Move{2, 8, 8}).on_board);
    CHECK_FALSE(preview(rules, st, Move{3, 0, 0}).on_board);
    CHECK_FALSE(preview(rules, st, Move{-1, 0, 0}).on_board);
    State placed = st;
    placed.tray[0] = kEmptySlot;
    CHECK_FALSE(preview(rules, placed, Move{0, 0, 8}).on_board);
    // The preview's answer is what place() then does.
    auto next = place(rules, st, Move{0, 0, 8});
    REQUIRE(next.ok());
    CHECK(next->last_cleared == p.clearing);
}

TEST_CASE("cell shapes follow placements and clears, and a session rebuilds them from its history", "[bricks][game]") {
    const Ruleset& rules = classic_rules();
    State st = state_of(rules, board_of(rules, {"########.."}), {"h2", "dot", "sq2"});
    CellShapes shapes = no_shapes();
    for (int c = 0; c < 8; ++c) shapes[static_cast<std::size_t>(c)] = static_cast<std::int8_t>(rules.find_shape("h5"));
    // sq2 at (1, 0): its four cells are sq2's.
    auto a = place(rules, st, Move{2, 1, 0});
    REQUIRE(a.ok());
    track_shapes(rules, shapes, st, Move{2, 1, 0}, *a);
    CHECK(shapes[10] == rules.find_shape("sq2"));
    CHECK(shapes[21] == rules.find_shape("sq2"));
    // h2 at (0, 8) clears row 0: those cells are empty again, sq2's lower cells stay.
    auto b = place(rules, *a, Move{0, 0, 8});
    REQUIRE(b.ok());
    track_shapes(rules, shapes, *a, Move{0, 0, 8}, *b);
    for (int c = 0; c < 10; ++c) CHECK(shapes[static_cast<std::size_t>(c)] == kEmptySlot);
    CHECK(shapes[10] == rules.find_shape("sq2"));
    CHECK(shapes[11] == rules.find_shape("sq2"));
    // A session's shapes, from its history, agree with its board cell by cell.
    Session session(rules, 7);
    for (int n = 0; n < 40 && !session.state().over; ++n) {
        const State& now = session.state();
        bool moved = false;
        for (int slot = 0; slot < rules.tray_size() && !moved; ++slot) {
            for (int cell = 0; cell < rules.cells() && !moved; ++cell) {
                if (preview(rules, now, Move{slot, cell / rules.cols(), cell % rules.cols()}).fits) {
                    moved = session.place(Move{slot, cell / rules.cols(), cell % rules.cols()}).ok();
                }
            }
        }
        REQUIRE(moved);
    }
    const CellShapes rebuilt = session.cell_shapes();
    for (int i = 0; i < rules.cells(); ++i) {
        CHECK(session.state().board.test(i) == (rebuilt[static_cast<std::size_t>(i)] != kEmptySlot));
    }
}

TEST_CASE("piece_fits tells each tray piece apart: what the tray dims", "[bricks][game]") {
    const Ruleset& rules = classic_rules();
    // Only the bottom-right 2x2 corner is free: a dot, a line of two and the square fit; a line of three does not.
    std::vector<std::string> rows(10, "##########");
    rows[8] = "########..";
    rows[9] = "########..";
    const State st = state_of(rules, board_of(rules, rows), {"h3", "sq2", "dot"});
    CHECK_FALSE(piece_fits(rules, st, 0));
    CHECK(piece_fits(rules, st, 1));
    CHECK(piece_fits(rules, st, 2));
    CHECK(any_piece_fits(rules, st));
    // Empty slots and slots outside the tray fit nowhere.
    const State empty_slot = state_of(rules, Bits{}, {"", "dot", "dot"});
    CHECK_FALSE(piece_fits(rules, empty_slot, 0));
    CHECK(piece_fits(rules, empty_slot, 1));
    CHECK_FALSE(piece_fits(rules, empty_slot, -1));
    CHECK_FALSE(piece_fits(rules, empty_slot, rules.tray_size()));
}
