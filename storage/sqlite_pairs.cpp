// The pairs table and each pair's terms (off-limits topics, ground-rule
// acknowledgements).
#include "storage/sqlite_query.h"
#include "storage/sqlite_repositories.h"
#include "storage/sqlite_time.h"

namespace mentorbot {

namespace {
#define PAIR_COLUMNS "SELECT id, mentor_id, mentee_id, state, created_at, paused_until, ended_at, end_reason FROM pairs "
constexpr const char* kSelectPair = PAIR_COLUMNS "WHERE id = ?";
constexpr const char* kSelectOpenPairOf =
    PAIR_COLUMNS "WHERE (mentor_id = ?1 OR mentee_id = ?1) AND state <> 'ended' ORDER BY id DESC LIMIT 1";
constexpr const char* kSelectOpenPairs = PAIR_COLUMNS "WHERE state <> 'ended' ORDER BY id";
constexpr const char* kSelectAllPairs = PAIR_COLUMNS "ORDER BY id";
constexpr const char* kSelectOpenPairsOf =
    PAIR_COLUMNS "WHERE (mentor_id = ?1 OR mentee_id = ?1) AND state <> 'ended' ORDER BY id";
#undef PAIR_COLUMNS

Pair ReadPair(SQLite::Statement& row) {
  Pair pair;
  pair.id = row.getColumn(0).getInt64();
  pair.mentor_id = row.getColumn(1).getInt64();
  pair.mentee_id = row.getColumn(2).getInt64();
  pair.state = ParsePairState(row.getColumn(3).getString()).value_or(PairState::kEnded);
  pair.created_at = ColumnTime(row, 4);
  pair.paused_until = ColumnOptionalTime(row, 5);
  pair.ended_at = ColumnOptionalTime(row, 6);
  pair.end_reason = row.getColumn(7).getString();
  return pair;
}
}  // namespace

std::optional<Pair> SqlitePairRepository::Find(std::int64_t id) {
  return QueryOne(connection_, kSelectPair, ReadPair, static_cast<int64_t>(id));
}

std::optional<Pair> SqlitePairRepository::OpenPairOf(std::int64_t person_id) {
  return QueryOne(connection_, kSelectOpenPairOf, ReadPair, static_cast<int64_t>(person_id));
}

std::vector<Pair> SqlitePairRepository::OpenPairsOf(std::int64_t person_id) {
  return QueryAll(connection_, kSelectOpenPairsOf, ReadPair, static_cast<int64_t>(person_id));
}

std::vector<std::pair<std::int64_t, std::int64_t>> SqlitePairRepository::ListEverPaired() {
  return QueryAll(connection_, "SELECT DISTINCT mentor_id, mentee_id FROM pairs", [](SQLite::Statement& row) {
    return std::pair<std::int64_t, std::int64_t>{row.getColumn(0).getInt64(), row.getColumn(1).getInt64()};
  });
}

std::vector<Pair> SqlitePairRepository::ListAll() { return QueryAll(connection_, kSelectAllPairs, ReadPair); }

std::vector<Pair> SqlitePairRepository::ListOpen() { return QueryAll(connection_, kSelectOpenPairs, ReadPair); }

std::int64_t SqlitePairRepository::Save(const Pair& pair) {
  const bool insert = pair.id == 0;
  auto& statement = connection_.Prepare(
      insert ? "INSERT INTO pairs (mentor_id, mentee_id, state, created_at, paused_until, ended_at, end_reason) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)"
             : "UPDATE pairs SET mentor_id = ?, mentee_id = ?, state = ?, created_at = ?, paused_until = ?, "
               "ended_at = ?, end_reason = ? WHERE id = ?");
  statement.bind(1, static_cast<int64_t>(pair.mentor_id));
  statement.bind(2, static_cast<int64_t>(pair.mentee_id));
  statement.bind(3, std::string(PairStateName(pair.state)));
  BindTime(statement, 4, pair.created_at);
  BindOptionalTime(statement, 5, pair.paused_until);
  BindOptionalTime(statement, 6, pair.ended_at);
  statement.bind(7, pair.end_reason);
  if (!insert) statement.bind(8, static_cast<int64_t>(pair.id));
  statement.exec();
  return insert ? connection_.db().getLastInsertRowid() : pair.id;
}

bool SqlitePairRepository::AddOffLimits(std::int64_t pair_id, const std::string& topic, std::int64_t added_by,
                                        TimePoint at) {
  auto& statement = connection_.Prepare(
      "INSERT INTO off_limits (pair_id, topic, added_by, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
  statement.bind(1, static_cast<int64_t>(pair_id));
  statement.bind(2, topic);
  statement.bind(3, static_cast<int64_t>(added_by));
  BindTime(statement, 4, at);
  return statement.exec() == 1;
}

bool SqlitePairRepository::RemoveOffLimits(std::int64_t pair_id, const std::string& topic) {
  auto& statement =
      connection_.Prepare("DELETE FROM off_limits WHERE pair_id = ? AND topic = ? COLLATE NOCASE");
  statement.bind(1, static_cast<int64_t>(pair_id));
  statement.bind(2, topic);
  return statement.exec() > 0;
}

std::vector<std::string> SqlitePairRepository::ListOffLimits(std::int64_t pair_id) {
  return QueryAll(
      connection_, "SELECT topic FROM off_limits WHERE pair_id = ? ORDER BY id",
      [](SQLite::Statement& row) { return row.getColumn(0).getString(); }, static_cast<int64_t>(pair_id));
}

int SqlitePairRepository::EraseOffLimitsAddedBy(std::int64_t person_id) {
  auto& statement = connection_.Prepare("DELETE FROM off_limits WHERE added_by = ?");
  statement.bind(1, static_cast<int64_t>(person_id));
  return statement.exec();
}

void SqlitePairRepository::AcceptRules(std::int64_t pair_id, std::int64_t person_id, TimePoint at) {
  auto& statement = connection_.Prepare(
      "INSERT INTO rules_acceptances (pair_id, person_id, accepted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
  statement.bind(1, static_cast<int64_t>(pair_id));
  statement.bind(2, static_cast<int64_t>(person_id));
  BindTime(statement, 3, at);
  statement.exec();
}

bool SqlitePairRepository::HasAcceptedRules(std::int64_t pair_id, std::int64_t person_id) {
  auto& statement = connection_.Prepare("SELECT 1 FROM rules_acceptances WHERE pair_id = ? AND person_id = ?");
  statement.bind(1, static_cast<int64_t>(pair_id));
  statement.bind(2, static_cast<int64_t>(person_id));
  return statement.executeStep();
}

}  // namespace mentorbot
