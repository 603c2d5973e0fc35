// The header row of a roster CSV: which column holds what. Column names are
// matched case-insensitively, with spaces, underscores and hyphens alike
// ("Time_Zone" = "time-zone" = "time zone"), and common aliases ("e-mail",
// "Slack ID", "reports to"). Unknown columns are ignored. Pure functions.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mentorbot {

enum class RosterColumn {
  kId, kEmail, kName, kDepartment, kLevel, kManager, kLocation, kTimeZone, kRole, kCapacity, kBackground
};
inline constexpr std::size_t kRosterColumnCount = 11;

std::string_view RosterColumnName(RosterColumn column);  // "id", "time zone", ...
std::optional<RosterColumn> ParseRosterColumn(std::string_view name);

struct RosterHeader {
  std::array<int, kRosterColumnCount> index;  // field index of each column; -1 = absent
  std::size_t width = 0;                      // how many columns the header has
  std::vector<std::string> problems;          // what is wrong with the header itself
  bool usable = false;                        // the rows can be read (problems may still exist)

  bool Has(RosterColumn column) const { return index[static_cast<std::size_t>(column)] >= 0; }
};

// Reads the header's field names. Unusable without an id or an email column,
// or when two columns mean the same thing; a missing role column is a problem
// but the rows can still be checked.
RosterHeader ReadRosterHeader(const std::vector<std::string>& names);

}  // namespace mentorbot
