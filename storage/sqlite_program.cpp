// Program-wide tables: settings, stored admins, the audit log.
#include "storage/sqlite_repositories.h"
#include "storage/sqlite_time.h"

namespace mentorbot {

std::optional<std::string> SqliteProgramRepository::GetSetting(const std::string& key) {
  auto& statement = connection_.Prepare("SELECT value FROM settings WHERE key = ?");
  statement.bind(1, key);
  if (!statement.executeStep()) return std::nullopt;
  return statement.getColumn(0).getString();
}

void SqliteProgramRepository::SetSetting(const std::string& key, const std::string& value) {
  auto& statement = connection_.Prepare(
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  statement.bind(1, key);
  statement.bind(2, value);
  statement.exec();
}

std::map<std::string, std::string> SqliteProgramRepository::AllSettings() {
  auto& statement = connection_.Prepare("SELECT key, value FROM settings");
  std::map<std::string, std::string> settings;
  while (statement.executeStep()) settings.emplace(statement.getColumn(0).getString(), statement.getColumn(1).getString());
  return settings;
}

bool SqliteProgramRepository::IsAdmin(const UserRef& user) {
  auto& statement = connection_.Prepare("SELECT 1 FROM admins WHERE user_key = ?");
  statement.bind(1, user.Key());
  return statement.executeStep();
}

bool SqliteProgramRepository::AddAdmin(const UserRef& user, const std::string& added_by, TimePoint at) {
  auto& statement = connection_.Prepare(
      "INSERT INTO admins (user_key, added_by, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
  statement.bind(1, user.Key());
  statement.bind(2, added_by);
  BindTime(statement, 3, at);
  return statement.exec() == 1;
}

bool SqliteProgramRepository::RemoveAdmin(const UserRef& user) {
  auto& statement = connection_.Prepare("DELETE FROM admins WHERE user_key = ?");
  statement.bind(1, user.Key());
  return statement.exec() > 0;
}

std::vector<UserRef> SqliteProgramRepository::ListAdmins() {
  auto& statement = connection_.Prepare("SELECT user_key FROM admins ORDER BY added_at, user_key");
  std::vector<UserRef> admins;
  while (statement.executeStep()) {
    if (auto ref = UserRef::Parse(statement.getColumn(0).getString())) admins.push_back(*ref);
  }
  return admins;
}

std::int64_t SqliteProgramRepository::Audit(const AuditEntry& entry) {
  auto& statement =
      connection_.Prepare("INSERT INTO audit_log (at, actor, action, detail, allowed) VALUES (?, ?, ?, ?, ?)");
  BindTime(statement, 1, entry.at);
  statement.bind(2, entry.actor);
  statement.bind(3, entry.action);
  statement.bind(4, entry.detail);
  statement.bind(5, entry.allowed ? 1 : 0);
  statement.exec();
  return connection_.db().getLastInsertRowid();
}

std::vector<AuditEntry> SqliteProgramRepository::RecentAudit(int limit) {
  auto& statement =
      connection_.Prepare("SELECT at, actor, action, detail, allowed FROM audit_log ORDER BY id DESC LIMIT ?");
  statement.bind(1, limit);
  std::vector<AuditEntry> entries;
  while (statement.executeStep()) {
    entries.push_back(AuditEntry{ColumnTime(statement, 0), statement.getColumn(1).getString(),
                                 statement.getColumn(2).getString(), statement.getColumn(3).getString(),
                                 statement.getColumn(4).getInt() != 0});
  }
  return entries;
}

int SqliteProgramRepository::EraseAuditActor(const std::string& actor) {
  auto& statement = connection_.Prepare("UPDATE audit_log SET actor = 'erased' WHERE actor = ?");
  statement.bind(1, actor);
  return statement.exec();
}

}  // namespace mentorbot
