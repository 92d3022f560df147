// Purpose: the player's next hint (see hint.hpp).
#include "engine/sudoku/hint.hpp"

#include "engine/sudoku/explain.hpp"
#include "engine/sudoku/logic.hpp"
#include "engine/sudoku/solver.hpp"

namespace astradia::sudoku {
namespace {

std::uint8_t u8(int v) { return static_cast<std::uint8_t>(v); }

Hint mistake(HintKind kind, int cell, int digit) {
    Hint h;
    h.kind = kind;
    h.step.technique = Technique::naked_single;
    h.step.rating = 0;
    h.step.cells = {u8(cell)};
    h.step.digits = digit_bit(digit);
    h.focus = h.pattern = {u8(cell)};
    const std::string en = cell_words_en(cell), ru = cell_words_ru(cell), d = std::to_string(digit);
    // "клетка (строка 3, столбец 7)": the word in the case each sentence needs.
    const std::string place_ru = ru.substr(ru.find(' '));
    if (kind == HintKind::wrong_entry) {
        h.look = {"Look at " + en + ".", "Посмотрите на клетку" + place_ru + "."};
        h.technique = {"A mistake: the digit there does not belong to the solution.",
                       "Ошибка: цифра в этой клетке не из решения."};
        h.text_en = "The " + d + " in " + en + " is wrong: that cell needs another digit.";
        h.text_ru = "Цифра " + d + " в клетке" + place_ru + " стоит неверно: в этой клетке должна быть другая.";
    } else {
        h.look = {"Look at your notes in " + en + ".", "Посмотрите на заметки в клетке" + place_ru + "."};
        h.technique = {"A missing note: your notes there leave out a digit that can still go there.",
                       "Пропущенная заметка: в заметках этой клетки нет цифры, которая там ещё возможна."};
        h.text_en = "Your notes for " + en + " leave out " + d + ", but " + d + " can still go there.";
        h.text_ru = "В заметках клетки" + place_ru + " не хватает цифры " + d + ": она там ещё возможна.";
    }
    return h;
}

}  // namespace

Expected<Hint> next_hint(const Grid& givens, const Grid& entries, const std::array<std::uint16_t, kCells>& notes,
                         const Grid& solution) {
    for (int i = 0; i < kCells; ++i) {
        if (givens[i] > 9 || entries[i] > 9 || solution[i] > 9) {
            return make_error("hint.value", "cell " + cell_name(i) + " holds a number above 9");
        }
    }
    if (!solves(givens, solution)) {
        return make_error("hint.solution", "the solution is not a complete, valid grid that agrees with the givens");
    }
    Grid current = givens;
    for (int i = 0; i < kCells; ++i) {
        if (entries[i] == 0) continue;
        if (givens[i] != 0) {
            if (entries[i] != givens[i]) {
                return make_error("hint.entry", "an entry overwrites the given " + std::to_string(givens[i]) + " in " + cell_name(i));
            }
            continue;
        }
        current[i] = entries[i];
    }
    // Mistakes first: wrong digits, then notes that rule out the right digit.
    for (int i = 0; i < kCells; ++i) {
        if (current[i] != 0 && current[i] != solution[i]) return mistake(HintKind::wrong_entry, i, current[i]);
    }
    for (int i = 0; i < kCells; ++i) {
        const DigitMask n = static_cast<DigitMask>(notes[static_cast<std::size_t>(i)] & kAllDigits);
        if (current[i] == 0 && n != 0 && !(n & digit_bit(solution[i]))) return mistake(HintKind::wrong_note, i, solution[i]);
    }
    if (current.complete()) {
        Hint h;
        h.kind = HintKind::solved;
        h.text_en = "The puzzle is solved.";
        h.text_ru = "Головоломка решена.";
        h.look = h.technique = {h.text_en, h.text_ru};
        return h;
    }
    const Candidates cands = candidates_with_notes(current, notes);
    // Uniqueness techniques only when the puzzle really has one solution.
    LogicOptions options;
    options.order = StepOrder::level;
    options.uniqueness = count_solutions(givens, 2) == 1;
    std::optional<Step> step = next_step(cands, options);
    if (!step || !step_agrees(*step, solution)) {
        // Cannot happen while the candidates hold the solution (every technique is sound);
        // kept as a guard: reveal one digit rather than mislead.
        int cell = -1;
        for (int i = 0; i < kCells && cell < 0; ++i) {
            if (current[i] == 0) cell = i;
        }
        Step reveal;
        reveal.technique = Technique::trial_and_error;
        reveal.rating = 110;
        reveal.cells = {u8(cell)};
        reveal.digits = digit_bit(solution[cell]);
        reveal.chain = {{u8(cell), solution[cell], true}};
        reveal.placements = {{u8(cell), solution[cell]}};
        step = reveal;
    }
    Hint h;
    h.kind = HintKind::step;
    h.step = std::move(*step);
    const Sentence s = explain(h.step, cands);
    h.text_en = s.en;
    h.text_ru = s.ru;
    Stages stages = explain_stages(h.step);
    h.look = std::move(stages.look);
    h.focus = std::move(stages.focus);
    h.technique = std::move(stages.technique);
    h.pattern = std::move(stages.pattern);
    return h;
}

const std::string& Hint::text(HintStage stage, bool russian) const {
    switch (stage) {
        case HintStage::look: return russian ? look.ru : look.en;
        case HintStage::technique: return russian ? technique.ru : technique.en;
        case HintStage::answer: break;
    }
    return russian ? text_ru : text_en;
}

}  // namespace astradia::sudoku
