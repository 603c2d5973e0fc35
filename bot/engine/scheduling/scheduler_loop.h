// SchedulerLoop: runs the scheduler on its own thread — a tick, then sleep
// until the next planned message is due, a state change wakes it, or
// `max_sleep` passes (changes made by other processes). Never a busy poll.
// Thread-safety: Run on one thread; Wake, Stop and lag from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>

#include "bot/core/clock.h"
#include "bot/engine/scheduling/scheduler.h"
#include "bot/engine/wake_signal.h"

namespace mentorbot {

class SchedulerLoop {
 public:
  // A monotonic reading for lag(): how late this thread woke from its sleep
  // (the sleep is real time) is measured on it, never the program's time.
  using MonotonicNow = std::function<std::chrono::steady_clock::time_point()>;

  // `on_queued` runs after a tick queued messages (wakes the outbox worker).
  // REQUIRES: scheduler and clock outlive the loop.
  SchedulerLoop(Scheduler& scheduler, const Clock& clock, MonotonicNow monotonic_now, std::chrono::seconds max_sleep,
                std::function<void()> on_queued)
      : scheduler_(scheduler), clock_(clock), monotonic_now_(std::move(monotonic_now)), max_sleep_(max_sleep),
        on_queued_(std::move(on_queued)) {}

  void Run();
  void Wake() { signal_.Wake(); }
  void Stop() { signal_.Stop(); }

  // How late the last tick started versus when the loop planned it (the end
  // of its sleep), on the monotonic reading: a slow tick or a starved thread shows
  // here. Zero before the second tick and for a tick a change woke early.
  std::chrono::microseconds lag() const { return std::chrono::microseconds(lag_micros_.load()); }

 private:
  Scheduler& scheduler_;
  const Clock& clock_;
  MonotonicNow monotonic_now_;
  std::chrono::seconds max_sleep_;
  std::function<void()> on_queued_;
  WakeSignal signal_;
  std::atomic<std::int64_t> lag_micros_{0};
};

}  // namespace mentorbot
