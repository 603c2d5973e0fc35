// SchedulerLoop: runs the scheduler on its own thread — a tick, then sleep
// until the next planned message is due, a state change wakes it, or
// `max_sleep` passes (changes made by other processes). Never a busy poll.
// Thread-safety: Run on one thread; Wake and Stop from any thread.
#pragma once

#include <functional>

#include "bot/core/clock.h"
#include "bot/engine/scheduler.h"
#include "bot/engine/wake_signal.h"

namespace mentorbot {

class SchedulerLoop {
 public:
  // `on_queued` runs after a tick queued messages (wakes the outbox worker).
  // REQUIRES: scheduler and clock outlive the loop.
  SchedulerLoop(Scheduler& scheduler, const Clock& clock, std::chrono::seconds max_sleep, std::function<void()> on_queued)
      : scheduler_(scheduler), clock_(clock), max_sleep_(max_sleep), on_queued_(std::move(on_queued)) {}

  void Run();
  void Wake() { signal_.Wake(); }
  void Stop() { signal_.Stop(); }

 private:
  Scheduler& scheduler_;
  const Clock& clock_;
  std::chrono::seconds max_sleep_;
  std::function<void()> on_queued_;
  WakeSignal signal_;
};

}  // namespace mentorbot
