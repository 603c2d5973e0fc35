// The Store's repositories: one narrow domain interface per area, all valid
// only inside one StoreTransaction (see store.h). Implementations throw on a
// storage failure; Store::Run turns that into a Status and rolls back.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bot/core/outbound.h"
#include "bot/core/pairing.h"
#include "bot/core/person.h"
#include "bot/core/roster.h"

namespace mentorbot {

class PeopleRepository {
 public:
  virtual ~PeopleRepository() = default;
  virtual std::optional<Person> Find(const UserRef& ref) = 0;
  virtual std::optional<Person> FindById(std::int64_t id) = 0;
  // Inserts (person.id == 0) or updates. Returns the id.
  // REQUIRES: no other person has the same ref.
  virtual std::int64_t Save(const Person& person) = 0;
  // Everyone enrolled now, by id.
  virtual std::vector<Person> ListActive() = 0;
  // Everyone who ever enrolled (also those who left or were erased), by id.
  virtual std::vector<Person> ListAll() = 0;
  // People on `platform` whose platform profile was never looked up, at most `limit`.
  virtual std::vector<Person> ListNeverSynced(Platform platform, int limit) = 0;
  virtual void MarkSynced(std::int64_t id, TimePoint at) = 0;
  // forget-me: replaces the identity and every profile field with neutral
  // values ("erased-<id>", "former participant"), keeping role and dates for
  // the program's aggregate figures.
  virtual void Erase(std::int64_t id) = 0;
};

class PairRepository {
 public:
  virtual ~PairRepository() = default;
  virtual std::optional<Pair> Find(std::int64_t id) = 0;
  // The person's pair that has not ended (active or paused), if any; the
  // newest when a mentor has several.
  virtual std::optional<Pair> OpenPairOf(std::int64_t person_id) = 0;
  // Every pair of the person that has not ended, oldest first.
  virtual std::vector<Pair> OpenPairsOf(std::int64_t person_id) = 0;
  // (mentor id, mentee id) of every pair there ever was, ended or not.
  virtual std::vector<std::pair<std::int64_t, std::int64_t>> ListEverPaired() = 0;
  virtual std::vector<Pair> ListOpen() = 0;
  virtual std::vector<Pair> ListAll() = 0;  // every pair, ended too, by id
  // Inserts (pair.id == 0) or updates. Returns the id.
  virtual std::int64_t Save(const Pair& pair) = 0;

  // Off-limits topics, compared case-insensitively. Add returns false when
  // the topic is already there; Remove returns false when it was not.
  virtual bool AddOffLimits(std::int64_t pair_id, const std::string& topic, std::int64_t added_by, TimePoint at) = 0;
  virtual bool RemoveOffLimits(std::int64_t pair_id, const std::string& topic) = 0;
  virtual std::vector<std::string> ListOffLimits(std::int64_t pair_id) = 0;  // in the order added
  virtual int EraseOffLimitsAddedBy(std::int64_t person_id) = 0;             // forget-me; returns how many

  // Ground rules: each member acknowledges once per pair.
  virtual void AcceptRules(std::int64_t pair_id, std::int64_t person_id, TimePoint at) = 0;
  virtual bool HasAcceptedRules(std::int64_t pair_id, std::int64_t person_id) = 0;
};

class RosterRepository {
 public:
  virtual ~RosterRepository() = default;
  // Inserts or replaces the entry with entry.key.
  virtual void Save(const RosterEntry& entry) = 0;
  virtual std::optional<RosterEntry> Find(const std::string& key) = 0;
  // (key, manager key) of every entry that names a manager.
  virtual std::vector<std::pair<std::string, std::string>> ListManagers() = 0;
  virtual int Count() = 0;
  virtual bool Erase(const std::string& key) = 0;  // forget-me; false if absent
  // (email, user key) of everyone known by both, in the roster or enrolled
  // (people.email), by key: one person under several keys is joined by
  // email, and a manager first named by email ("email:…") is linked once a
  // later import gives their id.
  virtual std::vector<std::pair<std::string, std::string>> ListEmailKeys() = 0;
  // The user keys (never "email:…") with this email, as ListEmailKeys, by key.
  virtual std::vector<std::string> KeysByEmail(const std::string& email) = 0;
  // Every entry a directory sync wrote from `source`, by key.
  virtual std::vector<RosterEntry> ListFromSource(const std::string& source) = 0;

