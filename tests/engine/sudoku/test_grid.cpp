// Purpose: grid geometry and the puzzle parser: every accepted form, and a precise
// error for every kind of bad input.
#include <string>

#include <catch2/catch.hpp>

#include "engine/sudoku/grid.hpp"
#include "tests/engine/sudoku/data_sets.hpp"

using namespace astradia::sudoku;

namespace {
const std::string kPuzzle =
    "53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79";
std::string error_of(std::string_view text) {
    auto r = parse_grid(text);
    return r ? "ok" : r.error().code + ": " + r.error().message;
}
}  // namespace

TEST_CASE("geometry: houses and peers", "[sudoku][grid]") {
    CHECK(box_of(cell_at(4, 4)) == 4);
    CHECK(box_of(cell_at(8, 0)) == 6);
    CHECK(box_of(cell_at(2, 8)) == 2);
    std::array<int, kCells> membership{};  // every cell is in exactly 3 houses
    for (const auto& house : houses()) {
        std::array<bool, kCells> seen{};
        for (auto c : house) {
            CHECK_FALSE(seen[c]);  // nine distinct cells
            seen[c] = true;
            ++membership[c];
        }
    }
    for (int m : membership) CHECK(m == 3);
    for (int c = 0; c < kCells; ++c) {
        for (auto p : peers()[static_cast<std::size_t>(c)]) {
            CHECK(p != c);
            CHECK((row_of(p) == row_of(c) || col_of(p) == col_of(c) || box_of(p) == box_of(c)));
        }
    }
    CHECK(cell_name(0) == "r1c1");
    CHECK(cell_name(80) == "r9c9");
}

TEST_CASE("parse: the 81-character forms", "[sudoku][grid]") {
    auto g = parse_grid(kPuzzle);
    REQUIRE(g.ok());
    CHECK(g->to_string() == kPuzzle);
    CHECK(g->filled() == 30);
    std::string zeros = kPuzzle;
    for (char& ch : zeros) if (ch == '.') ch = '0';
    CHECK(parse_grid(zeros).value() == *g);
    CHECK(parse_grid("  " + kPuzzle.substr(0, 40) + "\n \t" + kPuzzle.substr(40) + "\r\n").value() == *g);
}

TEST_CASE("parse: the 9-line forms", "[sudoku][grid]") {
    std::string lines;
    for (int r = 0; r < 9; ++r) lines += kPuzzle.substr(static_cast<std::size_t>(r) * 9, 9) + "\n";
    CHECK(parse_grid(lines).value().to_string() == kPuzzle);
    const std::string pretty =
        "5 3 . | . 7 . | . . .\n"
        "6 . . | 1 9 5 | . . .\n"
        ". 9 8 | . . . | . 6 .\n"
        "------+-------+------\n"
        "8 . . | . 6 . | . . 3\n"
        "4 . . | 8 . 3 | . . 1\n"
        "7 . . | . 2 . | . . 6\n"
        "------+-------+------\n"
        ". 6 . | . . . | 2 8 .\n"
        ". . . | 4 1 9 | . . 5\n"
        ". . . | . 8 . | . 7 9\n";
    CHECK(parse_grid(pretty).value().to_string() == kPuzzle);
}

TEST_CASE("parse: precise errors, never a crash", "[sudoku][grid]") {
    CHECK(error_of(kPuzzle.substr(0, 80)) == "sudoku.length: expected 81 cells, found 80");
    CHECK(error_of(kPuzzle + "1") == "sudoku.length: expected 81 cells, found 82");
    CHECK(error_of("") == "sudoku.length: expected 81 cells, found 0");
    std::string bad = kPuzzle;
    bad[16] = 'x';
    CHECK(error_of(bad) == "sudoku.character: bad character 'x' at position 17 (line 1, column 17)");
    CHECK(error_of(kPuzzle.substr(0, 9) + "\n" + "a") ==
          "sudoku.character: bad character 'a' at position 11 (line 2, column 1)");
    CHECK(error_of(std::string("\x01", 1)) == "sudoku.character: bad character '\\x01' at position 1 (line 1, column 1)");
    std::string row_dup = kPuzzle;
    row_dup[2] = '5';  // r1c1 is 5 already
    CHECK(error_of(row_dup) == "sudoku.duplicate: digit 5 appears twice in row 1 (r1c1 and r1c3)");
    std::string col_dup(81, '.');
    col_dup[cell_at(0, 4)] = '7';
    col_dup[cell_at(8, 4)] = '7';
    CHECK(error_of(col_dup) == "sudoku.duplicate: digit 7 appears twice in column 5 (r1c5 and r9c5)");
    std::string box_dup(81, '.');
    box_dup[cell_at(3, 3)] = '2';
    box_dup[cell_at(5, 5)] = '2';
    CHECK(error_of(box_dup) == "sudoku.duplicate: digit 2 appears twice in box 5 (r4c4 and r6c6)");
}

TEST_CASE("every puzzle of the data sets parses and round-trips", "[sudoku][grid][data]") {
    for (const char* name : {"kaggle_first10000.txt", "magictour_top1465.txt", "serg_benchmark.txt"}) {
        int n = 0;
        for (const std::string& line : astradia::testing::data_lines(name)) {
            auto g = parse_grid(line);
            REQUIRE(g.ok());
            REQUIRE(g->to_string() == line);
            ++n;
        }
        CHECK(n > 1000);
    }
}

TEST_CASE("solves: checks completeness, rules and givens", "[sudoku][grid]") {
    const Grid puzzle = parse_grid(kPuzzle).value();
    const Grid solution =
        parse_grid("534678912672195348198342567859761423426853791713924856961537284287419635345286179").value();
    CHECK(solves(puzzle, solution));
    Grid wrong = solution;
    std::swap(wrong[0], wrong[1]);
    CHECK_FALSE(solves(puzzle, wrong));
    Grid partial = solution;
    partial[80] = 0;
    CHECK_FALSE(solves(puzzle, partial));
    CHECK(consistent(puzzle));
}

#include "engine/sudoku/level.hpp"

TEST_CASE("levels have stable names that parse back", "[sudoku][level]") {
    CHECK(level_name(Level::easy) == "easy");
    CHECK(level_name(Level::extreme) == "extreme");
    for (Level l : kLevels) CHECK(parse_level(level_name(l)) == l);
    CHECK_FALSE(parse_level("Easy").has_value());
    CHECK_FALSE(parse_level("").has_value());
}
