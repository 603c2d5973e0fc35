// FakeClock: a Clock that only moves when a test says so. Thread-safe.
#pragma once

#include <atomic>

#include "bot/core/clock.h"

namespace mentorbot {

class FakeClock : public Clock {
 public:
  explicit FakeClock(TimePoint start) : seconds_(start.time_since_epoch().count()) {}
  TimePoint Now() const override { return TimePoint(std::chrono::seconds(seconds_.load())); }
  void Set(TimePoint time) { seconds_ = time.time_since_epoch().count(); }
  void Advance(std::chrono::seconds by) { seconds_ += by.count(); }

 private:
  std::atomic<long long> seconds_;
};

// 2026-11-23 09:00:00 UTC, a Monday: the default "now" of tests.
inline TimePoint TestEpoch() { return TimePoint(std::chrono::seconds(1795424400)); }

}  // namespace mentorbot
