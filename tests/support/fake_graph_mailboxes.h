// FakeGraphMailboxes: the calendar state behind FakeGraphServer, kept as
// Microsoft Graph keeps it — events per mailbox (with the Teams meeting
// Exchange writes into the body), creates deduplicated by transactionId,
// PATCH merging the given properties, cancel by the organizer, and
// getSchedule computed from busy blocks a test sets (each with a subject and
// location, as Graph reports them to a reader with full rights). Each
// method takes a request as Graph receives it and returns Graph's answer.
// Not thread-safe: the server calls it under its own lock.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bot/core/clock.h"

namespace mentorbot {

struct FakeGraphAnswer {
  int status = 200;
  nlohmann::json body;  // null: no content
};

class FakeGraphMailboxes {
 public:
  struct Event {
    std::string id;
    std::string mailbox;  // the organizer's, lower case
    std::string subject;
    std::string body_html;
    TimePoint start{};
    TimePoint end{};
    std::vector<std::string> attendees;  // addresses, as sent
    std::string transaction_id;
    bool allow_new_time_proposals = true;
    bool cancelled = false;
    std::string cancel_comment;
    bool deleted = false;  // the organizer deleted it in Outlook
    std::string join_url;  // empty: no online meeting
  };
  struct BusyBlock {
    TimePoint start;
    TimePoint end;
    std::string status = "busy";  // free, tentative, busy, oof, workingElsewhere, unknown
    std::string subject = "Board meeting";
    std::string location = "Room 1";
  };

  explicit FakeGraphMailboxes(std::string tenant_id) : tenant_id_(std::move(tenant_id)) {}

  FakeGraphAnswer Create(const std::string& mailbox, const nlohmann::json& request);
  FakeGraphAnswer Get(const std::string& mailbox, const std::string& id, const std::string& select) const;
  FakeGraphAnswer Patch(const std::string& mailbox, const std::string& id, const nlohmann::json& request);
  FakeGraphAnswer Cancel(const std::string& mailbox, const std::string& id, const nlohmann::json& request);
  FakeGraphAnswer Schedule(const nlohmann::json& request) const;

  void SetBusy(const std::string& email, std::vector<BusyBlock> blocks) { busy_[Lower(email)] = std::move(blocks); }
  // getSchedule answers this person with an error member (no such mailbox).
  void SetUnreadable(const std::string& email) { unreadable_.insert(Lower(email)); }
  // The organizer deletes the event in Outlook; false when there is none.
  bool Delete(const std::string& mailbox, const std::string& id);
  // Every event of the mailbox, deleted ones too, in creation order.
  std::vector<Event> Events(const std::string& mailbox) const;

  static std::string Lower(std::string text);

 private:
  Event* Find(const std::string& mailbox, const std::string& id);
  const Event* Find(const std::string& mailbox, const std::string& id) const;
  // Checks and applies subject, body, start, end, attendees and the online
  // meeting flag; a 400 answer when the request is not what Graph accepts.
  std::optional<FakeGraphAnswer> Apply(const nlohmann::json& request, Event& event, bool creating);
  void StartMeeting(Event& event);
  nlohmann::json ToJson(const Event& event) const;

  std::string tenant_id_;
  std::vector<Event> events_;
  std::map<std::string, std::vector<BusyBlock>> busy_;  // by lower-case email
  std::set<std::string> unreadable_;
  int next_id_ = 1;
};

}  // namespace mentorbot
