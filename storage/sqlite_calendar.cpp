// The session_calendar table: each session's calendar event as last sent,
// and for sessions booked through a calendar service the worker's queue.
#include <SQLiteCpp/Statement.h>

#include "storage/sqlite_query.h"
#include "storage/sqlite_repositories.h"
#include "storage/sqlite_time.h"

namespace mentorbot {

namespace {
#define CALENDAR_COLUMNS                                                                                   \
  "session_id, sequence, fingerprint, cancelled, updated_at, provider, mailbox, event_id, join_url, " \
  "synced_sequence, attempts, next_attempt_at, gave_up, last_error"

SessionCalendarEntry ReadEntry(SQLite::Statement& row) {
  SessionCalendarEntry entry;
  entry.session_id = row.getColumn(0).getInt64();
  entry.sequence = row.getColumn(1).getInt();
  entry.fingerprint = row.getColumn(2).getString();
  entry.cancelled = row.getColumn(3).getInt() != 0;
  entry.updated_at = ColumnTime(row, 4);
  entry.provider = row.getColumn(5).getString();
  entry.mailbox = row.getColumn(6).getString();
  entry.event_id = row.getColumn(7).getString();
  entry.join_url = row.getColumn(8).getString();
  entry.synced_sequence = row.getColumn(9).getInt();
  entry.attempts = row.getColumn(10).getInt();
  entry.next_attempt_at = ColumnTime(row, 11);
  entry.gave_up = row.getColumn(12).getInt() != 0;
  entry.last_error = row.getColumn(13).getString();
  return entry;
}
}  // namespace

std::optional<SessionCalendarEntry> SqliteCalendarRepository::Find(std::int64_t session_id) {
  return QueryOne(connection_, "SELECT " CALENDAR_COLUMNS " FROM session_calendar WHERE session_id = ?", ReadEntry,
                  static_cast<int64_t>(session_id));
}

void SqliteCalendarRepository::Save(const SessionCalendarEntry& entry) {
  auto& statement = connection_.Prepare("INSERT OR REPLACE INTO session_calendar (" CALENDAR_COLUMNS
                                        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  statement.bind(1, static_cast<int64_t>(entry.session_id));
  statement.bind(2, entry.sequence);
  statement.bind(3, entry.fingerprint);
  statement.bind(4, entry.cancelled ? 1 : 0);
  BindTime(statement, 5, entry.updated_at);
  statement.bind(6, entry.provider);
  statement.bind(7, entry.mailbox);
  statement.bind(8, entry.event_id);
  statement.bind(9, entry.join_url);
  statement.bind(10, entry.synced_sequence);
  statement.bind(11, entry.attempts);
  BindTime(statement, 12, entry.next_attempt_at);
  statement.bind(13, entry.gave_up ? 1 : 0);
  statement.bind(14, entry.last_error);
  statement.exec();
}

// The WHERE clauses repeat the partial index's condition word for word, so
// SQLite uses it.
std::vector<SessionCalendarEntry> SqliteCalendarRepository::ListDue(TimePoint now, int limit) {
  return QueryAll(connection_,
                  "SELECT " CALENDAR_COLUMNS " FROM session_calendar "
                  "WHERE provider <> '' AND synced_sequence < sequence AND gave_up = 0 AND next_attempt_at <= ? "
                  "ORDER BY next_attempt_at LIMIT ?",
                  ReadEntry, static_cast<int64_t>(ToSeconds(now)), limit);
}

std::optional<TimePoint> SqliteCalendarRepository::NextDueAt() {
  return QueryOne(connection_,
                  "SELECT MIN(next_attempt_at) FROM session_calendar "
                  "WHERE provider <> '' AND synced_sequence < sequence AND gave_up = 0",
                  [](SQLite::Statement& row) { return ColumnOptionalTime(row, 0); })
      .value_or(std::nullopt);
}

int SqliteCalendarRepository::CountGaveUp() {
  return QueryOne(connection_, "SELECT COUNT(*) FROM session_calendar WHERE gave_up = 1",
                  [](SQLite::Statement& row) { return row.getColumn(0).getInt(); })
      .value_or(0);
}

int SqliteCalendarRepository::ForgetMailbox(const std::string& mailbox) {
  auto& statement = connection_.Prepare(
      "UPDATE session_calendar SET mailbox = '' WHERE mailbox = ? "
      "AND NOT (provider <> '' AND synced_sequence < sequence AND gave_up = 0)");
  statement.bind(1, mailbox);
  return statement.exec();
}

#undef CALENDAR_COLUMNS

}  // namespace mentorbot
