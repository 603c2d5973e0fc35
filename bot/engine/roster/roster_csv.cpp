#include "bot/engine/roster/roster_csv.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "bot/engine/command_text.h"
#include "bot/engine/roster/csv_reader.h"
#include "bot/engine/program/mention.h"
#include "bot/engine/program/profile_fields.h"
#include "bot/engine/roster/roster_header.h"
#include "bot/engine/roster/roster_org_chart.h"

namespace mentorbot {

namespace {
std::string_view Cell(const CsvRecord& record, const RosterHeader& header, RosterColumn column) {
  const int index = header.index[static_cast<std::size_t>(column)];
  if (index < 0 || static_cast<std::size_t>(index) >= record.fields.size()) return {};
  return Trim(record.fields[static_cast<std::size_t>(index)]);
}

bool IsBlank(const CsvRecord& record) {
  return std::all_of(record.fields.begin(), record.fields.end(),
                     [](const std::string& field) { return Trim(field).empty(); });
}

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// Profile values are checked exactly as `profile set` checks them, so an
// import cannot store what a person could not type.
void ReadProfileValues(const CsvRecord& record, const RosterHeader& header, RosterDraft& draft) {
  static constexpr std::pair<RosterColumn, ProfileField> kFields[] = {
      {RosterColumn::kName, ProfileField::kName},
      {RosterColumn::kDepartment, ProfileField::kDepartment},
      {RosterColumn::kLevel, ProfileField::kLevel},
      {RosterColumn::kLocation, ProfileField::kLocation},
      {RosterColumn::kTimeZone, ProfileField::kTimeZone},
      {RosterColumn::kBackground, ProfileField::kBackground},
  };
  Person person;
  for (const auto& [column, field] : kFields) {
    const std::string_view value = Cell(record, header, column);
    if (value.empty()) continue;
    Status status = SetProfileField(person, field, value);
    if (status.ok()) continue;
    std::string reason = status.message();
    if (!reason.empty() && reason.back() == '.') reason.pop_back();  // reasons are joined by "; "
    draft.reasons.push_back(std::move(reason));
  }
  RosterRow& row = draft.row;
  row.name = std::move(person.display_name);
  row.department = std::move(person.profile.department);
  row.level = person.profile.level;
  row.location = std::move(person.profile.location);
  row.time_zone = std::move(person.profile.time_zone);
  row.background = std::move(person.profile.background);
}

void ReadRole(const CsvRecord& record, const RosterHeader& header, const RosterOptions& options,
              RosterDraft& draft) {
  RosterRow& row = draft.row;
  const std::string_view role = Cell(record, header, RosterColumn::kRole);
  const std::string lower_role = ToLower(role);
  bool role_known = true;
  if (!role.empty() && lower_role != "none") {
    row.role = ParseRole(lower_role);
    role_known = row.role.has_value();
    if (!role_known) draft.reasons.push_back("role " + Quoted(role) + " must be mentor, mentee or none");
  }
  const std::string_view capacity = Cell(record, header, RosterColumn::kCapacity);
  if (capacity.empty()) return;
  int value = 0;
  const auto [end, error] = std::from_chars(capacity.data(), capacity.data() + capacity.size(), value);
  if (error != std::errc() || end != capacity.data() + capacity.size() || value < 1 ||
      value > options.max_capacity) {
    draft.reasons.push_back("capacity " + Quoted(capacity) + " must be a whole number from 1 to " +
                            std::to_string(options.max_capacity));
    return;
  }
  row.capacity = value;
  row.capacity_given = true;
  if (value > 1 && role_known && row.role != Role::kMentor) {
    draft.reasons.push_back("capacity " + std::to_string(value) + " is for mentors only; this row's role is " +
                            std::string(row.role ? RoleName(*row.role) : "none"));
  }
}

RosterDraft ReadRow(const CsvRecord& record, const RosterHeader& header, const RosterOptions& options) {
  RosterDraft draft;
  RosterRow& row = draft.row;
  row.line = record.line;
  if (record.fields.size() > header.width) {
    draft.reasons.push_back("the row has " + std::to_string(record.fields.size()) + " fields but the header has " +
                            std::to_string(header.width) + " columns");
  }
  const std::string_view id_text = Cell(record, header, RosterColumn::kId);
  const std::string_view email_text = Cell(record, header, RosterColumn::kEmail);
  std::optional<UserRef> id;
  if (!id_text.empty()) {
    id = ParseRosterId(id_text, options.workspace_of);
    if (!id) {
      draft.reasons.push_back("id " + Quoted(id_text) + " is not a Slack or Teams user id" +
                              (options.workspace_of ? "" : " (without a workspace, give a full user key "
                                                           "such as slack:T123:U456)"));
    }
  }
  if (!email_text.empty()) {
    auto email = ParseEmailAddress(email_text);
    if (email) row.email = std::move(*email);
    else draft.reasons.push_back("email " + Quoted(email_text) + " is not an email address like name@example.com");
  }
  if (id_text.empty() && email_text.empty()) draft.reasons.push_back("the row needs an id or an email");
  // A row with a bad id is still keyed by its email, so it is found as a
  // duplicate or a manager while its problems are being reported.
  if (id) row.key = id->Key();
  else if (!row.email.empty()) row.key = "email:" + row.email;

  ReadRole(record, header, options, draft);
  if (row.role && id_text.empty()) {
    draft.reasons.push_back("a " + std::string(RoleName(*row.role)) +
                            " needs an id (their Slack member ID or Teams user id): an email alone cannot be "
                            "messaged");
  }
  ReadProfileValues(record, header, draft);
  draft.manager_text = std::string(Cell(record, header, RosterColumn::kManager));
  return draft;
}

std::string Join(const std::vector<std::string>& reasons) {
  std::string joined;
  for (const auto& reason : reasons) {
    if (!joined.empty()) joined += "; ";
    joined += reason;
  }
  return joined;
}
}  // namespace

ParsedRoster ParseRoster(std::string_view csv, const RosterOptions& options) {
  ParsedRoster parsed;
  CsvReader reader(csv);
  CsvRecord record;
  while (reader.Next(record) && IsBlank(record)) {
  }
  if (reader.error()) {
    parsed.problems.push_back({reader.error()->line, reader.error()->reason});
    return parsed;
  }
  if (record.fields.empty() || IsBlank(record)) {
    parsed.problems.push_back({1, "the file is empty: the first line must name the columns, "
                                  "e.g. id,email,name,department,level,manager,time zone,role"});
    return parsed;
  }
  const RosterHeader header = ReadRosterHeader(record.fields);
  if (!header.problems.empty()) parsed.problems.push_back({record.line, Join(header.problems)});
  if (!header.usable) return parsed;

  std::vector<RosterDraft> drafts;
  while (reader.Next(record)) {
    if (IsBlank(record)) continue;
    if (drafts.size() == options.max_rows) {
      parsed.problems.push_back({record.line, "the file has more than " + std::to_string(options.max_rows) +
                                                  " rows; import at most that many at a time"});
      break;
    }
    drafts.push_back(ReadRow(record, header, options));
  }
  if (reader.error()) parsed.problems.push_back({reader.error()->line, reader.error()->reason});

  LinkRoster(drafts, options.workspace_of);
  for (RosterDraft& draft : drafts) {
    if (draft.reasons.empty()) parsed.rows.push_back(std::move(draft.row));
    else parsed.problems.push_back({draft.row.line, Join(draft.reasons)});
  }
  std::stable_sort(parsed.problems.begin(), parsed.problems.end(),
                   [](const RosterProblem& a, const RosterProblem& b) { return a.line < b.line; });
  return parsed;
}

}  // namespace mentorbot
