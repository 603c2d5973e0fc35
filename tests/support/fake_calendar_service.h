// FakeCalendarService: an in-memory CalendarService for engine tests — the
// events each mailbox holds, every call made, and failures scripted ahead
// (the next calls answer Retry or Permanent). Not thread-safe: the worker
// calls it from the test's thread.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "bot/core/calendar_service.h"

namespace mentorbot {

class FakeCalendarService : public CalendarService {
 public:
  struct Held {
    CalendarEvent event;
    std::string mailbox;
    bool cancelled = false;
  };
  struct Call {
    std::string kind;  // "put", "cancel", "freebusy"
    std::string mailbox;
    std::string event_id;  // as asked (empty: create)
  };

  // The next calls fail with these outcomes, in order.
  void FailNext(CalendarCallStatus status, int times = 1) {
    for (int i = 0; i < times; ++i) failures_.push_back(status);
  }

  CalendarBooking Put(const std::string& mailbox, const CalendarEvent& event, const std::string& event_id) override {
    calls_.push_back({"put", mailbox, event_id});
    if (auto failure = NextFailure()) return {*failure, "", ""};
    const std::string id = event_id.empty() ? "event-" + std::to_string(events_.size() + 1) : event_id;
    events_[id] = Held{event, mailbox, false};
    return {CalendarCallStatus::Done(), id, "https://meet.example/" + id};
  }

  CalendarCallStatus Cancel(const std::string& mailbox, const std::string& event_id, const std::string&) override {
    calls_.push_back({"cancel", mailbox, event_id});
    if (auto failure = NextFailure()) return *failure;
    if (auto found = events_.find(event_id); found != events_.end()) found->second.cancelled = true;
    return CalendarCallStatus::Done();
  }

  CalendarAvailability FreeBusy(const std::string& mailbox, const std::vector<std::string>& emails, TimePoint,
                                TimePoint) override {
    calls_.push_back({"freebusy", mailbox, ""});
    if (during_freebusy) during_freebusy();
    if (auto failure = NextFailure()) return {*failure, {}};
    CalendarAvailability availability;
    for (const auto& email : emails) {
      if (auto found = busy_.find(email); found != busy_.end()) availability.busy[email] = found->second;
    }
    return availability;
  }

  void SetBusy(const std::string& email, std::vector<BusyInterval> busy) { busy_[email] = std::move(busy); }
  // Runs inside every FreeBusy call: what people do while the service answers.
  std::function<void()> during_freebusy;
  const std::map<std::string, Held>& events() const { return events_; }
  const std::vector<Call>& calls() const { return calls_; }

 private:
  std::optional<CalendarCallStatus> NextFailure() {
    if (failures_.empty()) return std::nullopt;
    CalendarCallStatus failure = failures_.front();
    failures_.pop_front();
    return failure;
  }

  std::deque<CalendarCallStatus> failures_;
  std::map<std::string, Held> events_;
  std::map<std::string, std::vector<BusyInterval>> busy_;
  std::vector<Call> calls_;
};

}  // namespace mentorbot
