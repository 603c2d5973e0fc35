// The calendar date and time of day an instant reads as in UTC: the fields
// the hand-written time formats (local times in messages, RFC 3339 in Teams
// cards) print digit by digit. For a local time, add the zone's offset first.
#pragma once

#include "bot/core/clock.h"

namespace mentorbot {

struct CivilTime {
  int year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
  int hour;
  int minute;
  int second;

  friend bool operator==(const CivilTime&, const CivilTime&) = default;
};

CivilTime ToCivilTime(TimePoint time);

}  // namespace mentorbot
