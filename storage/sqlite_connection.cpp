#include "storage/sqlite_connection.h"

#include <sqlite3.h>

#include <algorithm>
#include <mutex>

namespace mentorbot {

namespace {
// The open flags, after the process-wide settings are made (once, before
// SQLite initialises itself on the first open). Memory statistics off:
// with them on, every allocation in every connection takes one global
// mutex, and under concurrent requests the threads queued on it (measured:
// an eighth of the bot's time went to that mutex's futex waits and wakes).
// A connection is only ever used by one thread at a time (the pool leases
// it), so its own mutex is left out too (NOMUTEX).
int OpenFlags(bool create) {
  static std::once_flag configured;
  std::call_once(configured, [] {
    // Fails harmlessly (SQLITE_MISUSE) if SQLite was already initialised,
    // e.g. by a test that opened a database first: the default stays.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
  return SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0) | SQLite::OPEN_NOMUTEX;
}
}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, bool create, int busy_timeout_ms, std::int64_t max_bytes)
    : db_(path, OpenFlags(create), busy_timeout_ms) {
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
  CachedStatement& slot = statements_[sql];
  if (!slot.statement) {
    slot.statement = std::make_unique<SQLite::Statement>(db_, sql);
  } else {
    // tryReset: the code it returns is the previous run's (e.g. a constraint
    // error already reported); it must not throw again here.
    slot.statement->tryReset();
    slot.statement->clearBindings();
  }
  if (!slot.in_use) {  // listed once, however often a long transaction uses it
    slot.in_use = true;
    in_use_.push_back(&slot);
  }
  return *slot.statement;
}

void SqliteConnection::ResetStatements() {
  for (CachedStatement* slot : in_use_) {
    slot->statement->tryReset();
    slot->in_use = false;
  }
  in_use_.clear();
}

}  // namespace mentorbot
