// Purpose: grid geometry, consistency checks and the puzzle parser (see grid.hpp).
#include "engine/sudoku/grid.hpp"

namespace astradia::sudoku {
namespace {

struct Geometry {
    std::array<std::array<std::uint8_t, 9>, 27> houses{};
    std::array<std::array<std::uint8_t, 20>, 81> peers{};
    Geometry() {
        for (int i = 0; i < 9; ++i) {
            for (int j = 0; j < 9; ++j) {
                houses[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] =
                    static_cast<std::uint8_t>(cell_at(i, j));
                houses[static_cast<std::size_t>(9 + i)][static_cast<std::size_t>(j)] =
                    static_cast<std::uint8_t>(cell_at(j, i));
                houses[static_cast<std::size_t>(18 + i)][static_cast<std::size_t>(j)] =
                    static_cast<std::uint8_t>(cell_at((i / 3) * 3 + j / 3, (i % 3) * 3 + j % 3));
            }
        }
        for (int c = 0; c < kCells; ++c) {
            std::size_t n = 0;
            for (int o = 0; o < kCells; ++o) {
                if (o != c && (row_of(o) == row_of(c) || col_of(o) == col_of(c) || box_of(o) == box_of(c))) {
                    peers[static_cast<std::size_t>(c)][n++] = static_cast<std::uint8_t>(o);
                }
            }
        }
    }
};

const Geometry& geometry() {
    static const Geometry g;
    return g;
}

const char* house_kind(int house) { return house < 9 ? "row" : house < 18 ? "column" : "box"; }

// Finds the first repeated digit in any house; returns false when there is none.
bool first_duplicate(const Grid& grid, int& house, int& a, int& b) {
    for (int h = 0; h < 27; ++h) {
        int seen[10];
        for (int& s : seen) s = -1;
        for (std::uint8_t cell : houses()[static_cast<std::size_t>(h)]) {
            const int d = grid[cell];
            if (d == 0) continue;
            if (seen[d] >= 0) {
                house = h;
                a = seen[d];
                b = cell;
                return true;
            }
            seen[d] = cell;
        }
    }
    return false;
}

bool is_separator_line(std::string_view line) {
    bool has_dash = false;
    for (char ch : line) {
        if (ch == '-' || ch == '+' || ch == '=') {
            has_dash = true;
        } else if (ch != '|' && ch != ' ' && ch != '\t' && ch != '\r') {
            return false;
        }
    }
    return has_dash;
}

}  // namespace

const std::array<std::array<std::uint8_t, 9>, 27>& houses() { return geometry().houses; }
const std::array<std::array<std::uint8_t, 20>, 81>& peers() { return geometry().peers; }

int Grid::filled() const {
    int n = 0;
    for (std::uint8_t v : cells) n += v != 0;
    return n;
}

std::string Grid::to_string() const {
    std::string out(kCells, '.');
    for (int i = 0; i < kCells; ++i) {
        if (cells[static_cast<std::size_t>(i)] != 0) out[static_cast<std::size_t>(i)] = static_cast<char>('0' + cells[static_cast<std::size_t>(i)]);
    }
    return out;
}

bool consistent(const Grid& grid) {
    int house = 0, a = 0, b = 0;
    return !first_duplicate(grid, house, a, b);
}

bool solves(const Grid& puzzle, const Grid& solution) {
    if (!solution.complete() || !consistent(solution)) return false;
    for (int i = 0; i < kCells; ++i) {
        if (puzzle[i] != 0 && puzzle[i] != solution[i]) return false;
    }
    return true;
}

std::string cell_name(int cell) {
    // Built from characters: GCC 12 at -O3 reports a false -Wrestrict on chained
    // std::string concatenation here.
    std::string name = "r";
    name += std::to_string(row_of(cell) + 1);
    name += 'c';
    name += std::to_string(col_of(cell) + 1);
    return name;
}

Expected<Grid> parse_grid(std::string_view text) {
    Grid grid;
    int count = 0;
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch == '\n') {
            ++line;
            line_start = i + 1;
            continue;
        }
        if (i == line_start) {
            // A separator line of the 9-line form ("---+---+---") is skipped whole.
            std::size_t end = text.find('\n', i);
            if (end == std::string_view::npos) end = text.size();
            if (is_separator_line(text.substr(i, end - i))) {
                i = end - 1;
                continue;
            }
        }
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '|') continue;
        if (ch == '.' || ch == '0' || (ch >= '1' && ch <= '9')) {
            if (count < kCells) grid[count] = ch == '.' ? 0 : static_cast<std::uint8_t>(ch - '0');
            ++count;
            continue;
        }
        std::string shown = (static_cast<unsigned char>(ch) >= 0x20 && static_cast<unsigned char>(ch) < 0x7f)
                                ? std::string(1, ch)
                                : "\\x" + std::string(1, "0123456789abcdef"[(static_cast<unsigned char>(ch) >> 4)]) +
                                      std::string(1, "0123456789abcdef"[static_cast<unsigned char>(ch) & 15]);
        return make_error("sudoku.character", "bad character '" + shown + "' at position " + std::to_string(i + 1) +
                                                  " (line " + std::to_string(line) + ", column " +
                                                  std::to_string(i - line_start + 1) + ")");
    }
    if (count != kCells) {
        return make_error("sudoku.length", "expected 81 cells, found " + std::to_string(count));
    }
    int house = 0, a = 0, b = 0;
    if (first_duplicate(grid, house, a, b)) {
        const int index = house < 9 ? house : house < 18 ? house - 9 : house - 18;
        return make_error("sudoku.duplicate", "digit " + std::to_string(grid[a]) + " appears twice in " +
                                                  house_kind(house) + " " + std::to_string(index + 1) + " (" +
                                                  cell_name(a) + " and " + cell_name(b) + ")");
    }
    return grid;
}

}  // namespace astradia::sudoku
