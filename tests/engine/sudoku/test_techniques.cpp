// Purpose: every technique of the logic engine on a real puzzle that needs it (the
// level-order solve reaches a point where it is the simplest step), checked against
// the puzzle's solution; and on the same grid with the pattern broken (one candidate
// put back), where that instance must not be reported any more.
#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/sudoku/explain.hpp"
#include "engine/sudoku/logic.hpp"
#include "engine/sudoku/solver.hpp"
#include "engine/sudoku/techniques.hpp"
#include "tests/engine/sudoku/sentences.hpp"

using namespace astradia::sudoku;

namespace {

struct Fixture {
    Technique technique;
    const char* puzzle;
    int step;  // the index of the step (in the level-order solve) that uses it
};

// Found by solving the shared puzzle sets in level order: the earliest use of each.
const Fixture kFixtures[] = {
    {Technique::full_house, ".64...3...1...367537......8.4.582......4.1......967.3.4......831378...9...8...75.", 0},
    {Technique::hidden_single, "..3.7..4...6..23.1.89.........1.7.8.517.....6...4.....271..9..5.95..........2....", 0},
    {Technique::naked_single, ".23....7.........8.8.2.4.63.67.9..1.....8...55..3.1....1..2.48...4.....1.9...6...", 0},
    {Technique::pointing, "...9.457...6...3...8.35.4.....4..2....2.3....67...1...9..5..12..18.47....65......", 0},
    {Technique::claiming, "..6..3....97..513..2..91.8........7.6.........41.....9...5..8.....3.47....4.16..5", 0},
    {Technique::naked_pair, "8.2.....4.9......7..5..139..8..17......5.2..1.....8.36..71.....4...7....32...5...", 0},
    {Technique::hidden_pair, "...9...86......5......5...1.2......47.85...9.4..36....2....3....4.69..7.67..1.4..", 0},
    {Technique::naked_triple, "2..7........68..57.8...3.6.....1....3..4.....6.2....9........7...9...8.5.4.53...6", 1},
    {Technique::hidden_triple, ".4.7...6...39............57.......3.2...8.....19...57.6...4.....5.1......2...6.84", 1},
    {Technique::naked_quad, ".2.4....94..189.......62.5......63..3..94.5.......8.1..........8.2..4...964.....7", 3},
    {Technique::hidden_quad, ".3..9..7...68739..8.......17...3...99.17.43.2....6.....5.....1.6.7...4.32.......8", 14},
    {Technique::x_wing, "9..7..3...5..2..1...7.....93..6..7...6..5..3...2..8..61..4..6...4..6..8...6..3..4", 1},
    {Technique::swordfish, "...3..5...5..1..3...7..4..12.....4...6..9......1..6..28..7..2...9..8..5...5..9..7", 1},
    {Technique::jellyfish, "3.82.15.77..8.6..2.........6..7.3..1.8.4.5.9..3.....5.8..172..5...........1...4..", 8},
    {Technique::skyscraper, "4..5..3..3.6..2.7..9..3....7....82....8.2.7....26....4....8..9..1.3..6.8..9..5..7", 0},
    {Technique::two_string_kite, "5..2..3......8..9...2..4..66..1..9...1.....4...7..3..87..3..4...9..7..2...5..6..9", 1},
    {Technique::turbot_fish, ".6.........3..15...9.8...716....2.3....75...4....9...82.1.....6..6.......8.5...4.", 2},
    {Technique::empty_rectangle, "...58......7...6..3..6.42..97..2.5.3..1.5..4.5.....7..4.59...2........6.....1.3..", 2},
    {Technique::xy_wing, "........43...6..9..857..6.........4..9...25..1.2.....9.....4..34.75.8.....6.1....", 4},
    {Technique::xyz_wing, "1..5..2.7.5.2....6....7.8......3.98.5....9..3..9....1.3...86...4..9......9..4..68", 4},
    {Technique::wxyz_wing, "..3.2..5.51.3..29..2...1..8..2.3..6.3..7.6..9.5..4.8..1..6...4..37..4.86.6..9.7..", 2},
    {Technique::vwxyz_wing, ".2...3..48..7..39...7....61..3.7...8..6..213.5.........4.8....6..8.1..2..5...9...", 0},
    {Technique::w_wing, ".6.....7.2...5....7..12.9....2.....8.18...3...7..9..5.4..9.2......6..1......85..3", 3},
    {Technique::unique_rectangle, "..4.8..3.2....58...8.69...1.6....9..9.1...7.3..2....4.7...46.9...91....7.2..5.3..", 1},
    {Technique::bug, "5.....6.3.4..3.98.391..85....8354....3.8.6.1....9718....47..362.73.8..5.2.9.....8", 22},
    {Technique::simple_colouring, "1...3.8.....9...2....2.5.6...63....5.8..9......7...1....5......6298.......8.6.4..", 8},
    {Technique::x_chain, "......8...7..9..1...3..7..51..6......5..2..4...8..9..74.....2...6..1..5......6..3", 2},
    {Technique::xy_chain, ".2.456..9..6......7.9..........1..9....938..2..5..2..4.6.2..8..5.2....3..1.......", 10},
    {Technique::aic, ".2...3..48..7..39...7....61..3.7...8..6..213.5.........4.8....6..8.1..2..5...9...", 1},
    {Technique::forcing_chain, "4..6..3...1..2..6...8..7..19..8..5...4..5..1......2..75.....6...3..8..4......9..5", 0},
    {Technique::trial_and_error, "4..6..3...1..2..6...8..7..19..8..5...4..5..1......2..75.....6...3..8..4......9..5", 1},
};

const char* fixture_for(Technique t) {
    for (const Fixture& f : kFixtures) {
        if (f.technique == t) return f.puzzle;
    }
    return nullptr;
}

Grid grid(std::string_view text) {
    auto g = parse_grid(text);
    REQUIRE(g.ok());
    return *g;
}

// The finder that reports a technique (families share one).
bool find(Technique t, const Candidates& c, Step& s) {
    const Analysis a = analyze(c);
    switch (t) {
        case Technique::full_house: return find_full_house(c, a, s);
        case Technique::hidden_single: return find_hidden_single(c, a, true, s) || find_hidden_single(c, a, false, s);
        case Technique::naked_single: return find_naked_single(c, a, s);
        case Technique::pointing: return find_pointing(c, a, s);
        case Technique::claiming: return find_claiming(c, a, s);
        case Technique::naked_pair: return find_naked_subset(c, a, 2, s);
        case Technique::naked_triple: return find_naked_subset(c, a, 3, s);
        case Technique::naked_quad: return find_naked_subset(c, a, 4, s);
        case Technique::hidden_pair: return find_hidden_subset(c, a, 2, s);
        case Technique::hidden_triple: return find_hidden_subset(c, a, 3, s);
        case Technique::hidden_quad: return find_hidden_subset(c, a, 4, s);
        case Technique::x_wing: return find_fish(c, a, 2, s);
        case Technique::swordfish: return find_fish(c, a, 3, s);
        case Technique::jellyfish: return find_fish(c, a, 4, s);
        case Technique::skyscraper:
        case Technique::two_string_kite:
        case Technique::turbot_fish: return find_turbot(c, a, s);
        case Technique::empty_rectangle: return find_empty_rectangle(c, a, s);
        case Technique::xy_wing:
        case Technique::xyz_wing: return find_wing(c, a, 3, s);
        case Technique::wxyz_wing: return find_wing(c, a, 4, s);
        case Technique::vwxyz_wing: return find_wing(c, a, 5, s);
        case Technique::w_wing: return find_w_wing(c, a, s);
        case Technique::unique_rectangle: return find_unique_rectangle(c, a, s);
        case Technique::bug: return find_bug(c, a, s);
        case Technique::simple_colouring: return find_simple_colouring(c, a, s);
        case Technique::x_chain:
        case Technique::xy_chain:
        case Technique::aic: return find_chain(c, a, s);
        case Technique::forcing_chain: return find_forcing_chain(c, a, s);
        case Technique::trial_and_error: return find_trial(c, a, s);
    }
    return false;
}

// Adds a candidate to an empty cell (the grid stays a superset of the solution).
void put_back(Candidates& c, int cell, int digit) {
    REQUIRE(c.values[cell] == 0);
    c.masks[static_cast<std::size_t>(cell)] |= digit_bit(digit);
}

// The first empty cell of a house, other than those listed, that lacks the digit.
int other_cell(const Candidates& c, int house, int digit, const std::vector<int>& except) {
    for (int i = 0; i < 9; ++i) {
        const int x = house_cell(house, i);
        bool skip = c.values[x] != 0 || c.has(x, digit);
        for (int e : except) skip = skip || e == x;
        if (!skip) return x;
    }
    return -1;
}

// A digit the cell does not hold and that is not among `avoid`; 0 when none.
int foreign_digit(const Candidates& c, int cell, DigitMask avoid) {
    for (int d = 1; d <= 9; ++d) {
        if (!c.has(cell, d) && !(avoid & digit_bit(d))) return d;
    }
    return 0;
}

// Breaks the pattern of `step` by putting one candidate back; returns false when this
// grid offers no candidate to put back for it (then the caller skips the check).
bool break_pattern(Candidates& c, const Step& step) {
    const int d = first_digit(step.digits);
    switch (step.technique) {
        case Technique::hidden_single: {
            const int x = other_cell(c, step.houses[0], d, {step.cells[0]});
            if (x < 0) return false;
            put_back(c, x, d);
            return true;
        }
        case Technique::naked_single:
        case Technique::naked_pair:
        case Technique::naked_triple:
        case Technique::naked_quad:
        case Technique::xy_wing:
        case Technique::xyz_wing:
        case Technique::wxyz_wing:
        case Technique::vwxyz_wing: {  // one more digit in the pattern's first cell
            const int e = foreign_digit(c, step.cells[0], step.digits);
            if (e == 0) return false;
            put_back(c, step.cells[0], e);
            return true;
        }
        case Technique::full_house: {  // empty another cell of the house
            const int h = step.houses[0];
            for (int i = 0; i < 9; ++i) {
                const int x = house_cell(h, i);
                if (c.values[x] == 0) continue;
                c.masks[static_cast<std::size_t>(x)] = digit_bit(c.values[x]);
                c.values[x] = 0;
                return true;
            }
            return false;
        }
        case Technique::pointing:
        case Technique::claiming: {  // the digit in the first house, outside the second
            std::vector<int> inside;
            for (int i = 0; i < 9; ++i) {
                if (house_sets()[step.houses[1]].test(house_cell(step.houses[0], i))) inside.push_back(house_cell(step.houses[0], i));
            }
            const int x = other_cell(c, step.houses[0], d, inside);
            if (x < 0) return false;
            put_back(c, x, d);
            return true;
        }
        case Technique::hidden_pair:
        case Technique::hidden_triple:
        case Technique::hidden_quad: {  // the digit in another cell of every house holding the subset
            std::vector<int> cells(step.cells.begin(), step.cells.end());
            bool any = false;
            for (int h = 0; h < 27; ++h) {
                bool all = true;
                for (int x : cells) all = all && house_sets()[static_cast<std::size_t>(h)].test(x);
                if (!all) continue;
                const int x = other_cell(c, h, d, cells);
                if (x < 0) return false;
                put_back(c, x, d);
                any = true;
            }
            return any;
        }
        case Technique::x_wing:
        case Technique::swordfish:
        case Technique::jellyfish: {  // the digit in a base line, outside the cover lines
            const std::size_t k = step.houses.size() / 2;
            for (std::size_t b = 0; b < k; ++b) {
                std::vector<int> covered;
                for (std::size_t cv = k; cv < step.houses.size(); ++cv) {
                    for (int i = 0; i < 9; ++i) {
                        const int x = house_cell(step.houses[b], i);
                        if (house_sets()[step.houses[cv]].test(x)) covered.push_back(x);
                    }
                }
                const int x = other_cell(c, step.houses[b], d, covered);
                if (x >= 0) {
                    put_back(c, x, d);
                    return true;
                }
            }
            return false;
        }
        case Technique::bug: {  // a third digit in some bivalue cell
            for (int x = 0; x < kCells; ++x) {
                if (c.values[x] == 0 && digit_count(c.mask(x)) == 2) {
                    put_back(c, x, foreign_digit(c, x, 0));
                    return true;
                }
            }
            return false;
        }
        case Technique::unique_rectangle: {  // a third digit in a corner that held exactly the pair
            for (auto x : step.cells) {
                if (c.mask(x) == step.digits) {
                    put_back(c, x, foreign_digit(c, x, step.digits));
                    return true;
                }
            }
            return false;
        }
        case Technique::empty_rectangle: {  // the digit in the box, off the row and the column
            for (int i = 0; i < 9; ++i) {
                const int x = house_cell(step.houses[0], i);
                if (row_of(x) == step.houses[2] || 9 + col_of(x) == step.houses[3]) continue;
                if (c.values[x] != 0 || c.has(x, d)) continue;
                put_back(c, x, d);
                return true;
            }
            return false;
        }
        case Technique::w_wing:
        case Technique::skyscraper:
        case Technique::two_string_kite:
        case Technique::turbot_fish:
        case Technique::simple_colouring:
        case Technique::x_chain:
        case Technique::xy_chain:
        case Technique::aic: {  // break the chain's first strong link
            const ChainNode a = step.chain[0], b = step.chain[1];
            if (a.cell == b.cell) {
                const int e = foreign_digit(c, a.cell, 0);
                if (e == 0) return false;
                put_back(c, a.cell, e);
                return true;
            }
            for (int h : houses_of(a.cell)) {
                if (!house_sets()[static_cast<std::size_t>(h)].test(b.cell)) continue;
                const int x = other_cell(c, h, a.digit, {a.cell, b.cell});
                if (x < 0) continue;
                put_back(c, x, a.digit);
                // Both houses the two cells share must lose the link.
                for (int h2 : houses_of(a.cell)) {
                    if (h2 == h || !house_sets()[static_cast<std::size_t>(h2)].test(b.cell)) continue;
                    const int y = other_cell(c, h2, a.digit, {a.cell, b.cell});
                    if (y < 0) return false;
                    put_back(c, y, a.digit);
                }
                return true;
            }
            return false;
        }
        case Technique::forcing_chain:
        case Technique::trial_and_error:
            return false;  // no single pattern to break: see the separate tests below
    }
    return false;
}

// The same deduction: same technique, pattern cells, digits and effects.
bool same_instance(const Step& a, const Step& b) {
    return a.technique == b.technique && a.cells == b.cells && a.digits == b.digits && a.chain == b.chain &&
           a.eliminations == b.eliminations && a.placements == b.placements;
}

}  // namespace

