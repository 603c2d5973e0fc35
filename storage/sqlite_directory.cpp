// The directory_state, directory_sync_requests and chain_reviews tables.
#include <SQLiteCpp/Statement.h>

#include "storage/sqlite_query.h"
#include "storage/sqlite_repositories.h"
#include "storage/sqlite_time.h"

namespace mentorbot {

namespace {
DirectorySyncState ReadState(SQLite::Statement& row) {
  DirectorySyncState state;
  state.source = row.getColumn(0).getString();
  state.workspace = row.getColumn(1).getString();
  state.delta = row.getColumn(2).getString();
  state.last_full_at = ColumnOptionalTime(row, 3);
  state.last_incremental_at = ColumnOptionalTime(row, 4);
  state.last_error = row.getColumn(5).getString();
  return state;
}

ChainReview ReadReview(SQLite::Statement& row) {
  ChainReview review;
  review.pair_id = row.getColumn(0).getInt64();
  review.chain = row.getColumn(1).getString();
  review.flagged_at = ColumnTime(row, 2);
  review.decision = row.getColumn(3).getString();
  review.decided_by = row.getColumn(4).getString();
  review.decided_at = ColumnOptionalTime(row, 5);
  return review;
}
}  // namespace

std::optional<DirectorySyncState> SqliteDirectoryRepository::FindState(const std::string& source) {
  return QueryOne(connection_,
                  "SELECT source, workspace, delta, last_full_at, last_incremental_at, last_error "
                  "FROM directory_state WHERE source = ?",
                  ReadState, source);
}

void SqliteDirectoryRepository::SaveState(const DirectorySyncState& state) {
  auto& statement = connection_.Prepare(
      "INSERT OR REPLACE INTO directory_state (source, workspace, delta, last_full_at, last_incremental_at, "
      "last_error) VALUES (?, ?, ?, ?, ?, ?)");
  statement.bind(1, state.source);
  statement.bind(2, state.workspace);
  statement.bind(3, state.delta);
  BindOptionalTime(statement, 4, state.last_full_at);
  BindOptionalTime(statement, 5, state.last_incremental_at);
  statement.bind(6, state.last_error);
  statement.exec();
}

void SqliteDirectoryRepository::RequestSync(const std::string& admin_key, TimePoint at) {
  auto& statement =
      connection_.Prepare("INSERT OR IGNORE INTO directory_sync_requests (admin_key, requested_at) VALUES (?, ?)");
  statement.bind(1, admin_key);
  BindTime(statement, 2, at);
  statement.exec();
}

std::vector<std::string> SqliteDirectoryRepository::TakeSyncRequests() {
  auto admins = QueryAll(connection_, "SELECT admin_key FROM directory_sync_requests ORDER BY requested_at, admin_key",
                         [](SQLite::Statement& row) { return row.getColumn(0).getString(); });
  connection_.Prepare("DELETE FROM directory_sync_requests").exec();
  return admins;
}

bool SqliteDirectoryRepository::HasSyncRequests() {
  return QueryOne(connection_, "SELECT 1 FROM directory_sync_requests LIMIT 1",
                  [](SQLite::Statement&) { return true; })
      .has_value();
}

std::optional<ChainReview> SqliteDirectoryRepository::FindChainReview(std::int64_t pair_id) {
  return QueryOne(connection_,
                  "SELECT pair_id, chain, flagged_at, decision, decided_by, decided_at FROM chain_reviews "
                  "WHERE pair_id = ?",
                  ReadReview, static_cast<int64_t>(pair_id));
}

void SqliteDirectoryRepository::SaveChainReview(const ChainReview& review) {
  auto& statement = connection_.Prepare(
      "INSERT OR REPLACE INTO chain_reviews (pair_id, chain, flagged_at, decision, decided_by, decided_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  statement.bind(1, static_cast<int64_t>(review.pair_id));
  statement.bind(2, review.chain);
  BindTime(statement, 3, review.flagged_at);
  statement.bind(4, review.decision);
  statement.bind(5, review.decided_by);
  BindOptionalTime(statement, 6, review.decided_at);
  statement.exec();
}

}  // namespace mentorbot
