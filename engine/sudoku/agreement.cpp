// Purpose: rank correlation and closeness of two ratings (see agreement.hpp).
#include "engine/sudoku/agreement.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace astradia::sudoku {
namespace {

std::vector<double> ranks(const std::vector<double>& v) {
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
        const double average = (static_cast<double>(i) + static_cast<double>(j)) / 2.0;
        for (std::size_t k = i; k <= j; ++k) r[order[k]] = average;
        i = j + 1;
    }
    return r;
}

}  // namespace

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size() || x.size() < 2) return 0;
    const std::vector<double> rx = ranks(x), ry = ranks(y);
    const double n = static_cast<double>(rx.size());
    const double mx = std::accumulate(rx.begin(), rx.end(), 0.0) / n;
    const double my = std::accumulate(ry.begin(), ry.end(), 0.0) / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < rx.size(); ++i) {
        sxy += (rx[i] - mx) * (ry[i] - my);
        sxx += (rx[i] - mx) * (rx[i] - mx);
        syy += (ry[i] - my) * (ry[i] - my);
    }
    return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0;
}

double share_within(const std::vector<double>& x, const std::vector<double>& y, double tolerance) {
    if (x.size() != y.size() || x.empty()) return 0;
    std::size_t close = 0;
    for (std::size_t i = 0; i < x.size(); ++i) close += std::fabs(x[i] - y[i]) <= tolerance + 1e-9;
    return static_cast<double>(close) / static_cast<double>(x.size());
}

}  // namespace astradia::sudoku
