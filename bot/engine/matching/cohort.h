// The cohort the matcher sees, read from the store: every enrolled mentee
// without a pair, every enrolled mentor with a free place, the org chart
// (profiles and the imported roster), who met before and who may not be
// paired. Pure reading; one transaction.
#pragma once

#include <map>
#include <string>

#include "bot/core/store.h"
#include "bot/engine/matching/matcher.h"
#include "bot/engine/program_rules.h"

namespace mentorbot {

struct Cohort {
  MatchInput input;
  std::map<std::string, Person> people;  // the candidates, by user key
};

Cohort LoadCohort(StoreTransaction& store, const ProgramRules& rules, const std::string& default_time_zone,
                  TimePoint now);

}  // namespace mentorbot
