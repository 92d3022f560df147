// Purpose: English and Russian sentences for the logic engine's steps (see explain.hpp).
// Cells are named "r3c7" in both languages (the board highlights them as well); Russian
// house names and numerals agree in case and number.
#include "engine/sudoku/explain.hpp"

#include <algorithm>
#include <vector>

namespace astradia::sudoku {
namespace {

using std::string;
using std::to_string;

// ---- words -------------------------------------------------------------------------

string house_en(int h) {
    if (h < 9) return "row " + to_string(h + 1);
    if (h < 18) return "column " + to_string(h - 8);
    return "box " + to_string(h - 17);
}

string capital(string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

// Russian house names: genitive ("строки 3") and prepositional ("строке 3", after "в").
string house_ru_gen(int h) {
    if (h < 9) return "строки " + to_string(h + 1);
    if (h < 18) return "столбца " + to_string(h - 8);
    return "блока " + to_string(h - 17);
}
string house_ru_prep(int h) {
    if (h < 9) return "строке " + to_string(h + 1);
    if (h < 18) return "столбце " + to_string(h - 8);
    return "блоке " + to_string(h - 17);
}
string in_house_ru(int h) { return "в " + house_ru_prep(h); }
string in_house_ru_cap(int h) { return "В " + house_ru_prep(h); }

string join(const std::vector<string>& items, const char* last_sep) {
    string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? last_sep : ", ";
        out += items[i];
    }
    return out;
}

string cells_en(const std::vector<int>& cells) {
    std::vector<string> names;
    for (int c : cells) names.push_back(cell_name(c));
    return join(names, " and ");
}
string cells_ru(const std::vector<int>& cells) {
    std::vector<string> names;
    for (int c : cells) names.push_back(cell_name(c));
    return join(names, " и ");
}

std::vector<int> digits_of(DigitMask m) {
    std::vector<int> out;
    for (; m; m &= static_cast<DigitMask>(m - 1)) out.push_back(first_digit(m));
    return out;
}
string digits_en(DigitMask m, const char* last = " and ") {
    std::vector<string> items;
    for (int d : digits_of(m)) items.push_back(to_string(d));
    return join(items, last);
}
string digits_ru(DigitMask m, const char* last = " и ") {
    std::vector<string> items;
    for (int d : digits_of(m)) items.push_back(to_string(d));
    return join(items, last);
}

// Feminine numerals (клетка, цифра), nominative.
string ru_count_f(int n) {
    static const char* const kWords[] = {"ноль", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"};
    return n >= 0 && n <= 9 ? kWords[n] : to_string(n);
}
string en_count(int n) {
    static const char* const kWords[] = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    return n >= 0 && n <= 9 ? kWords[n] : to_string(n);
}

std::vector<int> cell_list(const std::vector<std::uint8_t>& v, std::size_t from = 0, std::size_t to = SIZE_MAX) {
    std::vector<int> out;
    for (std::size_t i = from; i < v.size() && i < to; ++i) out.push_back(v[i]);
    return out;
}

// ---- effects -----------------------------------------------------------------------

// Eliminations grouped: digits that leave the same cells go together.
struct Group {
    DigitMask digits = 0;
    std::vector<int> cells;
};
std::vector<Group> group_eliminations(const std::vector<CellDigit>& elims) {
    std::vector<Group> by_digit;
    for (int d = 1; d <= 9; ++d) {
        Group g;
        g.digits = digit_bit(d);
        for (const CellDigit& e : elims) {
            if (e.digit == d) g.cells.push_back(e.cell);
        }
        if (g.cells.empty()) continue;
        std::sort(g.cells.begin(), g.cells.end());
        bool merged = false;
        for (Group& other : by_digit) {
            if (other.cells == g.cells) {
                other.digits |= g.digits;
                merged = true;
            }
        }
        if (!merged) by_digit.push_back(g);
    }
    return by_digit;
}

// "remove 7 from r1c4 and r1c5, and 3 from r2c2"
string removal_en(const std::vector<CellDigit>& elims) {
    std::vector<string> parts;
    for (const Group& g : group_eliminations(elims)) parts.push_back(digits_en(g.digits) + " from " + cells_en(g.cells));
    return "remove " + join(parts, ", and ");
}
// "исключите 7 из r1c4 и r1c5, а 3 — из r2c2"
string removal_ru(const std::vector<CellDigit>& elims) {
    const auto groups = group_eliminations(elims);
    string out = "исключите ";
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const Group& g = groups[i];
        if (i == 0) {
            out += digits_ru(g.digits) + " из " + cells_ru(g.cells);
        } else {
            out += (i + 1 == groups.size() ? ", а " : ", ") + digits_ru(g.digits) + " — из " + cells_ru(g.cells);
        }
    }
    return out;
}

// "(it sees both wings)" / "(they see both wings)", by the number of target cells.
int target_cells(const Step& s) {
    std::vector<int> cells;
    for (const CellDigit& e : s.eliminations) {
        if (std::find(cells.begin(), cells.end(), e.cell) == cells.end()) cells.push_back(e.cell);
    }
    return static_cast<int>(cells.size());
}
string they_see_en(const Step& s, const string& what) {
    return target_cells(s) == 1 ? " (it sees " + what + ")" : " (they see " + what + ")";
}
string they_see_ru(const Step& s, const string& what_acc) {
    return target_cells(s) == 1 ? " (эта клетка видит " + what_acc + ")" : " (эти клетки видят " + what_acc + ")";
}

// What the step does, as the end of a sentence.
string effect_en(const Step& s) {
    if (!s.placements.empty()) {
        std::vector<string> parts;
        for (const CellDigit& p : s.placements) parts.push_back(cell_name(p.cell) + " is " + to_string(p.digit));
        return "so " + join(parts, " and ");
    }
    return "so " + removal_en(s.eliminations);
}
string effect_ru(const Step& s) {
    if (!s.placements.empty()) {
        std::vector<string> parts;
        for (const CellDigit& p : s.placements) parts.push_back("в " + cell_name(p.cell) + " стоит " + to_string(p.digit));
        return "значит, " + join(parts, " и ");
    }
    return removal_ru(s.eliminations);
}

// ---- techniques ---------------------------------------------------------------------

Sentence singles(const Step& s) {
    const int cell = s.cells.empty() ? 0 : s.cells[0];
    const int d = first_digit(s.digits);
    const string c = cell_name(cell), ds = to_string(d);
    switch (s.technique) {
        case Technique::full_house: {
            const int h = s.houses.empty() ? row_of(cell) : s.houses[0];
            return {capital(house_en(h)) + " has one empty cell left, " + c + ", so it takes the missing digit, " + ds + ".",
                    in_house_ru_cap(h) + " осталась одна свободная клетка, " + c + ", — в неё идёт недостающая цифра " + ds + "."};
        }
        case Technique::hidden_single: {
            const int h = s.houses.empty() ? row_of(cell) : s.houses[0];
            return {"In " + house_en(h) + ", " + ds + " fits only in " + c + ": every other empty cell there is ruled out for " +
                        ds + ".",
                    in_house_ru_cap(h) + " цифре " + ds + " есть место только в " + c +
                        ": для остальных свободных клеток она уже исключена."};
        }
        default:
            return {c + " can only be " + ds + ": every other digit is ruled out there.",
                    "В " + c + " может стоять только цифра " + ds + ": все остальные там уже исключены."};
    }
}

Sentence locked(const Step& s) {
    const int d = first_digit(s.digits);
    const string ds = to_string(d);
    const int from = s.houses[0], to = s.houses[1];
    const string where_en = " (" + cells_en(cell_list(s.cells)) + ")";
    const string where_ru = " (" + cells_ru(cell_list(s.cells)) + ")";
    return {"In " + house_en(from) + ", " + ds + " can only be in " + house_en(to) + where_en + ", so no other cell of " +
                house_en(to) + " can be " + ds + ": " + removal_en(s.eliminations) + ".",
            in_house_ru_cap(from) + " цифра " + ds + " может стоять только " + in_house_ru(to) + where_ru +
                ", поэтому в остальных клетках " + house_ru_gen(to) + " её нет: " + removal_ru(s.eliminations) + "."};
}

Sentence naked_subset(const Step& s) {
    const int h = s.houses[0];
    const int k = static_cast<int>(s.cells.size());
    const string cells_e = cells_en(cell_list(s.cells)), cells_r = cells_ru(cell_list(s.cells));
    return {"In " + house_en(h) + ", the " + en_count(k) + " cells " + cells_e + " hold only " + digits_en(s.digits) +
                " between them, so those digits go there and nowhere else in the " + house_en(h).substr(0, house_en(h).find(' ')) +
                ": " + removal_en(s.eliminations) + ".",
            in_house_ru_cap(h) + " " + ru_count_f(k) + " " + ru_plural(k, "клетка", "клетки", "клеток") + " " + cells_r +
                " вместе вмещают только цифры " + digits_ru(s.digits) + ", значит, эти цифры стоят именно там: " +
                removal_ru(s.eliminations) + "."};
}

Sentence hidden_subset(const Step& s) {
    const int h = s.houses[0];
    const int k = static_cast<int>(s.cells.size());
    const string cells_e = cells_en(cell_list(s.cells)), cells_r = cells_ru(cell_list(s.cells));
    return {"In " + house_en(h) + ", the digits " + digits_en(s.digits) + " fit only in " + cells_e + ", so those " +
                en_count(k) + " cells hold them and nothing else: " + removal_en(s.eliminations) + ".",
            in_house_ru_cap(h) + " цифры " + digits_ru(s.digits) + " помещаются только в " + cells_r + ", значит, в этих " +
                (k == 2 ? string("двух") : k == 3 ? string("трёх") : string("четырёх")) +
                " клетках стоят именно они: " + removal_ru(s.eliminations) + "."};
}

Sentence fish(const Step& s) {
    const int d = first_digit(s.digits);
    const std::size_t k = s.houses.size() / 2;
    std::vector<string> base_e, cover_e, base_r, cover_r;
    const bool rows = s.houses[0] < 9;
    for (std::size_t i = 0; i < k; ++i) {
        base_e.push_back(to_string(s.houses[i] % 9 + 1));
        cover_e.push_back(to_string(s.houses[k + i] % 9 + 1));
    }
    const string base_kind_e = rows ? "rows " : "columns ", cover_kind_e = rows ? "columns " : "rows ";
    const string base_kind_ru = rows ? "строках " : "столбцах ", cover_kind_ru = rows ? "столбцах " : "строках ";
    const string cover_gen_ru = rows ? "столбцов " : "строк ";
    const string name_en(technique_name_en(s.technique)), name_ru(technique_name_ru(s.technique));
    return {name_en + " on " + to_string(d) + ": in " + base_kind_e + join(base_e, " and ") + ", " + to_string(d) +
                " can only be in " + cover_kind_e + join(cover_e, " and ") + ", so those " + (rows ? "columns" : "rows") +
                " get their " + to_string(d) + "s from these " + (rows ? "rows" : "columns") + ": " +
                removal_en(s.eliminations) + ".",
            name_ru + " по цифре " + to_string(d) + ": в " + base_kind_ru + join(base_e, " и ") + " цифра " + to_string(d) +
                " может стоять только в " + cover_kind_ru + join(cover_e, " и ") + ", поэтому в этих " +
                (rows ? "столбцах" : "строках") + " она окажется только в этих " + (rows ? "строках" : "столбцах") + ": " +
                removal_ru(s.eliminations) + " (другие клетки " + cover_gen_ru + join(cover_e, " и ") + ")."};
}

// "either r1c2 or r8c7 is 5"-style sentences for single-digit chains of four nodes:
// a=b (strong) - c=d (strong).
Sentence four_link(const Step& s) {
    const ChainNode a = s.chain[0], b = s.chain[1], c = s.chain[2], e = s.chain[3];
    const string ds = to_string(a.digit);
    const string name_en(technique_name_en(s.technique)), name_ru(technique_name_ru(s.technique));
    return {name_en + " on " + ds + ": if " + cell_name(a.cell) + " isn't " + ds + ", then " + cell_name(b.cell) +
                " is (their house has no other place for it), so " + cell_name(c.cell) + " isn't, and " +
                cell_name(e.cell) + " is; either way " + cell_name(a.cell) + " or " + cell_name(e.cell) + " is " + ds +
                ", so " + removal_en(s.eliminations) + they_see_en(s, "both") + ".",
            name_ru + " по цифре " + ds + ": если в " + cell_name(a.cell) + " не " + ds + ", то " + ds + " стоит в " +
                cell_name(b.cell) + " (другого места в их группе нет), значит, не в " + cell_name(c.cell) + ", а в " +
                cell_name(e.cell) + "; так или иначе " + ds + " стоит в " + cell_name(a.cell) + " или в " +
                cell_name(e.cell) + " — " + removal_ru(s.eliminations) + they_see_ru(s, "обе") + "."};
}

Sentence empty_rectangle(const Step& s) {
    const string ds = to_string(first_digit(s.digits));
    const int box = s.houses[0], link = s.houses[1], row = s.houses[2], col = s.houses[3];
    const int near = s.cells[0], far = s.cells[1];
    const int other = link >= 9 ? col : row;  // where the box's digit goes when the near end takes it
    const string target = cell_name(s.eliminations[0].cell);
    return {"Empty rectangle on " + ds + ": in " + house_en(box) + " every " + ds + " lies on " + house_en(row) + " or " +
                house_en(col) + ", and " + house_en(link) + " has only " + cell_name(near) + " and " + cell_name(far) +
                " for " + ds + "; if " + cell_name(near) + " is " + ds + ", the box's " + ds + " must be on " +
                house_en(other) + ", otherwise " + cell_name(far) + " is " + ds + " — either way " + target + " can't be " +
                ds + ", so " + removal_en(s.eliminations) + ".",
            "Пустой прямоугольник по цифре " + ds + ": " + in_house_ru(box) + " все кандидаты " + ds + " лежат " +
                in_house_ru(row) + " или " + in_house_ru(col) + ", а " + in_house_ru(link) + " для " + ds +
                " есть только " + cell_name(near) + " и " + cell_name(far) + "; если " + ds + " стоит в " +
                cell_name(near) + ", то в блоке она окажется " + in_house_ru(other) + ", иначе " + ds + " стоит в " +
                cell_name(far) + " — в любом случае в " + target + " её быть не может: " + removal_ru(s.eliminations) + "."};
}

Sentence wing(const Step& s, const Candidates& before) {
    const string name_en(technique_name_en(s.technique)), name_ru(technique_name_ru(s.technique));
    auto with_digits = [&](int cell) { return cell_name(cell) + " (" + digits_en(before.mask(cell), ", ") + ")"; };
    if ((s.technique == Technique::xy_wing || s.technique == Technique::xyz_wing) && s.cells.size() == 3 && !s.chain.empty()) {
        const string z = to_string(s.chain[0].digit);
        const string pivot = with_digits(s.cells[0]), w1 = with_digits(s.cells[1]), w2 = with_digits(s.cells[2]);
        const bool xyz = s.technique == Technique::xyz_wing;
        return {name_en + ": the pivot " + pivot + " sees " + w1 + " and " + w2 + "; whatever the pivot takes, " +
                    (xyz ? "it or one of the wings is " : "one of the wings is ") + z + ", so " + removal_en(s.eliminations) +
                    they_see_en(s, xyz ? "all three" : "both wings") + ".",
                name_ru + ": опорная клетка " + pivot + " видит " + w1 + " и " + w2 + "; какую бы цифру ни взяла опора, " +
                    (xyz ? "она сама или одно из крыльев — " : "одно из крыльев — ") + z + ", поэтому " +
                    removal_ru(s.eliminations) + they_see_ru(s, xyz ? "все три" : "оба крыла") + "."};
    }
    const int k = static_cast<int>(s.cells.size());
    const string cells_e = cells_en(cell_list(s.cells)), cells_r = cells_ru(cell_list(s.cells));
    if (s.chain.empty()) {  // doubly linked: every digit is confined to cells that see each other
        return {name_en + ": the " + en_count(k) + " cells " + cells_e + " hold only the " + en_count(k) + " digits " +
                    digits_en(s.digits) + ", each confined to cells that see one another, so each digit is there exactly once: " +
                    removal_en(s.eliminations) + ".",
                name_ru + ": " + ru_count_f(k) + " " + ru_plural(k, "клетка", "клетки", "клеток") + " " + cells_r +
                    " вмещают только " + ru_count_f(k) + " " + ru_plural(k, "цифру", "цифры", "цифр") + " (" +
                    digits_ru(s.digits) + "), и каждая заперта в клетках, видящих друг друга, значит, каждая стоит там ровно один раз: " +
                    removal_ru(s.eliminations) + "."};
    }
    const string z = to_string(s.chain[0].digit);
    return {name_en + ": the " + en_count(k) + " cells " + cells_e + " hold only the " + en_count(k) + " digits " +
                digits_en(s.digits) + ", and every digit but " + z +
                " is confined to cells that see one another, so one of these cells must be " + z + ": " +
                removal_en(s.eliminations) + they_see_en(s, "every cell of the group that can be " + z) + ".",
            name_ru + ": " + ru_count_f(k) + " " + ru_plural(k, "клетка", "клетки", "клеток") + " " + cells_r +
                " вмещают только " + ru_count_f(k) + " " + ru_plural(k, "цифру", "цифры", "цифр") + " (" + digits_ru(s.digits) +
                "), и все они, кроме " + z + ", заперты в клетках, видящих друг друга, поэтому одна из клеток — " + z + ": " +
                removal_ru(s.eliminations) + they_see_ru(s, "все кандидаты " + z + " группы") + "."};
}

Sentence w_wing(const Step& s) {
    const ChainNode a = s.chain[0], ax = s.chain[1], e1 = s.chain[2], e2 = s.chain[3], b = s.chain[5];
    const string x = to_string(ax.digit), z = to_string(a.digit);
    const int h = s.houses.empty() ? -1 : s.houses[0];
    const string where_en = h >= 0 ? house_en(h) : "their house", where_ru = h >= 0 ? in_house_ru(h) : "в их группе";
    return {"W-Wing: " + cell_name(a.cell) + " and " + cell_name(b.cell) + " both hold only " + x + " and " + z + ", and " +
                x + " has just two places in " + where_en + ", " + cell_name(e1.cell) + " and " + cell_name(e2.cell) +
                ", each seeing one of them; so they can't both be " + x + ", one of them is " + z + ": " +
                removal_en(s.eliminations) + they_see_en(s, "both") + ".",
            "W-крыло: в " + cell_name(a.cell) + " и " + cell_name(b.cell) + " возможны только " + x + " и " + z +
                ", а у цифры " + x + " " + where_ru + " всего два места, " + cell_name(e1.cell) + " и " +
                cell_name(e2.cell) + ", и каждое видит одну из этих клеток; значит, обе сразу не могут быть " + x +
                ", одна из них — " + z + ": " + removal_ru(s.eliminations) + they_see_ru(s, "обе") + "."};
}

Sentence unique_rectangle(const Step& s) {
    const std::vector<int> corners = cell_list(s.cells);
    const string pair_e = digits_en(s.digits), pair_r = digits_ru(s.digits);
    const string cells_e = cells_en(corners), cells_r = cells_ru(corners);
    bool elim_pair = true;
    for (const CellDigit& e : s.eliminations) elim_pair = elim_pair && (s.digits & digit_bit(e.digit));
    if (!s.houses.empty() && !s.eliminations.empty()) {  // type 4
        const int removed = s.eliminations[0].digit;
        const int locked = first_digit(static_cast<DigitMask>(s.digits & ~digit_bit(removed)));
        const std::vector<int> roof = {s.eliminations[0].cell, s.eliminations.size() > 1 ? s.eliminations[1].cell : s.eliminations[0].cell};
        const string l = to_string(locked), r = to_string(removed);
        return {"Unique rectangle on " + pair_e + " (" + cells_e + "): in " + house_en(s.houses[0]) + ", " + l +
                    " can only go in " + cell_name(roof[0]) + " or " + cell_name(roof[1]) + ", so one of them is " + l + "; the other can't then be " + r +
                    ", or the four cells could swap " + pair_e + " and give two solutions: " + removal_en(s.eliminations) + ".",
                "Уникальный прямоугольник на цифрах " + pair_r + " (" + cells_r + "): " + in_house_ru(s.houses[0]) +
                    " цифра " + l + " может стоять только в " + cell_name(roof[0]) + " или " + cell_name(roof[1]) +
                    ", значит, одна из них — " + l +
                    "; тогда другая не может быть " + r + ", иначе четыре клетки можно было бы поменять местами и решений "
                    "было бы два: " + removal_ru(s.eliminations) + "."};
    }
    if (elim_pair) {  // type 1
        return {"Unique rectangle on " + pair_e + " (" + cells_e + "): if the last corner were " +
                    digits_en(s.digits, " or ") + " too, the four cells could swap " + pair_e +
                    " and the puzzle would have two solutions, " + effect_en(s) + ".",
                "Уникальный прямоугольник на цифрах " + pair_r + " (" + cells_r +
                    "): если бы и в последнем углу было " + digits_ru(s.digits, " или ") + ", эти четыре клетки можно было бы "
                    "поменять местами, и решений стало бы два — " + effect_ru(s) + "."};
    }
    const string extra = to_string(s.eliminations[0].digit);
    return {"Unique rectangle on " + pair_e + " (" + cells_e + "): one of the corners holding an extra " + extra +
                " must be " + extra + ", or the four cells could swap " + pair_e + " and the puzzle would have two solutions, " +
                effect_en(s) + they_see_en(s, "both") + ".",
            "Уникальный прямоугольник на цифрах " + pair_r + " (" + cells_r + "): один из углов с лишним кандидатом " + extra +
                " обязан быть " + extra + ", иначе клетки можно было бы поменять местами и решений было бы два, — " +
                effect_ru(s) + they_see_ru(s, "оба угла") + "."};
}

Sentence bug(const Step& s) {
    const string ds = to_string(first_digit(s.digits));
    if (!s.placements.empty()) {
        const string c = cell_name(s.placements[0].cell);
        return {"Bivalue universal grave: every empty cell but " + c + " has exactly two candidates; if " + c + " were not " +
                    ds + ", the grid would allow two solutions, so " + c + " is " + ds + ".",
                "Могила BUG: во всех свободных клетках, кроме " + c + ", ровно по два кандидата; если бы в " + c + " не стояла " +
                    ds + ", у сетки было бы два решения, значит, в " + c + " стоит " + ds + "."};
    }
    const std::vector<int> extra = cell_list(s.cells);
    return {"Bivalue universal grave: every empty cell has two candidates except " + cells_en(extra) +
                ", whose extra candidate is " + ds + " in each; without a " + ds +
                " there the grid would allow two solutions, so one of them is " + ds + ", and " +
                removal_en(s.eliminations) + ".",
            "Могила BUG: во всех свободных клетках по два кандидата, кроме " + cells_ru(extra) +
                ", где лишний кандидат — " + ds + "; без него у сетки было бы два решения, значит, одна из этих клеток — " + ds +
                ", и " + removal_ru(s.eliminations) + "."};
}

// Chains (colouring, X-chain, XY-chain, AIC): start and end, the cells in between.
Sentence chain(const Step& s) {
    const string name_en(technique_name_en(s.technique)), name_ru(technique_name_ru(s.technique));
    std::vector<int> middle;
    for (std::size_t i = 1; i + 1 < s.chain.size(); ++i) {
        const int c = s.chain[i].cell;
        if (c != s.chain.front().cell && c != s.chain.back().cell &&
            std::find(middle.begin(), middle.end(), c) == middle.end()) {
            middle.push_back(c);
        }
    }
    const ChainNode first = s.chain.front(), last = s.chain.back();
    const bool single_digit = s.technique == Technique::x_chain || s.technique == Technique::simple_colouring;
    const string on_en = single_digit ? " on " + to_string(first.digit) : "";
    const string on_ru = single_digit ? " по цифре " + to_string(first.digit) : "";
    const string via_en = middle.empty() ? "" : " through " + cells_en(middle);
    const string via_ru = middle.empty() ? "" : " через " + cells_ru(middle);
    if (s.loop) {
        return {name_en + " loop" + on_en + ": " + cells_en(cell_list(s.cells)) +
                    " form a closed ring in which each link forces the next, so along every link one of the two ends is true: " +
                    removal_en(s.eliminations) + ".",
                name_ru + on_ru + " замыкается в кольцо (" + cells_ru(cell_list(s.cells)) +
                    "), где каждое звено тянет за собой следующее, поэтому в каждом звене истинен один из концов: " +
                    removal_ru(s.eliminations) + "."};
    }
    if (!s.placements.empty()) {
        const string c = cell_name(first.cell), d = to_string(first.digit);
        return {name_en + on_en + ": if " + c + " were not " + d + ", the chain" + via_en + " would force it to be " + d +
                    ", so " + c + " is " + d + ".",
                name_ru + on_ru + ": если бы в " + c + " не было " + d + ", цепочка" + via_ru + " всё равно привела бы к " + d +
                    ", значит, в " + c + " стоит " + d + "."};
    }
    const string a = cell_name(first.cell) + " (" + to_string(first.digit) + ")";
    const string b = cell_name(last.cell) + " (" + to_string(last.digit) + ")";
    const string fd = to_string(first.digit), ld = to_string(last.digit);
    const bool one = target_cells(s) == 1 && s.eliminations.size() == 1;
    if (s.technique == Technique::simple_colouring) {
        std::vector<int> ring;
        for (const ChainNode& n : s.chain) ring.push_back(n.cell);
        return {"Simple colouring on " + fd + ": colour, in turn, the cells where " + fd +
                    " has only two places in a row, column or box (" + cells_en(ring) + "); " + cell_name(first.cell) +
                    " and " + cell_name(last.cell) + " get opposite colours, so one of them is " + fd + ": " +
                    removal_en(s.eliminations) + they_see_en(s, "both") + ".",
                "Простая раскраска по цифре " + fd + ": раскрасьте поочерёдно клетки, где у цифры " + fd +
                    " всего два места в строке, столбце или блоке (" + cells_ru(ring) + "); у " + cell_name(first.cell) +
                    " и " + cell_name(last.cell) + " разные цвета, значит, " + fd + " стоит в одной из них: " +
                    removal_ru(s.eliminations) + they_see_ru(s, "обе") + "."};
    }
    return {name_en + on_en + " from " + a + " to " + b + via_en + ": if " + cell_name(first.cell) + " isn't " + fd +
                ", each link forces the next until " + cell_name(last.cell) + " is " + ld +
                "; so one of the two is true: " + removal_en(s.eliminations) +
                (one ? " (it conflicts with both)." : " (each conflicts with both)."),
            name_ru + on_ru + " от " + a + " до " + b + via_ru + ": если в " + cell_name(first.cell) + " не " + fd +
                ", каждое звено тянет за собой следующее, пока в " + cell_name(last.cell) + " не окажется " + ld +
                "; значит, верно одно из двух: " + removal_ru(s.eliminations) +
                (one ? " (этот кандидат противоречит обоим)." : " (эти кандидаты противоречат обоим).")};
}

Sentence forcing(const Step& s) {
    std::vector<string> options;
    for (const ChainNode& n : s.chain) options.push_back(s.houses.empty() ? to_string(n.digit) : cell_name(n.cell));
    const string target = s.placements.empty() ? cell_name(s.eliminations[0].cell) : cell_name(s.placements[0].cell);
    const string d = to_string(s.placements.empty() ? s.eliminations[0].digit : s.placements[0].digit);
    const bool place = !s.placements.empty();
    const string result_en = place ? target + " is " + d : target + " is not " + d;
    const string result_ru = place ? "в " + target + " стоит " + d : "в " + target + " не " + d;
    if (s.houses.empty()) {
        const string cell = cell_name(s.chain[0].cell);
        return {"Forcing chains: whichever digit " + cell + " takes (" + join(options, " or ") +
                    "), following the consequences always shows that " + result_en + ", " + effect_en(s) + ".",
                "Вынуждающие цепочки: какую бы цифру ни получила " + cell + " (" + join(options, " или ") +
                    "), из каждого варианта следует, что " + result_ru + ", — " + effect_ru(s) + "."};
    }
    const string digit = to_string(s.chain[0].digit);
    return {"Forcing chains: wherever " + digit + " goes in " + house_en(s.houses[0]) + " (" + join(options, " or ") +
                "), following the consequences always shows that " + result_en + ", " + effect_en(s) + ".",
            "Вынуждающие цепочки: где бы ни стояла цифра " + digit + " " + in_house_ru(s.houses[0]) + " (" +
                join(options, " или ") + "), из каждого варианта следует, что " + result_ru + ", — " + effect_ru(s) + "."};
}

Sentence trial(const Step& s) {
    const ChainNode a = s.chain[0];
    const string c = cell_name(a.cell), d = to_string(a.digit);
    if (s.cells.size() > 1) {
        const string bad = cell_name(s.cells[1]);
        return {"Trial and error: if " + c + " were " + d + ", the singles that follow would leave " + bad +
                    " with no possible digit, so " + c + " is not " + d + ".",
                "Проба и ошибка: если поставить " + d + " в " + c + ", то после очевидных ходов для " + bad +
                    " не останется ни одной цифры, значит, в " + c + " не " + d + "."};
    }
    if (!s.houses.empty() && s.chain.size() > 1) {
        const string missing = to_string(s.chain[1].digit);
        return {"Trial and error: if " + c + " were " + d + ", the singles that follow would leave no place for " + missing +
                    " in " + house_en(s.houses[0]) + ", so " + c + " is not " + d + ".",
                "Проба и ошибка: если поставить " + d + " в " + c + ", то после очевидных ходов цифре " + missing +
                    " не останется места " + in_house_ru(s.houses[0]) + ", значит, в " + c + " не " + d + "."};
    }
    if (!s.placements.empty()) {
        const string p = cell_name(s.placements[0].cell), pd = to_string(s.placements[0].digit);
        return {"Trial and error: " + p + " is " + pd + " (trying the other digits there leads nowhere).",
                "Проба и ошибка: в " + p + " стоит " + pd + " (остальные варианты ведут в тупик)."};
    }
    return {"Trial and error: putting " + d + " in " + c + " leads to a dead end — no way to finish the grid — so " + c +
                " is not " + d + ".",
            "Проба и ошибка: если поставить " + d + " в " + c + ", сетку не удастся дорешать, значит, в " + c + " не " + d + "."};
}

bool well_formed(const Step& s) {
    if (s.placements.empty() && s.eliminations.empty()) return false;
    switch (s.technique) {
        case Technique::full_house:
        case Technique::hidden_single:
        case Technique::naked_single: return !s.cells.empty() && s.digits != 0;
        case Technique::pointing:
        case Technique::claiming: return s.houses.size() >= 2 && s.digits != 0;
        case Technique::naked_pair:
        case Technique::naked_triple:
        case Technique::naked_quad:
        case Technique::hidden_pair:
        case Technique::hidden_triple:
        case Technique::hidden_quad: return !s.houses.empty() && !s.cells.empty();
        case Technique::x_wing:
        case Technique::swordfish:
        case Technique::jellyfish: return s.houses.size() >= 4 && s.houses.size() % 2 == 0 && s.digits != 0;
        case Technique::skyscraper:
        case Technique::two_string_kite:
        case Technique::turbot_fish: return s.chain.size() == 4;
        case Technique::empty_rectangle: return s.houses.size() == 4 && s.cells.size() >= 2;
        case Technique::w_wing: return s.chain.size() == 6;
        case Technique::unique_rectangle: return s.cells.size() == 4;
        case Technique::simple_colouring:
        case Technique::x_chain:
        case Technique::xy_chain:
        case Technique::aic: return s.chain.size() >= 2;
        case Technique::forcing_chain:
        case Technique::trial_and_error: return !s.chain.empty();
        default: return !s.cells.empty();
    }
}

}  // namespace

const char* ru_plural(int n, const char* form1, const char* form2, const char* form5) {
    const int n100 = n % 100, n10 = n % 10;
    if (n100 >= 11 && n100 <= 14) return form5;
    if (n10 == 1) return form1;
    if (n10 >= 2 && n10 <= 4) return form2;
    return form5;
}

Sentence explain(const Step& s, const Candidates& before) {
    if (!well_formed(s)) {
        const string en(technique_name_en(s.technique)), ru(technique_name_ru(s.technique));
        if (s.placements.empty() && s.eliminations.empty()) return {en + ".", ru + "."};
        return {en + ": " + effect_en(s) + ".", string(ru) + ": " + effect_ru(s) + "."};
    }
    switch (s.technique) {
        case Technique::full_house:
        case Technique::hidden_single:
        case Technique::naked_single: return singles(s);
        case Technique::pointing:
        case Technique::claiming: return locked(s);
        case Technique::naked_pair:
        case Technique::naked_triple:
        case Technique::naked_quad: return naked_subset(s);
        case Technique::hidden_pair:
        case Technique::hidden_triple:
        case Technique::hidden_quad: return hidden_subset(s);
        case Technique::x_wing:
        case Technique::swordfish:
        case Technique::jellyfish: return fish(s);
        case Technique::skyscraper:
        case Technique::two_string_kite:
        case Technique::turbot_fish: return four_link(s);
        case Technique::empty_rectangle: return empty_rectangle(s);
        case Technique::xy_wing:
        case Technique::xyz_wing:
        case Technique::wxyz_wing:
        case Technique::vwxyz_wing: return wing(s, before);
        case Technique::w_wing: return w_wing(s);
        case Technique::unique_rectangle: return unique_rectangle(s);
        case Technique::bug: return bug(s);
        case Technique::simple_colouring:
        case Technique::x_chain:
        case Technique::xy_chain:
        case Technique::aic: return chain(s);
        case Technique::forcing_chain: return forcing(s);
        case Technique::trial_and_error: return trial(s);
    }
    return {string(technique_name_en(s.technique)) + ".", string(technique_name_ru(s.technique)) + "."};
}

}  // namespace astradia::sudoku
