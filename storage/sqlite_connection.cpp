#include "storage/sqlite_connection.h"

#include <algorithm>

namespace mentorbot {

SqliteConnection::SqliteConnection(const std::string& path, bool create, int busy_timeout_ms, std::int64_t max_bytes)
    : db_(path, SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0) | SQLite::OPEN_NOMUTEX, busy_timeout_ms) {
  db_.exec("PRAGMA journal_mode = WAL");
  // FULL: a commit is on disk before the reply that confirms it goes out,
  // even across a power cut, not only across a process crash.
  db_.exec("PRAGMA synchronous = FULL");
  db_.exec("PRAGMA foreign_keys = ON");
  if (max_bytes > 0) {
    const std::int64_t page_size = db_.execAndGet("PRAGMA page_size").getInt64();
    db_.exec("PRAGMA max_page_count = " + std::to_string(std::max<std::int64_t>(1, max_bytes / page_size)));
  }
}

SQLite::Statement& SqliteConnection::Prepare(const char* sql) {
  auto& slot = statements_[sql];
  if (!slot) {
    slot = std::make_unique<SQLite::Statement>(db_, sql);
  } else {
    // tryReset: the code it returns is the previous run's (e.g. a constraint
    // error already reported); it must not throw again here.
    slot->tryReset();
    slot->clearBindings();
  }
  return *slot;
}

void SqliteConnection::ResetStatements() {
  for (auto& [sql, statement] : statements_) statement->tryReset();
}

}  // namespace mentorbot
