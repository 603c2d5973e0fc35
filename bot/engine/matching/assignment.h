// Minimum-cost assignment on a dense rectangular cost matrix: the exact
// optimiser under the matcher. Pure function, no shared state, thread-safe.
//
// Shortest augmenting paths with row and column potentials (the Jonker–
// Volgenant family, in Crouse's formulation): each row in turn is added by a
// Dijkstra search over reduced costs, O(rows^2 * cols) in the worst case and
// far less on typical inputs. Integer costs keep the optimum exact. JV's
// initial reductions are left out: a random 2000 x 2000 problem already
// solves in about 0.25 s on two cores (bench/match_bench.cpp).
#pragma once

#include <cstdint>
#include <vector>

namespace mentorbot {

// Costs may be negative. Magnitudes up to 2^40 leave room for the potentials,
// which are sums of costs along augmenting paths.
inline constexpr std::int64_t kMaxAssignmentCost = std::int64_t{1} << 40;

// For each row, the column it is assigned to, such that no column is used
// twice and the sum of cost[row * cols + column] is minimal. Every row is
// assigned. Deterministic: equal inputs give equal answers.
// REQUIRES: 0 <= rows <= cols; cost.size() == rows * cols (row-major);
//           |cost| <= kMaxAssignmentCost.
std::vector<int> SolveAssignment(int rows, int cols, const std::vector<std::int64_t>& cost);

}  // namespace mentorbot
