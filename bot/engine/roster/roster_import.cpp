#include "bot/engine/roster/roster_import.h"

#include <algorithm>

namespace mentorbot {

namespace {
// Fields the row names overwrite the profile, except where a stronger
// source spoke: the directory (`from_directory`) for manager and
// department, the person's own `profile set` for time zone and location.
struct DirectorySays {
  bool manager = false;
  bool department = false;
};

// What a directory sync's row decides, so the CSV does not override it. A
// Slack row without a manager only says its custom field was blank.
DirectorySays DirectoryFieldsOf(const std::optional<RosterEntry>& earlier) {
  if (!earlier || earlier->source.empty()) return {};
  return {!earlier->manager.empty() || earlier->source != "slack", !earlier->department.empty()};
}

void ApplyProfile(const RosterRow& row, Person& person, DirectorySays directory = {}) {
  if (!row.name.empty()) person.display_name = row.name;
  if (!row.department.empty() && !directory.department) person.profile.department = row.department;
  if (row.level) person.profile.level = row.level;
  if (!row.manager.empty() && !directory.manager) person.profile.manager = row.manager;
  if (!row.location.empty() && !person.profile.own_location) person.profile.location = row.location;
  if (!row.time_zone.empty() && !person.profile.own_time_zone) person.profile.time_zone = row.time_zone;
  if (!row.background.empty()) person.profile.background = row.background;
  if (!row.email.empty()) person.profile.email = row.email;
  if (row.role == Role::kMentor && row.capacity_given) person.capacity = row.capacity;
}

// Why this row cannot change the enrolled person, or "" when it can.
std::string Conflict(StoreTransaction& store, const RosterRow& row, const Person& person) {
  if (!row.role || !person.active()) return "";
  const auto pairs = store.pairs().OpenPairsOf(person.id);
  if (pairs.empty()) return "";
  if (*row.role != person.role) {
    return "is a " + std::string(RoleName(person.role)) + " in pair #" + std::to_string(pairs.front().id) +
           ": end that pair before changing their role";
  }
  if (*row.role == Role::kMentor && row.capacity_given && row.capacity < static_cast<int>(pairs.size())) {
    return "capacity " + std::to_string(row.capacity) + " is less than the " + std::to_string(pairs.size()) +
           " mentees they already have";
  }
  return "";
}

// The row as stored: what it leaves empty keeps what an earlier import said,
// so a file with fewer columns never erases a manager link.
RosterEntry EntryOf(const RosterRow& row, const std::optional<RosterEntry>& earlier, TimePoint now) {
  RosterEntry entry{row.key, row.email, row.name, row.department, row.level, row.manager, row.location,
                    row.time_zone, row.role, row.capacity, now};
  if (!earlier) return entry;
  auto keep = [](std::string& field, const std::string& before) {
    if (field.empty()) field = before;
  };
  // A directory sync wrote this row: the directory's manager and department win.
  entry.source = earlier->source;
  entry.active = earlier->active;
  entry.job_title = earlier->job_title;
  const DirectorySays directory = DirectoryFieldsOf(earlier);
  if (directory.manager) entry.manager = earlier->manager;
  if (directory.department) entry.department = earlier->department;
  keep(entry.email, earlier->email);
  keep(entry.name, earlier->name);
  keep(entry.department, earlier->department);
  keep(entry.manager, earlier->manager);
  keep(entry.location, earlier->location);
  keep(entry.time_zone, earlier->time_zone);
  if (!entry.level) entry.level = earlier->level;
  if (!row.capacity_given) entry.capacity = earlier->capacity;
  return entry;
}

void Write(StoreTransaction& store, const RosterRow& row, TimePoint now, RosterImport& result) {
  const auto earlier = store.roster().Find(row.key);
  const DirectorySays from_directory = DirectoryFieldsOf(earlier);
  store.roster().Save(EntryOf(row, earlier, now));
  ++result.rows;
  auto ref = UserRef::Parse(row.key);
  std::optional<Person> person = ref ? store.people().Find(*ref) : std::nullopt;
  if (!row.role || !ref) {  // the parser gives every participant a user key; keep it that way here too
    ++result.org_chart;
    if (person) {
      ApplyProfile(row, *person, from_directory);
      store.people().Save(*person);
    }
    return;
  }
  if (!person) {
    Person fresh;
    fresh.ref = *ref;
    fresh.display_name = row.name.empty() ? ref->user_id : row.name;
    fresh.role = *row.role;
    fresh.joined_at = now;
    ApplyProfile(row, fresh);
    store.people().Save(fresh);
    ++result.enrolled;
    return;
  }
  ApplyProfile(row, *person, from_directory);
  if (person->active()) {
    person->role = *row.role;
    ++result.updated;
  } else {
    ++result.stayed_out;  // they left on their own: the roster does not sign them up again
  }
  store.people().Save(*person);
}
}  // namespace

RosterImport ImportRoster(StoreTransaction& store, ParsedRoster parsed, bool skip_bad, TimePoint now) {
  RosterImport result;
  result.problems = std::move(parsed.problems);
  std::vector<const RosterRow*> good;
  for (const auto& row : parsed.rows) {
    auto ref = UserRef::Parse(row.key);
    auto person = ref ? store.people().Find(*ref) : std::nullopt;
    const std::string conflict = person ? Conflict(store, row, *person) : "";
    if (conflict.empty()) {
      good.push_back(&row);
    } else {
      result.problems.push_back(RosterProblem{row.line, (row.name.empty() ? row.key : row.name) + " " + conflict});
    }
  }
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const RosterProblem& a, const RosterProblem& b) { return a.line < b.line; });
  if (!result.problems.empty() && !skip_bad) return result;
  for (const RosterRow* row : good) Write(store, *row, now, result);
  result.imported = true;
  return result;
}

Message RosterImportMessage(const RosterImport& result, const std::string& file_name, std::size_t max_problems) {
  Message message;
  const std::string from = file_name.empty() ? "" : " from " + file_name;
  const std::string bad = std::to_string(result.problems.size()) + (result.problems.size() == 1 ? " bad row" : " bad rows");
  if (result.imported) {
    message.summary = "Roster imported" + from + ": " + std::to_string(result.rows) + " people" +
                      (result.problems.empty() ? "." : ", skipping " + bad + ".");
    Section section{RichText(message.summary), {}, {}};
    section.fields.push_back(Field{"Newly enrolled", RichText(std::to_string(result.enrolled))});
    section.fields.push_back(Field{"Participants updated", RichText(std::to_string(result.updated))});
    section.fields.push_back(Field{"Org chart only", RichText(std::to_string(result.org_chart))});
    if (result.stayed_out > 0) {
      section.fields.push_back(Field{"Left the program, not re-enrolled", RichText(std::to_string(result.stayed_out))});
    }
    message.sections.push_back(std::move(section));
  } else {
    message.summary = "Nothing imported" + from + ": " + bad + ".";
    message.sections.push_back(Section{RichText(message.summary), {}, {}});
  }
  if (result.problems.empty()) return message;
  RichText lines;
  for (std::size_t i = 0; i < result.problems.size() && i < max_problems; ++i) {
    if (i > 0) lines.Text("\n");
    lines.Text("line " + std::to_string(result.problems[i].line) + ": " + result.problems[i].reason);
  }
  if (result.problems.size() > max_problems) {
    lines.Text("\n…and " + std::to_string(result.problems.size() - max_problems) + " more.");
  }
  message.sections.push_back(Section{lines, {}, {}});
  return message;
}

}  // namespace mentorbot
