// The SQLite implementations of the Store's repositories, each over the one
// connection of the transaction SqliteStore::Run opened. They throw
// SQLite::Exception on failure; Run rolls back and reports a Status.
// Thread-safety: none; they live inside one transaction on one thread.
#pragma once

#include "bot/core/directory_state.h"
#include "bot/core/repositories.h"
#include "storage/sqlite_connection.h"

namespace mentorbot {

class SqlitePeopleRepository : public PeopleRepository {
 public:
  explicit SqlitePeopleRepository(SqliteConnection& connection) : connection_(connection) {}
  std::optional<Person> Find(const UserRef& ref) override;
  std::optional<Person> FindById(std::int64_t id) override;
  std::int64_t Save(const Person& person) override;
  std::vector<Person> ListActive() override;
  std::vector<Person> ListAll() override;
  void Erase(std::int64_t id) override;
  std::vector<Person> ListNeverSynced(Platform platform, int limit) override;
  void MarkSynced(std::int64_t id, TimePoint at) override;

 private:
  SqliteConnection& connection_;
};

class SqlitePairRepository : public PairRepository {
 public:
  explicit SqlitePairRepository(SqliteConnection& connection) : connection_(connection) {}
  std::optional<Pair> Find(std::int64_t id) override;
  std::optional<Pair> OpenPairOf(std::int64_t person_id) override;
  std::vector<Pair> OpenPairsOf(std::int64_t person_id) override;
  std::vector<std::pair<std::int64_t, std::int64_t>> ListEverPaired() override;
  std::vector<Pair> ListOpen() override;
  std::vector<Pair> ListAll() override;
  std::int64_t Save(const Pair& pair) override;
  bool AddOffLimits(std::int64_t pair_id, const std::string& topic, std::int64_t added_by, TimePoint at) override;
  bool RemoveOffLimits(std::int64_t pair_id, const std::string& topic) override;
  std::vector<std::string> ListOffLimits(std::int64_t pair_id) override;
  int EraseOffLimitsAddedBy(std::int64_t person_id) override;
  void AcceptRules(std::int64_t pair_id, std::int64_t person_id, TimePoint at) override;
  bool HasAcceptedRules(std::int64_t pair_id, std::int64_t person_id) override;

 private:
  SqliteConnection& connection_;
};

class SqliteRosterRepository : public RosterRepository {
 public:
  explicit SqliteRosterRepository(SqliteConnection& connection) : connection_(connection) {}
  void Save(const RosterEntry& entry) override;
  std::optional<RosterEntry> Find(const std::string& key) override;
  std::vector<std::pair<std::string, std::string>> ListManagers() override;
  int Count() override;
  bool Erase(const std::string& key) override;
  std::vector<std::pair<std::string, std::string>> ListEmailKeys() override;
  std::vector<std::string> KeysByEmail(const std::string& email) override;
  std::vector<RosterEntry> ListFromSource(const std::string& source) override;
  bool AddDoNotPair(const std::string& a, const std::string& b, const std::string& added_by, TimePoint at) override;
  bool RemoveDoNotPair(const std::string& a, const std::string& b) override;
  std::vector<std::pair<std::string, std::string>> ListDoNotPair() override;
  int EraseDoNotPairOf(const std::string& key) override;
  void KeepUpload(const std::string& admin_key, const RosterUpload& upload) override;
  std::optional<RosterUpload> TakeUpload(const std::string& admin_key) override;

 private:
  SqliteConnection& connection_;
};

class SqliteSurveyRepository : public SurveyRepository {
 public:
  explicit SqliteSurveyRepository(SqliteConnection& connection) : connection_(connection) {}
  void SaveAnswer(const PulseAnswer& answer) override;
  std::vector<PulseAnswer> ListAnswers() override;

 private:
  SqliteConnection& connection_;
};

class SqliteFileRepository : public FileRepository {
 public:
  explicit SqliteFileRepository(SqliteConnection& connection) : connection_(connection) {}
  std::int64_t Save(const StoredFile& file) override;
  std::optional<StoredFile> Find(std::int64_t id) override;
  bool Erase(std::int64_t id) override;
  int EraseExpired(TimePoint now) override;
  int EraseOwnedBy(const std::string& owner_key) override;

 private:
  SqliteConnection& connection_;
};

class SqliteCalendarRepository : public CalendarRepository {
 public:
  explicit SqliteCalendarRepository(SqliteConnection& connection) : connection_(connection) {}
  std::optional<SessionCalendarEntry> Find(std::int64_t session_id) override;
  void Save(const SessionCalendarEntry& entry) override;
  std::vector<SessionCalendarEntry> ListDue(TimePoint now, int limit) override;
  std::optional<TimePoint> NextDueAt() override;
  int CountGaveUp() override;
  int ForgetMailbox(const std::string& mailbox) override;
  void SaveTimeRequest(const TimeRequest& request) override;
  std::optional<TimeRequest> FindTimeRequest(std::int64_t pair_id) override;
  std::vector<TimeRequest> ListDueTimeRequests(TimePoint now, int limit) override;
  std::optional<TimePoint> NextTimeRequestAt() override;
  void EraseTimeRequest(std::int64_t pair_id) override;