  // Explicit "do not pair" between two keys, in either order.
  virtual bool AddDoNotPair(const std::string& a, const std::string& b, const std::string& added_by, TimePoint at) = 0;
  virtual bool RemoveDoNotPair(const std::string& a, const std::string& b) = 0;
  // Each pair once, the smaller key first.
  virtual std::vector<std::pair<std::string, std::string>> ListDoNotPair() = 0;
  virtual int EraseDoNotPairOf(const std::string& key) = 0;  // forget-me

  // The last roster file an admin uploaded that was not imported (one per
  // admin, replaced by the next); Take removes it.
  virtual void KeepUpload(const std::string& admin_key, const RosterUpload& upload) = 0;
  virtual std::optional<RosterUpload> TakeUpload(const std::string& admin_key) = 0;
};

// The pulse survey: each participant answers a few 1–5 questions at kickoff
// ("pre") and once their pair reached the target ("post").
struct PulseAnswer {
  std::int64_t person_id = 0;
  std::int64_t pair_id = 0;
  std::string phase;  // "pre" or "post"
  int question = 0;   // 1-based
  int rating = 0;     // 1..5
  TimePoint at{};
};

class SurveyRepository {
 public:
  virtual ~SurveyRepository() = default;
  // One answer per person, pair, phase and question: answering again replaces it.
  virtual void SaveAnswer(const PulseAnswer& answer) = 0;
  virtual std::vector<PulseAnswer> ListAnswers() = 0;
};

// Files the bot hands over (exports), kept until they are delivered or
// expire; only the person they were made for may receive them.
struct StoredFile {
  std::int64_t id = 0;
  std::string owner_key;  // UserRef::Key() of the person it was made for
  std::string name;
  std::string media_type;
  std::string content;
  TimePoint created_at{};
  TimePoint expires_at{};  // erased by then, delivered or not
};

class FileRepository {
 public:
  virtual ~FileRepository() = default;
  virtual std::int64_t Save(const StoredFile& file) = 0;  // returns the id
  virtual std::optional<StoredFile> Find(std::int64_t id) = 0;
  virtual bool Erase(std::int64_t id) = 0;
  virtual int EraseExpired(TimePoint now) = 0;  // those with expires_at <= now; returns how many
  virtual int EraseOwnedBy(const std::string& owner_key) = 0;  // forget-me; returns how many
};

// The calendar event of one session, as last sent to the people's calendars:
// its iCalendar SEQUENCE (raised with every change) and a fingerprint of
// what it said, so an unchanged session is never sent again. A session
// booked through a calendar service also carries the calendar worker's
// state: the version the service has, and when the next try is due.
struct SessionCalendarEntry {
  std::int64_t session_id = 0;
  int sequence = 0;
  std::string fingerprint;
  bool cancelled = false;
  TimePoint updated_at{};
  std::string provider;        // "graph", "google"; empty: sent as iCalendar files
  std::string mailbox;         // the organizer's calendar (the mentee's email)
  std::string event_id;        // the service's id, once it made the event
  std::string join_url;        // the online meeting's link, once known
  int synced_sequence = -1;    // the version the service has; below `sequence`: work is due
  int attempts = 0;            // failed tries of the version due
  TimePoint next_attempt_at{};
  bool gave_up = false;        // the version due could not be booked, and the people were told
  std::string last_error;      // never a secret