TEST_CASE("techniques: each is the simplest step somewhere in a real puzzle, and agrees with the solution",
          "[sudoku][logic][techniques]") {
    for (const Fixture& f : kFixtures) {
        INFO("technique " << technique_id(f.technique) << ", puzzle " << f.puzzle);
        const Grid puzzle = grid(f.puzzle);
        Grid solution;
        REQUIRE(count_solutions(puzzle, 2, &solution) == 1);
        Candidates c = candidates_of(puzzle);
        for (int i = 0; i < f.step; ++i) {
            std::optional<Step> s = next_step(c);
            REQUIRE(s);
            REQUIRE(step_agrees(*s, solution));
            apply_step(c, *s);
        }
        std::optional<Step> s = next_step(c);
        REQUIRE(s);
        CHECK(s->technique == f.technique);
        CHECK(step_agrees(*s, solution));
        CHECK((s->eliminations.size() + s->placements.size()) > 0);
        CHECK(s->level() == technique_level(f.technique));
        // The technique's own finder reports a sound step here too.
        Step direct;
        REQUIRE(find(f.technique, c, direct));
        CHECK(step_agrees(direct, solution));

        // Break the pattern: that instance must not be reported again.
        Candidates broken = c;
        if (break_pattern(broken, *s)) {
            Step again;
            const bool found = find(f.technique, broken, again);
            CHECK_FALSE((found && same_instance(again, *s)));
            if (found) CHECK(step_agrees(again, solution));
        } else {
            CHECK((f.technique == Technique::forcing_chain || f.technique == Technique::trial_and_error));
        }
    }
}

