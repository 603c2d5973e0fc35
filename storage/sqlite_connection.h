// SqliteConnection: one SQLite connection with the project's pragmas and a
// cache of prepared statements (compiled once, reset on every use).
// Thread-safety: none; the pool hands a connection to one thread at a time.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace mentorbot {

class SqliteConnection {
 public:
  // Opens (creating if allowed) the database file and applies WAL, foreign
  // keys, full fsync on commit and the busy timeout (how long to wait for
  // another process's lock). With `max_bytes` > 0 the database may not grow
  // beyond it (SQLite's max_page_count; never below its present size): a
  // write that would need more room fails with SQLITE_FULL.
  // Throws SQLite::Exception on failure.
  SqliteConnection(const std::string& path, bool create, int busy_timeout_ms, std::int64_t max_bytes = 0);
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  SQLite::Database& db() { return db_; }
  // The cached statement for `sql`, reset and with bindings cleared.
  // REQUIRES: sql is a string literal (its address is part of the cache key).
  SQLite::Statement& Prepare(const char* sql);
  // Resets every cached statement used since the last call, so none keeps an
  // old read snapshot open after its transaction ended.
  void ResetStatements();

 private:
  struct CachedStatement {
    std::unique_ptr<SQLite::Statement> statement;
    bool in_use = false;  // handed out since the last ResetStatements
  };

  SQLite::Database db_;
  // Map nodes never move, so in_use_ may point into them.
  std::unordered_map<const char*, CachedStatement> statements_;
  std::vector<CachedStatement*> in_use_;
};

}  // namespace mentorbot
