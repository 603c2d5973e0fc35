// SystemClock: the real wall clock, for the running bot. The only place in
// the program that reads it; everything else is handed a Clock.
#pragma once

#include "bot/core/clock.h"

namespace mentorbot {

class SystemClock : public Clock {
 public:
  TimePoint Now() const override {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

}  // namespace mentorbot
