// WakeSignal: how a background loop sleeps — until a deadline, until someone
// wakes it (new work), or until it is told to stop. Shared by the outbox
// worker and the scheduler loop. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace mentorbot {

class WakeSignal {
 public:
  // Sleeps up to `timeout` (real time) unless woken or stopped; clears a
  // pending wake. Returns false once Stop was called.
  bool Wait(std::chrono::seconds timeout) {
    std::unique_lock lock(mutex_);
    if (timeout.count() > 0 && !woken_ && !stopping_) {
      changed_.wait_for(lock, timeout, [&] { return woken_ || stopping_; });
    }
    woken_ = false;
    return !stopping_;
  }
  void Wake() {
    {
      std::lock_guard lock(mutex_);
      woken_ = true;
    }
    changed_.notify_all();
  }
  void Stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
  }
  bool stopping() {
    std::lock_guard lock(mutex_);
    return stopping_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool woken_ = false;
  bool stopping_ = false;
};

}  // namespace mentorbot
