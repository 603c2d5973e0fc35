// CalendarService: a calendar system the bot books sessions in (Microsoft
// 365 through Graph, Google Calendar), acting in the organizer's mailbox
// (the mentee's email) with the program's own app credentials. Called only
// from the calendar worker's thread, one call at a time; implementations
// block on the network.
//
// Every call is safe to repeat: Put without an event id derives the new
// event's identity from event.uid (Graph transactionId, Google event id), so
// a create retried after a lost answer never makes a second event.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "bot/core/calendar_event.h"

namespace mentorbot {

struct CalendarCallStatus {
  enum class Outcome {
    kDone,       // the calendar did it (or it was already so)
    kRetry,      // transient (network, 5xx, 429, an expired token): try again later
    kPermanent,  // will never work as asked (403, unknown mailbox): stop trying
  };
  Outcome outcome = Outcome::kDone;
  std::chrono::seconds retry_after{0};  // kRetry: the service's Retry-After, 0 if none
  std::string error;                    // for the log and the stored row; never a secret

  bool done() const { return outcome == Outcome::kDone; }
  static CalendarCallStatus Done() { return {}; }
  static CalendarCallStatus Retry(std::string error, std::chrono::seconds after = std::chrono::seconds(0)) {
    return {Outcome::kRetry, after, std::move(error)};
  }
  static CalendarCallStatus Permanent(std::string error) {
    return {Outcome::kPermanent, std::chrono::seconds(0), std::move(error)};
  }
};

struct CalendarBooking {
  CalendarCallStatus status;
  std::string event_id;  // the service's id of the event (kDone)
  std::string join_url;  // the online meeting's link; empty if the service made none (yet)
};

struct CalendarAvailability {
  CalendarCallStatus status;
  std::map<std::string, std::vector<BusyInterval>> busy;  // by email as asked; only the times
};

class CalendarService {
 public:
  virtual ~CalendarService() = default;

  // Creates the event in `mailbox`'s calendar (event_id empty) or moves and
  // updates the one it made before, inviting every attendee with an email.
  // The online meeting made with the event is kept on every update.
  virtual CalendarBooking Put(const std::string& mailbox, const CalendarEvent& event, const std::string& event_id) = 0;

  // Cancels the event for everyone invited, with `comment` as the reason
  // attendees read. An event that is already gone counts as done.
  virtual CalendarCallStatus Cancel(const std::string& mailbox, const std::string& event_id,
                                    const std::string& comment) = 0;

  // When each of `emails` is busy in [from, until), read with `mailbox`'s
  // rights. A person whose calendar cannot be read is missing from `busy`.
  virtual CalendarAvailability FreeBusy(const std::string& mailbox, const std::vector<std::string>& emails,
                                        TimePoint from, TimePoint until) = 0;
};

}  // namespace mentorbot
