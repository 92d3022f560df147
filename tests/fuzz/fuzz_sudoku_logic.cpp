// Purpose: fuzz the logic engine with arbitrary grids, entries and notes: grading and
// hints must return a value or an error, never crash or hit undefined behaviour; a
// hint must never contradict the grid's solution when it has one, and a puzzle with
// exactly one solution always gets solved by the grader.
// Input: 81 bytes of givens (byte % 10; 255 stands for the invalid value 10), 81 bytes of
// entries (byte % 10), then 81 little-endian 16-bit note masks; missing bytes are 0.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "engine/sudoku/hint.hpp"
#include "engine/sudoku/logic.hpp"
#include "engine/sudoku/solver.hpp"

using namespace astradia::sudoku;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto byte = [&](std::size_t i) -> std::uint8_t { return i < size ? data[i] : 0; };
    Grid givens, entries;
    std::array<std::uint16_t, kCells> notes{};
    for (int i = 0; i < kCells; ++i) {
        const auto x = static_cast<std::size_t>(i);
        givens[i] = static_cast<std::uint8_t>(byte(x) == 255 ? 10 : byte(x) % 10);
        entries[i] = static_cast<std::uint8_t>(byte(81 + x) % 10);
        notes[x] = static_cast<std::uint16_t>(byte(162 + 2 * x) | (byte(163 + 2 * x) << 8));
    }

    auto graded = grade_logic(givens);
    if (graded && (graded->rating < 10 || graded->rating > 120 || !graded->solved)) std::abort();

    Grid solution;
    const int solutions = count_solutions(givens, 2, &solution);  // 0 for values above 9 too
    if (solutions == 1 && !graded) std::abort();  // a proper puzzle always grades
    if (solutions >= 1) {
        // Uniqueness techniques are off for several solutions, so every hint must agree
        // with this one (the first found) too.
        auto hint = next_hint(givens, entries, notes, solution);
        if (hint) {
            if (hint->text_en.empty() || hint->text_ru.empty()) std::abort();
            if (hint->kind == HintKind::step && !step_agrees(hint->step, solution)) std::abort();
        }
    }

    // A few steps on whatever candidates the notes make (possibly contradictory).
    Grid current = givens;
    bool legal = true;
    for (int i = 0; i < kCells; ++i) {
        if (current[i] > 9) legal = false;
        if (current[i] == 0) current[i] = entries[i];
    }
    if (legal) {
        Candidates c = candidates_with_notes(current, notes);
        for (int k = 0; k < 3; ++k) {
            const auto step = next_step(c, {.trial = false});
            if (!step) break;
            apply_step(c, *step);
        }
    }
    return 0;
}
