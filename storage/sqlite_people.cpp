// The people table, for SqliteTransaction.
#include <SQLiteCpp/Statement.h>

#include "storage/sqlite_transaction.h"

namespace mentorbot {

namespace {
constexpr const char* kSelectPerson =
    "SELECT id, platform, workspace, user_id, display_name, role, enrolment, department, level, manager, "
    "time_zone, location, background, joined_at, left_at FROM people "
    "WHERE platform = ? AND workspace = ? AND user_id = ?";

constexpr const char* kInsertPerson =
    "INSERT INTO people (platform, workspace, user_id, display_name, role, enrolment, department, level, "
    "manager, time_zone, location, background, joined_at, left_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kUpdatePerson =
    "UPDATE people SET platform = ?, workspace = ?, user_id = ?, display_name = ?, role = ?, enrolment = ?, "
    "department = ?, level = ?, manager = ?, time_zone = ?, location = ?, background = ?, joined_at = ?, "
    "left_at = ? WHERE id = ?";

TimePoint ToTime(std::int64_t seconds) { return TimePoint(std::chrono::seconds(seconds)); }
std::int64_t FromTime(TimePoint time) { return time.time_since_epoch().count(); }

Person ReadPerson(SQLite::Statement& row) {
  Person person;
  person.id = row.getColumn(0).getInt64();
  person.ref.platform = ParsePlatform(row.getColumn(1).getString()).value_or(Platform::kConsole);
  person.ref.workspace = row.getColumn(2).getString();
  person.ref.user_id = row.getColumn(3).getString();
  person.display_name = row.getColumn(4).getString();
  person.role = ParseRole(row.getColumn(5).getString()).value_or(Role::kMentee);
  person.enrolment = row.getColumn(6).getString() == "left" ? Enrolment::kLeft : Enrolment::kActive;
  person.profile.department = row.getColumn(7).getString();
  if (!row.getColumn(8).isNull()) person.profile.level = row.getColumn(8).getInt();
  person.profile.manager = row.getColumn(9).getString();
  person.profile.time_zone = row.getColumn(10).getString();
  person.profile.location = row.getColumn(11).getString();
  person.profile.background = row.getColumn(12).getString();
  person.joined_at = ToTime(row.getColumn(13).getInt64());
  if (!row.getColumn(14).isNull()) person.left_at = ToTime(row.getColumn(14).getInt64());
  return person;
}

// Binds every column but id, in the order of kInsertPerson / kUpdatePerson.
void BindPerson(SQLite::Statement& statement, const Person& person) {
  int i = 0;
  statement.bind(++i, std::string(PlatformName(person.ref.platform)));
  statement.bind(++i, person.ref.workspace);
  statement.bind(++i, person.ref.user_id);
  statement.bind(++i, person.display_name);
  statement.bind(++i, std::string(RoleName(person.role)));
  statement.bind(++i, person.active() ? "active" : "left");
  statement.bind(++i, person.profile.department);
  if (person.profile.level) statement.bind(++i, *person.profile.level); else statement.bind(++i);
  statement.bind(++i, person.profile.manager);
  statement.bind(++i, person.profile.time_zone);
  statement.bind(++i, person.profile.location);
  statement.bind(++i, person.profile.background);
  statement.bind(++i, static_cast<int64_t>(FromTime(person.joined_at)));
  if (person.left_at) statement.bind(++i, static_cast<int64_t>(FromTime(*person.left_at))); else statement.bind(++i);
}
}  // namespace

std::optional<Person> SqliteTransaction::FindPerson(const UserRef& ref) {
  auto& statement = connection_.Prepare(kSelectPerson);
  statement.bind(1, std::string(PlatformName(ref.platform)));
  statement.bind(2, ref.workspace);
  statement.bind(3, ref.user_id);
  if (!statement.executeStep()) return std::nullopt;
  return ReadPerson(statement);
}

std::int64_t SqliteTransaction::SavePerson(const Person& person) {
  if (person.id == 0) {
    auto& statement = connection_.Prepare(kInsertPerson);
    BindPerson(statement, person);
    statement.exec();
    return connection_.db().getLastInsertRowid();
  }
  auto& statement = connection_.Prepare(kUpdatePerson);
  BindPerson(statement, person);
  statement.bind(15, static_cast<int64_t>(person.id));
  statement.exec();
  return person.id;
}

}  // namespace mentorbot
