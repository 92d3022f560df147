// Purpose: the puzzle generator: a puzzle of a requested level from a seed (always
// exactly one solution, rotationally symmetric clues unless asked otherwise, the same
// puzzle natively and in wasm), the daily puzzle for a date, and the shareable game id
// "<level>-<seed>".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/core/expected.hpp"
#include "engine/sudoku/grid.hpp"
#include "engine/sudoku/level.hpp"

namespace astradia::sudoku {

struct GenerateOptions {
    bool symmetric = true;  // clues in pairs mirrored through the centre (180-degree rotation)
};

struct Generated {
    Grid puzzle;
    Grid solution;
    Level level = Level::easy;  // the level it grades at (the one requested)
    int attempts = 0;           // candidate puzzles built to find it (1 = the first)
};

// A puzzle at `level` for `seed`. Deterministic: the same level, seed and options give
// the same puzzle on every platform. The result has exactly one solution and grades at
// `level` (grade_logic's level). Errors: generate.exhausted if no puzzle was found within
// the attempt limit (never seen; the limit only bounds the work).
Expected<Generated> generate(Level level, std::uint64_t seed, const GenerateOptions& options = {});

// The daily puzzle's level and seed for a date: the level follows the weekday (Monday
// easy, Tuesday and Wednesday medium, Thursday and Friday hard, Saturday expert, Sunday
// extreme); the seed is hash64 of the ISO date "YYYY-MM-DD". The same for everyone.
struct Daily {
    Level level = Level::easy;
    std::uint64_t seed = 0;
    std::string date;  // "YYYY-MM-DD"
};
// Errors: daily.date for a date that does not exist (or a year outside 1..9999).
Expected<Daily> daily(int year, int month, int day);
// The same from "YYYY-MM-DD". Errors: daily.date (wrong form or no such date).
Expected<Daily> parse_daily(std::string_view iso_date);

// The shareable game id "<level>-<seed>", e.g. "hard-1234567890".
struct GameId {
    Level level = Level::easy;
    std::uint64_t seed = 0;
    bool operator==(const GameId&) const = default;
};
std::string format_game_id(const GameId& id);
// Errors: game_id.format (not "<level>-<seed>"), game_id.level (unknown level name),
// game_id.seed (the seed is not a decimal number from 0 to 18446744073709551615).
Expected<GameId> parse_game_id(std::string_view text);

// A puzzle the player brings (import, or a share link of one): 81 cells in any form
// parse_grid reads, with exactly one solution, graded like generated puzzles. Its id
// is its 81 cells with '.' for empty ("53..7...."): the share link of an imported game.
struct Imported {
    Grid puzzle;
    Level level = Level::easy;
    std::string id;
};
// Errors: those of parse_grid (sudoku.length, sudoku.character, sudoku.duplicate),
// sudoku.unsolvable (no solution) and sudoku.multiple (more than one solution).
Expected<Imported> import_puzzle(std::string_view text);

}  // namespace astradia::sudoku
