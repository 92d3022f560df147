// Purpose: the shared Sudoku data sets (../shared/data/sudoku, see its README) for tests:
// lines of a set, every `every`-th from line `from`, up to `count`. A missing file, or
// fewer lines than asked for, fails the test at once (REQUIRE): a test over real data can
// never pass by reading nothing.
#pragma once

#include <cstddef>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace astradia::testing {

inline constexpr std::size_t kAllLines = std::numeric_limits<std::size_t>::max();

// `file` is the set's file name ("17_clue.txt"). With count = kAllLines every selected line
// is returned (and there must be at least one).
inline std::vector<std::string> data_lines(const std::string& file, std::size_t count = kAllLines,
                                           std::size_t from = 0, std::size_t every = 1) {
    const std::string path = std::string(ASTRADIA_DATA_DIR) + "/sudoku/" + file;
    std::ifstream in(path);
    INFO("data set " << path);
    REQUIRE(in.is_open());
    std::vector<std::string> out;
    std::string line;
    for (std::size_t n = 0; out.size() < count && std::getline(in, line); ++n) {
        if (n >= from && (n - from) % every == 0) out.push_back(line);
    }
    if (count == kAllLines) {
        REQUIRE_FALSE(out.empty());
    } else {
        REQUIRE(out.size() == count);
    }
    return out;
}

}  // namespace astradia::testing
