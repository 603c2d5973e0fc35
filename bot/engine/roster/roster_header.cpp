#include "bot/engine/roster/roster_header.h"

#include <utility>

#include "bot/engine/command_text.h"

namespace mentorbot {

namespace {
struct ColumnAlias {
  std::string_view name;  // normalised: lower case, words separated by one space
  RosterColumn column;
};

// The first alias of each column is its name.
constexpr ColumnAlias kAliases[] = {
    {"id", RosterColumn::kId},
    {"user id", RosterColumn::kId},
    {"user", RosterColumn::kId},
    {"slack id", RosterColumn::kId},
    {"member id", RosterColumn::kId},
    {"aad object id", RosterColumn::kId},
    {"teams id", RosterColumn::kId},
    {"email", RosterColumn::kEmail},
    {"e mail", RosterColumn::kEmail},
    {"mail", RosterColumn::kEmail},
    {"name", RosterColumn::kName},
    {"display name", RosterColumn::kName},
    {"full name", RosterColumn::kName},
    {"department", RosterColumn::kDepartment},
    {"dept", RosterColumn::kDepartment},
    {"team", RosterColumn::kDepartment},
    {"level", RosterColumn::kLevel},
    {"grade", RosterColumn::kLevel},
    {"manager", RosterColumn::kManager},
    {"manager id", RosterColumn::kManager},
    {"manager email", RosterColumn::kManager},
    {"reports to", RosterColumn::kManager},
    {"location", RosterColumn::kLocation},
    {"office", RosterColumn::kLocation},
    {"city", RosterColumn::kLocation},
    {"time zone", RosterColumn::kTimeZone},
    {"timezone", RosterColumn::kTimeZone},
    {"tz", RosterColumn::kTimeZone},
    {"role", RosterColumn::kRole},
    {"capacity", RosterColumn::kCapacity},
    {"max mentees", RosterColumn::kCapacity},
    {"background", RosterColumn::kBackground},
};

// "  Time_Zone " -> "time zone": separators alike, runs of them as one.
std::string NormaliseName(std::string_view name) {
  std::string out;
  bool separator = false;
  for (char c : ToLower(Trim(name))) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') {
      separator = true;
      continue;
    }
    if (separator && !out.empty()) out += ' ';
    separator = false;
    out += c;
  }
  return out;
}
}  // namespace

std::string_view RosterColumnName(RosterColumn column) {
  for (const auto& alias : kAliases) {
    if (alias.column == column) return alias.name;
  }
  return "";
}

std::optional<RosterColumn> ParseRosterColumn(std::string_view name) {
  const std::string normalised = NormaliseName(name);
  for (const auto& alias : kAliases) {
    if (alias.name == normalised) return alias.column;
  }
  return std::nullopt;
}

RosterHeader ReadRosterHeader(const std::vector<std::string>& names) {
  RosterHeader header;
  header.index.fill(-1);
  header.width = names.size();
  bool duplicate = false;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto column = ParseRosterColumn(names[i]);
    if (!column) continue;
    int& index = header.index[static_cast<std::size_t>(*column)];
    if (index >= 0) {
      // Which of the two is meant cannot be guessed, so no row is read.
      header.problems.push_back("the columns '" + std::string(Trim(names[index])) + "' and '" +
                                std::string(Trim(names[i])) + "' both mean " +
                                std::string(RosterColumnName(*column)));
      duplicate = true;
      continue;
    }
    index = static_cast<int>(i);
  }
  const bool identified = header.Has(RosterColumn::kId) || header.Has(RosterColumn::kEmail);
  if (!identified) {
    header.problems.push_back(
        "the header has no id or email column: the first line must name the columns, "
        "e.g. id,email,name,department,level,manager,time zone,role");
  }
  if (!header.Has(RosterColumn::kRole)) {
    header.problems.push_back("the header has no role column (mentor, mentee or none for each person)");
  }
  header.usable = identified && !duplicate;
  return header;
}

}  // namespace mentorbot
