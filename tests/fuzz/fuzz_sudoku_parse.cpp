// Purpose: fuzz the puzzle parser and the solver: any bytes give a grid or an error,
// never a crash; a grid that parses is solved and counted, and the answers must agree:
// solve() finds a solution exactly when count_solutions() counts one, it is the same
// first solution, and every solution returned solves the puzzle.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "engine/sudoku/grid.hpp"
#include "engine/sudoku/solver.hpp"

using namespace astradia::sudoku;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = parse_grid(text);
    if (!parsed) {
        if (parsed.error().code.empty() || parsed.error().message.empty()) std::abort();
        return 0;
    }
    const Grid& puzzle = *parsed;
    if (!consistent(puzzle)) std::abort();  // the parser refuses repeated digits
    Grid first;
    const int n = count_solutions(puzzle, 2, &first);
    const auto solution = solve(puzzle);
    if (n < 0 || n > 2) std::abort();
    if ((n > 0) != solution.has_value()) std::abort();
    if (count_solutions(puzzle, 1) != (n > 0 ? 1 : 0)) std::abort();
    if (solution) {
        if (!solves(puzzle, *solution) || !solves(puzzle, first) || first != *solution) std::abort();
        if (count_solutions(*solution, 2) != 1) std::abort();  // a complete grid is its own only solution
    }
    return 0;
}