  bool due() const { return !provider.empty() && synced_sequence < sequence && !gave_up; }
};

// A mentee asked for times (`schedule` without one) where a calendar
// service can say when both are busy: answered by the calendar worker with
// a direct message, never inside the command.
struct TimeRequest {
  std::int64_t pair_id = 0;
  std::string verb;            // "schedule" or "reschedule": what picking a time runs
  int minutes = 0;             // the session's length
  std::string provider;        // the service that reads the calendars
  TimePoint requested_at{};
  int attempts = 0;            // failed reads so far
  TimePoint next_attempt_at{};
};

class CalendarRepository {
 public:
  virtual ~CalendarRepository() = default;
  virtual std::optional<SessionCalendarEntry> Find(std::int64_t session_id) = 0;
  virtual void Save(const SessionCalendarEntry& entry) = 0;  // inserts or replaces
  // Entries whose work is due at `now`, earliest first; and when the next
  // one falls due (nullopt: none waiting).
  virtual std::vector<SessionCalendarEntry> ListDue(TimePoint now, int limit) = 0;
  virtual std::optional<TimePoint> NextDueAt() = 0;
  // Sessions whose latest version is not in the calendars (given up on).
  virtual int CountGaveUp() = 0;
  // forget-me: the organizer's mailbox is emptied wherever no calendar work
  // still needs it (a cancel waiting to be sent keeps it until it is done).
  // Returns how many entries were changed.
  virtual int ForgetMailbox(const std::string& mailbox) = 0;

  // The calendar worker's other queue: pairs waiting for suggested times
  // read from their calendars. One request a pair; saving again replaces it.
  virtual void SaveTimeRequest(const TimeRequest& request) = 0;
  virtual std::optional<TimeRequest> FindTimeRequest(std::int64_t pair_id) = 0;
  virtual std::vector<TimeRequest> ListDueTimeRequests(TimePoint now, int limit) = 0;
  virtual std::optional<TimePoint> NextTimeRequestAt() = 0;
  virtual void EraseTimeRequest(std::int64_t pair_id) = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual std::optional<Session> Find(std::int64_t id) = 0;
  // The pair's proposed or confirmed session (there is at most one).
  virtual std::optional<Session> OpenSessionOf(std::int64_t pair_id) = 0;
  // The pair's most recent held session (by starts_at).
  virtual std::optional<Session> LastHeld(std::int64_t pair_id) = 0;
  // All of the pair's sessions, oldest first.
  virtual std::vector<Session> ListForPair(std::int64_t pair_id) = 0;
  // Every session of the program, by pair then start; every rating.
  virtual std::vector<Session> ListAll() = 0;
  virtual std::vector<Feedback> ListFeedback() = 0;
  virtual int CountHeld(std::int64_t pair_id) = 0;
  // Program-wide: sessions held, and takeaways written, in [from, to).
  virtual int CountHeldBetween(TimePoint from, TimePoint to) = 0;
  virtual int CountTakeawaysBetween(TimePoint from, TimePoint to) = 0;
  // Inserts (session.id == 0) or updates. Returns the id.
  virtual std::int64_t Save(const Session& session) = 0;

  // One rating per person and session: saving again replaces it.
  virtual void SaveFeedback(const Feedback& feedback) = 0;
  virtual std::optional<Feedback> FindFeedback(std::int64_t session_id, std::int64_t person_id) = 0;

  // forget-me: empties agendas and takeaways of every session of pairs in
  // which the person was the mentee (they wrote them), and the comments of
  // their feedback. Returns how many sessions / comments were changed.
  virtual int EraseMenteeTexts(std::int64_t mentee_person_id) = 0;
  virtual int EraseFeedbackComments(std::int64_t person_id) = 0;
};

class ProgramRepository {
 public:
  virtual ~ProgramRepository() = default;
  // Program settings changed by admins at run time (defaults live in the engine).
  virtual std::optional<std::string> GetSetting(const std::string& key) = 0;
  virtual void SetSetting(const std::string& key, const std::string& value) = 0;
  virtual std::map<std::string, std::string> AllSettings() = 0;

  // Admins added with `admin admins add` (the config's admins are not stored).
  virtual bool IsAdmin(const UserRef& user) = 0;
  virtual bool AddAdmin(const UserRef& user, const std::string& added_by, TimePoint at) = 0;  // false if already
  virtual bool RemoveAdmin(const UserRef& user) = 0;                                          // false if was not
  virtual std::vector<UserRef> ListAdmins() = 0;

