// Reading a bot's SQLite database file directly, as an operator would, even
// while the bot runs (WAL lets a reader in beside the writer): row counts
// per table, the outbox by key, one column of a query, integrity.
// Every function opens its own read-only connection; throws
// SQLite::Exception if the file cannot be read.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace mentorbot {

// Every table's row count, by table name.
std::map<std::string, long long> RowCountsByTable(const std::string& path);

struct OutboxRow {
  std::string key;
  std::string platform;  // "slack", "teams", ...
  std::string state;     // "pending", "delivered", "failed"
};
std::vector<OutboxRow> OutboxRows(const std::string& path);

// The first column of every row `sql` returns, as text.
std::vector<std::string> QueryColumn(const std::string& path, const std::string& sql);

// What PRAGMA integrity_check says ("ok" for a sound file).
std::string IntegrityCheck(const std::string& path);

}  // namespace mentorbot
