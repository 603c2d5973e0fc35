// The roster and do_not_pair tables.
#include <SQLiteCpp/Statement.h>


#include "storage/sqlite_query.h"
#include "storage/sqlite_repositories.h"
#include "storage/sqlite_time.h"

namespace mentorbot {

namespace {
RosterEntry ReadEntry(SQLite::Statement& row) {
  RosterEntry entry;
  entry.key = row.getColumn(0).getString();
  entry.email = row.getColumn(1).getString();
  entry.name = row.getColumn(2).getString();
  entry.department = row.getColumn(3).getString();
  if (!row.getColumn(4).isNull()) entry.level = row.getColumn(4).getInt();
  entry.manager = row.getColumn(5).getString();
  entry.location = row.getColumn(6).getString();
  entry.time_zone = row.getColumn(7).getString();
  entry.role = ParseRole(row.getColumn(8).getString());
  entry.capacity = row.getColumn(9).getInt();
  entry.imported_at = ColumnTime(row, 10);
  entry.source = row.getColumn(11).getString();
  entry.active = row.getColumn(12).getInt() != 0;
  entry.job_title = row.getColumn(13).getString();
  return entry;
}

std::pair<std::string, std::string> Ordered(const std::string& a, const std::string& b) {
  return a < b ? std::pair{a, b} : std::pair{b, a};
}

std::pair<std::string, std::string> ReadKeyPair(SQLite::Statement& row) {
  return {row.getColumn(0).getString(), row.getColumn(1).getString()};
}
}  // namespace

void SqliteRosterRepository::Save(const RosterEntry& entry) {
  auto& statement = connection_.Prepare(
      "INSERT OR REPLACE INTO roster (key, email, name, department, level, manager, location, time_zone, role, "
      "capacity, imported_at, source, active, job_title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  int i = 0;
  statement.bind(++i, entry.key);
  statement.bind(++i, entry.email);
  statement.bind(++i, entry.name);
  statement.bind(++i, entry.department);
  if (entry.level) statement.bind(++i, *entry.level); else statement.bind(++i);
  statement.bind(++i, entry.manager);
  statement.bind(++i, entry.location);
  statement.bind(++i, entry.time_zone);
  statement.bind(++i, entry.role ? std::string(RoleName(*entry.role)) : std::string());
  statement.bind(++i, entry.capacity);
  BindTime(statement, ++i, entry.imported_at);
  statement.bind(++i, entry.source);
  statement.bind(++i, entry.active ? 1 : 0);
  statement.bind(++i, entry.job_title);
  statement.exec();
}

#define ENTRY_COLUMNS                                                                                  \
  "SELECT key, email, name, department, level, manager, location, time_zone, role, capacity, imported_at, " \
  "source, active, job_title FROM roster "

std::optional<RosterEntry> SqliteRosterRepository::Find(const std::string& key) {
  return QueryOne(connection_, ENTRY_COLUMNS "WHERE key = ?", ReadEntry, key);
}

std::vector<RosterEntry> SqliteRosterRepository::ListFromSource(const std::string& source) {
  return QueryAll(connection_, ENTRY_COLUMNS "WHERE source = ? AND source <> '' ORDER BY key", ReadEntry, source);
}
#undef ENTRY_COLUMNS

std::vector<std::pair<std::string, std::string>> SqliteRosterRepository::ListManagers() {
  return QueryAll(connection_, "SELECT key, manager FROM roster WHERE manager <> '' ORDER BY key", ReadKeyPair);
}

int SqliteRosterRepository::Count() {
  return *QueryOne(connection_, "SELECT COUNT(*) FROM roster", [](SQLite::Statement& row) { return row.getColumn(0).getInt(); });
}

bool SqliteRosterRepository::Erase(const std::string& key) {
  auto& statement = connection_.Prepare("DELETE FROM roster WHERE key = ?");
  statement.bind(1, key);
  return statement.exec() > 0;
}

// Roster rows and enrolled people; a person in both appears once.
std::vector<std::pair<std::string, std::string>> SqliteRosterRepository::ListEmailKeys() {
  return QueryAll(connection_,
                  "SELECT email, key FROM roster WHERE email <> '' AND key NOT LIKE 'email:%' UNION "
                  "SELECT email, platform || ':' || workspace || ':' || user_id FROM people WHERE email <> '' "
                  "ORDER BY 2",
                  ReadKeyPair);
}

std::vector<std::string> SqliteRosterRepository::KeysByEmail(const std::string& email) {
  if (email.empty()) return {};
  return QueryAll(connection_,
                  "SELECT key FROM roster WHERE email = ?1 AND key NOT LIKE 'email:%' UNION "
                  "SELECT platform || ':' || workspace || ':' || user_id FROM people WHERE email = ?1 ORDER BY 1",
                  [](SQLite::Statement& row) { return row.getColumn(0).getString(); }, email);
}

bool SqliteRosterRepository::AddDoNotPair(const std::string& a, const std::string& b, const std::string& added_by,
                                          TimePoint at) {
  const auto [first, second] = Ordered(a, b);
  auto& statement = connection_.Prepare(
      "INSERT INTO do_not_pair (first_key, second_key, added_by, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
  statement.bind(1, first);
  statement.bind(2, second);
  statement.bind(3, added_by);
  BindTime(statement, 4, at);
  return statement.exec() == 1;
}

bool SqliteRosterRepository::RemoveDoNotPair(const std::string& a, const std::string& b) {
  const auto [first, second] = Ordered(a, b);
  auto& statement = connection_.Prepare("DELETE FROM do_not_pair WHERE first_key = ? AND second_key = ?");
  statement.bind(1, first);
  statement.bind(2, second);
  return statement.exec() > 0;
}

std::vector<std::pair<std::string, std::string>> SqliteRosterRepository::ListDoNotPair() {
  return QueryAll(connection_, "SELECT first_key, second_key FROM do_not_pair ORDER BY first_key, second_key",
                  ReadKeyPair);
}

int SqliteRosterRepository::EraseDoNotPairOf(const std::string& key) {
  auto& statement = connection_.Prepare("DELETE FROM do_not_pair WHERE first_key = ?1 OR second_key = ?1");
  statement.bind(1, key);
  return statement.exec();
}

void SqliteRosterRepository::KeepUpload(const std::string& admin_key, const RosterUpload& upload) {
  auto& statement = connection_.Prepare(
      "INSERT OR REPLACE INTO roster_uploads (admin_key, file_name, content, uploaded_at) VALUES (?, ?, ?, ?)");
  statement.bind(1, admin_key);
  statement.bind(2, upload.file_name);
  statement.bind(3, upload.content);
  BindTime(statement, 4, upload.uploaded_at);
  statement.exec();
}

std::optional<RosterUpload> SqliteRosterRepository::TakeUpload(const std::string& admin_key) {
  auto upload = QueryOne(connection_, "SELECT file_name, content, uploaded_at FROM roster_uploads WHERE admin_key = ?",
                         [](SQLite::Statement& row) {
                           return RosterUpload{row.getColumn(0).getString(), row.getColumn(1).getString(),
                                               ColumnTime(row, 2)};
                         },
                         admin_key);
  if (upload) {
    auto& statement = connection_.Prepare("DELETE FROM roster_uploads WHERE admin_key = ?");
    statement.bind(1, admin_key);
    statement.exec();
  }
  return upload;
}

}  // namespace mentorbot
