// Clock: the only source of "now" for the engine and the scheduler, so tests
// and demos can fast-forward weeks in milliseconds (FakeClock in tests/support).
// Implementations must be safe to call from any thread.
#pragma once

#include <chrono>

namespace mentorbot {

// Whole seconds are the resolution of everything the program schedules or stores.
using TimePoint = std::chrono::sys_seconds;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

}  // namespace mentorbot
