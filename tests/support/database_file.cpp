#include "tests/support/database_file.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace mentorbot {

namespace {
SQLite::Database OpenForReading(const std::string& path) { return SQLite::Database(path, SQLite::OPEN_READONLY, 5000); }
}  // namespace

std::map<std::string, long long> RowCountsByTable(const std::string& path) {
  SQLite::Database db = OpenForReading(path);
  std::vector<std::string> tables;
  SQLite::Statement names(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  while (names.executeStep()) tables.push_back(names.getColumn(0).getString());
  std::map<std::string, long long> counts;
  for (const auto& table : tables) {
    counts[table] = db.execAndGet("SELECT COUNT(*) FROM \"" + table + "\"").getInt64();
  }
  return counts;
}

std::vector<OutboxRow> OutboxRows(const std::string& path) {
  SQLite::Database db = OpenForReading(path);
  SQLite::Statement query(db, "SELECT key, platform, state FROM outbox ORDER BY id");
  std::vector<OutboxRow> rows;
  while (query.executeStep()) {
    rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(), query.getColumn(2).getString()});
  }
  return rows;
}

std::vector<std::string> QueryColumn(const std::string& path, const std::string& sql) {
  SQLite::Database db = OpenForReading(path);
  SQLite::Statement query(db, sql);
  std::vector<std::string> values;
  while (query.executeStep()) values.push_back(query.getColumn(0).getString());
  return values;
}

std::string IntegrityCheck(const std::string& path) {
  SQLite::Database db = OpenForReading(path);
  return db.execAndGet("PRAGMA integrity_check").getString();
}

}  // namespace mentorbot