TEST_CASE("techniques: the finders do not fire on a solved grid or on a grid of singles", "[sudoku][logic][techniques]") {
    const Grid puzzle = grid(fixture_for(Technique::full_house));
    Grid solution;
    REQUIRE(count_solutions(puzzle, 2, &solution) == 1);
    // Two cells emptied, each with only its own digit left: nothing but naked singles.
    Candidates c = candidates_of(solution);
    for (int x : {10, 70}) {
        c.values[x] = 0;
        c.masks[static_cast<std::size_t>(x)] = digit_bit(solution[x]);
    }
    for (int t = 0; t < kTechniqueCount; ++t) {
        const auto technique = static_cast<Technique>(t);
        INFO(technique_id(technique));
        Step s;
        const bool found = find(technique, c, s);
        // (A cell that is a naked single is left to that finder by the hidden single's.)
        const bool single = technique == Technique::naked_single || technique == Technique::full_house;
        CHECK(found == single);
        if (found) CHECK(step_agrees(s, solution));
    }
    Candidates solved = candidates_of(solution);
    for (int t = 0; t < kTechniqueCount; ++t) {
        Step s;
        CHECK_FALSE(find(static_cast<Technique>(t), solved, s));
    }
    CHECK_FALSE(next_step(solved));
}

TEST_CASE("techniques: forcing chains and trial and error wait until nothing simpler works",
          "[sudoku][logic][techniques]") {
    // In an easy and a medium puzzle, the level-order solve never reaches them.
    for (const char* p : {".2.4.......6..913.....152......8....3.....5..8...647...147.28.5.....1.9..........",
                          "1...6.5....678.3..7.9.2.4.62...4...5.9.....21.....7.3...2...8..64..7....9..4....."}) {
        Candidates c = candidates_of(grid(p));
        while (std::optional<Step> s = next_step(c)) {
            CHECK(s->level() != Level::extreme);
            apply_step(c, *s);
        }
        CHECK(c.solved());
    }
    // Where the forcing-chain fixture needs one, no technique up to chains applies.
    Candidates c = candidates_of(grid(fixture_for(Technique::forcing_chain)));
    CHECK_FALSE(next_step(c, {.max_level = Level::expert}));
    CHECK_FALSE(next_step(c, {.order = StepOrder::rating, .max_rating = 79}));
    CHECK(next_step(c, {.order = StepOrder::rating})->technique == Technique::forcing_chain);
}

