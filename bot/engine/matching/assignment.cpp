#include "bot/engine/matching/assignment.h"

#include <cassert>
#include <cstddef>
#include <limits>
#include <utility>

namespace mentorbot {

namespace {

constexpr std::int64_t kUnreached = std::numeric_limits<std::int64_t>::max() / 4;

// The state of one solve: potentials, the current matching, and scratch
// buffers for the shortest-path search, allocated once and reused per row.
class AssignmentSolver {
 public:
  AssignmentSolver(int rows, int cols, const std::vector<std::int64_t>& cost)
      : rows_(rows), cols_(cols), cost_(cost.data()),
        row_potential_(rows, 0), col_potential_(cols, 0),
        col_of_row_(rows, -1), row_of_col_(cols, -1),
        path_(cols, -1), distance_(cols, kUnreached), remaining_(cols) {}

  std::vector<int> Solve() {
    for (int row = 0; row < rows_; ++row) AddRow(row);
    return std::move(col_of_row_);
  }

 private:
  // Dijkstra from the free `root` row over reduced costs until it reaches a
  // free column; then moves the potentials so every reduced cost stays >= 0
  // and flips the matching along the path.
  void AddRow(int root) {
    // A fixed scan order: equal inputs break ties the same way.
    for (int j = 0; j < cols_; ++j) {
      remaining_[j] = j;
      distance_[j] = kUnreached;
    }
    int num_remaining = cols_;
    visited_rows_.clear();
    visited_cols_.clear();

    std::int64_t reached = 0;  // length of the shortest path found so far
    int row = root;
    int sink = -1;
    while (sink < 0) {
      visited_rows_.push_back(row);
      const std::int64_t* costs = cost_ + static_cast<std::size_t>(row) * cols_;
      const std::int64_t base = reached - row_potential_[row];
      std::int64_t lowest = kUnreached;
      int lowest_at = -1;
      for (int k = 0; k < num_remaining; ++k) {
        const int j = remaining_[k];
        const std::int64_t d = base + costs[j] - col_potential_[j];
        if (d < distance_[j]) {
          distance_[j] = d;
          path_[j] = row;
        }
        // Among equally short columns prefer a free one: it ends the search.
        if (distance_[j] < lowest || (distance_[j] == lowest && row_of_col_[j] < 0)) {
          lowest = distance_[j];
          lowest_at = k;
        }
      }
      assert(lowest_at >= 0);
      reached = lowest;
      const int col = remaining_[lowest_at];
      remaining_[lowest_at] = remaining_[--num_remaining];
      visited_cols_.push_back(col);
      if (row_of_col_[col] < 0) {
        sink = col;
      } else {
        row = row_of_col_[col];
      }
    }

    // Potentials: rows and columns on the search tree move by how much
    // closer than the sink they were.
    row_potential_[root] += reached;
    for (int r : visited_rows_) {
      if (r != root) row_potential_[r] += reached - distance_[col_of_row_[r]];
    }
    for (int c : visited_cols_) col_potential_[c] -= reached - distance_[c];

    for (int col = sink;;) {
      const int r = path_[col];
      row_of_col_[col] = r;
      const int previous = col_of_row_[r];
      col_of_row_[r] = col;
      if (r == root) break;
      col = previous;
    }
  }

  const int rows_;
  const int cols_;
  const std::int64_t* cost_;
  std::vector<std::int64_t> row_potential_;
  std::vector<std::int64_t> col_potential_;
  std::vector<int> col_of_row_;
  std::vector<int> row_of_col_;
  std::vector<int> path_;  // the row from which each column was last reached
  std::vector<std::int64_t> distance_;
  std::vector<int> remaining_;  // columns not yet settled in this search
  std::vector<int> visited_rows_;
  std::vector<int> visited_cols_;
};

}  // namespace

std::vector<int> SolveAssignment(int rows, int cols, const std::vector<std::int64_t>& cost) {
  assert(rows >= 0 && rows <= cols);
  assert(cost.size() == static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols));
  if (rows == 0) return {};
  return AssignmentSolver(rows, cols, cost).Solve();
}

}  // namespace mentorbot
