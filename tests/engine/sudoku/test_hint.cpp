// Purpose: hints on a player's grid: wrong digits and wrong notes are pointed out first,
// the player's own notes are used (and trusted only when right), a player who follows
// the hints from start to end solves the puzzle, and every hint agrees with the solution
// and reads in English and Russian.
#include <string>

#include <catch2/catch.hpp>

#include "engine/sudoku/explain.hpp"
#include "engine/sudoku/hint.hpp"
#include "engine/sudoku/logic.hpp"
#include "engine/sudoku/solver.hpp"
#include "tests/engine/sudoku/sentences.hpp"

using namespace astradia::sudoku;

namespace {

using Notes = std::array<std::uint16_t, kCells>;

Grid grid(std::string_view text) {
    auto g = parse_grid(text);
    REQUIRE(g.ok());
    return *g;
}

Grid solution_of(const Grid& puzzle) {
    Grid s;
    REQUIRE(count_solutions(puzzle, 2, &s) == 1);
    return s;
}

bool has_cyrillic(const std::string& s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b == 0xD0 || b == 0xD1) return true;
    }
    return false;
}

// A readable sentence: starts with a capital or a cell name, ends with a full stop,
// no doubled spaces.
void check_sentence(const std::string& en, const std::string& ru) {
    INFO(en << " / " << ru);
    REQUIRE_FALSE(en.empty());
    REQUIRE_FALSE(ru.empty());
    CHECK(en.back() == '.');
    CHECK(ru.back() == '.');
    CHECK(en.find("  ") == std::string::npos);
    CHECK(ru.find("  ") == std::string::npos);
    CHECK(has_cyrillic(ru));
    CHECK_FALSE(has_cyrillic(en));
    CHECK(en != ru);
    CHECK_FALSE(testing::has_shorthand(en));  // cells as players name them, never "r3c7"
    CHECK_FALSE(testing::has_shorthand(ru));
}

const char* const kMedium = "1...6.5....678.3..7.9.2.4.62...4...5.9.....21.....7.3...2...8..64..7....9..4.....";
const char* const kExtreme = ".83.2..9....8..1...293....8....987...7.....6...674....3....698...2..5....1..3.54.";

}  // namespace

TEST_CASE("hint: a wrong digit is pointed out before anything else", "[sudoku][hint]") {
    const Grid givens = grid(kMedium);
    const Grid solution = solution_of(givens);
    Grid entries;
    Notes notes{};
    // A right digit, then a wrong one further on, then wrong notes elsewhere.
    int right = -1, wrong = -1;
    for (int i = 0; i < kCells; ++i) {
        if (givens[i] != 0) continue;
        if (right < 0) right = i; else if (wrong < 0) wrong = i;
    }
    entries[right] = solution[right];
    entries[wrong] = static_cast<std::uint8_t>(solution[wrong] % 9 + 1);
    notes[0] = 0x1FF;
    auto h = next_hint(givens, entries, notes, solution);
    REQUIRE(h.ok());
    CHECK(h->kind == HintKind::wrong_entry);
    REQUIRE(h->step.cells.size() == 1);
    CHECK(h->step.cells[0] == wrong);
    CHECK(h->step.digits == digit_bit(entries[wrong]));
    CHECK(testing::names_cell_en(h->text_en, wrong));
    CHECK(testing::names_cell_ru(h->text_ru, wrong));
    CHECK(h->text_en == "The " + std::to_string(entries[wrong]) + " in " + cell_words_en(wrong) +
                           " is wrong: that cell needs another digit.");
    // Its stages: where (the cell), what (a mistake), then the answer.
    CHECK(h->look.en == "Look at " + cell_words_en(wrong) + ".");
    CHECK(testing::names_cell_ru(h->look.ru, wrong));
    CHECK(h->focus == std::vector<std::uint8_t>{static_cast<std::uint8_t>(wrong)});
    CHECK(&h->text(HintStage::answer, true) == &h->text_ru);
    CHECK(&h->text(HintStage::look, false) == &h->look.en);
    CHECK(&h->text(HintStage::technique, true) == &h->technique.ru);
    check_sentence(h->text_en, h->text_ru);
}

TEST_CASE("hint: notes that rule out the right digit are pointed out", "[sudoku][hint]") {
    const Grid givens = grid(kMedium);
    const Grid solution = solution_of(givens);
    int cell = -1;
    for (int i = 0; i < kCells && cell < 0; ++i) {
        if (givens[i] == 0) cell = i;
    }
    Notes notes{};
    notes[static_cast<std::size_t>(cell)] = static_cast<std::uint16_t>(kAllDigits & ~digit_bit(solution[cell]));
    auto h = next_hint(givens, Grid{}, notes, solution);
    REQUIRE(h.ok());
    CHECK(h->kind == HintKind::wrong_note);
    CHECK(h->step.cells[0] == cell);
    CHECK(h->step.digits == digit_bit(solution[cell]));
    check_sentence(h->text_en, h->text_ru);
    // Notes that keep the right digit, even with a digit a peer already holds, are fine.
    int given_peer_digit = 0;
    for (auto p : peers()[static_cast<std::size_t>(cell)]) {
        if (givens[p] != 0) given_peer_digit = givens[p];
    }
    REQUIRE(given_peer_digit != 0);
    notes[static_cast<std::size_t>(cell)] = static_cast<std::uint16_t>(digit_bit(solution[cell]) | digit_bit(given_peer_digit));
    h = next_hint(givens, Grid{}, notes, solution);
    REQUIRE(h.ok());
    CHECK(h->kind == HintKind::step);
}