 private:
  SqliteConnection& connection_;
};

class SqliteDirectoryRepository : public DirectoryRepository {
 public:
  explicit SqliteDirectoryRepository(SqliteConnection& connection) : connection_(connection) {}
  std::optional<DirectorySyncState> FindState(const std::string& source) override;
  void SaveState(const DirectorySyncState& state) override;
  void RequestSync(const std::string& admin_key, TimePoint at) override;
  std::vector<std::string> TakeSyncRequests() override;
  bool HasSyncRequests() override;
  std::optional<ChainReview> FindChainReview(std::int64_t pair_id) override;
  void SaveChainReview(const ChainReview& review) override;

 private:
  SqliteConnection& connection_;
};

class SqliteSessionRepository : public SessionRepository {
 public:
  explicit SqliteSessionRepository(SqliteConnection& connection) : connection_(connection) {}
  std::optional<Session> Find(std::int64_t id) override;
  std::optional<Session> OpenSessionOf(std::int64_t pair_id) override;
  std::optional<Session> LastHeld(std::int64_t pair_id) override;
  std::vector<Session> ListForPair(std::int64_t pair_id) override;
  std::vector<Session> ListAll() override;
  std::vector<Feedback> ListFeedback() override;
  int CountHeld(std::int64_t pair_id) override;
  int CountHeldBetween(TimePoint from, TimePoint to) override;
  int CountTakeawaysBetween(TimePoint from, TimePoint to) override;
  std::int64_t Save(const Session& session) override;
  void SaveFeedback(const Feedback& feedback) override;
  std::optional<Feedback> FindFeedback(std::int64_t session_id, std::int64_t person_id) override;
  int EraseMenteeTexts(std::int64_t mentee_person_id) override;
  int EraseFeedbackComments(std::int64_t person_id) override;

 private:
  SqliteConnection& connection_;
};

class SqliteProgramRepository : public ProgramRepository {
 public:
  explicit SqliteProgramRepository(SqliteConnection& connection) : connection_(connection) {}
  std::optional<std::string> GetSetting(const std::string& key) override;
  void SetSetting(const std::string& key, const std::string& value) override;
  std::map<std::string, std::string> AllSettings() override;
  bool IsAdmin(const UserRef& user) override;
  bool AddAdmin(const UserRef& user, const std::string& added_by, TimePoint at) override;
  bool RemoveAdmin(const UserRef& user) override;
  std::vector<UserRef> ListAdmins() override;
  std::int64_t Audit(const AuditEntry& entry) override;
  std::vector<AuditEntry> RecentAudit(int limit) override;
  int EraseAuditActor(const std::string& actor) override;

 private:
  SqliteConnection& connection_;
};

class SqliteOutboxRepository : public OutboxRepository {
 public:
  explicit SqliteOutboxRepository(SqliteConnection& connection) : connection_(connection) {}
  bool Enqueue(const std::string& key, const Address& to, const Message& message, TimePoint not_before,
               TimePoint now) override;
  std::vector<OutboundMessage> ClaimDue(TimePoint now, int limit, std::chrono::seconds lease,
                                        const DeliveryFilter& filter) override;
  void MarkDelivered(std::int64_t id, TimePoint at) override;
  void MarkRetry(std::int64_t id, TimePoint next_attempt, const std::string& error) override;
  void MarkFailed(std::int64_t id, TimePoint at, const std::string& error) override;
  std::optional<TimePoint> NextDue(const DeliveryFilter& filter) override;
  bool Contains(const std::string& key) override;
  int DropPendingFor(const UserRef& user) override;
  int RetryAwaitingConversationNow(Platform platform, const std::string& workspace, TimePoint now) override;
  OutboxCounts Counts() override;

 private:
  SqliteConnection& connection_;
};

class SqliteConversationRepository : public ConversationRepository {
 public:
  explicit SqliteConversationRepository(SqliteConnection& connection) : connection_(connection) {}
  void Save(const ConversationReference& reference) override;
  std::optional<ConversationReference> Find(const UserRef& user) override;
  std::optional<std::string> LatestServiceUrl(Platform platform, const std::string& workspace) override;
  bool Erase(const UserRef& user) override;
  bool MarkSeen(const std::string& event_id, TimePoint at) override;
  int PruneSeen(TimePoint before) override;

 private:
  SqliteConnection& connection_;
};

}  // namespace mentorbot
