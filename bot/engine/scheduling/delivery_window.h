// When a message may reach a person: not during the program's quiet hours
// and only on its work days, both in the recipient's own time zone. A
// message due outside that window is held until the next allowed moment.
// Pure function over the tz database; DST transitions are handled by
// working in local time and converting back.
#pragma once

#include <string>

#include "bot/core/clock.h"
#include "bot/engine/program_rules.h"

namespace mentorbot {

// The earliest moment at or after `due` that is on a work day and outside
// quiet hours in `zone`. Quiet hours may wrap midnight (20:00–08:00); equal
// start and end mean none.
// REQUIRES: zone is a canonical IANA name; at least one work day.
TimePoint NextAllowedMoment(TimePoint due, const std::string& zone, const ProgramRules& rules);

}  // namespace mentorbot
