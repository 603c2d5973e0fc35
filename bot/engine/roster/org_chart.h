// The org chart as the matcher needs it: "is one of these two people a
// (transitive) manager of the other?" in constant time, for any number of
// pairs. Built once from (person, manager) keys; bad data is tolerated:
// missing entries end a chain, a cycle puts everyone on it in one chain
// (each manages the others through it), and self-managers are ignored.
// Immutable after construction; safe to share between threads.
//
// How: people become integer nodes, each cycle is collapsed into one node,
// and a depth-first walk over the resulting forest numbers every node with
// an entry/exit interval. A is above B exactly when A's interval contains
// B's — no chains are walked per pair.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mentorbot {

class OrgChart {
 public:
  // Keys are exact (no case folding). For a person listed twice, the first
  // manager given wins.
  explicit OrgChart(const std::vector<std::pair<std::string, std::string>>& managers);

  // The node of a person key, or -1 when the chart does not know them (then
  // they are in no one's chain).
  int Find(const std::string& key) const;

  // Whether one of the two nodes manages the other directly or through
  // others; also true for the same node and for two people on one cycle.
  // -1 (unknown) is in no chain.
  bool InOneChain(int a, int b) const;

  int size() const { return static_cast<int>(group_.size()); }

 private:
  void CollapseCycles(const std::vector<int>& manager);
  void NumberIntervals(const std::vector<int>& manager);

  std::unordered_map<std::string, int> index_;
  std::vector<int> group_;  // node -> its cycle's representative, or itself
  std::vector<int> enter_;  // per representative: depth-first entry number
  std::vector<int> exit_;   // ... and the last entry number below it
};

}  // namespace mentorbot
