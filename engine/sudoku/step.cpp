// Purpose: technique names and levels, applying a step, checking it (see step.hpp).
#include "engine/sudoku/step.hpp"

#include <array>

namespace astradia::sudoku {
namespace {

struct TechniqueInfo {
    std::string_view id;
    std::string_view en;
    std::string_view ru;
    Level level;
};

constexpr std::array<TechniqueInfo, kTechniqueCount> kInfo = {{
    {"full_house", "Full house", "Последняя клетка", Level::easy},
    {"hidden_single", "Hidden single", "Скрытая одиночка", Level::easy},
    {"naked_single", "Naked single", "Открытая одиночка", Level::easy},
    {"pointing", "Pointing", "Указывающая группа", Level::medium},
    {"claiming", "Claiming", "Блокирующая группа", Level::medium},
    {"naked_pair", "Naked pair", "Открытая пара", Level::medium},
    {"naked_triple", "Naked triple", "Открытая тройка", Level::hard},
    {"naked_quad", "Naked quad", "Открытая четвёрка", Level::hard},
    {"hidden_pair", "Hidden pair", "Скрытая пара", Level::medium},
    {"hidden_triple", "Hidden triple", "Скрытая тройка", Level::hard},
    {"hidden_quad", "Hidden quad", "Скрытая четвёрка", Level::hard},
    {"x_wing", "X-Wing", "X-крыло", Level::hard},
    {"swordfish", "Swordfish", "Рыба-меч", Level::expert},
    {"jellyfish", "Jellyfish", "Медуза", Level::expert},
    {"skyscraper", "Skyscraper", "Небоскрёб", Level::hard},
    {"two_string_kite", "Two-string kite", "Воздушный змей", Level::hard},
    {"turbot_fish", "Turbot fish", "Палтус", Level::hard},
    {"empty_rectangle", "Empty rectangle", "Пустой прямоугольник", Level::hard},
    {"xy_wing", "XY-Wing", "XY-крыло", Level::expert},
    {"xyz_wing", "XYZ-Wing", "XYZ-крыло", Level::expert},
    {"wxyz_wing", "WXYZ-Wing", "WXYZ-крыло", Level::expert},
    {"vwxyz_wing", "VWXYZ-Wing", "VWXYZ-крыло", Level::expert},
    {"w_wing", "W-Wing", "W-крыло", Level::expert},
    {"unique_rectangle", "Unique rectangle", "Уникальный прямоугольник", Level::expert},
    {"bug", "Bivalue universal grave", "Могила BUG", Level::expert},
    {"simple_colouring", "Simple colouring", "Простая раскраска", Level::expert},
    {"x_chain", "X-chain", "X-цепочка", Level::extreme},
    {"xy_chain", "XY-chain", "XY-цепочка", Level::extreme},
    {"aic", "Alternating inference chain", "Цепочка альтернативных выводов", Level::extreme},
    {"forcing_chain", "Forcing chains", "Вынуждающие цепочки", Level::extreme},
    {"trial_and_error", "Trial and error", "Проба и ошибка", Level::extreme},
}};

const TechniqueInfo& info(Technique t) { return kInfo[static_cast<std::size_t>(t)]; }

}  // namespace

std::string_view technique_id(Technique t) { return info(t).id; }
std::string_view technique_name_en(Technique t) { return info(t).en; }
std::string_view technique_name_ru(Technique t) { return info(t).ru; }
Level technique_level(Technique t) { return info(t).level; }

std::optional<Technique> parse_technique(std::string_view id) {
    for (int i = 0; i < kTechniqueCount; ++i) {
        if (kInfo[static_cast<std::size_t>(i)].id == id) return static_cast<Technique>(i);
    }
    return std::nullopt;
}

void apply_step(Candidates& cands, const Step& step) {
    for (const CellDigit& p : step.placements) {
        if (cands.values[p.cell] == 0) cands.place(p.cell, p.digit);
    }
    for (const CellDigit& e : step.eliminations) cands.eliminate(e.cell, e.digit);
}

bool step_agrees(const Step& step, const Grid& solution) {
    for (const CellDigit& p : step.placements) {
        if (solution[p.cell] != p.digit) return false;
    }
    for (const CellDigit& e : step.eliminations) {
        if (solution[e.cell] == e.digit) return false;
    }
    return true;
}

}  // namespace astradia::sudoku
