#include "storage/sqlite_backup.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace mentorbot {

namespace {
constexpr int kPagesPerStep = 256;  // ~1 MiB at 4 KiB pages: the source is locked only that long
constexpr int kBusyTimeoutMs = 5000;
}  // namespace

Status BackupDatabase(const std::string& source_path, const std::string& out_path) {
  if (!std::filesystem::exists(source_path)) return Status::NotFound("no database at " + source_path);
  const std::string partial = out_path + ".partial";
  try {
    std::filesystem::remove(partial);
    {
      SQLite::Database source(source_path, SQLite::OPEN_READWRITE, kBusyTimeoutMs);  // WAL readers need the -shm file
      SQLite::Database copy(partial, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      SQLite::Backup backup(copy, source);
      while (true) {
        const int result = backup.executeStep(kPagesPerStep);
        if (result == SQLITE_DONE) break;
        if (result == SQLITE_BUSY || result == SQLITE_LOCKED) {
          std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the bot is writing: let it
        }
      }
      copy.exec("PRAGMA journal_mode = DELETE");  // one self-contained file, no -wal beside it
      if (copy.execAndGet("PRAGMA integrity_check").getString() != "ok") {
        return Status::Internal("the copy failed its integrity check");
      }
    }
    std::filesystem::rename(partial, out_path);
  } catch (const std::exception& error) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    return Status::Unavailable(std::string("backup failed: ") + error.what());
  }
  return Status::Ok();
}

}  // namespace mentorbot
