// Times a pair could meet: session-long slots in a window where both people
// are inside their working hours, on a work day and outside quiet hours,
// each in their own time zone, and free (not inside a busy interval their
// calendar reported, when one can be read). At most one slot per local day
// of the first person (the mentee), so the choice spreads over days; on
// 30-minute marks. DST is handled by converting every candidate instant to
// each person's local time. Pure.
#pragma once

#include <string>
#include <vector>

#include "bot/core/calendar_event.h"
#include "bot/core/clock.h"
#include "bot/engine/program_rules.h"

namespace mentorbot {

struct SlotPerson {
  std::string zone;                // canonical IANA name
  std::vector<BusyInterval> busy;  // any order; empty when the calendar cannot be read
};

struct FreeSlot {
  TimePoint start;
  std::string label;  // "Tue 24 Nov 15:00 CET", in the first person's zone
  std::string typed;  // "2026-11-24 15:00": what `schedule` reads in that zone
};

// Up to `count` slots of `minutes` starting in [from, until), earliest first.
// REQUIRES: people non-empty.
std::vector<FreeSlot> FindFreeSlots(const std::vector<SlotPerson>& people, TimePoint from, TimePoint until, int minutes,
                                    const ProgramRules& rules, std::size_t count = 3);

}  // namespace mentorbot
