// The people table.
#include <SQLiteCpp/Statement.h>

#include "storage/sqlite_query.h"
#include "storage/sqlite_repositories.h"
#include "storage/sqlite_time.h"

namespace mentorbot {

namespace {
#define PERSON_COLUMNS                                                                                  \
  "SELECT id, platform, workspace, user_id, display_name, role, enrolment, department, level, manager, " \
  "time_zone, location, background, joined_at, left_at, capacity, email, own_time_zone, own_location FROM people "
constexpr const char* kSelectPerson = PERSON_COLUMNS "WHERE platform = ? AND workspace = ? AND user_id = ?";
constexpr const char* kSelectPersonById = PERSON_COLUMNS "WHERE id = ?";
constexpr const char* kSelectActive = PERSON_COLUMNS "WHERE enrolment = 'active' ORDER BY id";
constexpr const char* kSelectAll = PERSON_COLUMNS "ORDER BY id";
constexpr const char* kSelectNeverSynced =
    PERSON_COLUMNS "WHERE platform = ? AND profile_synced_at IS NULL AND workspace <> 'erased' ORDER BY id LIMIT ?";
#undef PERSON_COLUMNS

constexpr const char* kInsertPerson =
    "INSERT INTO people (platform, workspace, user_id, display_name, role, enrolment, department, level, "
    "manager, time_zone, location, background, joined_at, left_at, capacity, email, own_time_zone, own_location) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kUpdatePerson =
    "UPDATE people SET platform = ?, workspace = ?, user_id = ?, display_name = ?, role = ?, enrolment = ?, "
    "department = ?, level = ?, manager = ?, time_zone = ?, location = ?, background = ?, joined_at = ?, "
    "left_at = ?, capacity = ?, email = ?, own_time_zone = ?, own_location = ? WHERE id = ?";

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
  person.joined_at = ColumnTime(row, 13);
  person.left_at = ColumnOptionalTime(row, 14);
  person.capacity = row.getColumn(15).getInt();
  person.profile.email = row.getColumn(16).getString();
  person.profile.own_time_zone = row.getColumn(17).getInt() != 0;
  person.profile.own_location = row.getColumn(18).getInt() != 0;
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
  BindTime(statement, ++i, person.joined_at);
  BindOptionalTime(statement, ++i, person.left_at);
  statement.bind(++i, person.capacity);
  statement.bind(++i, person.profile.email);
  statement.bind(++i, person.profile.own_time_zone ? 1 : 0);
  statement.bind(++i, person.profile.own_location ? 1 : 0);
}
}  // namespace

std::optional<Person> SqlitePeopleRepository::Find(const UserRef& ref) {
  return QueryOne(connection_, kSelectPerson, ReadPerson, std::string(PlatformName(ref.platform)), ref.workspace,
                  ref.user_id);
}

std::optional<Person> SqlitePeopleRepository::FindById(std::int64_t id) {
  return QueryOne(connection_, kSelectPersonById, ReadPerson, static_cast<int64_t>(id));
}

std::vector<Person> SqlitePeopleRepository::ListActive() { return QueryAll(connection_, kSelectActive, ReadPerson); }

std::vector<Person> SqlitePeopleRepository::ListAll() { return QueryAll(connection_, kSelectAll, ReadPerson); }

std::int64_t SqlitePeopleRepository::Save(const Person& person) {
  if (person.id == 0) {
    auto& statement = connection_.Prepare(kInsertPerson);
    BindPerson(statement, person);
    statement.exec();
    return connection_.db().getLastInsertRowid();
  }
  auto& statement = connection_.Prepare(kUpdatePerson);
  BindPerson(statement, person);
  statement.bind(19, static_cast<int64_t>(person.id));
  statement.exec();
  return person.id;
}

std::vector<Person> SqlitePeopleRepository::ListNeverSynced(Platform platform, int limit) {
  return QueryAll(connection_, kSelectNeverSynced, ReadPerson, std::string(PlatformName(platform)), limit);
}

void SqlitePeopleRepository::MarkSynced(std::int64_t id, TimePoint at) {
  auto& statement = connection_.Prepare("UPDATE people SET profile_synced_at = ? WHERE id = ?");
  BindTime(statement, 1, at);
  statement.bind(2, static_cast<int64_t>(id));
  statement.exec();
}

void SqlitePeopleRepository::Erase(std::int64_t id) {
  auto& statement = connection_.Prepare(
      "UPDATE people SET workspace = 'erased', user_id = 'erased-' || id, display_name = 'former participant', "
      "department = '', level = NULL, manager = '', time_zone = '', location = '', background = '', email = '', "
      "own_time_zone = 0, own_location = 0 "
      "WHERE id = ?");
  statement.bind(1, static_cast<int64_t>(id));
  statement.exec();
}

}  // namespace mentorbot
