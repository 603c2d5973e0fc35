#include "bot/engine/matching/assignment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <set>

namespace mentorbot {
namespace {

std::int64_t TotalCost(int cols, const std::vector<std::int64_t>& cost, const std::vector<int>& assignment) {
  std::int64_t total = 0;
  for (std::size_t row = 0; row < assignment.size(); ++row) total += cost[row * cols + assignment[row]];
  return total;
}

// Every row on its own column, all in range.
void ExpectValid(int rows, int cols, const std::vector<int>& assignment) {
  ASSERT_EQ(assignment.size(), static_cast<std::size_t>(rows));
  std::set<int> used;
  for (int col : assignment) {
    EXPECT_GE(col, 0);
    EXPECT_LT(col, cols);
    EXPECT_TRUE(used.insert(col).second) << "column " << col << " used twice";
  }
}

// The optimum by trying every ordering of the columns (first `rows` of each).
std::int64_t BruteForceMinimum(int rows, int cols, const std::vector<std::int64_t>& cost) {
  std::vector<int> order(cols);
  std::iota(order.begin(), order.end(), 0);
  std::int64_t best = std::numeric_limits<std::int64_t>::max();
  do {
    std::int64_t total = 0;
    for (int row = 0; row < rows; ++row) total += cost[static_cast<std::size_t>(row) * cols + order[row]];
    best = std::min(best, total);
  } while (std::next_permutation(order.begin(), order.end()));
  return best;
}

TEST(AssignmentTest, EmptyProblemHasNoRows) {
  EXPECT_TRUE(SolveAssignment(0, 0, {}).empty());
  EXPECT_TRUE(SolveAssignment(0, 3, {}).empty());
}

TEST(AssignmentTest, SingleRowTakesTheCheapestColumn) {
  EXPECT_EQ(SolveAssignment(1, 4, {7, 3, 9, 5}), (std::vector<int>{1}));
}

TEST(AssignmentTest, GreedyIsNotOptimal) {
  // Greedy takes (0,0)=1 and then pays 100; the optimum is 2 + 2.
  const std::vector<std::int64_t> cost = {1, 2,
                                          2, 100};
  EXPECT_EQ(SolveAssignment(2, 2, cost), (std::vector<int>{1, 0}));
}

TEST(AssignmentTest, RectangularLeavesTheWorstColumnsUnused) {
  const std::vector<std::int64_t> cost = {5, 1, 9,
                                          4, 2, 8};
  const auto assignment = SolveAssignment(2, 3, cost);
  ExpectValid(2, 3, assignment);
  EXPECT_EQ(TotalCost(3, cost, assignment), 5);  // 1 + 4
}

TEST(AssignmentTest, NegativeAndHugeCostsStayExact) {
  const std::int64_t big = kMaxAssignmentCost;
  const std::vector<std::int64_t> cost = {-big, big, 0,
                                          big, -big, -1,
                                          0, -1, -big};
  const auto assignment = SolveAssignment(3, 3, cost);
  EXPECT_EQ(assignment, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(TotalCost(3, cost, assignment), -3 * big);
}

TEST(AssignmentTest, MatchesBruteForceOnRandomSmallInstances) {
  std::mt19937 rng(20240611);
  for (int round = 0; round < 3000; ++round) {
    const int cols = 1 + static_cast<int>(rng() % 7);
    const int rows = static_cast<int>(rng() % (cols + 1));
    // Narrow ranges make many ties; wide ones with negatives test the potentials.
    const std::int64_t range = (round % 3 == 0) ? 3 : (round % 3 == 1) ? 50 : 1'000'000;
    std::uniform_int_distribution<std::int64_t> value(-range, range);
    std::vector<std::int64_t> cost(static_cast<std::size_t>(rows) * cols);
    for (auto& c : cost) c = value(rng);
    const auto assignment = SolveAssignment(rows, cols, cost);
    ExpectValid(rows, cols, assignment);
    ASSERT_EQ(TotalCost(cols, cost, assignment), BruteForceMinimum(rows, cols, cost))
        << "round " << round << ": " << rows << " x " << cols;
  }
}

TEST(AssignmentTest, SameInputSameAnswer) {
  std::mt19937 rng(7);
  std::vector<std::int64_t> cost(40 * 60);
  for (auto& c : cost) c = static_cast<std::int64_t>(rng() % 4);  // lots of ties
  EXPECT_EQ(SolveAssignment(40, 60, cost), SolveAssignment(40, 60, cost));
}

TEST(AssignmentTest, LargerInstanceBeatsEveryPairwiseSwap) {
  // Too big for brute force; an optimum admits no improving swap of two rows'
  // columns nor a move of one row to an unused column.
  std::mt19937 rng(99);
  const int rows = 60;
  const int cols = 80;
  std::vector<std::int64_t> cost(rows * cols);
  for (auto& c : cost) c = static_cast<std::int64_t>(rng() % 1000);
  const auto a = SolveAssignment(rows, cols, cost);
  ExpectValid(rows, cols, a);
  std::vector<bool> used(cols, false);
  for (int col : a) used[col] = true;
  auto at = [&](int r, int c) { return cost[r * cols + c]; };
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      if (!used[c]) {
        EXPECT_LE(at(r, a[r]), at(r, c));
      }
    }
    for (int s = r + 1; s < rows; ++s) EXPECT_LE(at(r, a[r]) + at(s, a[s]), at(r, a[s]) + at(s, a[r]));
  }
}

}  // namespace
}  // namespace mentorbot
