// Purpose: Step, one deduction of the logic engine as a value: which technique, the
// pattern it rests on (cells, digits, houses, chain), what it places or eliminates,
// and its difficulty on the Sudoku Explainer scale. Techniques produce steps, the
// grader and the hints consume them, the UI draws them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/sudoku/candidates.hpp"
#include "engine/sudoku/level.hpp"

namespace astradia::sudoku {

// Every technique, roughly from easiest to hardest. The numeric values are not stable;
// technique_id() names are (CLI output, tests, saves of statistics).
enum class Technique : std::uint8_t {
    full_house,        // the last empty cell of a house
    hidden_single,     // the only place for a digit in a house
    naked_single,      // the only digit left in a cell
    pointing,          // a digit's places in a box lie on one line: not elsewhere on it
    claiming,          // a digit's places on a line lie in one box: not elsewhere in it
    naked_pair,        // naked subsets: k cells of a house holding k digits in all
    naked_triple,
    naked_quad,
    hidden_pair,       // hidden subsets: k digits of a house confined to k cells
    hidden_triple,
    hidden_quad,
    x_wing,            // basic fish of size 2, 3, 4
    swordfish,
    jellyfish,
    skyscraper,        // single-digit chains of four links (turbot family)
    two_string_kite,
    turbot_fish,
    empty_rectangle,   // a box whose digit lies on one row and one column, plus a strong link
    xy_wing,           // bent sets: a pivot and wings, n cells holding n digits
    xyz_wing,
    wxyz_wing,
    vwxyz_wing,
    w_wing,            // two equal bivalue cells joined by a strong link
    unique_rectangle,  // uniqueness: a rectangle must not become a deadly pattern
    bug,               // uniqueness: bivalue universal grave + 1
    simple_colouring,  // single-digit conjugate colouring: a colour contradicts itself
    x_chain,           // single-digit alternating chain
    xy_chain,          // alternating chain whose strong links are bivalue cells
    aic,               // alternating inference chain (any strong and weak links)
    forcing_chain,     // every candidate of a cell (or place of a digit) forces the same
    trial_and_error,   // an assumption leads to a contradiction (bounded search)
};
constexpr int kTechniqueCount = static_cast<int>(Technique::trial_and_error) + 1;

// Stable lower-case id, e.g. "hidden_single". These four never fail.
std::string_view technique_id(Technique t);
// English and Russian display names, e.g. "Hidden single" / "Скрытая одиночка".
std::string_view technique_name_en(Technique t);
std::string_view technique_name_ru(Technique t);
// The level a technique belongs to (easy: singles; medium: locked candidates and pairs;
// hard: triples, quads, X-Wing; expert: fish, wings, colouring, uniqueness; extreme:
// chains and trial and error).
Level technique_level(Technique t);
// The technique for a stable id; nullopt for anything else.
std::optional<Technique> parse_technique(std::string_view id);

struct CellDigit {
    std::uint8_t cell = 0;
    std::uint8_t digit = 0;
    bool operator==(const CellDigit&) const = default;
};

// One node of a chain: a candidate and whether the chain makes it true (on) or false.
// For colouring, on = the first colour.
struct ChainNode {
    std::uint8_t cell = 0;
    std::uint8_t digit = 0;
    bool on = false;
    bool operator==(const ChainNode&) const = default;
};

struct Step {
    Technique technique = Technique::full_house;
    int rating = 10;                      // difficulty x10 on the Sudoku Explainer scale (23 = 2.3)
    std::vector<std::uint8_t> cells;      // the pattern's cells, in the technique's order (pivot first, ...)
    DigitMask digits = 0;                 // the pattern's digits
    std::vector<std::uint8_t> houses;     // houses involved (0..8 rows, 9..17 columns, 18..26 boxes)
    std::vector<CellDigit> placements;    // digits it places
    std::vector<CellDigit> eliminations;  // candidates it removes
    std::vector<ChainNode> chain;         // chains, colouring, assumptions: the nodes in order
    bool loop = false;                    // the chain closes: its last node is linked to its first

    double score() const { return rating / 10.0; }
    Level level() const { return technique_level(technique); }
    bool operator==(const Step&) const = default;
};

// Applies a step's placements and eliminations to the candidates. Never fails (a
// placement on a filled cell is skipped).
void apply_step(Candidates& cands, const Step& step);

// Whether a step agrees with a solution: it places only solution digits and removes
// no solution digit. Never fails.
bool step_agrees(const Step& step, const Grid& solution);

}  // namespace astradia::sudoku