TEST_CASE("techniques: ids, names and levels", "[sudoku][logic][techniques]") {
    for (int t = 0; t < kTechniqueCount; ++t) {
        const auto technique = static_cast<Technique>(t);
        CHECK(parse_technique(technique_id(technique)) == technique);
        CHECK_FALSE(technique_name_en(technique).empty());
        CHECK_FALSE(technique_name_ru(technique).empty());
    }
    CHECK_FALSE(parse_technique("x-wing"));
    CHECK(technique_level(Technique::hidden_single) == Level::easy);
    CHECK(technique_level(Technique::hidden_pair) == Level::medium);
    CHECK(technique_level(Technique::x_wing) == Level::hard);
    CHECK(technique_level(Technique::swordfish) == Level::expert);
    CHECK(technique_level(Technique::skyscraper) == Level::hard);
    CHECK(technique_level(Technique::empty_rectangle) == Level::hard);
    CHECK(technique_level(Technique::w_wing) == Level::expert);
    CHECK(technique_level(Technique::simple_colouring) == Level::expert);
    CHECK(technique_level(Technique::x_chain) == Level::extreme);
    CHECK(technique_level(Technique::trial_and_error) == Level::extreme);
    CHECK(chain_length_bonus(4) == 0);
    CHECK(chain_length_bonus(5) == 1);
    CHECK(chain_length_bonus(6) == 1);
    CHECK(chain_length_bonus(8) == 2);
    CHECK(chain_length_bonus(12) == 3);
    CHECK(chain_length_bonus(16) == 4);
    CHECK(chain_length_bonus(24) == 5);
    CHECK(chain_length_bonus(25) == 6);
}

