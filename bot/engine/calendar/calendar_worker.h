// CalendarWorker: books sessions in calendar services (Microsoft 365,
// Google) on its own thread, from the due work SyncSessionCalendar stores.
// Each round claims the due sessions (a lease in the database keeps other
// processes off them), brings each service event to the session's latest
// version — create, move, update or cancel — and records the outcome. A
// transient failure is tried again with the outbox's backoff (or the
// service's Retry-After); after the last attempt, or a refusal, both people
// are told the session stands but is not in their calendar and get the
// invitation as a file instead, and the session counts as not booked in the
// admin report and /metrics until a later version is.
//
// It also answers pairs waiting for suggested times (time_requests): it
// reads both people's busy times from the service and sends the mentee
// three common free times (see time_request_work.h).
//
// The engine never calls a service inside a command: a slow or failing
// calendar delays only this thread.
//
// Thread-safety: WorkDue runs on one thread at a time (the worker's, or a
// test's); Wake, Stop and Totals may be called from any thread. Not copyable.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <string>

#include "bot/core/calendar_service.h"
#include "bot/core/clock.h"
#include "bot/core/store.h"
#include "bot/engine/delivery/outbox_worker.h"
#include "bot/engine/program_settings.h"
#include "bot/engine/wake_signal.h"

namespace mentorbot {

class CalendarWorker {
 public:
  // REQUIRES: store, clock, settings and services outlive the worker. A
  // session whose service is not in `services` is left for a process that
  // has it.
  CalendarWorker(Store& store, const Clock& clock, const ProgramSettings& settings,
                 std::map<std::string, CalendarService*> services, OutboxOptions options = {});
  // Called after a round queued messages (the not-booked notices), so the
  // outbox worker delivers them at once. REQUIRES: set before Run.
  void SetOutboxListener(std::function<void()> listener) { outbox_listener_ = std::move(listener); }
  CalendarWorker(const CalendarWorker&) = delete;
  CalendarWorker& operator=(const CalendarWorker&) = delete;

  // Works every session and time request due now. Returns how many
  // service calls were made. Storage failures are logged, not thrown.
  int WorkDue();

  // The thread's loop: work, then sleep until the next try is due, Wake()
  // is called, or idle_recheck passes. Returns after Stop().
  void Run();
  void Wake() { signal_.Wake(); }
  void Stop() { signal_.Stop(); }

  struct Totals {
    std::uint64_t booked = 0;     // versions a service accepted
    std::uint64_t gave_up = 0;    // versions given up on (people told)
    std::uint64_t times_sent = 0; // suggested times sent, read from calendars or not
  };
  Totals totals() const { return {booked_.load(), gave_up_.load(), times_sent_.load()}; }

 private:
  template <typename Item>
  using ListDue = std::function<std::vector<Item>(StoreTransaction&, TimePoint)>;
  template <typename Item>
  using SaveItem = std::function<void(StoreTransaction&, const Item&)>;
  // Claims due items (each has provider and next_attempt_at) in batches and
  // works each, until none is due. Returns how many were worked.
  template <typename Item>
  int Drain(const char* what, const ListDue<Item>& list_due, const SaveItem<Item>& save,
            const std::function<void(const Item&)>& work);
  int WorkDueSessions();
  int AnswerDueTimeRequests();
  void Answer(const TimeRequest& request);
  CalendarCallStatus Work(const SessionCalendarEntry& entry, CalendarBooking& booking);
  void Finish(const SessionCalendarEntry& claimed, const CalendarBooking& booking);

  Store& store_;
  const Clock& clock_;
  const ProgramSettings& settings_;
  std::map<std::string, CalendarService*> services_;
  OutboxOptions options_;  // batch, lease, max_attempts, backoff, idle_recheck: as for messages
  std::function<void()> outbox_listener_;
  WakeSignal signal_;
  std::atomic<std::uint64_t> booked_{0};
  std::atomic<std::uint64_t> gave_up_{0};
  std::atomic<std::uint64_t> times_sent_{0};
};

}  // namespace mentorbot
