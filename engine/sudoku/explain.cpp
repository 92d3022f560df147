// Purpose: English and Russian sentences for the logic engine's steps (see explain.hpp).
// Cells are named as a player says them ("row 3, column 7"; in Russian "клетка (строка 3,
// столбец 7)" with «клетка» in the case the sentence needs), never in solver shorthand;
// chains point at the highlighted cells instead of listing them. Russian house names and
// numerals agree in case and number. A hint comes in three stages: where to look, the
// technique by name, the answer.
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

// Russian house names: nominative ("строка 3"), accusative ("строку 3", after "на"),
// genitive ("строки 3") and prepositional ("строке 3", after "в").
string house_ru_acc(int h) {
    if (h < 9) return "строку " + to_string(h + 1);
    if (h < 18) return "столбец " + to_string(h - 8);
    return "блок " + to_string(h - 17);
}
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

string join(const std::vector<string>& items, const char* last_sep, const char* sep = ", ") {
    string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? last_sep : sep;
        out += items[i];
    }
    return out;
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

// ---- cells, as players name them ------------------------------------------------------

std::vector<int> unique_cells(const std::vector<int>& cells) {
    std::vector<int> out;
    for (int c : cells) {
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
    return out;
}

// The places of cells: one row ("row 1, columns 4 and 5"), one column ("rows 2 and 7,
// column 3"), or row by row ("row 1, column 4; row 2, columns 5 and 6").
struct Words {
    const char* row;
    const char* rows;
    const char* column;
    const char* columns;
    const char* last;  // before the last item of a list
};
constexpr Words kEn{"row", "rows", "column", "columns", " and "};
constexpr Words kRu{"строка", "строки", "столбец", "столбцы", " и "};

string numbers(const std::vector<int>& v, const Words& w) {
    std::vector<string> items;
    for (int n : v) items.push_back(to_string(n + 1));
    return join(items, w.last);
}

string places(const std::vector<int>& in, const Words& w) {
    const std::vector<int> cells = unique_cells(in);
    if (cells.empty()) return {};
    std::vector<int> rows, cols;
    for (int c : cells) {
        if (std::find(rows.begin(), rows.end(), row_of(c)) == rows.end()) rows.push_back(row_of(c));
        if (std::find(cols.begin(), cols.end(), col_of(c)) == cols.end()) cols.push_back(col_of(c));
    }
    if (rows.size() == 1) {
        return string(w.row) + " " + numbers(rows, w) + ", " + (cols.size() > 1 ? w.columns : w.column) + " " + numbers(cols, w);
    }
    if (cols.size() == 1) return string(w.rows) + " " + numbers(rows, w) + ", " + w.column + " " + numbers(cols, w);
    std::vector<string> groups;
    for (int r : rows) {
        std::vector<int> in_row;
        for (int c : cells) {
            if (row_of(c) == r) in_row.push_back(col_of(c));
        }
        groups.push_back(string(w.row) + " " + to_string(r + 1) + ", " + (in_row.size() > 1 ? w.columns : w.column) + " " +
                         numbers(in_row, w));
    }
    return join(groups, "; ", "; ");
}

string place_en(const std::vector<int>& cells) { return places(cells, kEn); }
string place_ru(const std::vector<int>& cells) { return places(cells, kRu); }
string place_en(int cell) { return place_en(std::vector<int>{cell}); }

// Cells inside a house, named by what tells them apart there: the columns of a row, the
// rows of a column, the full place in a box.
string within(int house, const std::vector<int>& cells, const Words& w) {
    std::vector<int> v;
    for (int c : unique_cells(cells)) v.push_back(house < 9 ? col_of(c) : row_of(c));
    if (house < 9) return string(v.size() > 1 ? w.columns : w.column) + " " + numbers(v, w);
    if (house < 18) return string(v.size() > 1 ? w.rows : w.row) + " " + numbers(v, w);
    return places(cells, w);
}

// «клетка» in a case, for one cell or several.
enum class Case { nom, gen, acc, ins, prep };
const char* kletka(Case c, bool plural) {
    switch (c) {
        case Case::nom: return plural ? "клетки" : "клетка";
        case Case::gen: return plural ? "клеток" : "клетки";
        case Case::acc: return plural ? "клетки" : "клетку";
        case Case::ins: return plural ? "клетками" : "клеткой";
        case Case::prep: return plural ? "клетках" : "клетке";
    }
    return "клетка";
}
// "клетке (строка 3, столбец 7)", "клеток (строка 1, столбцы 4 и 5)".
string cells_ru(const std::vector<int>& cells, Case c) {
    return string(kletka(c, unique_cells(cells).size() > 1)) + " (" + place_ru(cells) + ")";
}
string cell_ru(int cell, Case c) { return cells_ru(std::vector<int>{cell}, c); }

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

// "remove 7 from row 1, columns 4 and 5; and 3 from row 2, column 2". A place over several
// rows is in parentheses when other groups follow, so the semicolons stay unambiguous.
string removal_en(const std::vector<CellDigit>& elims) {
    const auto groups = group_eliminations(elims);
    std::vector<string> parts;
    for (const Group& g : groups) {
        const string where = place_en(g.cells);
        const bool nested = groups.size() > 1 && where.find(';') != string::npos;
        parts.push_back(digits_en(g.digits) + " from " + (nested ? "(" + where + ")" : where));
    }
    return "remove " + join(parts, "; and ", "; ");
}
// "исключите 7 из клеток (строка 1, столбцы 4 и 5), а 3 — из клетки (строка 2, столбец 2)"
string removal_ru(const std::vector<CellDigit>& elims) {
    const auto groups = group_eliminations(elims);
    string out = "исключите ";
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const Group& g = groups[i];
        if (i == 0) {
            out += digits_ru(g.digits) + " из " + cells_ru(g.cells, Case::gen);
        } else {
            out += (i + 1 == groups.size() ? ", а " : ", ") + digits_ru(g.digits) + " — из " + cells_ru(g.cells, Case::gen);
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
    return target_cells(s) == 1 ? " — эта клетка видит " + what_acc : " — эти клетки видят " + what_acc;
}

// What the step does, as the end of a sentence.
string effect_en(const Step& s) {
    if (!s.placements.empty()) {
        std::vector<string> parts;
        for (const CellDigit& p : s.placements) parts.push_back(place_en(p.cell) + " is " + to_string(p.digit));
        return "so " + join(parts, "; and ", "; ");
    }
    return "so " + removal_en(s.eliminations);
}
string effect_ru(const Step& s) {
    if (!s.placements.empty()) {
        std::vector<string> parts;
        for (const CellDigit& p : s.placements) parts.push_back("в " + cell_ru(p.cell, Case::prep) + " стоит " + to_string(p.digit));
        return "значит, " + join(parts, " и ");
    }
    return removal_ru(s.eliminations);
}

// ---- techniques ---------------------------------------------------------------------

Sentence singles(const Step& s) {
    const int cell = s.cells.empty() ? 0 : s.cells[0];
    const int d = first_digit(s.digits);
    const string ds = to_string(d);
    switch (s.technique) {
        case Technique::full_house: {
            const int h = s.houses.empty() ? row_of(cell) : s.houses[0];
            return {capital(house_en(h)) + " has one empty cell left (" + within(h, {cell}, kEn) +
                        "), so it takes the missing digit, " + ds + ".",
                    in_house_ru_cap(h) + " осталась одна свободная клетка (" + within(h, {cell}, kRu) +
                        ") — в неё идёт недостающая цифра " + ds + "."};
        }
        case Technique::hidden_single: {
            const int h = s.houses.empty() ? row_of(cell) : s.houses[0];
            return {"In " + house_en(h) + ", " + ds + " fits only in " + within(h, {cell}, kEn) +
                        ": every other empty cell there is ruled out for " + ds + ".",
                    in_house_ru_cap(h) + " цифре " + ds + " есть место только в одной клетке (" + within(h, {cell}, kRu) +
                        "): для остальных свободных клеток она уже исключена."};
        }
        default:
            return {capital(place_en(cell)) + " can only be " + ds + ": every other digit is ruled out there.",
                    "В " + cell_ru(cell, Case::prep) + " может стоять только цифра " + ds + ": все остальные там уже исключены."};
    }
}

Sentence locked(const Step& s) {
    const int d = first_digit(s.digits);
    const string ds = to_string(d);
    const int from = s.houses[0], to = s.houses[1];
    const std::vector<int> cells = cell_list(s.cells);
    return {"In " + house_en(from) + ", " + ds + " can only be in " + house_en(to) + " (" + place_en(cells) +
                "), so no other cell of " + house_en(to) + " can be " + ds + ": " + removal_en(s.eliminations) + ".",
            in_house_ru_cap(from) + " цифра " + ds + " может стоять только " + in_house_ru(to) + " (" + place_ru(cells) +
                "), поэтому в остальных клетках " + house_ru_gen(to) + " её нет: " + removal_ru(s.eliminations) + "."};
}

Sentence naked_subset(const Step& s) {
    const int h = s.houses[0];
    const int k = static_cast<int>(s.cells.size());
    const std::vector<int> cells = cell_list(s.cells);
    const string where = h >= 18 ? "(" + within(h, cells, kEn) + ")" : "in " + within(h, cells, kEn);
    return {"In " + house_en(h) + ", the " + en_count(k) + " cells " + where + " hold only " +
                digits_en(s.digits) + " between them, so those digits go there and nowhere else in the " +
                house_en(h).substr(0, house_en(h).find(' ')) + ": " + removal_en(s.eliminations) + ".",
            in_house_ru_cap(h) + " " + ru_count_f(k) + " " + ru_plural(k, "клетка", "клетки", "клеток") + " (" +
                within(h, cells, kRu) + ") вместе вмещают только цифры " + digits_ru(s.digits) +
                ", значит, эти цифры стоят именно там: " + removal_ru(s.eliminations) + "."};
}

Sentence hidden_subset(const Step& s) {
    const int h = s.houses[0];
    const int k = static_cast<int>(s.cells.size());
    const std::vector<int> cells = cell_list(s.cells);
    return {"In " + house_en(h) + ", the digits " + digits_en(s.digits) + " fit only in " + within(h, cells, kEn) +
                ", so those " + en_count(k) + " cells hold them and nothing else: " + removal_en(s.eliminations) + ".",
            in_house_ru_cap(h) + " цифры " + digits_ru(s.digits) + " помещаются только в " + ru_count_f(k) + " " +
                ru_plural(k, "клетку", "клетки", "клеток") + " (" + within(h, cells, kRu) + "), значит, в этих " +
                (k == 2 ? string("двух") : k == 3 ? string("трёх") : string("четырёх")) +
                " клетках стоят именно они: " + removal_ru(s.eliminations) + "."};
}

Sentence fish(const Step& s) {
    const int d = first_digit(s.digits);
    const std::size_t k = s.houses.size() / 2;
    std::vector<string> base_e, cover_e;
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
                (rows ? "столбцах" : "строках") + " она окажется только в этих " + (rows ? "строках" : "столбцах") +
                " — в других клетках " + cover_gen_ru + join(cover_e, " и ") + " её нет: " + removal_ru(s.eliminations) + "."};
}

// Single-digit chains of four nodes, a=b (strong) - c=d (strong): "either a or d".
Sentence four_link(const Step& s) {
    const ChainNode a = s.chain[0], b = s.chain[1], c = s.chain[2], e = s.chain[3];
    const string ds = to_string(a.digit);
    const string name_en(technique_name_en(s.technique)), name_ru(technique_name_ru(s.technique));
    return {name_en + " on " + ds + ": if " + place_en(a.cell) + " isn't " + ds + ", then " + place_en(b.cell) +
                " is (their house has no other place for it), so " + place_en(c.cell) + " isn't, and " + place_en(e.cell) +
                " is. Either way one of the two ends is " + ds + ", so " + removal_en(s.eliminations) +
                they_see_en(s, "both ends") + ".",
            name_ru + " по цифре " + ds + ": если в " + cell_ru(a.cell, Case::prep) + " не " + ds + ", то " + ds +
                " стоит в " + cell_ru(b.cell, Case::prep) + " — другого места в их группе нет, — значит, не в " +
                cell_ru(c.cell, Case::prep) + ", а в " + cell_ru(e.cell, Case::prep) + ". Так или иначе " + ds +
                " стоит на одном из концов: " + removal_ru(s.eliminations) + they_see_ru(s, "оба конца") + "."};
}

Sentence empty_rectangle(const Step& s) {
    const string ds = to_string(first_digit(s.digits));
    const int box = s.houses[0], link = s.houses[1], row = s.houses[2], col = s.houses[3];
    const int near = s.cells[0], far = s.cells[1];
    const int other = link >= 9 ? col : row;  // where the box's digit goes when the near end takes it
    const int target = s.eliminations[0].cell;
    return {"Empty rectangle on " + ds + ": in " + house_en(box) + " every " + ds + " lies on " + house_en(row) + " or " +
                house_en(col) + ", and " + house_en(link) + " has only " + within(link, {near, far}, kEn) + " for " + ds +
                ". If " + place_en(near) + " is " + ds + ", the box's " + ds + " must be on " + house_en(other) +
                "; otherwise " + place_en(far) + " is " + ds + ". Either way " + place_en(target) + " can't be " + ds +
                ", so " + removal_en(s.eliminations) + ".",
            "Пустой прямоугольник по цифре " + ds + ": " + in_house_ru(box) + " все кандидаты " + ds + " лежат " +
                in_house_ru(row) + " или " + in_house_ru(col) + ", а " + in_house_ru(link) + " для " + ds +
                " есть только две клетки (" + within(link, {near, far}, kRu) + "). Если " + ds + " стоит в " +
                cell_ru(near, Case::prep) + ", то в блоке она окажется " + in_house_ru(other) + ", иначе " + ds +
                " стоит в " + cell_ru(far, Case::prep) + ". В любом случае в " + cell_ru(target, Case::prep) +
                " её быть не может: " + removal_ru(s.eliminations) + "."};
}

Sentence wing(const Step& s, const Candidates& before) {
    const string name_en(technique_name_en(s.technique)), name_ru(technique_name_ru(s.technique));
    auto with_digits_en = [&](int cell) { return place_en(cell) + " (candidates " + digits_en(before.mask(cell)) + ")"; };
    auto with_digits_ru = [&](int cell) { return place_ru({cell}) + "; кандидаты " + digits_ru(before.mask(cell)); };
    if ((s.technique == Technique::xy_wing || s.technique == Technique::xyz_wing) && s.cells.size() == 3 && !s.chain.empty()) {
        const string z = to_string(s.chain[0].digit);
        const bool xyz = s.technique == Technique::xyz_wing;
        return {name_en + ": the pivot at " + with_digits_en(s.cells[0]) + " sees " + with_digits_en(s.cells[1]) + " and " +
                    with_digits_en(s.cells[2]) + ". Whatever the pivot takes, " +
                    (xyz ? "it or one of the wings is " : "one of the wings is ") + z + ", so " + removal_en(s.eliminations) +
                    they_see_en(s, xyz ? "all three" : "both wings") + ".",
                name_ru + ": опорная клетка (" + with_digits_ru(s.cells[0]) + ") видит клетки (" + with_digits_ru(s.cells[1]) +
                    ") и (" + with_digits_ru(s.cells[2]) + "). Какую бы цифру ни взяла опора, " +
                    (xyz ? "она сама или одно из крыльев — " : "одно из крыльев — ") + z + ", поэтому " +
                    removal_ru(s.eliminations) + they_see_ru(s, xyz ? "все три" : "оба крыла") + "."};
    }
    const int k = static_cast<int>(s.cells.size());
    const std::vector<int> cells = cell_list(s.cells);
    if (s.chain.empty()) {  // doubly linked: every digit is confined to cells that see each other
        return {name_en + ": the " + en_count(k) + " highlighted cells (" + place_en(cells) + ") hold only the " +
                    en_count(k) + " digits " + digits_en(s.digits) +
                    ", each confined to cells that see one another, so each digit is there exactly once: " +
                    removal_en(s.eliminations) + ".",
                name_ru + ": " + ru_count_f(k) + " " + ru_plural(k, "клетка", "клетки", "клеток") + " (" + place_ru(cells) +
                    ") вмещают только " + ru_count_f(k) + " " + ru_plural(k, "цифру", "цифры", "цифр") + " (" +
                    digits_ru(s.digits) + "), и каждая заперта в клетках, видящих друг друга, значит, каждая стоит там ровно один раз: " +
                    removal_ru(s.eliminations) + "."};
    }
    const string z = to_string(s.chain[0].digit);
    return {name_en + ": the " + en_count(k) + " highlighted cells (" + place_en(cells) + ") hold only the " + en_count(k) +
                " digits " + digits_en(s.digits) + ", and every digit but " + z +
                " is confined to cells that see one another, so one of these cells must be " + z + ": " +
                removal_en(s.eliminations) + they_see_en(s, "every cell of the group that can be " + z) + ".",
            name_ru + ": " + ru_count_f(k) + " " + ru_plural(k, "клетка", "клетки", "клеток") + " (" + place_ru(cells) +
                ") вмещают только " + ru_count_f(k) + " " + ru_plural(k, "цифру", "цифры", "цифр") + " (" + digits_ru(s.digits) +
                "), и все они, кроме " + z + ", заперты в клетках, видящих друг друга, поэтому одна из клеток — " + z + ": " +
                removal_ru(s.eliminations) + they_see_ru(s, "все кандидаты " + z + " группы") + "."};
}

Sentence w_wing(const Step& s) {
    const ChainNode a = s.chain[0], ax = s.chain[1], e1 = s.chain[2], e2 = s.chain[3], b = s.chain[5];
    const string x = to_string(ax.digit), z = to_string(a.digit);
    const int h = s.houses.empty() ? -1 : s.houses[0];
    const string ends_en = h >= 0 ? within(h, {e1.cell, e2.cell}, kEn) : place_en({e1.cell, e2.cell});
    const string ends_ru = h >= 0 ? within(h, {e1.cell, e2.cell}, kRu) : place_ru({e1.cell, e2.cell});
    const string where_en = h >= 0 ? house_en(h) : "their house", where_ru = h >= 0 ? in_house_ru(h) : "в их группе";
    return {"W-Wing: " + place_en(a.cell) + " and " + place_en(b.cell) + " both hold only " + x + " and " + z + ", and " +
                x + " has just two places in " + where_en + " (" + ends_en +
                "), each seeing one of them. So they can't both be " + x + ", and one of them is " + z + ": " +
                removal_en(s.eliminations) + they_see_en(s, "both") + ".",
            "W-крыло: в " + cell_ru(a.cell, Case::prep) + " и в " + cell_ru(b.cell, Case::prep) + " возможны только " + x +
                " и " + z + ", а у цифры " + x + " " + where_ru + " всего два места (" + ends_ru +
                "), и каждое видит одну из этих клеток. Значит, обе сразу не могут быть " + x + ", и одна из них — " + z +
                ": " + removal_ru(s.eliminations) + they_see_ru(s, "обе") + "."};
}

Sentence unique_rectangle(const Step& s) {
    const std::vector<int> corners = cell_list(s.cells);
    const string pair_e = digits_en(s.digits), pair_r = digits_ru(s.digits);
    const string cells_e = place_en(corners), cells_r = place_ru(corners);
    bool elim_pair = true;
    for (const CellDigit& e : s.eliminations) elim_pair = elim_pair && (s.digits & digit_bit(e.digit));
    if (!s.houses.empty() && !s.eliminations.empty()) {  // type 4
        const int removed = s.eliminations[0].digit;
        const int locked = first_digit(static_cast<DigitMask>(s.digits & ~digit_bit(removed)));
        const std::vector<int> roof = {s.eliminations[0].cell, s.eliminations.size() > 1 ? s.eliminations[1].cell : s.eliminations[0].cell};
        const string l = to_string(locked), r = to_string(removed);
        return {"Unique rectangle on " + pair_e + " (" + cells_e + "): in " + house_en(s.houses[0]) + ", " + l +
                    " can only go in " + within(s.houses[0], roof, kEn) + ", so one of them is " + l +
                    "; the other can't then be " + r + ", or the four cells could swap " + pair_e +
                    " and give two solutions: " + removal_en(s.eliminations) + ".",
                "Уникальный прямоугольник на цифрах " + pair_r + " (" + cells_r + "): " + in_house_ru(s.houses[0]) +
                    " цифра " + l + " может стоять только в двух клетках (" + within(s.houses[0], roof, kRu) +
                    "), значит, одна из них — " + l + "; тогда другая не может быть " + r +
                    ", иначе четыре клетки можно было бы поменять местами и решений было бы два: " +
                    removal_ru(s.eliminations) + "."};
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
        const int c = s.placements[0].cell;
        return {"Bivalue universal grave: every empty cell but " + place_en(c) + " has exactly two candidates; if " +
                    place_en(c) + " were not " + ds + ", the grid would allow two solutions, so it is " + ds + ".",
                "Могила BUG: во всех свободных клетках, кроме " + cell_ru(c, Case::gen) + ", ровно по два кандидата; если бы там не стояла " +
                    ds + ", у сетки было бы два решения, значит, в " + cell_ru(c, Case::prep) + " стоит " + ds + "."};
    }
    const std::vector<int> extra = cell_list(s.cells);
    return {"Bivalue universal grave: every empty cell has two candidates except " + place_en(extra) +
                ", whose extra candidate is " + ds + " in each; without a " + ds +
                " there the grid would allow two solutions, so one of them is " + ds + ", and " +
                removal_en(s.eliminations) + ".",
            "Могила BUG: во всех свободных клетках по два кандидата, кроме " + cells_ru(extra, Case::gen) +
                ", где лишний кандидат — " + ds + "; без него у сетки было бы два решения, значит, одна из этих клеток — " + ds +
                ", и " + removal_ru(s.eliminations) + "."};
}

// Chains (colouring, X-chain, XY-chain, AIC): start and end by name, the links between
// them highlighted on the board.
Sentence chain(const Step& s) {
    const string name_en(technique_name_en(s.technique)), name_ru(technique_name_ru(s.technique));
    const ChainNode first = s.chain.front(), last = s.chain.back();
    const bool single_digit = s.technique == Technique::x_chain || s.technique == Technique::simple_colouring;
    const string on_en = single_digit ? " on " + to_string(first.digit) : "";
    const string on_ru = single_digit ? " по цифре " + to_string(first.digit) : "";
    if (s.loop) {
        return {name_en + " loop" + on_en +
                    ": the highlighted cells form a closed ring in which each link forces the next, so along every link one of the two ends is true: " +
                    removal_en(s.eliminations) + ".",
                name_ru + on_ru +
                    " замыкается в кольцо по отмеченным клеткам, где каждое звено тянет за собой следующее, поэтому в каждом звене истинен один из концов: " +
                    removal_ru(s.eliminations) + "."};
    }
    if (!s.placements.empty()) {
        const int c = first.cell;
        const string d = to_string(first.digit);
        return {name_en + on_en + ": if " + place_en(c) + " were not " + d +
                    ", the chain through the highlighted cells would force it to be " + d + " anyway, so it is " + d + ".",
                name_ru + on_ru + ": если бы в " + cell_ru(c, Case::prep) + " не было " + d +
                    ", цепочка по отмеченным клеткам всё равно привела бы к " + d + ", значит, там стоит " + d + "."};
    }
    const string fd = to_string(first.digit), ld = to_string(last.digit);
    const bool one = target_cells(s) == 1 && s.eliminations.size() == 1;
    if (s.technique == Technique::simple_colouring) {
        return {"Simple colouring on " + fd + ": colour, in turn, the highlighted cells, where " + fd +
                    " has only two places in a row, column or box. " + capital(place_en(first.cell)) + " and " +
                    place_en(last.cell) + " get opposite colours, so one of them is " + fd + ": " +
                    removal_en(s.eliminations) + they_see_en(s, "both") + ".",
                "Простая раскраска по цифре " + fd + ": раскрасьте поочерёдно отмеченные клетки, где у цифры " + fd +
                    " всего два места в строке, столбце или блоке. У " + cell_ru(first.cell, Case::gen) + " и у " +
                    cell_ru(last.cell, Case::gen) + " разные цвета, значит, " + fd + " стоит в одной из них: " +
                    removal_ru(s.eliminations) + they_see_ru(s, "обе") + "."};
    }
    return {name_en + on_en + " from the " + fd + " in " + place_en(first.cell) + " to the " + ld + " in " +
                place_en(last.cell) + ", through the highlighted cells: if the first isn't " + fd +
                ", each link forces the next until the last is " + ld + ". So one of the two is true: " +
                removal_en(s.eliminations) + (one ? " (it conflicts with both)." : " (each conflicts with both)."),
            name_ru + on_ru + " от " + fd + " в " + cell_ru(first.cell, Case::prep) + " до " + ld + " в " +
                cell_ru(last.cell, Case::prep) + " по отмеченным клеткам: если в первой не " + fd +
                ", каждое звено тянет за собой следующее, пока в последней не окажется " + ld +
                ". Значит, верно одно из двух: " + removal_ru(s.eliminations) +
                (one ? " — этот кандидат противоречит обоим." : " — эти кандидаты противоречат обоим.")};
}

Sentence forcing(const Step& s) {
    const bool place = !s.placements.empty();
    const int target = place ? s.placements[0].cell : s.eliminations[0].cell;
    const string d = to_string(place ? s.placements[0].digit : s.eliminations[0].digit);
    const string result_en = place_en(target) + (place ? " is " : " is not ") + d;
    const string result_ru = "в " + cell_ru(target, Case::prep) + (place ? " стоит " : " не ") + d;
    if (s.houses.empty()) {
        std::vector<string> options;
        for (const ChainNode& n : s.chain) options.push_back(to_string(n.digit));
        const int cell = s.chain[0].cell;
        return {"Forcing chains: whichever digit " + place_en(cell) + " takes (" + join(options, " or ") +
                    "), following the consequences always shows that " + result_en + ", " + effect_en(s) + ".",
                "Вынуждающие цепочки: какую бы цифру ни получила " + cell_ru(cell, Case::nom) + " (" + join(options, " или ") +
                    "), из каждого варианта следует, что " + result_ru + ", — " + effect_ru(s) + "."};
    }
    const string digit = to_string(s.chain[0].digit);
    return {"Forcing chains: wherever " + digit + " goes in " + house_en(s.houses[0]) +
                " (one of the highlighted cells), following the consequences always shows that " + result_en + ", " +
                effect_en(s) + ".",
            "Вынуждающие цепочки: где бы ни стояла цифра " + digit + " " + in_house_ru(s.houses[0]) +
                " (в одной из отмеченных клеток), из каждого варианта следует, что " + result_ru + ", — " + effect_ru(s) + "."};
}

Sentence trial(const Step& s) {
    const ChainNode a = s.chain[0];
    const string d = to_string(a.digit);
    const string c_en = place_en(a.cell);
    if (s.cells.size() > 1) {
        return {"Trial and error: if " + c_en + " were " + d + ", the singles that follow would leave " + place_en(s.cells[1]) +
                    " with no possible digit, so " + c_en + " is not " + d + ".",
                "Проба и ошибка: если поставить " + d + " в " + cell_ru(a.cell, Case::acc) + ", то после очевидных ходов для " +
                    cell_ru(s.cells[1], Case::gen) + " не останется ни одной цифры, значит, " + d + " там не стоит."};
    }
    if (!s.houses.empty() && s.chain.size() > 1) {
        const string missing = to_string(s.chain[1].digit);
        return {"Trial and error: if " + c_en + " were " + d + ", the singles that follow would leave no place for " + missing +
                    " in " + house_en(s.houses[0]) + ", so " + c_en + " is not " + d + ".",
                "Проба и ошибка: если поставить " + d + " в " + cell_ru(a.cell, Case::acc) + ", то после очевидных ходов цифре " +
                    missing + " не останется места " + in_house_ru(s.houses[0]) + ", значит, " + d + " там не стоит."};
    }
    if (!s.placements.empty()) {
        const int p = s.placements[0].cell;
        const string pd = to_string(s.placements[0].digit);
        return {"Trial and error: " + place_en(p) + " is " + pd + " (trying the other digits there leads nowhere).",
                "Проба и ошибка: в " + cell_ru(p, Case::prep) + " стоит " + pd + " (остальные варианты ведут в тупик)."};
    }
    return {"Trial and error: putting " + d + " in " + c_en + " leads to a dead end, with no way to finish the grid, so " +
                c_en + " is not " + d + ".",
            "Проба и ошибка: если поставить " + d + " в " + cell_ru(a.cell, Case::acc) +
                ", сетку не удастся дорешать, значит, " + d + " там не стоит."};
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

// ---- the stages of a hint ---------------------------------------------------------------

// What each technique is, in a clause a player can look for (after "Name: ").
Sentence what_it_is(const Step& s) {
    const int k = static_cast<int>(s.cells.size());
    const string n_en = en_count(k);
    switch (s.technique) {
        case Technique::full_house:
            return {"a row, column or box has one empty cell left, which takes the missing digit.",
                    "в строке, столбце или блоке осталась одна свободная клетка, и в неё идёт недостающая цифра."};
        case Technique::hidden_single:
            return {"in one row, column or box, a digit has only one cell left where it can go.",
                    "в одной строке, столбце или блоке у цифры осталось единственное место."};
        case Technique::naked_single:
            return {"every digit but one is already in this cell's row, column or box.",
                    "все цифры, кроме одной, уже есть в строке, столбце или блоке этой клетки."};
        case Technique::pointing:
            return {"in a box, a digit's places all lie on one row or column, so the rest of that line can't have it.",
                    "в блоке все места цифры лежат на одной строке или столбце, поэтому на остальной части этой линии её нет."};
        case Technique::claiming:
            return {"on a row or column, a digit's places all lie in one box, so the rest of that box can't have it.",
                    "в строке или столбце все места цифры лежат в одном блоке, поэтому в остальной части блока её нет."};
        case Technique::naked_pair:
        case Technique::naked_triple:
        case Technique::naked_quad:
            return {n_en + " cells of one row, column or box hold only " + n_en +
                        " digits between them, so those digits can go nowhere else there.",
                    ru_count_f(k) + " " + ru_plural(k, "клетка", "клетки", "клеток") + " одной строки, столбца или блока вмещают только " +
                        ru_count_f(k) + " " + ru_plural(k, "цифру", "цифры", "цифр") +
                        ", поэтому в других клетках там этих цифр нет."};
        case Technique::hidden_pair:
        case Technique::hidden_triple:
        case Technique::hidden_quad:
            return {n_en + " digits of one row, column or box fit only in the same " + n_en +
                        " cells, so those cells hold nothing else.",
                    ru_count_f(k) + " " + ru_plural(k, "цифра", "цифры", "цифр") +
                        " одной строки, столбца или блока помещаются только в одни и те же клетки, поэтому ничего другого в этих клетках нет."};
        case Technique::x_wing:
        case Technique::swordfish:
        case Technique::jellyfish:
            return {"in some rows a digit is confined to the same number of columns (or the other way round), so it leaves the rest of those columns.",
                    "в нескольких строках цифра заперта в стольких же столбцах (или наоборот), поэтому из остальных клеток этих столбцов она уходит."};
        case Technique::skyscraper:
        case Technique::two_string_kite:
        case Technique::turbot_fish:
            return {"two places that a digit is forced into, one or the other, are linked: a cell that sees both ends can't hold it.",
                    "две пары мест, где цифра обязана стоять в одном из двух, сцеплены: клетка, видящая оба конца, её не содержит."};
        case Technique::empty_rectangle:
            return {"in a box a digit lies on one row and one column; a pair of places outside the box cuts it from one cell.",
                    "в блоке цифра лежит на одной строке и одном столбце; пара мест вне блока исключает её из одной клетки."};
        case Technique::xy_wing:
        case Technique::xyz_wing:
            return {"a pivot cell sees two wing cells; whatever the pivot takes, a digit they share ends up in one of them.",
                    "опорная клетка видит две клетки-крыла; что бы ни взяла опора, их общая цифра окажется в одной из них."};
        case Technique::wxyz_wing:
        case Technique::vwxyz_wing:
            return {"a few cells hold as many digits as there are cells; all digits but one are locked among cells that see each other.",
                    "несколько клеток вмещают столько же цифр, сколько их самих; все цифры, кроме одной, заперты в клетках, видящих друг друга."};
        case Technique::w_wing:
            return {"two cells with the same two candidates are joined by a digit that has only two places in a house.",
                    "две клетки с одинаковыми двумя кандидатами связаны цифрой, у которой в группе всего два места."};
        case Technique::unique_rectangle:
            return {"four cells on two rows, two columns and two boxes must not end up holding the same two digits, or the puzzle would have two solutions.",
                    "четыре клетки в двух строках, двух столбцах и двух блоках не могут содержать одну и ту же пару цифр, иначе у задачи было бы два решения."};
        case Technique::bug:
            return {"if every empty cell had just two candidates the puzzle would have two solutions; the cell with a third decides.",
                    "если бы во всех свободных клетках было по два кандидата, у задачи было бы два решения; решает клетка с третьим."};
        case Technique::simple_colouring:
            return {"colour in turn the cells where a digit has only two places in a house; one colour holds the digit.",
                    "раскрасьте поочерёдно клетки, где у цифры всего два места в группе; цифра стоит в клетках одного цвета."};
        case Technique::x_chain:
        case Technique::xy_chain:
        case Technique::aic:
            return {"a chain of links, each forcing the next, so one of its two ends is true.",
                    "цепочка звеньев, каждое из которых тянет за собой следующее, поэтому один из двух её концов истинен."};
        case Technique::forcing_chain:
            return {"every choice for a cell, or for a digit's place in a house, leads to the same conclusion.",
                    "каждый вариант для клетки (или для места цифры в группе) ведёт к одному и тому же выводу."};
        case Technique::trial_and_error:
            return {"trying a digit in a cell leads to a contradiction.", "проба цифры в клетке ведёт к противоречию."};
    }
    return {"", ""};
}

// The cells of a house, in order.
std::vector<std::uint8_t> house_cells(int h) {
    std::vector<std::uint8_t> out;
    for (int i = 0; i < 9; ++i) {
        const int c = h < 9 ? h * 9 + i : h < 18 ? i * 9 + (h - 9) : ((h - 18) / 3 * 3 + i / 3) * 9 + (h - 18) % 3 * 3 + i % 3;
        out.push_back(static_cast<std::uint8_t>(c));
    }
    return out;
}

void add_cells(std::vector<std::uint8_t>& to, const std::vector<std::uint8_t>& cells) {
    for (auto c : cells) {
        if (std::find(to.begin(), to.end(), c) == to.end()) to.push_back(c);
    }
}

// The pattern's cells: its cells and its chain's.
std::vector<std::uint8_t> pattern_cells(const Step& s) {
    std::vector<std::uint8_t> out = s.cells;
    std::vector<std::uint8_t> chain;
    for (const ChainNode& n : s.chain) chain.push_back(n.cell);
    add_cells(out, chain);
    return out;
}

}  // namespace

const char* ru_plural(int n, const char* form1, const char* form2, const char* form5) {
    const int n100 = n % 100, n10 = n % 10;
    if (n100 >= 11 && n100 <= 14) return form5;
    if (n10 == 1) return form1;
    if (n10 >= 2 && n10 <= 4) return form2;
    return form5;
}

std::string cell_words_en(int cell) { return place_en(cell); }
std::string cell_words_ru(int cell) { return cell_ru(cell, Case::nom); }

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

Stages explain_stages(const Step& s) {
    Stages out;
    const bool single_digit = s.digits != 0 && (s.digits & (s.digits - 1)) == 0 &&
                              s.technique != Technique::naked_single && s.technique != Technique::full_house;
    const string digit = single_digit ? to_string(first_digit(s.digits)) : string();
    const string name_en(technique_name_en(s.technique)), name_ru(technique_name_ru(s.technique));
    const Sentence what = what_it_is(s);
    out.technique = {name_en + ": " + what.en, name_ru + ": " + what.ru};
    out.pattern = pattern_cells(s);
    // A single's pattern is its answer: until the answer, the stages light where to look.
    const bool single = s.technique == Technique::full_house || s.technique == Technique::hidden_single ||
                        s.technique == Technique::naked_single;
    switch (s.technique) {
        case Technique::full_house:
        case Technique::hidden_single:
        case Technique::naked_pair:
        case Technique::naked_triple:
        case Technique::naked_quad:
        case Technique::hidden_pair:
        case Technique::hidden_triple:
        case Technique::hidden_quad:
            if (!s.houses.empty()) {
                const int h = s.houses[0];
                out.look = {"Look at " + house_en(h) + ".", "Посмотрите на " + house_ru_acc(h) + "."};
                out.focus = house_cells(h);
                if (single) out.pattern = out.focus;
                return out;
            }
            break;
        case Technique::naked_single:
            if (!s.cells.empty()) {
                out.look = {"Look at " + place_en(s.cells[0]) + ".", "Посмотрите на " + cell_ru(s.cells[0], Case::acc) + "."};
                out.focus = {s.cells[0]};
                return out;
            }
            break;
        case Technique::pointing:
        case Technique::claiming:
            if (s.houses.size() >= 2) {
                out.look = {"Look at where " + digit + " can go in " + house_en(s.houses[0]) + ".",
                            "Посмотрите, где может стоять " + digit + " " + in_house_ru(s.houses[0]) + "."};
                out.focus = house_cells(s.houses[0]);
                return out;
            }
            break;
        case Technique::x_wing:
        case Technique::swordfish:
        case Technique::jellyfish:
            if (s.houses.size() >= 4) {
                const std::size_t k = s.houses.size() / 2;
                std::vector<string> base;
                for (std::size_t i = 0; i < k; ++i) {
                    base.push_back(to_string(s.houses[i] % 9 + 1));
                    add_cells(out.focus, house_cells(s.houses[i]));
                }
                const bool rows = s.houses[0] < 9;
                out.look = {"Look at where " + digit + " can go in " + (rows ? "rows " : "columns ") + join(base, " and ") + ".",
                            "Посмотрите, где может стоять " + digit + " в " + (rows ? "строках " : "столбцах ") +
                                join(base, " и ") + "."};
                return out;
            }
            break;
        default: break;
    }
    out.focus = out.pattern;
    out.look = single_digit
                   ? Sentence{"Look at the highlighted cells and the digit " + digit + ".",
                              "Посмотрите на отмеченные клетки и цифру " + digit + "."}
                   : Sentence{"Look at the highlighted cells.", "Посмотрите на отмеченные клетки."};
    return out;
}

}  // namespace astradia::sudoku
