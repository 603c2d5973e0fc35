// A generated org chart as a roster CSV, for tests that import and match a
// few hundred people: a tree (fan-out 5) whose depth sets the level, one
// department per top-level branch, locations and time zones round the world.
// Mentees are the senior people (depth 1–2), mentors the most junior (every
// fourth at depth 4; every third of those takes two mentees).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace mentorbot {

struct GeneratedRoster {
  std::string csv;                            // header + one row per person
  std::string workspace = "T1";               // ids are bare Slack ids ("U0007") in this team
  std::vector<std::string> keys;              // "slack:T1:U0007", by row
  std::map<std::string, std::string> manager; // key -> manager key
  std::map<std::string, std::string> role;    // key -> "mentor" / "mentee" (participants only)
  std::map<std::string, int> capacity;        // mentors' capacity

  // Whether one of a and b manages the other, directly or not.
  bool SameChain(const std::string& a, const std::string& b) const;
  int TotalCapacity() const;
  int Mentees() const;
};

GeneratedRoster GenerateRoster(int people);

}  // namespace mentorbot