TEST_CASE("hint: the player's notes are the candidates used", "[sudoku][hint]") {
    const Grid givens = grid(kExtreme);
    const Grid solution = solution_of(givens);
    // Without notes, an extreme puzzle's first hint is whatever logic finds first...
    auto plain = next_hint(givens, Grid{}, Notes{}, solution);
    REQUIRE(plain.ok());
    REQUIRE(plain->kind == HintKind::step);
    CHECK(step_agrees(plain->step, solution));
    // ...with notes down to the right digit everywhere, it is a naked single at once.
    Notes notes{};
    int first_empty = -1;
    for (int i = 0; i < kCells; ++i) {
        if (givens[i] != 0) continue;
        if (first_empty < 0) first_empty = i;
        notes[static_cast<std::size_t>(i)] = digit_bit(solution[i]);
    }
    auto h = next_hint(givens, Grid{}, notes, solution);
    REQUIRE(h.ok());
    CHECK(h->kind == HintKind::step);
    CHECK(h->step.technique == Technique::naked_single);
    REQUIRE(h->step.placements.size() == 1);
    CHECK(h->step.placements[0].cell == first_empty);
    CHECK(h->step.placements[0].digit == solution[first_empty]);
}

TEST_CASE("hint: following the hints solves the puzzle, every hint right and explained", "[sudoku][hint]") {
    for (const char* p : {kMedium, kExtreme, "4..6..3...1..2..6...8..7..19..8..5...4..5..1......2..75.....6...3..8..4......9..5"}) {
        INFO(p);
        const Grid givens = grid(p);
        const Grid solution = solution_of(givens);
        Grid entries;
        Notes notes{};
        // The player keeps full notes and applies each hint: placements as digits,
        // eliminations in the notes.
        for (int i = 0; i < kCells; ++i) {
            if (givens[i] == 0) notes[static_cast<std::size_t>(i)] = candidates_of(givens).mask(i);
        }
        int hints = 0;
        for (;; ++hints) {
            REQUIRE(hints < 400);
            auto h = next_hint(givens, entries, notes, solution);
            REQUIRE(h.ok());
            if (h->kind == HintKind::solved) break;
            REQUIRE(h->kind == HintKind::step);
            REQUIRE(step_agrees(h->step, solution));
            check_sentence(h->text_en, h->text_ru);
            check_sentence(h->look.en, h->look.ru);
            check_sentence(h->technique.en, h->technique.ru);
            for (const CellDigit& pl : h->step.placements) {
                CHECK(testing::names_cell_en(h->text_en, pl.cell));
                CHECK(testing::names_cell_ru(h->text_ru, pl.cell));
                entries[pl.cell] = pl.digit;
                // Auto-remove: the digit leaves the notes of the cell's peers.
                for (auto q : peers()[pl.cell]) notes[q] &= static_cast<std::uint16_t>(~digit_bit(pl.digit));
            }
            for (const CellDigit& e : h->step.eliminations) notes[e.cell] &= static_cast<std::uint16_t>(~digit_bit(e.digit));
        }
        for (int i = 0; i < kCells; ++i) {
            if (givens[i] == 0) CHECK(entries[i] == solution[i]);
        }
        CHECK(hints > 0);
    }
}

TEST_CASE("hint: a solved grid, and errors for inputs that cannot be right", "[sudoku][hint]") {
    const Grid givens = grid(kMedium);
    const Grid solution = solution_of(givens);
    Grid entries;
    for (int i = 0; i < kCells; ++i) {
        if (givens[i] == 0) entries[i] = solution[i];
    }
    auto done = next_hint(givens, entries, Notes{}, solution);
    REQUIRE(done.ok());
    CHECK(done->kind == HintKind::solved);
    check_sentence(done->text_en, done->text_ru);

    Grid broken = solution;
    std::swap(broken[0], broken[1]);
    CHECK(next_hint(givens, Grid{}, Notes{}, broken).error().code == "hint.solution");
    Grid incomplete = solution;
    incomplete[40] = 0;
    CHECK(next_hint(givens, Grid{}, Notes{}, incomplete).error().code == "hint.solution");
    Grid overwrite;
    overwrite[0] = static_cast<std::uint8_t>(givens[0] % 9 + 1);
    CHECK(next_hint(givens, overwrite, Notes{}, solution).error().code == "hint.entry");
    Grid same;
    same[0] = givens[0];
    CHECK(next_hint(givens, same, Notes{}, solution).ok());
    Grid big;
    big[5] = 10;
    CHECK(next_hint(givens, big, Notes{}, solution).error().code == "hint.value");
}

TEST_CASE("explain: Russian numerals agree with their nouns", "[sudoku][hint]") {
    CHECK(std::string(ru_plural(1, "клетка", "клетки", "клеток")) == "клетка");
    CHECK(std::string(ru_plural(2, "клетка", "клетки", "клеток")) == "клетки");
    CHECK(std::string(ru_plural(4, "клетка", "клетки", "клеток")) == "клетки");
    CHECK(std::string(ru_plural(5, "клетка", "клетки", "клеток")) == "клеток");
    CHECK(std::string(ru_plural(11, "клетка", "клетки", "клеток")) == "клеток");
    CHECK(std::string(ru_plural(21, "клетка", "клетки", "клеток")) == "клетка");
    CHECK(std::string(ru_plural(22, "клетка", "клетки", "клеток")) == "клетки");
}
