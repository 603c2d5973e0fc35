#include "bot/engine/roster/org_chart.h"

namespace mentorbot {

OrgChart::OrgChart(const std::vector<std::pair<std::string, std::string>>& managers) {
  index_.reserve(managers.size() * 2);
  auto intern = [this](const std::string& key) {
    auto [it, added] = index_.try_emplace(key, static_cast<int>(index_.size()));
    return it->second;
  };
  std::vector<int> manager;
  std::vector<bool> given;  // the first entry for a person wins, even an empty one
  for (const auto& [person, boss] : managers) {
    if (person.empty()) continue;
    const int p = intern(person);
    const int m = boss.empty() ? -1 : intern(boss);
    if (manager.size() < index_.size()) {
      manager.resize(index_.size(), -1);
      given.resize(index_.size(), false);
    }
    if (given[p]) continue;
    given[p] = true;
    if (m != p) manager[p] = m;
  }
  manager.resize(index_.size(), -1);
  CollapseCycles(manager);
  NumberIntervals(manager);
}

void OrgChart::CollapseCycles(const std::vector<int>& manager) {
  const int n = static_cast<int>(manager.size());
  group_.resize(n);
  for (int i = 0; i < n; ++i) group_[i] = i;
  // Walk up from each unvisited node, tagging nodes with the walk's start;
  // meeting our own tag again means the walk closed a cycle.
  std::vector<int> walk(n, -1);
  for (int start = 0; start < n; ++start) {
    int x = start;
    while (x >= 0 && walk[x] < 0) {
      walk[x] = start;
      x = manager[x];
    }
    if (x >= 0 && walk[x] == start) {
      int y = x;
      do {
        group_[y] = x;
        y = manager[y];
      } while (y != x);
    }
  }
}

void OrgChart::NumberIntervals(const std::vector<int>& manager) {
  const int n = static_cast<int>(manager.size());
  // The forest: a representative's parent is its manager's representative,
  // except for collapsed cycles, whose managers all lie inside the cycle.
  std::vector<int> parent(n, -1);
  for (int x = 0; x < n; ++x) {
    if (group_[x] != x || manager[x] < 0) continue;
    const bool on_cycle = group_[manager[x]] == x;
    if (!on_cycle) parent[x] = group_[manager[x]];
  }
  // Children in compressed rows, in node order so numbering is stable.
  std::vector<int> first_child(n + 1, 0);
  for (int x = 0; x < n; ++x) {
    if (parent[x] >= 0) ++first_child[parent[x] + 1];
  }
  for (int x = 0; x < n; ++x) first_child[x + 1] += first_child[x];
  std::vector<int> children(first_child[n]);
  std::vector<int> filled(first_child.begin(), first_child.end() - 1);
  for (int x = 0; x < n; ++x) {
    if (parent[x] >= 0) children[filled[parent[x]]++] = x;
  }

  enter_.assign(n, -1);
  exit_.assign(n, -1);
  int counter = 0;
  std::vector<std::pair<int, int>> stack;  // (node, next child offset)
  for (int root = 0; root < n; ++root) {
    if (group_[root] != root || parent[root] >= 0) continue;
    enter_[root] = counter++;
    stack.push_back({root, first_child[root]});
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (next < first_child[node + 1]) {
        const int child = children[next++];
        enter_[child] = counter++;
        stack.push_back({child, first_child[child]});
      } else {
        exit_[node] = counter - 1;
        stack.pop_back();
      }
    }
  }
}

int OrgChart::Find(const std::string& key) const {
  auto it = index_.find(key);
  return it == index_.end() ? -1 : it->second;
}

bool OrgChart::InOneChain(int a, int b) const {
  if (a < 0 || b < 0) return false;
  const int ra = group_[a];
  const int rb = group_[b];
  auto contains = [this](int outer, int inner) {
    return enter_[outer] <= enter_[inner] && enter_[inner] <= exit_[outer];
  };
  return contains(ra, rb) || contains(rb, ra);
}

}  // namespace mentorbot
