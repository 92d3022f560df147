// Purpose: the five Sudoku levels players choose from, and their stable names (used in
// saves, share links "#sudoku/<level>-<seed>", statistics and the CLI).
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace astradia::sudoku {

// Levels by the techniques a person needs (see the grader):
//   easy: singles only; medium: + locked candidates, naked/hidden pairs;
//   hard: + triples/quads, X-Wing; expert: + fish, wings, colouring;
//   extreme: chains, or needs trial and error.
enum class Level { easy = 0, medium = 1, hard = 2, expert = 3, extreme = 4 };

constexpr std::array<Level, 5> kLevels = {Level::easy, Level::medium, Level::hard, Level::expert, Level::extreme};

constexpr std::string_view level_name(Level level) {
    constexpr std::string_view names[] = {"easy", "medium", "hard", "expert", "extreme"};
    return names[static_cast<int>(level)];
}

// The level for a stable name ("easy" ... "extreme"); nullopt for anything else.
constexpr std::optional<Level> parse_level(std::string_view name) {
    for (Level l : kLevels) {
        if (level_name(l) == name) return l;
    }
    return std::nullopt;
}

}  // namespace astradia::sudoku