  virtual std::int64_t Audit(const AuditEntry& entry) = 0;  // returns the entry's id
  virtual std::vector<AuditEntry> RecentAudit(int limit) = 0;  // newest first
  virtual int EraseAuditActor(const std::string& actor) = 0;  // forget-me: actor becomes "erased"
};

// Which queued messages a worker takes: those on its platforms, and only to
// one person when `recipient` is set (the console delivers to its own user).
struct DeliveryFilter {
  std::vector<Platform> platforms;
  std::optional<UserRef> recipient;
};

struct OutboxCounts {
  int pending = 0;
  int delivered = 0;
  int failed = 0;
};

class OutboxRepository {
 public:
  virtual ~OutboxRepository() = default;
  // Queues a message unless one with the same key was ever queued. Returns
  // whether it was queued now. It becomes due at `not_before`.
  virtual bool Enqueue(const std::string& key, const Address& to, const Message& message, TimePoint not_before,
                       TimePoint now) = 0;
  // Pending messages due at `now` and not leased by another worker, oldest
  // first, at most `limit`. Each is leased until now + lease (so a second
  // process does not take it) and its attempt count incremented.
  virtual std::vector<OutboundMessage> ClaimDue(TimePoint now, int limit, std::chrono::seconds lease,
                                                const DeliveryFilter& filter) = 0;
  virtual void MarkDelivered(std::int64_t id, TimePoint at) = 0;
  // Back to pending, due again at `next_attempt`, with the error recorded.
  virtual void MarkRetry(std::int64_t id, TimePoint next_attempt, const std::string& error) = 0;
  virtual void MarkFailed(std::int64_t id, TimePoint at, const std::string& error) = 0;
  // When the earliest pending message the filter selects becomes due (or its lease ends).
  virtual std::optional<TimePoint> NextDue(const DeliveryFilter& filter) = 0;
  // Whether a message with this key was ever queued.
  virtual bool Contains(const std::string& key) = 0;
  // forget-me: deletes pending messages to this user. Returns how many.
  virtual int DropPendingFor(const UserRef& user) = 0;
  // Pending messages to people of this workspace that have no conversation of
  // their own (they wait for the bot to learn where to reach the person) and
  // were put off after a failed attempt become due at `now`: called when a
  // new way to reach that workspace's people was stored. Returns how many.
  virtual int RetryAwaitingConversationNow(Platform platform, const std::string& workspace, TimePoint now) = 0;
  virtual OutboxCounts Counts() = 0;
};

// Where the bot can reach a person on their platform without them speaking
// first (Teams: the 1:1 conversation and the tenant's service url). Written
// by the platform adapters from inbound activities; the engine only erases.
struct ConversationReference {
  UserRef user;
  std::string platform_user_id;  // the platform's own id for the person (Teams "29:..."), if known
  std::string conversation_id;   // the 1:1 conversation, empty if none yet
  std::string service_url;
  std::string bot_id;            // the bot's id as that person's platform knows it (Teams "28:...")
  TimePoint updated_at{};
  std::string time_zone;  // IANA zone the person's client reported (Teams clientInfo), if any
};

class ConversationRepository {
 public:
  virtual ~ConversationRepository() = default;
  // Inserts or updates; an empty field of `reference` keeps the stored value.
  virtual void Save(const ConversationReference& reference) = 0;
  virtual std::optional<ConversationReference> Find(const UserRef& user) = 0;
  // The service url most recently seen in this workspace (tenant), for
  // people who never spoke to the bot themselves.
  virtual std::optional<std::string> LatestServiceUrl(Platform platform, const std::string& workspace) = 0;
  virtual bool Erase(const UserRef& user) = 0;  // forget-me

  // Inbound deliveries already handled. MarkSeen returns false when the id
  // was seen before (a platform's retry); Prune forgets ids older than `before`.
  virtual bool MarkSeen(const std::string& event_id, TimePoint at) = 0;
  virtual int PruneSeen(TimePoint before) = 0;
};

}  // namespace mentorbot
