// SqliteStore: the Store on an embedded SQLite database (WAL mode). Opening
// applies pending migrations. A small pool of connections serves concurrent
// readers; writers are serialised in-process and take SQLite's write lock up
// front (BEGIN IMMEDIATE), waiting up to 5 s for other processes.
// Every SQLite::Exception becomes a Status at the Run boundary.
//
// Thread-safety: all methods may be called from any thread. Not copyable.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bot/core/status_or.h"
#include "bot/core/store.h"
#include "storage/sqlite_connection.h"

namespace mentorbot {

class SqliteStore : public Store {
 public:
  // Opens or creates the database at `path` and migrates it to the newest
  // schema. Fails if the file cannot be opened or was written by a newer
  // mentorbot (its schema version is above what this binary knows).
  struct Options {
    int connections = 4;
    // How long to wait for another process's write lock before giving up.
    int busy_timeout_ms = 5000;
    // The most the database file may grow to (0: no limit). Writes that
    // would need more room fail (Unavailable) and change nothing.
    std::int64_t max_bytes = 0;
  };
  static StatusOr<std::unique_ptr<SqliteStore>> Open(const std::string& path, const Options& options);
  static StatusOr<std::unique_ptr<SqliteStore>> Open(const std::string& path) { return Open(path, Options()); }

  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  Status Run(Access access, const Work& work) override;
  Status CheckHealth() override;
  // Whether a write could be committed now with room for `reserve_bytes`
  // more: takes the write lock and stores that many bytes, then rolls back
  // (nothing reaches the file). Unavailable with the reason if not.
  Status CheckWritable(std::int64_t reserve_bytes);

  // The schema version the database is at.
  int SchemaVersion();
  // The main database file's size in bytes (page_count * page_size; the WAL
  // file not included), for the metrics endpoint.
  StatusOr<std::int64_t> DatabaseBytes();

 private:
  class Lease;
  explicit SqliteStore(std::vector<std::unique_ptr<SqliteConnection>> connections);

  std::mutex pool_mutex_;
  std::condition_variable pool_available_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_;
  std::mutex write_mutex_;
};

}  // namespace mentorbot
