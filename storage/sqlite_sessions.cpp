// The sessions and feedback tables.
#include "storage/sqlite_query.h"
#include "storage/sqlite_repositories.h"
#include "storage/sqlite_time.h"

namespace mentorbot {

namespace {
#define SESSION_COLUMNS                                                                                      \
  "SELECT id, pair_id, state, starts_at, minutes, scheduled, agenda, agenda_set_at, takeaways, takeaways_at, " \
  "held_at, cancel_reason, created_at FROM sessions "
constexpr const char* kSelectSession = SESSION_COLUMNS "WHERE id = ?";
constexpr const char* kSelectOpen =
    SESSION_COLUMNS "WHERE pair_id = ? AND state IN ('proposed', 'confirmed') ORDER BY starts_at LIMIT 1";
constexpr const char* kSelectLastHeld =
    SESSION_COLUMNS "WHERE pair_id = ? AND state = 'held' ORDER BY starts_at DESC, id DESC LIMIT 1";
constexpr const char* kSelectForPair = SESSION_COLUMNS "WHERE pair_id = ? ORDER BY starts_at, id";
constexpr const char* kSelectAllSessions = SESSION_COLUMNS "ORDER BY pair_id, starts_at, id";
#undef SESSION_COLUMNS

Session ReadSession(SQLite::Statement& row) {
  Session session;
  session.id = row.getColumn(0).getInt64();
  session.pair_id = row.getColumn(1).getInt64();
  session.state = ParseSessionState(row.getColumn(2).getString()).value_or(SessionState::kCancelled);
  session.starts_at = ColumnTime(row, 3);
  session.minutes = row.getColumn(4).getInt();
  session.scheduled = row.getColumn(5).getInt() != 0;
  session.agenda = row.getColumn(6).getString();
  session.agenda_set_at = ColumnOptionalTime(row, 7);
  session.takeaways = row.getColumn(8).getString();
  session.takeaways_at = ColumnOptionalTime(row, 9);
  session.held_at = ColumnOptionalTime(row, 10);
  session.cancel_reason = row.getColumn(11).getString();
  session.created_at = ColumnTime(row, 12);
  return session;
}
}  // namespace

std::optional<Session> SqliteSessionRepository::Find(std::int64_t id) {
  return QueryOne(connection_, kSelectSession, ReadSession, static_cast<int64_t>(id));
}

std::optional<Session> SqliteSessionRepository::OpenSessionOf(std::int64_t pair_id) {
  return QueryOne(connection_, kSelectOpen, ReadSession, static_cast<int64_t>(pair_id));
}

std::optional<Session> SqliteSessionRepository::LastHeld(std::int64_t pair_id) {
  return QueryOne(connection_, kSelectLastHeld, ReadSession, static_cast<int64_t>(pair_id));
}

std::vector<Session> SqliteSessionRepository::ListForPair(std::int64_t pair_id) {
  return QueryAll(connection_, kSelectForPair, ReadSession, static_cast<int64_t>(pair_id));
}

int SqliteSessionRepository::CountHeld(std::int64_t pair_id) {
  return *QueryOne(
      connection_, "SELECT COUNT(*) FROM sessions WHERE pair_id = ? AND state = 'held'",
      [](SQLite::Statement& row) { return row.getColumn(0).getInt(); }, static_cast<int64_t>(pair_id));
}

int SqliteSessionRepository::CountHeldBetween(TimePoint from, TimePoint to) {
  return *QueryOne(
      connection_, "SELECT COUNT(*) FROM sessions WHERE state = 'held' AND held_at >= ? AND held_at < ?",
      [](SQLite::Statement& row) { return row.getColumn(0).getInt(); }, static_cast<int64_t>(ToSeconds(from)),
      static_cast<int64_t>(ToSeconds(to)));
}

int SqliteSessionRepository::CountTakeawaysBetween(TimePoint from, TimePoint to) {
  return *QueryOne(
      connection_, "SELECT COUNT(*) FROM sessions WHERE takeaways_at >= ? AND takeaways_at < ?",
      [](SQLite::Statement& row) { return row.getColumn(0).getInt(); }, static_cast<int64_t>(ToSeconds(from)),
      static_cast<int64_t>(ToSeconds(to)));
}

std::int64_t SqliteSessionRepository::Save(const Session& session) {
  const bool insert = session.id == 0;
  auto& statement = connection_.Prepare(
      insert ? "INSERT INTO sessions (pair_id, state, starts_at, minutes, scheduled, agenda, agenda_set_at, "
               "takeaways, takeaways_at, held_at, cancel_reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
             : "UPDATE sessions SET pair_id = ?, state = ?, starts_at = ?, minutes = ?, scheduled = ?, agenda = ?, "
               "agenda_set_at = ?, takeaways = ?, takeaways_at = ?, held_at = ?, cancel_reason = ?, created_at = ? "
               "WHERE id = ?");
  statement.bind(1, static_cast<int64_t>(session.pair_id));
  statement.bind(2, std::string(SessionStateName(session.state)));
  BindTime(statement, 3, session.starts_at);
  statement.bind(4, session.minutes);
  statement.bind(5, session.scheduled ? 1 : 0);
  statement.bind(6, session.agenda);
  BindOptionalTime(statement, 7, session.agenda_set_at);
  statement.bind(8, session.takeaways);
  BindOptionalTime(statement, 9, session.takeaways_at);
  BindOptionalTime(statement, 10, session.held_at);
  statement.bind(11, session.cancel_reason);
  BindTime(statement, 12, session.created_at);
  if (!insert) statement.bind(13, static_cast<int64_t>(session.id));
  statement.exec();
  return insert ? connection_.db().getLastInsertRowid() : session.id;
}

void SqliteSessionRepository::SaveFeedback(const Feedback& feedback) {
  auto& statement = connection_.Prepare(
      "INSERT INTO feedback (session_id, person_id, rating, comment, at) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (session_id, person_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, "
      "at = excluded.at");
  statement.bind(1, static_cast<int64_t>(feedback.session_id));
  statement.bind(2, static_cast<int64_t>(feedback.person_id));
  statement.bind(3, feedback.rating);
  statement.bind(4, feedback.comment);
  BindTime(statement, 5, feedback.at);
  statement.exec();
}

std::vector<Session> SqliteSessionRepository::ListAll() { return QueryAll(connection_, kSelectAllSessions, ReadSession); }

std::vector<Feedback> SqliteSessionRepository::ListFeedback() {
  return QueryAll(connection_, "SELECT session_id, person_id, rating, comment, at FROM feedback ORDER BY session_id, person_id",
                  [](SQLite::Statement& row) {
                    return Feedback{row.getColumn(0).getInt64(), row.getColumn(1).getInt64(), row.getColumn(2).getInt(),
                                    row.getColumn(3).getString(), ColumnTime(row, 4)};
                  });
}

std::optional<Feedback> SqliteSessionRepository::FindFeedback(std::int64_t session_id, std::int64_t person_id) {
  return QueryOne(
      connection_, "SELECT rating, comment, at FROM feedback WHERE session_id = ? AND person_id = ?",
      [&](SQLite::Statement& row) {
        return Feedback{session_id, person_id, row.getColumn(0).getInt(), row.getColumn(1).getString(), ColumnTime(row, 2)};
      },
      static_cast<int64_t>(session_id), static_cast<int64_t>(person_id));
}

int SqliteSessionRepository::EraseMenteeTexts(std::int64_t mentee_person_id) {
  auto& statement = connection_.Prepare(
      "UPDATE sessions SET agenda = '', takeaways = '' WHERE (agenda <> '' OR takeaways <> '') AND pair_id IN "
      "(SELECT id FROM pairs WHERE mentee_id = ?)");
  statement.bind(1, static_cast<int64_t>(mentee_person_id));
  return statement.exec();
}

int SqliteSessionRepository::EraseFeedbackComments(std::int64_t person_id) {
  auto& statement = connection_.Prepare("UPDATE feedback SET comment = '' WHERE person_id = ? AND comment <> ''");
  statement.bind(1, static_cast<int64_t>(person_id));
  return statement.exec();
}

}  // namespace mentorbot
