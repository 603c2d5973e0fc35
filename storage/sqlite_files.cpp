// The stored_files table: files the bot hands over, as blobs.
#include <SQLiteCpp/Statement.h>

#include "storage/sqlite_query.h"
#include "storage/sqlite_repositories.h"
#include "storage/sqlite_time.h"

namespace mentorbot {

std::int64_t SqliteFileRepository::Save(const StoredFile& file) {
  auto& statement = connection_.Prepare(
      "INSERT INTO stored_files (owner_key, name, media_type, content, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  statement.bind(1, file.owner_key);
  statement.bind(2, file.name);
  statement.bind(3, file.media_type);
  statement.bind(4, static_cast<const void*>(file.content.data()), static_cast<int>(file.content.size()));
  BindTime(statement, 5, file.created_at);
  BindTime(statement, 6, file.expires_at);
  statement.exec();
  return connection_.db().getLastInsertRowid();
}

std::optional<StoredFile> SqliteFileRepository::Find(std::int64_t id) {
  return QueryOne(connection_, "SELECT id, owner_key, name, media_type, content, created_at, expires_at FROM stored_files WHERE id = ?",
                  [](SQLite::Statement& row) {
                    return StoredFile{row.getColumn(0).getInt64(), row.getColumn(1).getString(),
                                      row.getColumn(2).getString(), row.getColumn(3).getString(),
                                      row.getColumn(4).getString(), ColumnTime(row, 5), ColumnTime(row, 6)};
                  },
                  static_cast<int64_t>(id));
}

bool SqliteFileRepository::Erase(std::int64_t id) {
  auto& statement = connection_.Prepare("DELETE FROM stored_files WHERE id = ?");
  statement.bind(1, static_cast<int64_t>(id));
  return statement.exec() > 0;
}

int SqliteFileRepository::EraseExpired(TimePoint now) {
  auto& statement = connection_.Prepare("DELETE FROM stored_files WHERE expires_at <= ?");
  BindTime(statement, 1, now);
  return statement.exec();
}

int SqliteFileRepository::EraseOwnedBy(const std::string& owner_key) {
  auto& statement = connection_.Prepare("DELETE FROM stored_files WHERE owner_key = ?");
  statement.bind(1, owner_key);
  return statement.exec();
}

}  // namespace mentorbot
