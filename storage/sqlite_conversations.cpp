// Conversation references and the ids of inbound deliveries already handled.
#include "storage/sqlite_query.h"
#include "storage/sqlite_repositories.h"
#include "storage/sqlite_time.h"

namespace mentorbot {

void SqliteConversationRepository::Save(const ConversationReference& reference) {
  // An empty field never overwrites what an earlier activity told us.
  auto& statement = connection_.Prepare(
      "INSERT INTO conversation_refs (platform, workspace, user_id, platform_user_id, conversation_id, service_url, "
      "bot_id, updated_at, time_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (platform, workspace, user_id) DO UPDATE SET "
      "platform_user_id = COALESCE(NULLIF(excluded.platform_user_id, ''), platform_user_id), "
      "conversation_id = COALESCE(NULLIF(excluded.conversation_id, ''), conversation_id), "
      "service_url = COALESCE(NULLIF(excluded.service_url, ''), service_url), "
      "bot_id = COALESCE(NULLIF(excluded.bot_id, ''), bot_id), "
      "time_zone = COALESCE(NULLIF(excluded.time_zone, ''), time_zone), updated_at = excluded.updated_at");
  statement.bind(1, std::string(PlatformName(reference.user.platform)));
  statement.bind(2, reference.user.workspace);
  statement.bind(3, reference.user.user_id);
  statement.bind(4, reference.platform_user_id);
  statement.bind(5, reference.conversation_id);
  statement.bind(6, reference.service_url);
  statement.bind(7, reference.bot_id);
  BindTime(statement, 8, reference.updated_at);
  statement.bind(9, reference.time_zone);
  statement.exec();
}

std::optional<ConversationReference> SqliteConversationRepository::Find(const UserRef& user) {
  return QueryOne(
      connection_,
      "SELECT platform_user_id, conversation_id, service_url, bot_id, updated_at, time_zone FROM conversation_refs "
      "WHERE platform = ? AND workspace = ? AND user_id = ?",
      [&user](SQLite::Statement& row) {
        return ConversationReference{user, row.getColumn(0).getString(), row.getColumn(1).getString(),
                                     row.getColumn(2).getString(), row.getColumn(3).getString(), ColumnTime(row, 4),
                                     row.getColumn(5).getString()};
      },
      std::string(PlatformName(user.platform)), user.workspace, user.user_id);
}

std::optional<std::string> SqliteConversationRepository::LatestServiceUrl(Platform platform,
                                                                          const std::string& workspace) {
  return QueryOne(
      connection_,
      "SELECT service_url FROM conversation_refs WHERE platform = ? AND workspace = ? AND service_url != '' "
      "ORDER BY updated_at DESC LIMIT 1",
      [](SQLite::Statement& row) { return row.getColumn(0).getString(); }, std::string(PlatformName(platform)),
      workspace);
}

bool SqliteConversationRepository::Erase(const UserRef& user) {
  auto& statement =
      connection_.Prepare("DELETE FROM conversation_refs WHERE platform = ? AND workspace = ? AND user_id = ?");
  statement.bind(1, std::string(PlatformName(user.platform)));
  statement.bind(2, user.workspace);
  statement.bind(3, user.user_id);
  return statement.exec() > 0;
}

bool SqliteConversationRepository::MarkSeen(const std::string& event_id, TimePoint at) {
  auto& statement = connection_.Prepare("INSERT INTO seen_events (event_id, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING");
  statement.bind(1, event_id);
  BindTime(statement, 2, at);
  return statement.exec() == 1;
}

int SqliteConversationRepository::PruneSeen(TimePoint before) {
  auto& statement = connection_.Prepare("DELETE FROM seen_events WHERE seen_at < ?");
  BindTime(statement, 1, before);
  return statement.exec();
}

}  // namespace mentorbot
