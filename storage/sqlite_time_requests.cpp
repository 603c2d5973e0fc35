// The time_requests table: pairs waiting for suggested times read from
// their calendars (the calendar worker's second queue).
#include <SQLiteCpp/Statement.h>

#include "storage/sqlite_query.h"
#include "storage/sqlite_repositories.h"
#include "storage/sqlite_time.h"

namespace mentorbot {

namespace {
#define TIME_REQUEST_COLUMNS "pair_id, verb, minutes, provider, requested_at, attempts, next_attempt_at"

TimeRequest ReadRequest(SQLite::Statement& row) {
  TimeRequest request;
  request.pair_id = row.getColumn(0).getInt64();
  request.verb = row.getColumn(1).getString();
  request.minutes = row.getColumn(2).getInt();
  request.provider = row.getColumn(3).getString();
  request.requested_at = ColumnTime(row, 4);
  request.attempts = row.getColumn(5).getInt();
  request.next_attempt_at = ColumnTime(row, 6);
  return request;
}
}  // namespace

void SqliteCalendarRepository::SaveTimeRequest(const TimeRequest& request) {
  auto& statement = connection_.Prepare("INSERT OR REPLACE INTO time_requests (" TIME_REQUEST_COLUMNS
                                        ") VALUES (?, ?, ?, ?, ?, ?, ?)");
  statement.bind(1, static_cast<int64_t>(request.pair_id));
  statement.bind(2, request.verb);
  statement.bind(3, request.minutes);
  statement.bind(4, request.provider);
  BindTime(statement, 5, request.requested_at);
  statement.bind(6, request.attempts);
  BindTime(statement, 7, request.next_attempt_at);
  statement.exec();
}

std::optional<TimeRequest> SqliteCalendarRepository::FindTimeRequest(std::int64_t pair_id) {
  return QueryOne(connection_, "SELECT " TIME_REQUEST_COLUMNS " FROM time_requests WHERE pair_id = ?", ReadRequest,
                  static_cast<int64_t>(pair_id));
}

std::vector<TimeRequest> SqliteCalendarRepository::ListDueTimeRequests(TimePoint now, int limit) {
  return QueryAll(connection_,
                  "SELECT " TIME_REQUEST_COLUMNS " FROM time_requests WHERE next_attempt_at <= ? "
                  "ORDER BY next_attempt_at LIMIT ?",
                  ReadRequest, static_cast<int64_t>(ToSeconds(now)), limit);
}

std::optional<TimePoint> SqliteCalendarRepository::NextTimeRequestAt() {
  return QueryOne(connection_, "SELECT MIN(next_attempt_at) FROM time_requests",
                  [](SQLite::Statement& row) { return ColumnOptionalTime(row, 0); })
      .value_or(std::nullopt);
}

void SqliteCalendarRepository::EraseTimeRequest(std::int64_t pair_id) {
  auto& statement = connection_.Prepare("DELETE FROM time_requests WHERE pair_id = ?");
  statement.bind(1, static_cast<int64_t>(pair_id));
  statement.exec();
}

#undef TIME_REQUEST_COLUMNS

}  // namespace mentorbot
