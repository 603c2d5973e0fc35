// Shared by the roster CSV tests: the importer's workspace and readable
// views of a parsed roster.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bot/engine/roster/roster_csv.h"

namespace mentorbot::roster_test {

inline const UserRef kSlackAdmin{Platform::kSlack, "T1", "UADMIN"};
inline const UserRef kTeamsAdmin{Platform::kTeams, "7f3c2b1a-0000-4000-8000-00000000aaaa",
                                 "0b9d6e55-1111-4111-8111-000000000001"};

inline RosterOptions InSlack() {
  RosterOptions options;
  options.workspace_of = kSlackAdmin;
  return options;
}

inline ParsedRoster Parse(std::string_view csv) { return ParseRoster(csv, InSlack()); }

// "line 3: reason" per problem, for readable failures.
inline std::vector<std::string> Problems(const ParsedRoster& roster) {
  std::vector<std::string> out;
  for (const auto& problem : roster.problems) {
    out.push_back("line " + std::to_string(problem.line) + ": " + problem.reason);
  }
  return out;
}

inline std::vector<int> LinesOf(const ParsedRoster& roster) {
  std::vector<int> lines;
  for (const auto& row : roster.rows) lines.push_back(row.line);
  return lines;
}

}  // namespace mentorbot::roster_test
