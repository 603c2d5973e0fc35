// The weekly digest to the admins: Monday 09:00 in the program's zone, how
// the program went the week before — pairs on track, sessions held,
// takeaways written, pairs stalled. Figures only, never a pair's notes.
// Counts pairs as the scheduler streams them, so no tick holds them all.
#pragma once

#include <vector>

#include "bot/core/store.h"
#include "bot/engine/scheduling/job_planner.h"

namespace mentorbot {

class WeeklyDigest {
 public:
  WeeklyDigest(const ProgramRules& rules, const ProgramSettings& settings, TimePoint now);

  void Count(const PairSnapshot& pair);
  // The digest due most recently at or before now (one key per ISO week),
  // expiring before the next one; empty when there are no admins.
  std::vector<PlannedMessage> Plan(StoreTransaction& store) const;

 private:
  const ProgramRules& rules_;
  const ProgramSettings& settings_;
  TimePoint due_;
  int pairs_ = 0, on_track_ = 0, stalled_ = 0;
};

}  // namespace mentorbot
