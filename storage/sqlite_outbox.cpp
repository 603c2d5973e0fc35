// The outbox table: messages waiting to be delivered, leased to one worker at
// a time, retried until delivered or failed for good.
#include "bot/core/message_codec.h"
#include "storage/sqlite_repositories.h"
#include "storage/sqlite_time.h"

namespace mentorbot {

namespace {
// The filter as SQL parameters: a bit mask of platforms and an optional
// recipient (empty strings = anyone).
#define FILTER_SQL                                                                                     \
  " AND (?3 & (CASE platform WHEN 'slack' THEN 1 WHEN 'teams' THEN 2 ELSE 4 END)) <> 0"              \
  " AND (?4 = '' OR (workspace = ?4 AND user_id = ?5))"

void BindFilter(SQLite::Statement& statement, const DeliveryFilter& filter) {
  int mask = 0;
  for (Platform platform : filter.platforms) {
    mask |= platform == Platform::kSlack ? 1 : platform == Platform::kTeams ? 2 : 4;
  }
  statement.bind(3, mask);
  statement.bind(4, filter.recipient ? filter.recipient->workspace : std::string());
  statement.bind(5, filter.recipient ? filter.recipient->user_id : std::string());
}
}  // namespace

bool SqliteOutboxRepository::Enqueue(const std::string& key, const Address& to, const Message& message,
                                     TimePoint not_before, TimePoint now) {
  auto& statement = connection_.Prepare(
      "INSERT INTO outbox (key, platform, workspace, user_id, conversation_id, thread_id, service_url, message, "
      "state, not_before, created_at, replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?) "
      "ON CONFLICT (key) DO NOTHING");
  statement.bind(1, key);
  statement.bind(2, std::string(PlatformName(to.user.platform)));
  statement.bind(3, to.user.workspace);
  statement.bind(4, to.user.user_id);
  statement.bind(5, to.conversation_id);
  statement.bind(6, to.thread_id);
  statement.bind(7, to.service_url);
  statement.bind(8, EncodeMessage(message));
  BindTime(statement, 9, not_before);
  BindTime(statement, 10, now);
  statement.bind(11, to.replaces);
  return statement.exec() == 1;
}

std::vector<OutboundMessage> SqliteOutboxRepository::ClaimDue(TimePoint now, int limit, std::chrono::seconds lease,
                                                              const DeliveryFilter& filter) {
  auto& select = connection_.Prepare(
      "SELECT id, key, platform, workspace, user_id, conversation_id, thread_id, service_url, message, attempts, "
      "created_at, last_error, replaces FROM outbox WHERE state = 'pending' AND not_before <= ?1 AND (lease_until IS NULL OR lease_until <= ?1) "
      FILTER_SQL " ORDER BY not_before, id LIMIT ?2");
  BindTime(select, 1, now);
  select.bind(2, limit);
  BindFilter(select, filter);
  std::vector<OutboundMessage> claimed;
  std::vector<std::int64_t> undecodable;
  while (select.executeStep()) {
    OutboundMessage message;
    message.id = select.getColumn(0).getInt64();
    message.key = select.getColumn(1).getString();
    message.to.user.platform = ParsePlatform(select.getColumn(2).getString()).value_or(Platform::kConsole);
    message.to.user.workspace = select.getColumn(3).getString();
    message.to.user.user_id = select.getColumn(4).getString();
    message.to.conversation_id = select.getColumn(5).getString();
    message.to.thread_id = select.getColumn(6).getString();
    message.to.service_url = select.getColumn(7).getString();
    message.to.replaces = select.getColumn(12).getString();
    auto decoded = DecodeMessage(select.getColumn(8).getString());
    message.attempts = select.getColumn(9).getInt();
    message.created_at = ColumnTime(select, 10);
    // Every recorded retry names its error; none recorded means a claimer died mid-send.
    message.outcome_unknown = message.attempts > 0 && select.getColumn(11).getString().empty();
    if (!decoded) {
      undecodable.push_back(message.id);
      continue;
    }
    message.message = std::move(*decoded);
    claimed.push_back(std::move(message));
  }
  select.tryReset();
  for (std::int64_t id : undecodable) MarkFailed(id, now, "stored message could not be decoded");
  auto& lease_statement =
      connection_.Prepare("UPDATE outbox SET lease_until = ?, attempts = attempts + 1 WHERE id = ?");
  for (const auto& message : claimed) {
    lease_statement.tryReset();
    BindTime(lease_statement, 1, now + lease);
    lease_statement.bind(2, static_cast<int64_t>(message.id));
    lease_statement.exec();
  }
  return claimed;
}

void SqliteOutboxRepository::MarkDelivered(std::int64_t id, TimePoint at) {
  auto& statement = connection_.Prepare(
      "UPDATE outbox SET state = 'delivered', finished_at = ?, lease_until = NULL, last_error = '' WHERE id = ?");
  BindTime(statement, 1, at);
  statement.bind(2, static_cast<int64_t>(id));
  statement.exec();
}

void SqliteOutboxRepository::MarkRetry(std::int64_t id, TimePoint next_attempt, const std::string& error) {
  auto& statement = connection_.Prepare(
      "UPDATE outbox SET not_before = ?, lease_until = NULL, last_error = ? WHERE id = ? AND state = 'pending'");
  BindTime(statement, 1, next_attempt);
  statement.bind(2, error);
  statement.bind(3, static_cast<int64_t>(id));
  statement.exec();
}

void SqliteOutboxRepository::MarkFailed(std::int64_t id, TimePoint at, const std::string& error) {
  auto& statement = connection_.Prepare(
      "UPDATE outbox SET state = 'failed', finished_at = ?, lease_until = NULL, last_error = ? WHERE id = ?");
  BindTime(statement, 1, at);
  statement.bind(2, error);
  statement.bind(3, static_cast<int64_t>(id));
  statement.exec();
}

std::optional<TimePoint> SqliteOutboxRepository::NextDue(const DeliveryFilter& filter) {
  auto& statement = connection_.Prepare(
      "SELECT MIN(MAX(not_before, COALESCE(lease_until, 0))) FROM outbox WHERE state = 'pending' AND ?1 = ?1 "
      "AND ?2 = ?2" FILTER_SQL);
  statement.bind(1, 0);
  statement.bind(2, 0);
  BindFilter(statement, filter);
  statement.executeStep();
  if (statement.getColumn(0).isNull()) return std::nullopt;
  return ColumnTime(statement, 0);
}

bool SqliteOutboxRepository::Contains(const std::string& key) {
  auto& statement = connection_.Prepare("SELECT 1 FROM outbox WHERE key = ?");
  statement.bind(1, key);
  return statement.executeStep();
}

int SqliteOutboxRepository::DropPendingFor(const UserRef& user) {
  auto& statement = connection_.Prepare(
      "DELETE FROM outbox WHERE platform = ? AND workspace = ? AND user_id = ? AND state = 'pending'");
  statement.bind(1, std::string(PlatformName(user.platform)));
  statement.bind(2, user.workspace);
  statement.bind(3, user.user_id);
  return statement.exec();
}

int SqliteOutboxRepository::RetryAwaitingConversationNow(Platform platform, const std::string& workspace,
                                                         TimePoint now) {
  auto& statement = connection_.Prepare(
      "UPDATE outbox SET not_before = ? WHERE platform = ? AND workspace = ? AND state = 'pending' "
      "AND conversation_id = '' AND attempts > 0 AND not_before > ?");
  BindTime(statement, 1, now);
  statement.bind(2, std::string(PlatformName(platform)));
  statement.bind(3, workspace);
  BindTime(statement, 4, now);
  return statement.exec();
}

#undef FILTER_SQL

OutboxCounts SqliteOutboxRepository::Counts() {
  auto& statement = connection_.Prepare(
      "SELECT COALESCE(SUM(state = 'pending'), 0), COALESCE(SUM(state = 'delivered'), 0), "
      "COALESCE(SUM(state = 'failed'), 0) FROM outbox");
  statement.executeStep();
  return OutboxCounts{statement.getColumn(0).getInt(), statement.getColumn(1).getInt(), statement.getColumn(2).getInt()};
}

}  // namespace mentorbot
