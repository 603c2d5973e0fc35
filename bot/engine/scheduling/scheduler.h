// bot/engine/scheduling/ — the bot's own initiative: the planner of every
// message a pair is owed, the tick that queues the due ones (and the weekly
// digest, and erasing handed-over files past their expiry), the delivery
// window (quiet hours, work days) and the loop that runs the tick on its
// thread.
// May use: delivery, program.
//
// Scheduler: the bot's own initiative. Tick(now) derives, from stored state,
// every message the program owes (see job_planner.h), and queues those due
// by `now` in the outbox, each held until the recipient's next allowed
// moment (quiet hours, work days, their zone). Messages that no longer make
// sense (a reminder for a session that has started) are dropped, never sent
// late. Keys make a tick idempotent: repeating it, two processes ticking one
// database, or a crash half-way never queue a message twice, and the next
// tick queues whatever a crash skipped.
//
// Thread-safety: Tick may be called from any thread; it plans on a read
// snapshot and writes only the due messages. Not copyable.
#pragma once

#include <optional>
#include <vector>

#include "bot/core/clock.h"
#include "bot/core/status_or.h"
#include "bot/core/store.h"
#include "bot/engine/scheduling/job_planner.h"
#include "bot/engine/program_settings.h"

namespace mentorbot {

struct TickReport {
  struct Item {
    std::string key;
    UserRef to;
    std::string conversation;  // empty = the person's DMs
    Message message;
    TimePoint send_at{};  // when it is (or would be) delivered
  };
  int queued_count = 0;                // newly queued (dry run: would be)
  std::vector<Item> queued;            // the same, when asked to keep them
  int expired = 0;                     // due but no longer worth sending
  std::optional<TimePoint> next_due;   // the earliest planned message after now
  int files_erased = 0;                // stored files past their expiry, erased
};

class Scheduler {
 public:
  // REQUIRES: store outlives the scheduler.
  Scheduler(Store& store, ProgramSettings settings) : store_(store), settings_(std::move(settings)) {}
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // With dry_run nothing is written; the report says what would be queued.
  // keep_items = false only counts (the server's loop; large programs).
  StatusOr<TickReport> Tick(TimePoint now, bool dry_run = false, bool keep_items = true);

 private:
  Store& store_;
  const ProgramSettings settings_;
};

}  // namespace mentorbot
