// The session_calendar table: each session's calendar event as last sent.
#include <SQLiteCpp/Statement.h>

#include "storage/sqlite_query.h"
#include "storage/sqlite_repositories.h"
#include "storage/sqlite_time.h"

namespace mentorbot {

std::optional<SessionCalendarEntry> SqliteCalendarRepository::Find(std::int64_t session_id) {
  return QueryOne(connection_,
                  "SELECT session_id, sequence, fingerprint, cancelled, updated_at FROM session_calendar "
                  "WHERE session_id = ?",
                  [](SQLite::Statement& row) {
                    return SessionCalendarEntry{row.getColumn(0).getInt64(), row.getColumn(1).getInt(),
                                                row.getColumn(2).getString(), row.getColumn(3).getInt() != 0,
                                                ColumnTime(row, 4)};
                  },
                  static_cast<int64_t>(session_id));
}

void SqliteCalendarRepository::Save(const SessionCalendarEntry& entry) {
  auto& statement = connection_.Prepare(
      "INSERT OR REPLACE INTO session_calendar (session_id, sequence, fingerprint, cancelled, updated_at) "
      "VALUES (?, ?, ?, ?, ?)");
  statement.bind(1, static_cast<int64_t>(entry.session_id));
  statement.bind(2, entry.sequence);
  statement.bind(3, entry.fingerprint);
  statement.bind(4, entry.cancelled ? 1 : 0);
  BindTime(statement, 5, entry.updated_at);
  statement.exec();
}

}  // namespace mentorbot
