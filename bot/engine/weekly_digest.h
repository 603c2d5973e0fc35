// The weekly digest to the admins: Monday 09:00 in the program's zone, how
// the program went the week before — pairs on track, sessions held,
// takeaways written, pairs stalled. Figures only, never a pair's notes.
#pragma once

#include <optional>
#include <vector>

#include "bot/core/store.h"
#include "bot/engine/job_planner.h"

namespace mentorbot {

// The digest due most recently at or before `now` (one key per ISO week), or
// nullopt when there are no admins to send it to. Expires before the next.
std::vector<PlannedMessage> PlanWeeklyDigest(StoreTransaction& store, const std::vector<PairSnapshot>& pairs,
                                             const ProgramRules& rules, const ProgramSettings& settings, TimePoint now);

}  // namespace mentorbot
