// FakeGoogleEvents: the events of each mailbox's primary calendar as Google
// Calendar keeps them, for FakeGoogleCalendar: client-chosen ids must be
// base32hex (0-9, a-v) of 5..1024 characters and unique per calendar, a
// deleted event stays (status "cancelled") and keeps its id, so inserting
// that id again is a 409 and deleting it again a 410; patch merges the
// fields given (arrays replaced). conferenceData is honoured only with
// conferenceDataVersion=1: a hangoutsMeet createRequest makes a Meet
// conference (hangoutLink and a "video" entry point), and a createRequest
// repeating the requestId of the event's conference is ignored.
// Thread-safety: none; FakeGoogleCalendar calls it under its lock.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace mentorbot {

// Google's error body: {"error":{"errors":[{domain,reason,message}],code,message}}.
nlohmann::json GoogleErrorBody(int code, const std::string& reason, const std::string& message);

class FakeGoogleEvents {
 public:
  struct Answer {
    int status = 200;
    nlohmann::json body;  // the event, or Google's error body; null for 204
  };

  Answer Insert(const std::string& mailbox, nlohmann::json resource, bool conference_data);
  Answer Patch(const std::string& mailbox, const std::string& id, nlohmann::json fields, bool conference_data);
  Answer Delete(const std::string& mailbox, const std::string& id);

  // Every event of the mailbox's calendar, cancelled ones too, in id order.
  std::vector<nlohmann::json> Events(const std::string& mailbox) const;
  int conferences_made() const { return conferences_made_; }

 private:
  // Applies a requested conferenceData to `event`: status 200 when made or
  // ignored, else the error to answer.
  Answer ApplyConference(nlohmann::json& event, const nlohmann::json& requested);

  std::map<std::string, std::map<std::string, nlohmann::json>> calendars_;  // mailbox -> id -> event
  int generated_ids_ = 0;
  int conferences_made_ = 0;
};

// Whether `id` is an event id Google accepts from a client.
bool IsGoogleEventId(const std::string& id);

}  // namespace mentorbot