TEST_CASE("explain: every technique has an English and a Russian sentence naming its effect",
          "[sudoku][logic][techniques][hint]") {
    bool covered[kTechniqueCount] = {};
    for (const Fixture& f : kFixtures) covered[static_cast<int>(f.technique)] = true;
    for (int t = 0; t < kTechniqueCount; ++t) {
        INFO(technique_id(static_cast<Technique>(t)));
        CHECK(covered[t]);
    }
    for (const Fixture& f : kFixtures) {
        INFO("technique " << technique_id(f.technique));
        Candidates c = candidates_of(grid(f.puzzle));
        for (int i = 0; i < f.step; ++i) apply_step(c, *next_step(c));
        const std::optional<Step> s = next_step(c);
        REQUIRE(s);
        const Sentence text = explain(*s, c);
        INFO(text.en << "\n" << text.ru);
        REQUIRE_FALSE(text.en.empty());
        REQUIRE_FALSE(text.ru.empty());
        CHECK(text.en.back() == '.');
        CHECK(text.ru.back() == '.');
        CHECK(text.en.find("  ") == std::string::npos);
        CHECK(text.ru.find("  ") == std::string::npos);
        CHECK(text.ru.find("\xD0") != std::string::npos);  // Cyrillic
        const CellDigit effect = s->placements.empty() ? s->eliminations.front() : s->placements.front();
        CHECK(testing::names_cell_en(text.en, effect.cell));
        CHECK(testing::names_cell_ru(text.ru, effect.cell));
        CHECK_FALSE(testing::has_shorthand(text.en));
        CHECK_FALSE(testing::has_shorthand(text.ru));
        CHECK(text.en.find(std::to_string(effect.digit)) != std::string::npos);
        // The stages before the answer: where to look, then the technique by its name.
        const Stages stages = explain_stages(*s);
        CHECK(stages.technique.en.rfind(std::string(technique_name_en(s->technique)) + ": ", 0) == 0);
        CHECK(stages.technique.ru.rfind(std::string(technique_name_ru(s->technique)) + ": ", 0) == 0);
        for (const Sentence* st : {&stages.look, &stages.technique}) {
            CHECK(st->en.back() == '.');
            CHECK(st->ru.back() == '.');
            CHECK_FALSE(testing::has_shorthand(st->en));
            CHECK_FALSE(testing::has_shorthand(st->ru));
        }
        CHECK_FALSE(stages.focus.empty());
        CHECK_FALSE(stages.pattern.empty());
    }
}
